/**
 * Decides when the commits view refreshes on its own: fast, backing off, while a run is queued or
 * in progress or a publish is followed; slow (imagePublisher.refreshInterval) when everything has
 * settled; never while the view is hidden or the window has no focus, with one refresh when both
 * come back if one fell due meanwhile. Plain TypeScript with injectable timers, for tests.
 */
export interface Timers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface SchedulerOptions {
  readonly fastStartMs: number;
  readonly fastMaxMs: number;
  readonly backoff: number;
  /** The settled interval; 0 disables automatic refresh while settled. */
  readonly slowMs: number;
  /** After a refresh that failed: try again this much later. */
  readonly afterFailureMs?: number;
}

export const DEFAULT_SCHEDULE: SchedulerOptions = {
  fastStartMs: 5_000,
  fastMaxMs: 30_000,
  backoff: 1.5,
  slowMs: 180_000,
};

export class RefreshScheduler {
  private visible = false;
  private focused = true;
  private active = false;
  private fastDelay: number;
  private timer: unknown;
  private dueAt: number | undefined;
  private missed = false;
  private disposed = false;

  constructor(
    private readonly refresh: () => Promise<void>,
    private options: SchedulerOptions = DEFAULT_SCHEDULE,
    private readonly timers: Timers = systemTimers,
  ) {
    this.fastDelay = options.fastStartMs;
  }

  get delayMs(): number | undefined {
    return this.dueAt === undefined ? undefined : this.dueAt - this.timers.now();
  }

  get isRunning(): boolean {
    return this.timer !== undefined;
  }

  setOptions(options: SchedulerOptions): void {
    this.options = options;
    this.reschedule();
  }

  setVisible(visible: boolean): void {
    this.setAttention(visible, this.focused);
  }

  setFocused(focused: boolean): void {
    this.setAttention(this.visible, focused);
  }

  /** Called after a refresh that failed: one more try later, whatever else is scheduled. */
  noteFailed(): void {
    this.cancel();

    if (this.disposed) {
      return;
    }

    const delay = this.options.afterFailureMs ?? 60_000;
    this.dueAt = this.timers.now() + delay;
    this.timer = this.timers.setTimeout(() => this.onDue(), delay);
  }

  /** Called after every refresh with whether anything shown is still moving. */
  noteSettled(settled: boolean): void {
    const wasActive = this.active;
    this.active = !settled;

    if (this.active && !wasActive) {
      this.fastDelay = this.options.fastStartMs;
    }

    this.reschedule();
  }

  dispose(): void {
    this.disposed = true;
    this.cancel();
  }

  private setAttention(visible: boolean, focused: boolean): void {
    const before = this.attended;
    this.visible = visible;
    this.focused = focused;

    if (!before && this.attended && this.missed) {
      this.missed = false;
      this.fire();
      return;
    }

    this.reschedule();
  }

  private get attended(): boolean {
    return this.visible && this.focused;
  }

  private reschedule(): void {
    this.cancel();

    if (this.disposed) {
      return;
    }

    const delay = this.active ? this.fastDelay : this.options.slowMs;
    if (delay <= 0) {
      return;
    }

    this.dueAt = this.timers.now() + delay;
    this.timer = this.timers.setTimeout(() => this.onDue(), delay);
  }

  private onDue(): void {
    this.timer = undefined;
    this.dueAt = undefined;

    if (!this.attended) {
      this.missed = true;
      return;
    }

    if (this.active) {
      this.fastDelay = Math.min(this.options.fastMaxMs, Math.round(this.fastDelay * this.options.backoff));
    }

    this.fire();
  }

  private fire(): void {
    this.cancel();
    void this.refresh().catch(() => undefined);
  }

  private cancel(): void {
    if (this.timer !== undefined) {
      this.timers.clearTimeout(this.timer);
    }

    this.timer = undefined;
    this.dueAt = undefined;
  }
}
