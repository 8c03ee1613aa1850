/**
 * `POST /repos/{o}/{r}/actions/runs/{run_id}/rerun`: 201 `{}`; the run goes back to queued as its
 * next attempt and moves on by itself (see `runLifecycle.ts`). Refused as GitHub does: 403 `This
 * workflow is already running` before the run has completed, 403 for a run created more than 30
 * days ago. Needs a token with `repo`.
 */

import { gitHubError, notFound } from '../http/errors';
import { json, Route } from '../http/router';
import { repositoryWriteRefusal } from '../http/scopes';
import { rerun } from '../runLifecycle';
import { DAY_MS } from '../scenarioRules';

const DOCUMENTATION_URL = 'https://docs.github.com/rest/actions/workflow-runs#re-run-a-workflow';

/** How long after its creation GitHub lets a run be re-run. */
export const RERUN_WINDOW_DAYS = 30;

export const rerunRoutes: Route[] = [
  {
    method: 'POST',
    template: '/repos/{owner}/{repo}/actions/runs/{run_id}/rerun',
    access: 'repository',
    handle: (context) => {
      const refusal = repositoryWriteRefusal(context, DOCUMENTATION_URL);

      if (refusal) {
        return refusal;
      }

      const run = context.scenario.runs.find((candidate) => String(candidate.id) === context.params.run_id);

      if (!run) {
        return json(notFound(), 404);
      }

      const now = context.state.now();

      if (run.status !== 'completed') {
        return json(gitHubError(403, 'This workflow is already running', DOCUMENTATION_URL), 403);
      }

      if (now.getTime() - Date.parse(run.createdAt) > RERUN_WINDOW_DAYS * DAY_MS) {
        const message = 'Unable to retry this workflow run because it was created over a month ago';

        return json(gitHubError(403, message, DOCUMENTATION_URL), 403);
      }

      rerun(run, now, context.state.timing);

      return json({}, 201);
    },
  },
];
