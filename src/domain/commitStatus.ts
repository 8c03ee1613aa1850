/**
 * Joins the branch's commits with the CI runs and image artifacts fetched in bulk: runs are matched
 * on `head_sha`, artifacts on the chosen run's id. Nothing here talks to the network.
 */
import { describeAge, describeExpiry, isExpiringSoon } from './age';
import type { Artifact, Commit, WorkflowRun } from './model';
import { NO_RUN, NOT_LOADED, presentRunState, type RunStatePresentation } from './runState';
import { isArtifactOf } from './services';

export type ArtifactKind = 'valid' | 'expiring' | 'expired' | 'missing';

export interface ServiceArtifact {
  readonly service: string;
  readonly artifact?: Artifact;
  readonly kind: ArtifactKind;
  /** "12 days old · expires in 78 days", "expired 3 days ago", "no artifact". */
  readonly summary: string;
  readonly ageText?: string;
}

export interface CommitStatus {
  readonly commit: Commit;
  /** Undefined when CI state has not been loaded (yet) for this commit. */
  readonly ci?: CiState;
}

export interface CiState {
  readonly run?: WorkflowRun;
  /** How many runs exist for this SHA in the fetched window. */
  readonly runCount: number;
  readonly state: RunStatePresentation;
  readonly artifacts: readonly ServiceArtifact[];
  /** The non-expired artifact created last, if any. */
  readonly youngestUsable?: ServiceArtifact;
}

export interface JoinOptions {
  readonly services: readonly string[];
  readonly now: Date;
  readonly warningDays: number;
}

/** The rule shown to users: the newest run of the push event, else the newest run of any event. */
export const RUN_RULE = 'the newest push run of the commit, else its newest run of any event';

export function pickRun(runs: readonly WorkflowRun[]): WorkflowRun | undefined {
  const newestFirst = [...runs].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id);

  return newestFirst.find((run) => run.event === 'push') ?? newestFirst[0];
}

export function groupRunsBySha(runs: readonly WorkflowRun[]): Map<string, WorkflowRun[]> {
  const bySha = new Map<string, WorkflowRun[]>();

  for (const run of runs) {
    const sha = run.headSha.toLowerCase();
    const list = bySha.get(sha) ?? [];
    list.push(run);
    bySha.set(sha, list);
  }

  return bySha;
}

export function groupArtifactsByRun(artifacts: readonly Artifact[]): Map<number, Artifact[]> {
  const byRun = new Map<number, Artifact[]>();

  for (const artifact of artifacts) {
    if (artifact.runId === null) {
      continue;
    }

    const list = byRun.get(artifact.runId) ?? [];
    list.push(artifact);
    byRun.set(artifact.runId, list);
  }

  return byRun;
}

export function joinCommitStatuses(
  commits: readonly Commit[],
  runs: readonly WorkflowRun[],
  artifacts: readonly Artifact[],
  options: JoinOptions,
): CommitStatus[] {
  const runsBySha = groupRunsBySha(runs);
  const artifactsByRun = groupArtifactsByRun(artifacts);

  return commits.map((commit) => {
    const commitRuns = runsBySha.get(commit.sha.toLowerCase()) ?? [];
    const run = pickRun(commitRuns);
    const runArtifacts = run ? (artifactsByRun.get(run.id) ?? []) : [];
    const serviceArtifacts = options.services.map((service) =>
      describeServiceArtifact(service, newestNamed(runArtifacts, service), options),
    );

    return {
      commit,
      ci: {
        run,
        runCount: commitRuns.length,
        state: run ? presentRunState(run.status, run.conclusion) : NO_RUN,
        artifacts: serviceArtifacts,
        youngestUsable: youngestUsable(serviceArtifacts),
      },
    };
  });
}

export function describeServiceArtifact(
  service: string,
  artifact: Artifact | undefined,
  options: Pick<JoinOptions, 'now' | 'warningDays'>,
): ServiceArtifact {
  if (!artifact) {
    return { service, kind: 'missing', summary: 'no artifact' };
  }

  const ageText = artifact.createdAt ? describeAge(artifact.createdAt, options.now) : undefined;
  if (!artifact.expiresAt) {
    const kind = artifact.expired ? 'expired' : 'valid';
    return {
      service,
      artifact,
      kind,
      ageText,
      summary: artifact.expired ? 'expired' : (ageText ?? 'no date'),
    };
  }

  const expiry = describeExpiry(artifact.expiresAt, options.now, artifact.expired);
  const kind: ArtifactKind = expiry.expired
    ? 'expired'
    : isExpiringSoon(expiry, options.warningDays)
      ? 'expiring'
      : 'valid';
  const summary = expiry.expired || !ageText ? expiry.text : `${ageText} · ${expiry.text}`;

  return { service, artifact, kind, ageText, summary };
}

/** The state shown for a commit whose CI has not been loaded. */
export function unloadedCiState(): RunStatePresentation {
  return NOT_LOADED;
}

/** Space-separated `contextValue` tokens for a commit row, matched by `when` clauses. */
export function commitContextTokens(status: CommitStatus): string[] {
  const tokens = ['commit'];

  if (!status.ci) {
    tokens.push('ci-unknown');
    return tokens;
  }

  tokens.push(`ci-${status.ci.state.token}`);
  if (status.ci.run) {
    tokens.push('has-run');
  }

  const kinds = new Set(status.ci.artifacts.map((artifact) => artifact.kind));
  if (kinds.has('valid') || kinds.has('expiring')) {
    tokens.push('artifacts-valid');
  } else if (kinds.has('expired')) {
    tokens.push('artifacts-expired');
  } else {
    tokens.push('artifacts-none');
  }

  if (kinds.has('expiring')) {
    tokens.push('artifacts-expiring');
  }

  return tokens;
}

function newestNamed(artifacts: readonly Artifact[], name: string): Artifact | undefined {
  return artifacts
    .filter((artifact) => isArtifactOf(name, artifact.name))
    .sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0) || b.id - a.id)[0];
}

function youngestUsable(artifacts: readonly ServiceArtifact[]): ServiceArtifact | undefined {
  return artifacts
    .filter((entry) => entry.kind === 'valid' || entry.kind === 'expiring')
    .sort((a, b) => (b.artifact?.createdAt?.getTime() ?? 0) - (a.artifact?.createdAt?.getTime() ?? 0))[0];
}
