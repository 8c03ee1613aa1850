/** The repository: `minimal-repository` (inside runs) and `full-repository` (`GET /repos/{o}/{r}`). */

import { json, Links, Route } from '../http/router';
import type { Scenario, ScenarioAccount } from '../scenario';
import { gitHubTime } from '../scenarioRules';
import { simpleUser } from './users';

export function minimalRepository(scenario: Scenario, links: Links) {
  const { repository, owner } = scenario;

  const api = links.repoApi;

  return {
    id: repository.id,
    node_id: Buffer.from(`010:Repository${repository.id}`).toString('base64'),
    name: repository.name,
    full_name: `${owner.login}/${repository.name}`,
    private: repository.private,
    owner: simpleUser(owner, links),
    html_url: links.repoHtml,
    description: repository.description,
    fork: false,
    url: api,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    hooks_url: `${api}/hooks`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
  };
}

/** `GET /repos/{owner}/{repo}`: `permissions` only for a signed-in viewer, as GitHub does. */
export function fullRepository(scenario: Scenario, links: Links, viewer: ScenarioAccount | null) {
  const { repository, owner } = scenario;

  const host = new URL(links.origin).host;

  const newestPush = scenario.branches[repository.defaultBranch]?.[0]?.date ?? repository.createdAt;

  return {
    ...minimalRepository(scenario, links),
    git_url: `git://${host}/${owner.login}/${repository.name}.git`,
    ssh_url: `git@${host}:${owner.login}/${repository.name}.git`,
    clone_url: `${links.repoHtml}.git`,
    svn_url: links.repoHtml,
    mirror_url: null,
    homepage: null,
    language: 'Python',
    size: 12_345,
    default_branch: repository.defaultBranch,
    visibility: repository.private ? 'private' : 'public',
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    open_issues: 0,
    open_issues_count: 0,
    network_count: 0,
    subscribers_count: 1,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: true,
    has_wiki: false,
    has_pages: false,
    has_discussions: false,
    archived: false,
    disabled: false,
    allow_forking: true,
    web_commit_signoff_required: false,
    license: null,
    pushed_at: gitHubTime(new Date(newestPush)),
    created_at: repository.createdAt,
    updated_at: repository.createdAt,
    ...(owner.type === 'Organization' ? { organization: simpleUser(owner, links) } : {}),
    ...(viewer
      ? { permissions: { admin: false, maintain: false, push: true, triage: true, pull: true } }
      : {}),
  };
}

export const repositoryRoutes: Route[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}',
    access: 'repository',
    handle: ({ scenario, links, viewer }) => json(fullRepository(scenario, links, viewer)),
  },
];
