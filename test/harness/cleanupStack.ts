// Undo steps collected while setting something up, run last-in first-out; a failing step does not stop
// the others.
export class CleanupStack {
  private readonly steps: (() => unknown)[] = [];

  add(step: () => unknown): void {
    this.steps.push(step);
  }

  async run(): Promise<void> {
    while (this.steps.length > 0) {
      const step = this.steps.pop();
      try {
        await step?.();
      } catch (error) {
        console.error(`cleanup step failed: ${(error as Error).message}`);
      }
    }
  }
}
