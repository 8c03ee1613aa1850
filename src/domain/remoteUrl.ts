/**
 * Parses a git remote URL into the host and owner/repository it points at.
 *
 * Credentials embedded in the URL (`https://user:secret@host/...`) are dropped here and never
 * leave this function.
 */
export interface RemoteLocation {
  /** Lower-cased host name, with `:port` only for http(s) URLs on a non-default port. */
  readonly host: string;
  readonly hostname: string;
  readonly owner: string;
  readonly repo: string;
  readonly protocol: 'ssh' | 'https' | 'http' | 'git';
}

export type RemoteParse =
  { readonly ok: true; readonly location: RemoteLocation } | { readonly ok: false; readonly reason: string };

const SCP_LIKE = /^(?:[^@/\s]*@)?([^@:/\s]+):(?!\/\/)(.+)$/;
const GITHUB_ALIASES = new Set(['www.github.com', 'ssh.github.com']);

export function parseRemoteUrl(rawUrl: string): RemoteParse {
  const url = rawUrl.trim();

  if (url.length === 0) {
    return { ok: false, reason: 'the remote URL is empty' };
  }

  const parsed = url.includes('://') ? parseUrlForm(url) : parseScpForm(url);
  if (!parsed.ok) {
    return parsed;
  }

  const path = splitOwnerAndRepo(parsed.path);
  if (!path) {
    return { ok: false, reason: 'the remote URL does not end in <owner>/<repository>' };
  }

  const hostname = GITHUB_ALIASES.has(parsed.hostname) ? 'github.com' : parsed.hostname;
  const host = parsed.port ? `${hostname}:${parsed.port}` : hostname;

  return {
    ok: true,
    location: { host, hostname, owner: path.owner, repo: path.repo, protocol: parsed.protocol },
  };
}

interface HostAndPath {
  readonly ok: true;
  readonly protocol: RemoteLocation['protocol'];
  readonly hostname: string;
  readonly port: string;
  readonly path: string;
}

function parseUrlForm(url: string): HostAndPath | { ok: false; reason: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'the remote URL cannot be parsed' };
  }

  const scheme = parsed.protocol.replace(/:$/, '').toLowerCase();
  const protocol = toProtocol(scheme);
  if (!protocol) {
    return { ok: false, reason: `remotes using ${scheme}: are not supported` };
  }

  const hostname = parsed.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (hostname.length === 0) {
    return { ok: false, reason: 'the remote URL has no host' };
  }

  const keepPort = (protocol === 'http' || protocol === 'https') && parsed.port !== '';
  return {
    ok: true,
    protocol,
    hostname,
    port: keepPort ? parsed.port : '',
    path: decodePath(parsed.pathname),
  };
}

function parseScpForm(url: string): HostAndPath | { ok: false; reason: string } {
  const match = SCP_LIKE.exec(url);
  if (!match) {
    return { ok: false, reason: 'the remote is a local path, not a hosted repository' };
  }

  const hostname = match[1].toLowerCase();
  if (hostname.length === 1) {
    return { ok: false, reason: 'the remote is a local Windows path, not a hosted repository' };
  }

  return { ok: true, protocol: 'ssh', hostname, port: '', path: match[2] };
}

function toProtocol(scheme: string): RemoteLocation['protocol'] | undefined {
  switch (scheme) {
    case 'ssh':
    case 'git+ssh':
    case 'ssh+git':
      return 'ssh';
    case 'https':
      return 'https';
    case 'http':
      return 'http';
    case 'git':
      return 'git';
    default:
      return undefined;
  }
}

function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

function splitOwnerAndRepo(path: string): { owner: string; repo: string } | undefined {
  const segments = path
    .replace(/\/+$/, '')
    .replace(/\.git$/i, '')
    .split('/')
    .filter((segment) => segment.length > 0);

  if (segments.length !== 2) {
    return undefined;
  }

  const [owner, repo] = segments;
  const validOwner = /^[A-Za-z0-9_-]+$/;
  const validRepo = /^[A-Za-z0-9_.-]+$/;
  if (!validOwner.test(owner) || !validRepo.test(repo) || repo === '.' || repo === '..') {
    return undefined;
  }

  return { owner, repo };
}
