/** The nouns of the product, as the GitHub and git layers hand them to the views. */

export interface Commit {
  readonly sha: string;
  readonly subject: string;
  readonly message: string;
  readonly authorName: string;
  readonly authorEmail: string;
  readonly authorDate?: Date;
}

export type RunStatus = 'queued' | 'in_progress' | 'waiting' | 'requested' | 'pending' | 'completed';

export type RunConclusion =
  | 'success'
  | 'failure'
  | 'cancelled'
  | 'skipped'
  | 'timed_out'
  | 'action_required'
  | 'neutral'
  | 'stale'
  | 'startup_failure';

export interface WorkflowRun {
  readonly id: number;
  readonly workflowId: number;
  readonly workflowPath: string;
  readonly name: string;
  readonly runNumber: number;
  readonly runAttempt: number;
  readonly headSha: string;
  readonly headBranch: string | null;
  readonly event: string;
  /** As GitHub sends it; unknown values are kept and shown as unknown. */
  readonly status: string | null;
  readonly conclusion: string | null;
  readonly htmlUrl: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** Login of the user who triggered the run, when GitHub says. */
  readonly actorLogin?: string;
}

export interface Artifact {
  readonly id: number;
  readonly name: string;
  readonly sizeInBytes: number;
  readonly createdAt: Date | null;
  readonly expiresAt: Date | null;
  readonly expired: boolean;
  readonly runId: number | null;
  readonly headSha: string | null;
}

export interface Workflow {
  readonly id: number;
  readonly name: string;
  readonly path: string;
  readonly state: string;
  readonly htmlUrl: string;
}

export function workflowFileName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash >= 0 ? path.slice(slash + 1) : path;
}
