import * as assert from 'node:assert/strict';
import { buildScenario, NO_PACKAGES_TOKEN, Scenario, ScenarioArtifact, ScenarioRun } from '../scenario';
import { DAY_MS, IMAGE_SERVICES, LOGS_ARTIFACT, runPlanForIndex } from '../scenarioRules';
import { NOW, sampleCommits, sampleScenario } from './support';

const IMAGES_AND_LOGS = [...IMAGE_SERVICES, LOGS_ARTIFACT].sort();

function runsOf(scenario: Scenario, index: number, branch = 'main'): ScenarioRun[] {
  const sha = scenario.branches[branch][index].sha;

  return scenario.runs.filter((run) => run.headSha === sha);
}

function pushRunOf(scenario: Scenario, index: number, branch = 'main'): ScenarioRun {
  const run = runsOf(scenario, index, branch).find((candidate) => candidate.event === 'push');

  assert.ok(run, `commit ${index} of ${branch} has a push run`);

  return run;
}

function names(run: ScenarioRun): string[] {
  return run.artifacts.map((artifact) => artifact.name).sort();
}

function daysLeft(artifact: ScenarioArtifact): number {
  return (Date.parse(artifact.expiresAt) - NOW.getTime()) / DAY_MS;
}

suite('scenario rules', () => {
  const scenario = sampleScenario();

  test('gives the newest commit an in-progress run without artifacts', () => {
    const run = pushRunOf(scenario, 0);

    assert.deepEqual([run.status, run.conclusion, run.artifacts.length], ['in_progress', null, 0]);
  });

  test('gives the second newest a failed run with only a logs artifact', () => {
    const run = pushRunOf(scenario, 1);

    assert.deepEqual([run.status, run.conclusion, names(run)], ['completed', 'failure', [LOGS_ARTIFACT]]);
  });

  test('gives the third newest a successful push run and a newer failed pull_request run', () => {
    const runs = runsOf(scenario, 2);

    const push = runs.find((run) => run.event === 'push');

    const pullRequest = runs.find((run) => run.event === 'pull_request');

    assert.equal(runs.length, 2);

    assert.deepEqual([push?.conclusion, pullRequest?.conclusion], ['success', 'failure']);

    assert.ok(Date.parse(pullRequest?.createdAt ?? '') > Date.parse(push?.createdAt ?? ''));

    assert.deepEqual(push && names(push), IMAGES_AND_LOGS);

    assert.ok(pullRequest?.pullRequestNumber);
  });

  test('names the image artifacts exactly after the services', () => {
    assert.deepEqual(names(pushRunOf(scenario, 10)), ['api', 'ingestion_server', 'logs']);
  });

  test('leaves commit 3 fewer than 7 days of artifact life', () => {
    const left = pushRunOf(scenario, 3).artifacts.map(daysLeft);

    assert.ok(
      left.every((days) => days > 0 && days < 7),
      `days left: ${left.join(', ')}`,
    );
  });

  test('has commit 4 past expires_at while expired is still false', () => {
    const artifacts = pushRunOf(scenario, 4).artifacts;

    assert.ok(artifacts.length > 0);

    assert.ok(
      artifacts.every((artifact) => !artifact.expired && Date.parse(artifact.expiresAt) < NOW.getTime()),
    );
  });

  test('flags commit 5 artifacts expired', () => {
    const artifacts = pushRunOf(scenario, 5).artifacts;

    assert.ok(artifacts.length > 0 && artifacts.every((artifact) => artifact.expired));
  });

  test('gives commit 6 a cancelled run without artifacts', () => {
    const run = pushRunOf(scenario, 6);

    assert.deepEqual([run.conclusion, run.artifacts.length], ['cancelled', 0]);
  });

  test('keeps artifacts 90 days from commit 7 on, so age decides expiry', () => {
    const expected = (index: number) => (index >= 46 ? 'flagged' : index === 45 ? 'late' : 'alive');

    for (let index = 7; index < 50; index++) {
      const artifact = pushRunOf(scenario, index).artifacts[0];

      const state = artifact.expired
        ? 'flagged'
        : Date.parse(artifact.expiresAt) < NOW.getTime()
          ? 'late'
          : 'alive';

      assert.equal(state, expected(index), `commit ${index}`);

      const retentionDays = (Date.parse(artifact.expiresAt) - Date.parse(artifact.createdAt)) / DAY_MS;

      assert.equal(retentionDays, 90);
    }

    assert.ok(daysLeft(pushRunOf(scenario, 42).artifacts[0]) < 7);

    assert.ok(daysLeft(pushRunOf(scenario, 41).artifacts[0]) > 7);
  });

  test('spreads a 50-commit branch over about 100 days', () => {
    const oldest = Date.parse(pushRunOf(scenario, 49).createdAt);

    const span = (NOW.getTime() - oldest) / DAY_MS;

    assert.ok(span > 97 && span < 100, `span ${span}`);
  });

  test('numbers runs and gives ids in creation order', () => {
    const byTime = [...scenario.runs].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));

    assert.deepEqual(
      byTime.map((run) => run.runNumber),
      byTime.map((_, index) => index + 1),
    );

    assert.ok(byTime.every((run, index) => index === 0 || run.id > byTime[index - 1].id));
  });

  test('gives a commit shared by two branches runs once, on the default branch', () => {
    const shared = scenario.branches['feature/search'][3];

    const runs = scenario.runs.filter((run) => run.headSha === shared.sha);

    assert.deepEqual(
      runs.map((run) => run.headBranch),
      ['main'],
    );
  });

  test('applies the rules to a branch’s own commits by their index in that branch', () => {
    assert.equal(pushRunOf(scenario, 0, 'feature/search').status, 'in_progress');

    assert.equal(pushRunOf(scenario, 1, 'feature/search').conclusion, 'failure');

    assert.equal(pushRunOf(scenario, 2, 'feature/search').headBranch, 'feature/search');
  });

  test('is deterministic given now and the commits', () => {
    assert.deepEqual(sampleScenario(), sampleScenario());
  });

  test('exposes the rules as a function of the index', () => {
    assert.equal(runPlanForIndex(0).push.status, 'in_progress');

    assert.equal(runPlanForIndex(200).push.conclusion, 'success');
  });

  test('refuses a default branch that is not among the branches', () => {
    assert.throws(
      () =>
        buildScenario({
          owner: 'o',
          repo: 'r',
          defaultBranch: 'trunk',
          branches: { main: sampleCommits(1) },
        }),
      /trunk/,
    );
  });

  test('gives the default token to the login it is told, with the publishing scopes, and one without read:packages', () => {
    const custom = buildScenario({
      owner: 'acme',
      repo: 'widgets',
      ownerType: 'User',
      defaultBranch: 'main',
      branches: { main: sampleCommits(1) },
      token: 'ghp_custom',
      login: 'someone',
    });

    assert.deepEqual(custom.tokens, [
      { value: 'ghp_custom', login: 'someone', scopes: ['repo', 'read:packages', 'workflow'] },
      { value: NO_PACKAGES_TOKEN, login: 'someone', scopes: ['repo', 'workflow'] },
    ]);

    assert.deepEqual([custom.viewer.login, custom.owner.type], ['someone', 'User']);
  });

  test('serves the two reference workflows', () => {
    assert.deepEqual(
      scenario.workflows.map((workflow) => [workflow.name, workflow.path]),
      [
        ['CI + CD', '.github/workflows/ci_cd.yml'],
        ['Publish Docker images on-demand', '.github/workflows/push_docker_image.yml'],
      ],
    );
  });
});
