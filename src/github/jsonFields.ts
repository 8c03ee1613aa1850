/** Reading fields of GitHub's JSON without trusting their types: a fallback for anything unexpected. */

export function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

/** An ISO date, or null when missing or unparseable. */
export function dateOr(value: unknown): Date | null {
  if (typeof value !== 'string') {
    return null;
  }

  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
