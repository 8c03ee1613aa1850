/**
 * Human wording for how old an artifact is and when it expires: "12 days old · expires in 78 days",
 * "expired 3 days ago". Expiry is judged from `expires_at` alone: GitHub deletes artifacts late, so
 * its `expired` flag can still be false after the date has passed.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function describeDuration(milliseconds: number): string {
  const span = Math.max(0, milliseconds);

  if (span < MINUTE) {
    return 'less than a minute';
  }

  if (span < HOUR) {
    return plural(Math.floor(span / MINUTE), 'minute');
  }

  if (span < DAY) {
    return plural(Math.floor(span / HOUR), 'hour');
  }

  return plural(Math.floor(span / DAY), 'day');
}

export function describeAge(createdAt: Date, now: Date): string {
  const span = now.getTime() - createdAt.getTime();

  if (span < MINUTE) {
    return 'just created';
  }

  return `${describeDuration(span)} old`;
}

export interface Expiry {
  readonly expired: boolean;
  /** Milliseconds until expiry; negative once expired. */
  readonly remainingMs: number;
  readonly text: string;
}

export function describeExpiry(expiresAt: Date, now: Date, expiredFlag = false): Expiry {
  const remainingMs = expiresAt.getTime() - now.getTime();

  if (remainingMs <= 0 || expiredFlag) {
    const ago = -Math.min(0, remainingMs);
    const text = ago < MINUTE ? 'expired just now' : `expired ${describeDuration(ago)} ago`;
    return { expired: true, remainingMs, text };
  }

  return { expired: false, remainingMs, text: `expires in ${describeDuration(remainingMs)}` };
}

export function isExpiringSoon(expiry: Expiry, warningDays: number): boolean {
  return !expiry.expired && expiry.remainingMs < warningDays * DAY;
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}
