import * as assert from 'node:assert/strict';

import { nextLink } from '../../src/registry/linkHeader';

suite('Link header', () => {
  test('finds a relative next link with its query as written', () => {
    assert.equal(
      nextLink('</v2/acme/api/tags/list?last=v2.4.1&n=100>; rel="next"'),
      '/v2/acme/api/tags/list?last=v2.4.1&n=100',
    );
  });

  test('finds the next link among several, whatever their order', () => {
    const header =
      '<https://api.github.com/x?page=5>; rel="last", <https://api.github.com/x?page=2&per_page=100>; rel="next"';

    assert.equal(nextLink(header), 'https://api.github.com/x?page=2&per_page=100');
  });

  test('reads rel bare, in capitals, or among several relations', () => {
    assert.equal(nextLink('</a?n=1>; rel=next'), '/a?n=1');
    assert.equal(nextLink('</a?n=1>; rel="NEXT"'), '/a?n=1');
    assert.equal(nextLink('</a?n=1>; title="one, two"; rel="prefetch next"'), '/a?n=1');
  });

  test('does not mistake another relation for next', () => {
    assert.equal(nextLink('</a>; rel="prev", </b>; rel="nextish"'), undefined);
    assert.equal(nextLink(''), undefined);
    assert.equal(nextLink(null), undefined);
  });
});
