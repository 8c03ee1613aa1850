/**
 * Where the registry is and where its token realm may be. The registry host comes from
 * `GitHubServer.registryHost` (ghcr.io, `containers.<host>`, or the loopback test server); it is
 * spoken to over https, plain http only on a loopback address. A realm is followed only on the
 * registry's own origin (for github.com that is ghcr.io): a challenge naming another host is refused.
 */
import { isLoopbackHostname } from '../domain/githubHost';

/** `https://ghcr.io`, or `http://127.0.0.1:PORT` for a loopback host; undefined for a malformed host. */
export function registryOrigin(registryHost: string): string | undefined {
  let url: URL;
  try {
    url = new URL(`https://${registryHost}`);
  } catch {
    return undefined;
  }

  if (url.host !== registryHost.toLowerCase() || url.pathname !== '/' || url.username || url.password) {
    return undefined;
  }

  return isLoopbackHostname(url.hostname) ? `http://${url.host}` : url.origin;
}

/** The realm as a URL when it is on the registry's origin; undefined otherwise. */
export function allowedRealm(realm: string, origin: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(realm);
  } catch {
    return undefined;
  }

  return url.origin === origin && !url.username && !url.password ? url : undefined;
}
