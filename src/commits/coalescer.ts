/**
 * Runs one task at a time: a request that arrives while the task runs does not start a second
 * one; it marks the running one to go once more when it finishes, so any number of overlapping
 * requests costs at most one extra run. The task can ask for another run itself (a result that
 * went stale while it was being fetched).
 */
export class Coalescer {
  private running: Promise<void> | undefined;
  private pending = false;

  constructor(private readonly task: () => Promise<void>) {}

  get busy(): boolean {
    return this.running !== undefined;
  }

  /** Starts the task, or folds this request into the one running. Resolves when quiet. */
  request(): Promise<void> {
    if (this.running) {
      this.pending = true;
      return this.running;
    }

    this.running = this.loop().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Called by the task: run once more after this pass. */
  again(): void {
    this.pending = true;
  }

  async whenIdle(): Promise<void> {
    while (this.running) {
      await this.running;
    }
  }

  private async loop(): Promise<void> {
    do {
      this.pending = false;
      await this.task();
    } while (this.pending);
  }
}
