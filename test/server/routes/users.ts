/** Users: the `simple-user` shape used across the API, and `GET /user`. */

import { requiresAuthentication } from '../http/errors';
import { json, Links, Route } from '../http/router';
import type { Scenario, ScenarioAccount } from '../scenario';

export function simpleUser(account: ScenarioAccount, links: Links) {
  const url = `${links.api}/users/${account.login}`;

  return {
    login: account.login,
    id: account.id,
    node_id: Buffer.from(`04:${account.type}${account.id}`).toString('base64'),
    avatar_url: `${links.origin}/avatars/u/${account.id}?v=4`,
    gravatar_id: '',
    url,
    html_url: `${links.origin}/${account.login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: account.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

/** The signed-in user as `GET /user` shows them (GitHub's `private-user`). */
export function privateUser(account: ScenarioAccount, scenario: Scenario, links: Links) {
  return {
    ...simpleUser(account, links),
    user_view_type: 'private',
    name: account.name,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    twitter_username: null,
    notification_email: null,
    public_repos: scenario.repository.private ? 0 : 1,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: scenario.repository.createdAt,
    updated_at: scenario.repository.createdAt,
    private_gists: 0,
    total_private_repos: scenario.repository.private ? 1 : 0,
    owned_private_repos: 0,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
    plan: { name: 'enterprise', space: 976562499, collaborators: 0, private_repos: 9999 },
  };
}

export const userRoutes: Route[] = [
  {
    method: 'GET',
    template: '/user',
    access: 'user',
    handle: ({ viewer, scenario, links }) =>
      viewer ? json(privateUser(viewer, scenario, links)) : json(requiresAuthentication(), 401),
  },
];
