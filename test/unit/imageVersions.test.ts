import * as assert from 'node:assert/strict';

import {
  groupByDigest,
  matchShaTags,
  publicationOf,
  publicationsByCommit,
} from '../../src/domain/imageVersions';
import { sha } from './builders/domainBuilders';
import { aCommitRef, aVersion, digest } from './builders/imageBuilders';

suite('image versions', () => {
  suite('groupByDigest', () => {
    test('gives one row per digest, newest first, labelled with its most meaningful tag', () => {
      const release = aVersion([sha(9), 'v2.4.2', 'latest'], { minutesAgo: 300 });
      const newest = aVersion([sha(2)], { minutesAgo: 10 });
      const middle = aVersion([sha(7)], { minutesAgo: 100 });

      const groups = groupByDigest([release, newest, middle]);

      assert.deepEqual(
        groups.tagged.map((group) => [group.digest, group.label, group.labelKind]),
        [
          [newest.digest, sha(2), 'sha'],
          [middle.digest, sha(7), 'sha'],
          [release.digest, 'v2.4.2', 'release'],
        ],
      );
      assert.deepEqual(groups.tagged[2].tags, ['v2.4.2', 'latest', sha(9)]);
      assert.equal(groups.untagged, null);
    });

    test('merges versions that share a digest into one row carrying every tag', () => {
      const shared = digest(42);
      const first = aVersion([sha(10), 'v2.4.1'], { digest: shared, minutesAgo: 200 });
      const second = aVersion(['v2.4.2', 'latest'], { digest: shared.toUpperCase(), minutesAgo: 100 });

      const [group] = groupByDigest([first, second]).tagged;

      assert.equal(groupByDigest([first, second]).tagged.length, 1);
      assert.deepEqual(group.tags, ['v2.4.2', 'v2.4.1', 'latest', sha(10)]);
      assert.deepEqual(group.versions, [first, second]);
      assert.equal(group.createdAt?.getTime(), second.createdAt?.getTime());
    });

    test('folds every version without tags into one untagged row', () => {
      const oldUntagged = aVersion([], { minutesAgo: 900 });
      const newerUntagged = aVersion([], { minutesAgo: 50 });
      const tagged = aVersion(['latest'], { minutesAgo: 10 });

      const groups = groupByDigest([oldUntagged, tagged, newerUntagged]);

      assert.equal(groups.tagged.length, 1);
      assert.deepEqual(groups.untagged?.digests, [oldUntagged.digest, newerUntagged.digest]);
      assert.deepEqual(groups.untagged?.versions, [oldUntagged, newerUntagged]);
      assert.equal(groups.untagged?.createdAt?.getTime(), newerUntagged.createdAt?.getTime());
    });

    test('keeps the given order where dates are unknown (registry results), after dated rows', () => {
      const undatedA = aVersion(['v1.0.0'], { createdAt: null, updatedAt: null });
      const undatedB = aVersion(['latest'], { createdAt: null, updatedAt: null });
      const dated = aVersion(['nightly'], { minutesAgo: 5000 });

      const labels = groupByDigest([undatedA, dated, undatedB]).tagged.map((group) => group.label);

      assert.deepEqual(labels, ['nightly', 'v1.0.0', 'latest']);
    });

    test('gives nothing for no versions', () => {
      assert.deepEqual(groupByDigest([]), { tagged: [], untagged: null });
    });
  });

  suite('matchShaTags', () => {
    const commits = [aCommitRef(1, 'Fix the search'), aCommitRef(2, 'Add the API'), aCommitRef(3)];

    test('matches full SHA tags to the commits of the branch with their subject', () => {
      assert.deepEqual(matchShaTags([sha(2), 'latest', sha(99)], commits), [
        { tag: sha(2), sha: sha(2), subject: 'Add the API', byPrefix: false },
      ]);
    });

    test('matches a full SHA tag whatever its case', () => {
      assert.equal(matchShaTags([sha(1).toUpperCase()], commits)[0]?.sha, sha(1));
    });

    test('matches a 7 to 12 character SHA tag as a prefix, flagged as such', () => {
      const short = 'abcdef1234567890abcdef1234567890abcdef12';
      const branch = [{ sha: short, subject: 'Short one' }];

      assert.deepEqual(matchShaTags([short.slice(0, 7), short.slice(0, 12)], branch), [
        { tag: short.slice(0, 7), sha: short, subject: 'Short one', byPrefix: true },
        { tag: short.slice(0, 12), sha: short, subject: 'Short one', byPrefix: true },
      ]);
      assert.deepEqual(matchShaTags([short.slice(0, 6), short.slice(0, 13)], branch), []);
    });

    test('matches no commit with a prefix two commits share', () => {
      const branch = [
        { sha: `1234567a${'0'.repeat(32)}`, subject: 'One' },
        { sha: `1234567b${'0'.repeat(32)}`, subject: 'Two' },
      ];

      assert.deepEqual(matchShaTags(['1234567'], branch), []);
      assert.equal(matchShaTags(['1234567a'], branch)[0]?.subject, 'One');
    });
  });

  suite('publicationOf', () => {
    test('says a commit is published, on which digest, with the digest’s other tags by meaning', () => {
      const release = aVersion([sha(9), 'latest', 'v2.4.2']);
      const versions = [aVersion([sha(8)]), release];

      assert.deepEqual(publicationOf(sha(9), versions), {
        published: true,
        digest: release.digest,
        tag: sha(9),
        byPrefix: false,
        otherTags: ['v2.4.2', 'latest'],
      });
    });

    test('says a commit without a tag is not published', () => {
      assert.deepEqual(publicationOf(sha(5), [aVersion([sha(8)]), aVersion(['latest'])]), {
        published: false,
      });
    });

    test('finds a commit through an abbreviated SHA tag, flagged', () => {
      const full = sha(77);
      const version = aVersion([full.slice(0, 8), 'latest']);

      assert.deepEqual(publicationOf(full, [version]), {
        published: true,
        digest: version.digest,
        tag: full.slice(0, 8),
        byPrefix: true,
        otherTags: ['latest'],
      });
    });

    test('prefers a full SHA tag over an abbreviated one on another digest', () => {
      const full = sha(77);
      const byPrefix = aVersion([full.slice(0, 7)]);
      const exact = aVersion([full]);

      const publication = publicationOf(full, [byPrefix, exact]);

      assert.ok(publication.published);
      assert.equal(publication.digest, exact.digest);
      assert.equal(publication.byPrefix, false);
    });
  });

  test('publicationsByCommit answers for every published commit of the branch at once', () => {
    const shared = aVersion([sha(10), 'v2.4.1', sha(9), 'v2.4.2', 'latest']);
    const own = aVersion([sha(2)]);
    const commits = [2, 3, 9, 10].map((seed) => aCommitRef(seed));

    const published = publicationsByCommit(commits, [own, shared]);

    assert.deepEqual([...published.keys()].sort(), [sha(10), sha(2), sha(9)].sort());
    assert.deepEqual(published.get(sha(10)), {
      published: true,
      digest: shared.digest,
      tag: sha(10),
      byPrefix: false,
      otherTags: ['v2.4.2', 'v2.4.1', 'latest', sha(9)],
    });
    assert.equal(published.has(sha(3)), false);
  });
});
