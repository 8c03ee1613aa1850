/**
 * Maps a workflow run's `status` and `conclusion` to what the tree shows: a word, a codicon and a
 * theme colour, distinct for every value GitHub documents, plus a token for `contextValue`.
 */
export interface RunStatePresentation {
  /** Short word for descriptions: "passed", "failed", "running"… */
  readonly word: string;
  /** Codicon id, without `$()`. */
  readonly icon: string;
  /** Theme colour id. */
  readonly color: string;
  /** `contextValue` token suffix: `ci-${token}`. */
  readonly token: string;
  readonly settled: boolean;
}

const STATUS: Record<string, RunStatePresentation> = {
  queued: { word: 'queued', icon: 'clock', color: 'charts.yellow', token: 'queued', settled: false },
  in_progress: { word: 'running', icon: 'sync~spin', color: 'charts.blue', token: 'running', settled: false },
  waiting: { word: 'waiting', icon: 'watch', color: 'charts.orange', token: 'waiting', settled: false },
  requested: { word: 'requested', icon: 'inbox', color: 'charts.yellow', token: 'requested', settled: false },
  pending: {
    word: 'pending',
    icon: 'circle-large-outline',
    color: 'charts.yellow',
    token: 'pending',
    settled: false,
  },
};

const CONCLUSION: Record<string, RunStatePresentation> = {
  success: {
    word: 'passed',
    icon: 'pass-filled',
    color: 'testing.iconPassed',
    token: 'success',
    settled: true,
  },
  failure: { word: 'failed', icon: 'error', color: 'testing.iconFailed', token: 'failure', settled: true },
  cancelled: {
    word: 'cancelled',
    icon: 'circle-slash',
    color: 'disabledForeground',
    token: 'cancelled',
    settled: true,
  },
  skipped: {
    word: 'skipped',
    icon: 'debug-step-over',
    color: 'testing.iconSkipped',
    token: 'skipped',
    settled: true,
  },
  timed_out: {
    word: 'timed out',
    icon: 'clockface',
    color: 'testing.iconFailed',
    token: 'timed-out',
    settled: true,
  },
  action_required: {
    word: 'action required',
    icon: 'report',
    color: 'charts.orange',
    token: 'action-required',
    settled: true,
  },
  neutral: {
    word: 'neutral',
    icon: 'circle-filled',
    color: 'charts.foreground',
    token: 'neutral',
    settled: true,
  },
  stale: { word: 'stale', icon: 'archive', color: 'disabledForeground', token: 'stale', settled: true },
  startup_failure: {
    word: 'startup failure',
    icon: 'warning',
    color: 'testing.iconFailed',
    token: 'startup-failure',
    settled: true,
  },
};

export const NO_RUN: RunStatePresentation = {
  word: 'no CI run',
  icon: 'circle-outline',
  color: 'disabledForeground',
  token: 'none',
  settled: true,
};

export const NOT_LOADED: RunStatePresentation = {
  word: 'CI not loaded',
  icon: 'git-commit',
  color: 'descriptionForeground',
  token: 'unknown',
  settled: true,
};

export function presentRunState(status: string | null, conclusion: string | null): RunStatePresentation {
  if (status === 'completed') {
    return (
      (conclusion ? CONCLUSION[conclusion] : undefined) ?? {
        word: conclusion ? conclusion.replace(/_/g, ' ') : 'completed',
        icon: 'question',
        color: 'descriptionForeground',
        token: 'other',
        settled: true,
      }
    );
  }

  return (
    (status ? STATUS[status] : undefined) ?? {
      word: status ? status.replace(/_/g, ' ') : 'unknown',
      icon: 'question',
      color: 'descriptionForeground',
      token: 'other',
      settled: false,
    }
  );
}

/** Every documented status and conclusion, for tests and docs. */
export const DOCUMENTED_STATUSES = Object.keys(STATUS);
export const DOCUMENTED_CONCLUSIONS = Object.keys(CONCLUSION);
