import * as assert from 'node:assert/strict';
import { defaultBuildDigest } from '../packageChanges';
import { PUBLISH_DELAY_MS } from '../packageRules';
import { buildScenario, Scenario, ScenarioPackage } from '../scenario';
import { runCreatedAt } from '../scenarioRules';
import { NOW, sampleCommits } from './support';

/** The 12-commit `main` of the integration tests' scratch repository, as `acme/widgets`. */
function widgets(commits = 12): Scenario {
  return buildScenario({
    owner: 'acme',
    repo: 'widgets',
    defaultBranch: 'main',
    branches: { main: sampleCommits(commits), 'feature/login': sampleCommits(3, 'fe') },
    now: NOW,
  });
}

function packageOf(scenario: Scenario, name: string): ScenarioPackage {
  const found = scenario.packages.find((candidate) => candidate.name === name);

  assert.ok(found, `no package ${name}`);

  return found;
}

suite('package rules', () => {
  const scenario = widgets();

  const sha = (index: number) => scenario.branches.main[index].sha;

  test('gives each service a public package named <repo>-<service>', () => {
    assert.deepEqual(
      scenario.packages.map((found) => [found.name, found.visibility]),
      [
        ['widgets-api', 'public'],
        ['widgets-ingestion_server', 'public'],
      ],
    );
  });

  test('the first service: SHAs of commits 2, 7, 8, two releases with latest on the newest, one untagged', () => {
    assert.deepEqual(
      packageOf(scenario, 'widgets-api').versions.map((version) => version.tags),
      [[sha(2)], [sha(7)], [sha(8)], [sha(9), 'v2.4.2', 'latest'], [sha(10), 'v2.4.1'], []],
    );
  });

  test('another service unchanged by v2.4.2 carries two release tags and two SHA tags on one digest', () => {
    const versions = packageOf(scenario, 'widgets-ingestion_server').versions;

    assert.deepEqual(
      versions.map((version) => version.tags),
      [[sha(2)], [sha(7)], [sha(8)], [sha(10), 'v2.4.1', sha(9), 'v2.4.2', 'latest'], []],
    );

    assert.equal(versions[3].digest, defaultBuildDigest('widgets-ingestion_server', sha(10)));
  });

  test('records that another service builds the same image at commit 3 as at commit 2', () => {
    const target = packageOf(scenario, 'widgets-ingestion_server');

    assert.equal(target.buildDigests[sha(3)], target.versions[0].digest);

    assert.deepEqual(packageOf(scenario, 'widgets-api').buildDigests, {});
  });

  test('digests are sha256 and differ between packages and commits', () => {
    const digests = scenario.packages.flatMap((found) => found.versions.map((version) => version.digest));

    assert.ok(digests.every((digest) => /^sha256:[0-9a-f]{64}$/.test(digest)));

    assert.equal(new Set(digests).size, digests.length);
  });

  test('versions are created 35 minutes after their commit’s CI run started, ids growing with time', () => {
    const api = packageOf(scenario, 'widgets-api').versions;

    const unchanged = packageOf(scenario, 'widgets-ingestion_server').versions[3];

    const pushedAt = (index: number) => new Date(runCreatedAt(index, NOW).getTime() + PUBLISH_DELAY_MS);

    assert.equal(Date.parse(api[0].createdAt), pushedAt(2).getTime());

    assert.deepEqual(
      [Date.parse(unchanged.createdAt), Date.parse(unchanged.updatedAt)],
      [pushedAt(10).getTime(), pushedAt(9).getTime()],
    );

    const ids = api.map((version) => version.id);

    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => b - a),
    );
  });

  test('skips the rules a short branch does not reach, and makes no package without a version', () => {
    const short = widgets(8);

    assert.deepEqual(
      packageOf(short, 'widgets-api').versions.map((version) => version.tags),
      [[short.branches.main[2].sha], [short.branches.main[7].sha]],
    );

    assert.deepEqual(widgets(2).packages, []);
  });

  test('is deterministic', () => {
    assert.deepEqual(widgets().packages, scenario.packages);
  });

  test('none when asked', () => {
    const none = buildScenario({
      owner: 'acme',
      repo: 'widgets',
      defaultBranch: 'main',
      branches: { main: sampleCommits(12) },
      packages: 'none',
    });

    assert.deepEqual(none.packages, []);
  });
});
