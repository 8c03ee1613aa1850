import * as assert from 'node:assert/strict';

import {
  chooseLabel,
  classifyTag,
  compareReleaseVersions,
  parseReleaseVersion,
  rankTags,
} from '../../src/domain/imageTags';

const FULL_SHA = 'a'.repeat(40);

suite('image tags', () => {
  test('classifies release, latest, full SHA and other tags', () => {
    assert.equal(classifyTag('v2.4.2'), 'release');
    assert.equal(classifyTag('2.4.2'), 'release');
    assert.equal(classifyTag('v2.4.2-rc.1'), 'release');
    assert.equal(classifyTag('2.4'), 'release');
    assert.equal(classifyTag('latest'), 'latest');
    assert.equal(classifyTag(FULL_SHA), 'sha');
    assert.equal(classifyTag('abc1234'), 'other');
    assert.equal(classifyTag('main'), 'other');
    assert.equal(classifyTag('Latest'), 'other');
    assert.equal(classifyTag('v2'), 'other');
    assert.equal(classifyTag('1.2.3.4'), 'other');
    assert.equal(classifyTag('a'.repeat(39)), 'other');
  });

  test('reads a release version with its pre-release identifiers', () => {
    assert.deepEqual(parseReleaseVersion('v2.4.2-rc.1'), {
      major: 2,
      minor: 4,
      patch: 2,
      precision: 3,
      prerelease: ['rc', 1],
    });
    assert.equal(parseReleaseVersion('v02.4.2'), undefined);
  });

  test('orders releases as semantic versioning does', () => {
    const newer = (a: string, b: string) => {
      const [versionA, versionB] = [parseReleaseVersion(a), parseReleaseVersion(b)];
      assert.ok(versionA && versionB);
      return compareReleaseVersions(versionA, versionB) > 0;
    };

    assert.ok(newer('v2.10.0', 'v2.9.9'));
    assert.ok(newer('v2.4.2', 'v2.4.2-rc.2'));
    assert.ok(newer('v2.4.2-rc.10', 'v2.4.2-rc.2'));
    assert.ok(newer('v2.4.2-rc.1', 'v2.4.2-beta'));
    assert.ok(newer('v2.4.2-beta', 'v2.4.2-2'));
    assert.ok(newer('v2.4.2-rc.1.1', 'v2.4.2-rc.1'));
    assert.ok(newer('v2.4.2-rc.1', 'v2.4.1'));
    assert.ok(newer('2.4.0', '2.4'));
    assert.ok(!newer('v2.4.1', 'v2.4.2'));
  });

  test('ranks releases newest first, then latest, then SHA tags, then the rest in given order', () => {
    assert.deepEqual(rankTags(['zeta', FULL_SHA, 'latest', 'v2.4.1', 'alpha', 'v2.4.2', 'v2.4.2-rc.1']), [
      'v2.4.2',
      'v2.4.2-rc.1',
      'v2.4.1',
      'latest',
      FULL_SHA,
      'zeta',
      'alpha',
    ]);
  });

  test('ranks each tag once', () => {
    assert.deepEqual(rankTags(['latest', 'latest', 'v1.0.0']), ['v1.0.0', 'latest']);
  });

  test('labels a digest with its newest release, else latest, else a SHA, else any tag', () => {
    assert.equal(chooseLabel([FULL_SHA, 'latest', 'v2.4.1', 'v2.4.2']), 'v2.4.2');
    assert.equal(chooseLabel([FULL_SHA, 'v2.5.0-rc.1', 'v2.4.2']), 'v2.5.0-rc.1');
    assert.equal(chooseLabel([FULL_SHA, 'latest']), 'latest');
    assert.equal(chooseLabel(['nightly', FULL_SHA]), FULL_SHA);
    assert.equal(chooseLabel(['nightly']), 'nightly');
    assert.equal(chooseLabel([]), undefined);
  });
});
