import * as assert from 'node:assert/strict';

import { bearerChallenge, parseChallenges } from '../../src/registry/wwwAuthenticate';

suite('WWW-Authenticate', () => {
  test('reads ghcr.io’s challenge', () => {
    assert.deepEqual(
      bearerChallenge(
        'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:wordpress/openverse-api:pull"',
      ),
      {
        realm: 'https://ghcr.io/token',
        service: 'ghcr.io',
        scope: 'repository:wordpress/openverse-api:pull',
      },
    );
  });

  test('reads the parameters in any order, with spaces around commas and equals signs', () => {
    assert.deepEqual(
      bearerChallenge('bearer  scope = "repository:a/b:pull" ,  service="reg" , realm="https://reg/token"'),
      { realm: 'https://reg/token', service: 'reg', scope: 'repository:a/b:pull' },
    );
  });

  test('keeps commas, equals signs and escaped quotes inside quoted values', () => {
    const challenge = bearerChallenge(
      'Bearer realm="https://reg/token?a=1,b=2",scope="repository:a/b:pull,push",error="say \\"hi\\""',
    );

    assert.equal(challenge?.realm, 'https://reg/token?a=1,b=2');
    assert.equal(challenge?.scope, 'repository:a/b:pull,push');
    assert.equal(challenge?.error, 'say "hi"');
  });

  test('reads bare (token) values and names the error of a refused token', () => {
    assert.deepEqual(bearerChallenge('Bearer realm=https://reg/token, error=insufficient_scope'), {
      realm: 'https://reg/token',
      error: 'insufficient_scope',
    });
  });

  test('finds the Bearer challenge among several', () => {
    const header = 'Basic realm="Registry, v2", Bearer realm="https://reg/token",service="reg"';

    assert.deepEqual(parseChallenges(header), [
      { scheme: 'basic', params: { realm: 'Registry, v2' } },
      { scheme: 'bearer', params: { realm: 'https://reg/token', service: 'reg' } },
    ]);
    assert.equal(bearerChallenge(header)?.realm, 'https://reg/token');
  });

  test('gives nothing without a Bearer challenge that names a realm', () => {
    assert.equal(bearerChallenge('Basic realm="x"'), undefined);
    assert.equal(bearerChallenge('Bearer service="reg"'), undefined);
    assert.equal(bearerChallenge(''), undefined);
    assert.equal(bearerChallenge(null), undefined);
  });

  test('survives an unterminated quote', () => {
    assert.equal(bearerChallenge('Bearer realm="https://reg/token')?.realm, 'https://reg/token');
  });
});
