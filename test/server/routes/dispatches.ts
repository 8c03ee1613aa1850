/**
 * `POST /repos/{o}/{r}/actions/workflows/{workflow_id}/dispatches` (id or file name): 204, or 200
 * `{workflow_run_id, run_url, html_url}` with `return_run_details: true`; 422 with GitHub's message
 * when the dispatch is refused (see `workflowDispatch.ts`). Needs a token with `repo`.
 */

import { gitHubError, notFound } from '../http/errors';
import { json, Route } from '../http/router';
import { repositoryWriteRefusal } from '../http/scopes';
import { dispatchWorkflow } from '../workflowDispatch';
import { findWorkflow } from './workflows';

const DOCUMENTATION_URL = 'https://docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event';

export const dispatchRoutes: Route[] = [
  {
    method: 'POST',
    template: '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches',
    access: 'repository',
    handle: (context) => {
      const refusal = repositoryWriteRefusal(context, DOCUMENTATION_URL);

      if (refusal || !context.token) {
        return refusal ?? json(notFound(), 404);
      }

      const workflow = findWorkflow(context.scenario, context.params.workflow_id);

      if (!workflow) {
        return json(notFound(), 404);
      }

      const { state } = context;

      const outcome = dispatchWorkflow({
        scenario: context.scenario,
        workflow,
        body: context.body,
        actor: state.accountOf(context.token),
        now: state.now(),
        timing: state.timing,
        enterpriseRejectsRunDetails: state.mode.enterpriseRejectsRunDetails,
      });

      if (!outcome.accepted) {
        return json(gitHubError(422, outcome.message, DOCUMENTATION_URL), 422);
      }

      state.dispatches.push(outcome.record);

      if (!outcome.record.returnRunDetails) {
        return { status: 204 };
      }

      return json({
        workflow_run_id: outcome.run.id,
        run_url: `${context.links.repoApi}/actions/runs/${outcome.run.id}`,
        html_url: `${context.links.repoHtml}/actions/runs/${outcome.run.id}`,
      });
    },
  },
];
