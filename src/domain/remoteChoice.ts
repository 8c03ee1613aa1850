/**
 * Picks the GitHub repository a local clone belongs to: the remote named by the user's
 * `imagePublisher.remote`, else the remote of the branch's upstream, else `origin`, else the only
 * GitHub remote. Every outcome carries a sentence saying why, for the log and the view.
 */
import { resolveGitHubServer, type GitHubServer } from './githubHost';
import { parseRemoteUrl, type RemoteLocation } from './remoteUrl';

export interface GitRemote {
  readonly name: string;
  readonly fetchUrl?: string;
  readonly pushUrl?: string;
}

export interface GitHubRepository {
  readonly server: GitHubServer;
  readonly owner: string;
  readonly repo: string;
  readonly remoteName: string;
}

export type RemoteChoice =
  | { readonly ok: true; readonly repository: GitHubRepository; readonly why: string }
  | { readonly ok: false; readonly reason: string; readonly kind: 'no-remote' | 'not-github' | 'ambiguous' };

export interface RemoteChoiceInput {
  readonly remotes: readonly GitRemote[];
  readonly upstreamRemote?: string;
  readonly overrideRemote?: string;
  readonly enterpriseUri?: string;
}

interface Candidate {
  readonly remote: GitRemote;
  readonly location?: RemoteLocation;
  readonly repository?: GitHubRepository;
  readonly problem?: string;
}

export function chooseGitHubRemote(input: RemoteChoiceInput): RemoteChoice {
  const candidates = input.remotes.map((remote) => evaluate(remote, input.enterpriseUri));

  if (candidates.length === 0) {
    return {
      ok: false,
      kind: 'no-remote',
      reason: 'This repository has no remotes. Add its GitHub remote (git remote add origin <url>) and push.',
    };
  }

  const override = input.overrideRemote?.trim();
  if (override) {
    return chooseNamed(candidates, override, `imagePublisher.remote names '${override}'`);
  }

  const upstream = input.upstreamRemote ? find(candidates, input.upstreamRemote) : undefined;
  if (upstream?.repository) {
    return chosen(upstream.repository, `'${upstream.remote.name}' is the remote of the branch's upstream`);
  }

  const origin = find(candidates, 'origin');
  if (origin?.repository) {
    return chosen(origin.repository, `'origin' is a GitHub remote`);
  }

  const github = candidates.filter((candidate) => candidate.repository);
  if (github.length === 1 && github[0].repository) {
    return chosen(github[0].repository, `'${github[0].remote.name}' is the only GitHub remote`);
  }

  if (github.length > 1) {
    const names = github.map((candidate) => `'${candidate.remote.name}'`).join(', ');
    return {
      ok: false,
      kind: 'ambiguous',
      reason: `This repository has several GitHub remotes (${names}) and none is the branch's upstream or named 'origin'. Set imagePublisher.remote to the one to use.`,
    };
  }

  const first = upstream ?? origin ?? candidates[0];
  return {
    ok: false,
    kind: 'not-github',
    reason: `The remote '${first.remote.name}' is not a GitHub repository: ${first.problem}.`,
  };
}

function chooseNamed(candidates: readonly Candidate[], name: string, why: string): RemoteChoice {
  const candidate = find(candidates, name);

  if (!candidate) {
    const names = candidates.map((each) => `'${each.remote.name}'`).join(', ');
    return {
      ok: false,
      kind: 'no-remote',
      reason: `The remote '${name}' set in imagePublisher.remote does not exist in this repository (it has ${names}). Change the setting or clear it.`,
    };
  }

  if (!candidate.repository) {
    return {
      ok: false,
      kind: 'not-github',
      reason: `The remote '${name}' set in imagePublisher.remote is not a GitHub repository: ${candidate.problem}.`,
    };
  }

  return chosen(candidate.repository, why);
}

function chosen(repository: GitHubRepository, why: string): RemoteChoice {
  return { ok: true, repository, why };
}

function find(candidates: readonly Candidate[], name: string): Candidate | undefined {
  return candidates.find((candidate) => candidate.remote.name === name);
}

function evaluate(remote: GitRemote, enterpriseUri: string | undefined): Candidate {
  const url = remote.fetchUrl ?? remote.pushUrl;
  if (!url) {
    return { remote, problem: 'it has no URL' };
  }

  const parse = parseRemoteUrl(url);
  if (!parse.ok) {
    return { remote, problem: parse.reason };
  }

  const server = resolveGitHubServer(parse.location, enterpriseUri);
  if (!server.ok) {
    return { remote, location: parse.location, problem: server.reason };
  }

  return {
    remote,
    location: parse.location,
    repository: {
      server: server.server,
      owner: parse.location.owner,
      repo: parse.location.repo,
      remoteName: remote.name,
    },
  };
}
