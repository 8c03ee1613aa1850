/**
 * A scenario is the whole world the test server shows: one repository, its owner, the signed-in
 * user and their tokens, branches and tags of commits, the two reference workflows with their files,
 * the workflow runs with their artifacts, and the owner's container packages. It is plain JSON data:
 * tests may change it at run time.
 *
 * `buildScenario` derives the runs from the commits by the rules documented in `scenarioRules.ts`,
 * and the packages by those in `packageRules.ts`.
 */

import { account } from './accounts';
import { stableNumber } from './hashing';
import { buildPackages } from './packageRules';
import { draftCommitRuns, materializeRuns, RunCounters, RunDraft } from './runFactory';
import { DAY_MS, gitHubTime, IMAGE_SERVICES, RunConclusion, RunStatus, runCreatedAt } from './scenarioRules';
import { REFERENCE_WORKFLOWS, WORKFLOWS_FOLDER } from './workflowFiles';

export interface ScenarioCommit {
  sha: string;
  subject: string;
  authorName: string;
  authorEmail: string;

  /** ISO 8601. */
  date: string;
}

export interface ScenarioAccount {
  login: string;
  id: number;
  type: 'Organization' | 'User';
  name: string | null;
}

export interface ScenarioToken {
  value: string;
  login: string;
  scopes: string[];
}

export interface ScenarioRepository {
  id: number;
  name: string;
  private: boolean;
  defaultBranch: string;
  description: string | null;
  createdAt: string;
}

export type WorkflowState =
  'active' | 'deleted' | 'disabled_fork' | 'disabled_inactivity' | 'disabled_manually';

export interface ScenarioWorkflow {
  id: number;
  name: string;

  /** `.github/workflows/<file>`. */
  path: string;
  state: WorkflowState;
  createdAt: string;
  updatedAt: string;
}

export interface ScenarioArtifact {
  id: number;
  name: string;
  sizeInBytes: number;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
  expired: boolean;
  digest: string | null;
}

export interface ScenarioRun {
  id: number;
  workflowId: number;
  checkSuiteId: number;
  runNumber: number;
  runAttempt: number;
  event: string;
  status: RunStatus;
  conclusion: RunConclusion | null;
  headBranch: string | null;
  headSha: string;
  headCommit: ScenarioCommit;
  actor: ScenarioAccount;
  displayTitle: string;
  createdAt: string;
  updatedAt: string;
  runStartedAt: string;
  pullRequestNumber: number | null;
  artifacts: ScenarioArtifact[];

  /** The inputs of a `workflow_dispatch` run: those sent, and the defaults of the others. */
  inputs?: Record<string, string>;

  /** Set while the server moves the run along by itself (see `runLifecycle.ts`). */
  lifecycle?: RunLifecycle | null;

  /** The attempts before `runAttempt`, oldest first. */
  previousAttempts?: RunAttempt[];
}

/** When a dispatched or re-run run starts and ends, on the server's clock (ISO, with milliseconds). */
export interface RunLifecycle {
  startsAt: string;
  endsAt: string;
  conclusion: RunConclusion;
}

export interface RunAttempt {
  runAttempt: number;
  conclusion: RunConclusion | null;
  runStartedAt: string;
  completedAt: string;
}

export interface ScenarioPackageVersion {
  id: number;

  /** `sha256:<64 hex>`: the version's `name`. */
  digest: string;
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

/** A container package of the scenario's owner, linked to the scenario's repository. */
export interface ScenarioPackage {
  id: number;

  /** `<repo>-<service>`; may contain `/`. */
  name: string;
  visibility: 'public' | 'private';
  createdAt: string;
  updatedAt: string;

  /** Newest first. */
  versions: ScenarioPackageVersion[];

  /**
   * Commit SHA → the digest its CI build of this image gives, where it is the same image as an
   * earlier build (the service did not change). Other commits build `defaultBuildDigest`.
   */
  buildDigests: Record<string, string>;
}

export interface Scenario {
  /** The moment the runs' times were derived from (ISO). */
  now: string;
  owner: ScenarioAccount;
  repository: ScenarioRepository;

  /** The user the scenario's default token belongs to. */
  viewer: ScenarioAccount;
  tokens: ScenarioToken[];

  /** Branch name → commits, newest first. */
  branches: Record<string, ScenarioCommit[]>;

  /** Tag name → the SHA of a commit on a branch. */
  tags: Record<string, string>;
  workflows: ScenarioWorkflow[];

  /** Every run of every workflow, in no particular order. */
  runs: ScenarioRun[];

  /** Path → text of the files present at every ref. */
  files: Record<string, string>;

  /** Ref (branch name or commit SHA) → path → text at that ref, or null where the file is absent. */
  fileOverrides: Record<string, Record<string, string | null>>;

  /** The owner's container packages linked to the repository. */
  packages: ScenarioPackage[];
}

export interface ScenarioInput {
  owner: string;
  repo: string;
  ownerType?: 'Organization' | 'User';
  defaultBranch: string;

  /** Branch name → commits, newest first. */
  branches: Record<string, ScenarioCommit[]>;
  now?: Date;
  token?: string;
  login?: string;
  private?: boolean;

  /** Tag name → commit SHA; none by default. */
  tags?: Record<string, string>;

  /** `rules` (default): the packages of `packageRules.ts`; `none`: no packages. */
  packages?: 'rules' | 'none';
}

export const DEFAULT_TOKEN = 'ghp_testtoken000000000000000000000000001';

export const DEFAULT_LOGIN = 'octo-tester';

export { account };

export const DEFAULT_SCOPES = ['repo', 'read:packages', 'workflow'];

/** A second token of the same login, without `read:packages`: the package routes refuse it (403). */
export const NO_PACKAGES_TOKEN = 'ghp_testtoken_noread00000000000000000002';

export const NO_PACKAGES_SCOPES = ['repo', 'workflow'];

const WORKFLOW_ID_BASE = 70_000_001;

const WORKFLOWS_CREATED_DAYS_AGO = 400;

export function buildScenario(input: ScenarioInput): Scenario {
  const now = input.now ?? new Date();

  if (!(input.defaultBranch in input.branches)) {
    throw new Error(`The default branch ${input.defaultBranch} is not among the scenario's branches`);
  }

  const workflowsCreatedAt = gitHubTime(new Date(now.getTime() - WORKFLOWS_CREATED_DAYS_AGO * DAY_MS));

  const workflows: ScenarioWorkflow[] = REFERENCE_WORKFLOWS.map((file, index) => ({
    id: WORKFLOW_ID_BASE + index,
    name: file.name,
    path: `${WORKFLOWS_FOLDER}/${file.fileName}`,
    state: 'active',
    createdAt: workflowsCreatedAt,
    updatedAt: workflowsCreatedAt,
  }));

  const drafts = draftBranchRuns(input.branches, input.defaultBranch, workflows[0].id, now);

  const runs = materializeRuns(drafts, RunCounters.empty(), now);

  const viewerLogin = input.login ?? DEFAULT_LOGIN;

  return {
    now: now.toISOString(),
    owner: account(input.owner, input.ownerType ?? 'Organization'),
    repository: {
      id: 300_000_000 + stableNumber(`${input.owner}/${input.repo}`, 100_000_000),
      name: input.repo,
      private: input.private ?? false,
      defaultBranch: input.defaultBranch,
      description: `${input.repo} (test server scenario)`,
      createdAt: workflowsCreatedAt,
    },
    viewer: account(viewerLogin, 'User'),
    tokens: [
      { value: input.token ?? DEFAULT_TOKEN, login: viewerLogin, scopes: [...DEFAULT_SCOPES] },
      { value: NO_PACKAGES_TOKEN, login: viewerLogin, scopes: [...NO_PACKAGES_SCOPES] },
    ],
    branches: structuredClone(input.branches),
    tags: { ...input.tags },
    workflows,
    runs,
    files: Object.fromEntries(
      REFERENCE_WORKFLOWS.map((file) => [`${WORKFLOWS_FOLDER}/${file.fileName}`, file.yaml]),
    ),
    fileOverrides: {},
    packages:
      input.packages === 'none'
        ? []
        : buildPackages(input.owner, input.repo, input.branches[input.defaultBranch], IMAGE_SERVICES, now),
  };
}

/** The runs of every branch, each commit claimed by the first branch (default first) that lists it. */
function draftBranchRuns(
  branches: Record<string, ScenarioCommit[]>,
  defaultBranch: string,
  ciWorkflowId: number,
  now: Date,
): RunDraft[] {
  const branchOrder = [defaultBranch, ...Object.keys(branches).filter((name) => name !== defaultBranch)];

  const claimed = new Set<string>();

  const drafts: RunDraft[] = [];

  for (const branch of branchOrder) {
    branches[branch].forEach((commit, index) => {
      if (claimed.has(commit.sha)) {
        return;
      }

      claimed.add(commit.sha);

      drafts.push(...draftCommitRuns(commit, branch, index, ciWorkflowId, runCreatedAt(index, now)));
    });
  }

  return drafts;
}
