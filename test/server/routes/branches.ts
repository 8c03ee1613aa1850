/** `GET /repos/{o}/{r}/branches/{branch}`: a branch, its head commit, unprotected. */

import { gitHubError } from '../http/errors';
import { json, Links, Route } from '../http/router';
import { actorFor } from '../runFactory';
import type { Scenario, ScenarioCommit } from '../scenario';
import { simpleUser } from './users';

function commitObject(commit: ScenarioCommit, parent: ScenarioCommit | undefined, links: Links) {
  const url = `${links.repoApi}/commits/${commit.sha}`;

  const gitUser = { name: commit.authorName, email: commit.authorEmail, date: commit.date };

  const user = simpleUser(actorFor(commit), links);

  return {
    sha: commit.sha,
    node_id: Buffer.from(`06:Commit${commit.sha}`).toString('base64'),
    url,
    html_url: `${links.repoHtml}/commit/${commit.sha}`,
    comments_url: `${url}/comments`,
    commit: {
      url: `${links.repoApi}/git/commits/${commit.sha}`,
      author: gitUser,
      committer: gitUser,
      message: commit.subject,
      comment_count: 0,
      tree: { sha: commit.sha, url: `${links.repoApi}/git/trees/${commit.sha}` },
    },
    author: user,
    committer: user,
    parents: parent
      ? [
          {
            sha: parent.sha,
            url: `${links.repoApi}/commits/${parent.sha}`,
            html_url: `${links.repoHtml}/commit/${parent.sha}`,
          },
        ]
      : [],
  };
}

export function branchObject(name: string, scenario: Scenario, links: Links) {
  const [head, parent] = scenario.branches[name];

  const url = `${links.repoApi}/branches/${encodeURIComponent(name)}`;

  return {
    name,
    commit: commitObject(head, parent, links),
    _links: { self: url, html: `${links.repoHtml}/tree/${name}` },
    protected: false,
    protection: {
      enabled: false,
      required_status_checks: { enforcement_level: 'off', contexts: [], checks: [] },
    },
    protection_url: `${url}/protection`,
  };
}

export const branchRoutes: Route[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/branches/{branch}',
    access: 'repository',
    handle: ({ scenario, links, params }) =>
      scenario.branches[params.branch]?.length
        ? json(branchObject(params.branch, scenario, links))
        : json(gitHubError(404, 'Branch not found'), 404),
  },
];
