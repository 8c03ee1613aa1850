/**
 * The two failures of the packages API that need their own words: a 404, which means the package
 * does not exist or this account cannot see it (never "no tags"), and a 403 for a token without
 * `read:packages`, which the view turns into an offer to grant it. Everything else is described by
 * `describeGitHubFailure`.
 */
import { describeGitHubFailure, type FailureContext, type GitHubFailure } from './errors';

export const PACKAGES_SCOPE = 'read:packages';

export type PackagesFailure =
  | {
      readonly kind: 'package-not-found';
      readonly status: 404;

      /** The package asked for; null when listing the owner's packages. */
      readonly packageName: string | null;
      readonly message: string;
    }
  | {
      readonly kind: 'missing-scope';
      readonly status: 403;
      readonly scope: typeof PACKAGES_SCOPE;
      readonly message: string;
    }
  | GitHubFailure;

export interface PackagesFailureContext extends FailureContext {
  /** The package owner as GitHub spells it, e.g. `WordPress`. */
  readonly owner: string;
}

/** Thrown by the packages API for the failures above, so that callers can tell them apart. */
export class PackagesError extends Error {
  constructor(readonly failure: Extract<PackagesFailure, { kind: 'package-not-found' | 'missing-scope' }>) {
    super(failure.message);
    this.name = 'PackagesError';
  }
}

interface ErrorShape {
  status?: number;
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
}

export function describePackagesFailure(error: unknown, context: PackagesFailureContext): PackagesFailure {
  if (error instanceof PackagesError) {
    return error.failure;
  }

  return describeGitHubFailure(error, context);
}

/**
 * The typed failure a packages request answered with, or undefined when it is another failure.
 * A 403 is a missing scope when GitHub's message names `read:packages`, or when the route accepts
 * that scope (`x-accepted-oauth-scopes`) and the token's scopes (`x-oauth-scopes`) lack it.
 */
export function packagesFailureOf(
  error: unknown,
  packageName: string | null,
  context: PackagesFailureContext,
): PackagesError | undefined {
  const shape = (error ?? {}) as ErrorShape;

  if (shape.status === 404 && shape.response) {
    return new PackagesError({
      kind: 'package-not-found',
      status: 404,
      packageName,
      message: notFoundMessage(packageName, context),
    });
  }

  if (shape.status === 403 && isMissingScope(shape, context)) {
    return new PackagesError({
      kind: 'missing-scope',
      status: 403,
      scope: PACKAGES_SCOPE,
      message: `Reading the container packages of ${context.owner} needs the ${PACKAGES_SCOPE} permission, which ${context.account ? `the sign-in of ${context.account}` : 'this sign-in'} does not have. Grant it to see the published images.`,
    });
  }

  return undefined;
}

function isMissingScope(shape: ErrorShape, context: PackagesFailureContext): boolean {
  if (describeGitHubFailure(shape, context).kind === 'rate-limited') {
    return false;
  }

  const data = shape.response?.data as { message?: unknown } | undefined;
  if (typeof data?.message === 'string' && data.message.includes(PACKAGES_SCOPE)) {
    return true;
  }

  const headers = shape.response?.headers ?? {};
  const accepted = scopeList(headers['x-accepted-oauth-scopes']);
  const granted = scopeList(headers['x-oauth-scopes']);

  return (
    accepted.includes(PACKAGES_SCOPE) &&
    headers['x-oauth-scopes'] !== undefined &&
    !granted.some((scope) => scope === PACKAGES_SCOPE || scope === 'write:packages')
  );
}

function notFoundMessage(packageName: string | null, context: PackagesFailureContext): string {
  const who = context.account ? `the account ${context.account}` : 'this account';

  return packageName === null
    ? `The container packages of ${context.owner} were not found, or ${who} cannot see them. Check the account, or ask the owner for access.`
    : `The container package ${packageName} of ${context.owner} was not found, or ${who} cannot see it (it may have been deleted, renamed or made private). Check imagePublisher.imageName, or ask the owner for access.`;
}

function scopeList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((scope) => scope.trim())
    .filter((scope) => scope.length > 0);
}
