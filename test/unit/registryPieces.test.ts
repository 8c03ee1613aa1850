import * as assert from 'node:assert/strict';

import { mapWithConcurrency } from '../../src/registry/boundedConcurrency';
import { allowedRealm, registryOrigin } from '../../src/registry/registryAddress';
import { selectTagsToResolve } from '../../src/registry/tagSelection';
import { sha } from './builders/domainBuilders';
import { aCommitRef } from './builders/imageBuilders';

suite('registry address', () => {
  test('speaks https to a registry, plain http only to a loopback one', () => {
    assert.equal(registryOrigin('ghcr.io'), 'https://ghcr.io');
    assert.equal(registryOrigin('containers.ghe.example'), 'https://containers.ghe.example');
    assert.equal(registryOrigin('127.0.0.1:5000'), 'http://127.0.0.1:5000');
    assert.equal(registryOrigin('localhost:5000'), 'http://localhost:5000');
    assert.equal(registryOrigin('[::1]:5000'), 'http://[::1]:5000');
  });

  test('refuses a registry host that is not a bare host', () => {
    assert.equal(registryOrigin('ghcr.io/evil'), undefined);
    assert.equal(registryOrigin('user@ghcr.io'), undefined);
    assert.equal(registryOrigin(''), undefined);
  });

  test('follows a realm on the registry’s own origin only', () => {
    assert.equal(allowedRealm('https://ghcr.io/token', 'https://ghcr.io')?.href, 'https://ghcr.io/token');
    assert.equal(allowedRealm('https://evil.example/token', 'https://ghcr.io'), undefined);
    assert.equal(allowedRealm('https://ghcr.io.evil.example/token', 'https://ghcr.io'), undefined);
    assert.equal(allowedRealm('http://ghcr.io/token', 'https://ghcr.io'), undefined);
    assert.equal(allowedRealm('https://user:pw@ghcr.io/token', 'https://ghcr.io'), undefined);
    assert.equal(allowedRealm('/token', 'https://ghcr.io'), undefined);
    assert.equal(allowedRealm('http://127.0.0.1:5001/token', 'http://127.0.0.1:5000'), undefined);
  });
});

suite('bounded concurrency', () => {
  test('keeps at most the limit in flight and returns results in order', async () => {
    let inFlight = 0;
    let most = 0;

    const results = await mapWithConcurrency([5, 1, 4, 2, 3, 1, 2], 3, async (delay) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, delay));
      inFlight--;
      return delay * 10;
    });

    assert.deepEqual(results, [50, 10, 40, 20, 30, 10, 20]);
    assert.equal(most, 3);
  });

  test('starts nothing new after a failure', async () => {
    const started: number[] = [];

    await assert.rejects(
      mapWithConcurrency([1, 2, 3, 4, 5], 1, async (item) => {
        started.push(item);
        if (item === 2) {
          throw new Error('boom');
        }
      }),
      /boom/,
    );
    assert.deepEqual(started, [1, 2]);
  });
});

suite('tags to resolve', () => {
  test('takes releases newest first, latest, then the branch’s SHA tags newest commit first', () => {
    const commits = [aCommitRef(3), aCommitRef(2), aCommitRef(1)];
    const tags = ['main', sha(1), sha(99), 'latest', 'v1.0.0', sha(3), 'v1.1.0'];

    const selection = selectTagsToResolve(tags, 5, commits);

    assert.deepEqual(selection.selected, ['v1.1.0', 'v1.0.0', 'latest', sha(3), sha(1)]);
    assert.deepEqual(selection.skipped, [sha(99), 'main']);
  });

  test('takes a full SHA tag of a commit before an abbreviated one', () => {
    const commit = aCommitRef(7);
    const selection = selectTagsToResolve([commit.sha.slice(0, 7), commit.sha], 1, [commit]);

    assert.deepEqual(selection.selected, [commit.sha]);
  });

  test('caps a registry of thousands of tags', () => {
    const tags = Array.from({ length: 10_000 }, (_, index) => `build-${index}`);

    const selection = selectTagsToResolve(tags, 50);

    assert.equal(selection.selected.length, 50);
    assert.equal(selection.skipped.length, 9_950);
  });
});
