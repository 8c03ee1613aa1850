/** Turns GitHub's REST shapes into the product's domain objects, tolerating missing fields. */
import type { Artifact, Workflow, WorkflowRun } from '../domain/model';
import { dateOr, stringOr } from './jsonFields';

type Json = Record<string, unknown>;

export function toWorkflowRun(raw: Json): WorkflowRun {
  return {
    id: Number(raw.id),
    workflowId: Number(raw.workflow_id),
    workflowPath: stringOr(raw.path, ''),
    name: stringOr(raw.name, stringOr(raw.display_title, 'workflow run')),
    runNumber: Number(raw.run_number ?? 0),
    runAttempt: Number(raw.run_attempt ?? 1),
    headSha: stringOr(raw.head_sha, ''),
    headBranch: typeof raw.head_branch === 'string' ? raw.head_branch : null,
    event: stringOr(raw.event, ''),
    status: typeof raw.status === 'string' ? raw.status : null,
    conclusion: typeof raw.conclusion === 'string' ? raw.conclusion : null,
    htmlUrl: stringOr(raw.html_url, ''),
    createdAt: dateOr(raw.created_at) ?? new Date(0),
    updatedAt: dateOr(raw.updated_at) ?? dateOr(raw.created_at) ?? new Date(0),
    actorLogin: loginOf(raw.triggering_actor) ?? loginOf(raw.actor),
  };
}

export function toArtifact(raw: Json): Artifact {
  const run = (raw.workflow_run ?? {}) as Json;

  return {
    id: Number(raw.id),
    name: stringOr(raw.name, ''),
    sizeInBytes: Number(raw.size_in_bytes ?? 0),
    createdAt: dateOr(raw.created_at),
    expiresAt: dateOr(raw.expires_at),
    expired: raw.expired === true,
    runId: typeof run.id === 'number' ? run.id : null,
    headSha: typeof run.head_sha === 'string' ? run.head_sha : null,
  };
}

export function toWorkflow(raw: Json): Workflow {
  return {
    id: Number(raw.id),
    name: stringOr(raw.name, ''),
    path: stringOr(raw.path, ''),
    state: stringOr(raw.state, 'active'),
    htmlUrl: stringOr(raw.html_url, ''),
  };
}

function loginOf(value: unknown): string | undefined {
  const login = (value as { login?: unknown } | null | undefined)?.login;
  return typeof login === 'string' ? login : undefined;
}
