/**
 * Reads a public image's tags and digests anonymously through the registry API, for when the GitHub
 * token cannot read packages: `/v2/<name>/tags/list` answers 401 with a Bearer challenge, the
 * realm (on the registry's own origin only) hands out an anonymous pull token, then tags are listed
 * page by page (`n`, `Link: rel="next"` kept as given) and the most meaningful ones resolved to
 * digests with manifest `HEAD` requests, a few at a time.
 *
 * No GitHub token is ever involved: the client does not take one. Every request goes through a
 * guarded fetch bound to the registry's origin, logged at debug without headers.
 */
import { isRepositoryPath } from '../domain/imageReference';
import type { CommitRef, ImageVersion } from '../domain/imageVersions';
import { createGuardedFetch } from '../github/guardedFetch';
import type { Log } from '../log/log';
import { mapWithConcurrency } from './boundedConcurrency';
import { nextLink } from './linkHeader';
import { allowedRealm, registryOrigin } from './registryAddress';
import { failureForNetwork, failureForStatus, RegistryError } from './registryErrors';
import { selectTagsToResolve } from './tagSelection';
import { bearerChallenge, type BearerChallenge } from './wwwAuthenticate';

export interface RegistryClientOptions {
  /** `GitHubServer.registryHost`: ghcr.io, `containers.<host>`, or a loopback `host:port`. */
  readonly registryHost: string;
  readonly log: Log;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;

  /** Manifest requests in flight at once (default 4). */
  readonly concurrency?: number;

  /** Tags resolved to digests at most per image (default 50). */
  readonly maxDigests?: number;

  /** `n` of each tag-list page (default 100). */
  readonly tagsPageSize?: number;

  /** Tag-list pages read at most (default 50). */
  readonly maxTagPages?: number;
}

export interface TagListing {
  readonly tags: readonly string[];

  /** False when paging stopped at `maxTagPages` or on a repeated link with more left. */
  readonly complete: boolean;
}

export interface RegistryImage {
  /** `acme/widgets-api`. */
  readonly repository: string;

  /** One per digest, most meaningful tag first; no ids or dates (the registry has none). */
  readonly versions: readonly ImageVersion[];
  readonly tagCount: number;

  /** Tags not resolved: beyond `maxDigests`, or without a manifest. */
  readonly unresolvedTags: readonly string[];
  readonly complete: boolean;
}

/** What the registry may answer a manifest request with: OCI index and image, Docker list and v2. */
export const MANIFEST_MEDIA_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

const TAG = /^[\w][\w.-]{0,127}$/;

const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

interface RegistryRequest {
  readonly method: 'GET' | 'HEAD';
  readonly accept: string;
}

export class RegistryClient {
  private readonly origin: string;
  private readonly host: string;
  private readonly send: typeof fetch;

  /** Pull tokens by repository, shared by concurrent requests; dropped with the client. */
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(private readonly options: RegistryClientOptions) {
    const origin = registryOrigin(options.registryHost);
    if (!origin) {
      throw new RegistryError('refused-host', `${options.registryHost} is not a registry host name.`);
    }

    this.origin = origin;
    this.host = new URL(origin).host;
    this.send = createGuardedFetch({
      allowedOrigin: origin,
      timeoutMs: options.timeoutMs ?? 30_000,
      log: prefixed(options.log),
      fetch: options.fetch,
    });
  }

  /** Every tag of `repository` (`acme/widgets-api`), in the registry's order. */
  async listTags(repository: string): Promise<TagListing> {
    this.assertRepository(repository);

    const pageSize = this.options.tagsPageSize ?? 100;
    const maxPages = this.options.maxTagPages ?? 50;
    const tags = new Set<string>();
    const visited = new Set<string>();
    let url = `${this.origin}/v2/${repository}/tags/list?n=${pageSize}`;

    for (let page = 0; page < maxPages; page++) {
      visited.add(url);

      const response = await this.authorized(url, repository, { method: 'GET', accept: 'application/json' });
      const body = (await this.readJson(response, repository)) as { tags?: unknown };
      const pageTags = Array.isArray(body.tags) ? body.tags : [];
      pageTags.filter((tag): tag is string => typeof tag === 'string').forEach((tag) => tags.add(tag));

      const next = nextLink(response.headers.get('link'));
      if (next === undefined) {
        return { tags: [...tags], complete: true };
      }

      url = new URL(next, url).href;
      if (visited.has(url)) {
        this.options.log.warn(`[registry] ${repository}: the tag list links back to a page already read.`);
        return { tags: [...tags], complete: false };
      }
    }

    this.options.log.warn(`[registry] ${repository}: stopped listing tags after ${maxPages} pages.`);
    return { tags: [...tags], complete: false };
  }

  /** The digest a tag names (`Docker-Content-Digest`), or undefined when the registry has no such manifest. */
  async digestOf(repository: string, tag: string): Promise<string | undefined> {
    this.assertRepository(repository);
    if (!TAG.test(tag)) {
      return undefined;
    }

    const url = `${this.origin}/v2/${repository}/manifests/${encodeURIComponent(tag)}`;
    let response = await this.authorized(url, repository, { method: 'HEAD', accept: MANIFEST_MEDIA_TYPES });
    let digest = response.headers.get('docker-content-digest');

    if (response.status === 405 || (response.ok && !digest)) {
      await discard(response);
      response = await this.authorized(url, repository, { method: 'GET', accept: MANIFEST_MEDIA_TYPES });
      digest = response.headers.get('docker-content-digest');
    }

    await discard(response);

    if (response.status === 404) {
      return undefined;
    }

    if (!response.ok) {
      throw failureForStatus(response.status, this.host, repository);
    }

    // TODO@image-publisher: without the header, the digest is the SHA-256 of the manifest bytes; no
    // registry we target omits it, so such a tag is reported unresolved instead.
    return digest && DIGEST.test(digest.trim()) ? digest.trim() : undefined;
  }

  /** Tags and digests of an image, as versions the view groups like the packages API's. */
  async readImage(repository: string, commits: readonly CommitRef[] = []): Promise<RegistryImage> {
    const listing = await this.listTags(repository);
    const { selected, skipped } = selectTagsToResolve(listing.tags, this.options.maxDigests ?? 50, commits);

    const digests = await mapWithConcurrency(selected, this.options.concurrency ?? 4, (tag) =>
      this.digestOf(repository, tag),
    );

    const tagsByDigest = new Map<string, string[]>();
    const unresolved = [...skipped];

    selected.forEach((tag, index) => {
      const digest = digests[index];
      if (digest === undefined) {
        unresolved.push(tag);
      } else {
        tagsByDigest.set(digest, [...(tagsByDigest.get(digest) ?? []), tag]);
      }
    });

    this.options.log.info(
      `[registry] ${repository}: ${listing.tags.length} tags, ${selected.length} resolved to ${tagsByDigest.size} digests${skipped.length > 0 ? `, ${skipped.length} skipped` : ''}.`,
    );

    return {
      repository,
      versions: [...tagsByDigest].map(([digest, tags]) => ({
        id: null,
        digest,
        tags,
        createdAt: null,
        updatedAt: null,
      })),
      tagCount: listing.tags.length,
      unresolvedTags: unresolved,
      complete: listing.complete && unresolved.length === 0,
    };
  }

  /**
   * Sends a request with the repository's pull token; on a 401 gets a fresh one from the
   * challenge's realm (once, shared by concurrent requests) and sends it again.
   */
  private async authorized(url: string, repository: string, request: RegistryRequest): Promise<Response> {
    const pending = this.tokens.get(repository);
    const sent = pending ? await pending.catch(() => undefined) : undefined;
    const first = await this.fetchWith(url, request, sent);

    if (first.status !== 401) {
      return first;
    }

    await discard(first);
    const challenge = bearerChallenge(first.headers.get('www-authenticate'));
    if (!challenge) {
      throw failureForStatus(401, this.host, repository);
    }

    let fresh = this.tokens.get(repository);
    if (fresh === pending) {
      fresh = this.anonymousToken(challenge, repository);
      this.tokens.set(repository, fresh);
    }

    const token = await fresh;
    if (token === sent) {
      throw failureForStatus(401, this.host, repository);
    }

    return this.fetchWith(url, request, token);
  }

  /** `GET <realm>?service=…&scope=…` without any credentials. */
  private async anonymousToken(challenge: BearerChallenge, repository: string): Promise<string> {
    const realm = allowedRealm(challenge.realm, this.origin);
    if (!realm) {
      throw new RegistryError(
        'refused-realm',
        `${this.host} asked for a token from another host; it was not followed.`,
      );
    }

    if (challenge.service !== undefined) {
      realm.searchParams.set('service', challenge.service);
    }
    realm.searchParams.set('scope', challenge.scope ?? `repository:${repository}:pull`);

    const response = await this.fetchWith(
      realm.href,
      { method: 'GET', accept: 'application/json' },
      undefined,
    );
    const body = (await this.readJson(response, repository)) as { token?: unknown; access_token?: unknown };
    const token = typeof body.token === 'string' ? body.token : body.access_token;

    if (typeof token !== 'string' || token.length === 0) {
      throw new RegistryError('invalid-response', `${this.host} handed out no token for ${repository}.`);
    }

    return token;
  }

  private async fetchWith(
    url: string,
    request: RegistryRequest,
    token: string | undefined,
  ): Promise<Response> {
    const headers: Record<string, string> = { accept: request.accept };
    if (token !== undefined) {
      headers.authorization = `Bearer ${token}`;
    }

    try {
      return await this.send(url, { method: request.method, headers });
    } catch (error) {
      throw failureForNetwork(error, this.host);
    }
  }

  private async readJson(response: Response, repository: string): Promise<Record<string, unknown>> {
    if (!response.ok) {
      await discard(response);
      throw failureForStatus(response.status, this.host, repository);
    }

    try {
      const body: unknown = await response.json();
      return body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
    } catch {
      throw new RegistryError('invalid-response', `${this.host} sent an answer that is not JSON.`);
    }
  }

  private assertRepository(repository: string): void {
    if (!isRepositoryPath(repository)) {
      throw new RegistryError('not-found', `${repository} is not a registry image name.`);
    }
  }
}

function prefixed(log: Log): Log {
  return {
    trace: (message) => log.trace(`[registry] ${message}`),
    debug: (message) => log.debug(`[registry] ${message}`),
    info: (message) => log.info(`[registry] ${message}`),
    warn: (message) => log.warn(`[registry] ${message}`),
    error: (message) => log.error(`[registry] ${message}`),
  };
}

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}
