import * as assert from 'node:assert/strict';

import { commitContextTokens, joinCommitStatuses, pickRun } from '../../src/domain/commitStatus';
import { aCommit, aRun, anArtifact, daysAgo, NOW, sha } from './builders/domainBuilders';

const DAY = 24 * 60 * 60 * 1000;
const options = { services: ['api', 'ingestion_server'], now: NOW, warningDays: 7 };

suite('pickRun', () => {
  test('the newest push run wins over a newer pull_request run', () => {
    const push = aRun({ event: 'push', createdAt: daysAgo(2) });
    const olderPush = aRun({ event: 'push', createdAt: daysAgo(3) });
    const pr = aRun({ event: 'pull_request', createdAt: daysAgo(1) });

    assert.equal(pickRun([olderPush, pr, push]), push);
  });

  test('falls back to the newest run of any event', () => {
    const dispatch = aRun({ event: 'workflow_dispatch', createdAt: daysAgo(1) });
    const pr = aRun({ event: 'pull_request', createdAt: daysAgo(2) });

    assert.equal(pickRun([pr, dispatch]), dispatch);
  });

  test('no runs, no pick', () => {
    assert.equal(pickRun([]), undefined);
  });
});

suite('joinCommitStatuses', () => {
  test('joins runs on head_sha and artifacts on the run id', () => {
    const commits = [aCommit(1), aCommit(2)];
    const run = aRun({ headSha: sha(1) });
    const artifacts = [
      anArtifact({
        name: 'api',
        runId: run.id,
        createdAt: daysAgo(12),
        expiresAt: new Date(daysAgo(12).getTime() + 90 * DAY),
      }),
      anArtifact({ name: 'api', runId: 999_999 }),
    ];

    const [first, second] = joinCommitStatuses(commits, [run], artifacts, options);

    assert.equal(first.ci?.run, run);
    assert.equal(first.ci?.state.word, 'passed');
    assert.equal(first.ci?.artifacts[0].summary, '12 days old · expires in 78 days');
    assert.equal(first.ci?.artifacts[1].summary, 'no artifact');
    assert.equal(first.ci?.youngestUsable?.service, 'api');
    assert.equal(second.ci?.run, undefined);
    assert.equal(second.ci?.state.word, 'no CI run');
  });

  test("an artifact named after the image file (api.tar) is the service api's artifact", () => {
    const run = aRun({ headSha: sha(1) });
    const artifacts = [
      anArtifact({ name: 'api.tar', runId: run.id, createdAt: daysAgo(2) }),
      anArtifact({ name: 'api.tar.gz', runId: run.id, createdAt: daysAgo(2) }),
    ];

    const [status] = joinCommitStatuses([aCommit(1)], [run], artifacts, options);

    assert.equal(status.ci?.artifacts[0].artifact?.name, 'api.tar');
    assert.equal(status.ci?.artifacts[1].summary, 'no artifact');
  });

  test('matches SHAs case-insensitively', () => {
    const run = aRun({ headSha: sha(1).toUpperCase() });

    const [status] = joinCommitStatuses([aCommit(1)], [run], [], options);

    assert.equal(status.ci?.run, run);
  });

  test('an artifact past expires_at is expired even while expired is false', () => {
    const run = aRun({ headSha: sha(1) });
    const artifact = anArtifact({ runId: run.id, expiresAt: daysAgo(3), expired: false });

    const [status] = joinCommitStatuses([aCommit(1)], [run], [artifact], { ...options, services: ['api'] });

    assert.equal(status.ci?.artifacts[0].kind, 'expired');
    assert.equal(status.ci?.artifacts[0].summary, 'expired 3 days ago');
    assert.equal(status.ci?.youngestUsable, undefined);
  });

  test('warns when fewer than the warning days are left', () => {
    const run = aRun({ headSha: sha(1) });
    const artifact = anArtifact({ runId: run.id, expiresAt: new Date(NOW.getTime() + 5 * DAY) });

    const [status] = joinCommitStatuses([aCommit(1)], [run], [artifact], { ...options, services: ['api'] });

    assert.equal(status.ci?.artifacts[0].kind, 'expiring');
  });

  test('the youngest usable artifact is the newest that has not expired', () => {
    const run = aRun({ headSha: sha(1) });
    const api = anArtifact({ name: 'api', runId: run.id, createdAt: daysAgo(4), expiresAt: daysAgo(-80) });
    const ingestion = anArtifact({
      name: 'ingestion_server',
      runId: run.id,
      createdAt: daysAgo(2),
      expiresAt: daysAgo(-1),
    });

    const [status] = joinCommitStatuses([aCommit(1)], [run], [api, ingestion], options);

    assert.equal(status.ci?.youngestUsable?.service, 'ingestion_server');
    assert.equal(status.ci?.youngestUsable?.ageText, '2 days old');
  });

  test('a re-uploaded artifact: the newest of that name counts', () => {
    const run = aRun({ headSha: sha(1) });
    const old = anArtifact({ runId: run.id, createdAt: daysAgo(10), expiresAt: daysAgo(1) });
    const fresh = anArtifact({ runId: run.id, createdAt: daysAgo(1), expiresAt: daysAgo(-89) });

    const [status] = joinCommitStatuses([aCommit(1)], [run], [old, fresh], { ...options, services: ['api'] });

    assert.equal(status.ci?.artifacts[0].artifact, fresh);
  });
});

suite('commitContextTokens', () => {
  test('tokens name the CI state and artifact state', () => {
    const run = aRun({ headSha: sha(1) });
    const artifact = anArtifact({ runId: run.id, expiresAt: daysAgo(-30) });
    const [status] = joinCommitStatuses([aCommit(1)], [run], [artifact], { ...options, services: ['api'] });

    assert.deepEqual(commitContextTokens(status), ['commit', 'ci-success', 'has-run', 'artifacts-valid']);
  });

  test('expired and expiring artifacts', () => {
    const run = aRun({ headSha: sha(1), conclusion: 'failure' });
    const expired = anArtifact({ runId: run.id, expiresAt: daysAgo(1) });
    const [status] = joinCommitStatuses([aCommit(1)], [run], [expired], { ...options, services: ['api'] });

    assert.deepEqual(commitContextTokens(status), ['commit', 'ci-failure', 'has-run', 'artifacts-expired']);
  });

  test('unloaded CI', () => {
    assert.deepEqual(commitContextTokens({ commit: aCommit(1) }), ['commit', 'ci-unknown']);
  });
});
