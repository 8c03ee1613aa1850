/**
 * Decides whether a remote's host is a GitHub the extension may talk to, and where its API lives.
 *
 * The token only ever goes to the API host derived here: github.com → api.github.com, a
 * `*.ghe.com` host → api.<host>, the host of the user's `github-enterprise.uri` → <uri>/api/v3.
 * Plain http is accepted only for loopback addresses.
 */
import type { RemoteLocation } from './remoteUrl';

export type AuthProviderId = 'github' | 'github-enterprise';

export interface GitHubServer {
  /** The host as the remote names it, e.g. `github.com` or `ghe.acme.internal`. */
  readonly host: string;
  readonly kind: 'github.com' | 'ghe.com' | 'enterprise-server';
  readonly authProvider: AuthProviderId;
  /** REST API base URL without a trailing slash. */
  readonly apiBaseUrl: string;
  /** Web base URL for links shown to the user. */
  readonly webBaseUrl: string;
  /** Container registry host: ghcr.io, containers.<host>, or the loopback test server itself. */
  readonly registryHost: string;
}

export type ServerResolution =
  { readonly ok: true; readonly server: GitHubServer } | { readonly ok: false; readonly reason: string };

export function resolveGitHubServer(
  location: RemoteLocation,
  enterpriseUri: string | undefined,
): ServerResolution {
  if (location.hostname === 'github.com') {
    return {
      ok: true,
      server: {
        host: 'github.com',
        kind: 'github.com',
        authProvider: 'github',
        apiBaseUrl: 'https://api.github.com',
        webBaseUrl: 'https://github.com',
        registryHost: 'ghcr.io',
      },
    };
  }

  const enterprise = parseEnterpriseUri(enterpriseUri);
  if (enterprise && bare(enterprise.hostname) === bare(location.hostname)) {
    return resolveEnterprise(enterprise);
  }

  return {
    ok: false,
    reason: enterprise
      ? `${location.host} is neither github.com nor the GitHub Enterprise host ${enterprise.host} set in github-enterprise.uri`
      : `${location.host} is not github.com; if it is a GitHub Enterprise host, set github-enterprise.uri to https://${location.hostname} in your user settings`,
  };
}

/** A host name without IPv6 brackets, lower case: `[::1]` and `::1` compare equal. */
function bare(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

export function isLoopbackHostname(hostname: string): boolean {
  const bare = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(?:\.\d{1,3}){3}$/.test(bare);
}

function parseEnterpriseUri(value: string | undefined): URL | undefined {
  if (!value || value.trim().length === 0) {
    return undefined;
  }

  try {
    const candidate = value.includes('://') ? value.trim() : `https://${value.trim()}`;
    return new URL(candidate);
  } catch {
    return undefined;
  }
}

function resolveEnterprise(uri: URL): ServerResolution {
  const hostname = uri.hostname.toLowerCase();

  if (uri.protocol === 'http:' && !isLoopbackHostname(hostname)) {
    return {
      ok: false,
      reason: `github-enterprise.uri uses plain http for ${uri.host}; the token is only sent over https (plain http is allowed for loopback addresses only)`,
    };
  }

  if (uri.protocol !== 'http:' && uri.protocol !== 'https:') {
    return { ok: false, reason: `github-enterprise.uri must be an https URL, not ${uri.protocol}` };
  }

  const origin = `${uri.protocol}//${uri.host}`;
  if (hostname.endsWith('.ghe.com')) {
    return {
      ok: true,
      server: {
        host: uri.host,
        kind: 'ghe.com',
        authProvider: 'github-enterprise',
        apiBaseUrl: `${uri.protocol}//api.${uri.host}`,
        webBaseUrl: origin,
        registryHost: registryHostFor(uri),
      },
    };
  }

  return {
    ok: true,
    server: {
      host: uri.host,
      kind: 'enterprise-server',
      authProvider: 'github-enterprise',
      apiBaseUrl: `${origin}/api/v3`,
      webBaseUrl: origin,
      registryHost: registryHostFor(uri),
    },
  };
}

/** Enterprise registries live at `containers.<host>`; a loopback test server serves its own. */
function registryHostFor(uri: URL): string {
  return isLoopbackHostname(uri.hostname) ? uri.host : `containers.${uri.host}`;
}
