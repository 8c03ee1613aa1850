/**
 * The query filters of the workflow run lists: `branch`, `event`, `status` (a status or a
 * conclusion), `head_sha`, `actor`, and `created` in GitHub's date syntax (`>=2026-01-01T00:00:00Z`,
 * `>`, `<`, `<=`, `a..b`, `a..*`, `*..b`, or a single day).
 */

import type { ScenarioRun } from '../scenario';
import { DAY_MS, RUN_STATUSES, RunStatus } from '../scenarioRules';

export type RunFilter = (run: ScenarioRun) => boolean;

interface TimeRange {
  from: number;
  to: number;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The filter the query asks for, or an error message for a `created` GitHub would not parse. */
export function runFilterFrom(query: URLSearchParams): RunFilter | { error: string } {
  const checks: RunFilter[] = [];

  const branch = query.get('branch');

  const event = query.get('event');

  const status = query.get('status');

  const headSha = query.get('head_sha');

  const actor = query.get('actor');

  const created = query.get('created');

  if (branch) {
    checks.push((run) => run.headBranch === branch);
  }

  if (event) {
    checks.push((run) => run.event === event);
  }

  if (status) {
    checks.push((run) =>
      RUN_STATUSES.includes(status as RunStatus) ? run.status === status : run.conclusion === status,
    );
  }

  if (headSha) {
    checks.push((run) => run.headSha === headSha);
  }

  if (actor) {
    checks.push((run) => run.actor.login.toLowerCase() === actor.toLowerCase());
  }

  if (created) {
    const range = parseCreated(created);

    if (!range) {
      return { error: `Invalid created filter: ${created}` };
    }

    checks.push((run) => {
      const time = Date.parse(run.createdAt);

      return time >= range.from && time <= range.to;
    });
  }

  return (run) => checks.every((check) => check(run));
}

/** Newest first, as GitHub lists runs and artifacts. */
/** Parsed timestamps: lists are sorted on every request, and parsing dominated the bench server's time. */
const parsedTimes = new Map<string, number>();

function timeOf(value: string): number {
  let time = parsedTimes.get(value);
  if (time === undefined) {
    time = Date.parse(value);
    parsedTimes.set(value, time);
  }
  return time;
}

export function newestFirst<T extends { createdAt: string; id: number }>(a: T, b: T): number {
  return timeOf(b.createdAt) - timeOf(a.createdAt) || b.id - a.id;
}

export function parseCreated(value: string): TimeRange | null {
  const text = value.trim().replace(/ /g, '+');

  const comparison = /^(>=|<=|>|<)(.+)$/.exec(text);

  if (comparison) {
    return comparisonRange(comparison[1], comparison[2]);
  }

  const interval = /^(.+)\.\.(.+)$/.exec(text);

  if (interval) {
    const from = interval[1] === '*' ? { from: -Infinity, to: -Infinity } : bound(interval[1]);

    const to = interval[2] === '*' ? { from: Infinity, to: Infinity } : bound(interval[2]);

    return from && to ? { from: from.from, to: to.to } : null;
  }

  return bound(text);
}

function comparisonRange(operator: string, operand: string): TimeRange | null {
  const range = bound(operand);

  if (!range) {
    return null;
  }

  switch (operator) {
    case '>=':
      return { from: range.from, to: Infinity };

    case '>':
      return { from: range.to + 1, to: Infinity };

    case '<=':
      return { from: -Infinity, to: range.to };

    default:
      return { from: -Infinity, to: range.from - 1 };
  }
}

/** A date covers its whole (UTC) day; a date-time covers its instant. */
function bound(text: string): TimeRange | null {
  if (DATE_ONLY.test(text)) {
    const from = Date.parse(`${text}T00:00:00Z`);

    return Number.isNaN(from) ? null : { from, to: from + DAY_MS - 1 };
  }

  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    return null;
  }

  const instant = Date.parse(text);

  return Number.isNaN(instant) ? null : { from: instant, to: instant };
}
