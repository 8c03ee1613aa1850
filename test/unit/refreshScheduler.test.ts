import * as assert from 'node:assert/strict';

import { RefreshScheduler, type Timers } from '../../src/commits/refreshScheduler';

class FakeTimers implements Timers {
  private time = 0;
  private next = 1;
  private readonly pending = new Map<number, { at: number; callback: () => void }>();

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, { at: this.time + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  /** Moves time forward, firing due timers in order. */
  advance(ms: number): void {
    const end = this.time + ms;

    for (;;) {
      const due = [...this.pending.entries()]
        .filter(([, timer]) => timer.at <= end)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) {
        break;
      }
      this.pending.delete(due[0]);
      this.time = due[1].at;
      due[1].callback();
    }

    this.time = end;
  }
}

const options = { fastStartMs: 5_000, fastMaxMs: 20_000, backoff: 2, slowMs: 180_000 };

function setUp() {
  const timers = new FakeTimers();
  const refreshes: number[] = [];
  const scheduler = new RefreshScheduler(async () => void refreshes.push(timers.now()), options, timers);
  scheduler.setVisible(true);
  scheduler.setFocused(true);
  return { timers, refreshes, scheduler };
}

suite('RefreshScheduler', () => {
  test('fast while something runs, backing off to the maximum', () => {
    const { timers, refreshes, scheduler } = setUp();

    scheduler.noteSettled(false);
    for (let index = 0; index < 4; index++) {
      timers.advance(30_000);
      scheduler.noteSettled(false);
    }

    assert.deepEqual(refreshes, [5_000, 40_000, 80_000, 110_000]);
    assert.equal(scheduler.delayMs, 20_000);
  });

  test('the backoff: 5 s, 10 s, 20 s, 20 s between refreshes', () => {
    const { timers, refreshes, scheduler } = setUp();

    scheduler.noteSettled(false);
    timers.advance(5_000);
    scheduler.noteSettled(false);
    timers.advance(10_000);
    scheduler.noteSettled(false);
    timers.advance(20_000);
    scheduler.noteSettled(false);
    timers.advance(20_000);

    assert.deepEqual(refreshes, [5_000, 15_000, 35_000, 55_000]);
  });

  test('slow when settled', () => {
    const { timers, refreshes, scheduler } = setUp();

    scheduler.noteSettled(true);
    timers.advance(179_000);
    assert.deepEqual(refreshes, []);

    timers.advance(1_000);
    assert.deepEqual(refreshes, [180_000]);
  });

  test('nothing while hidden; one refresh when it comes back, not more', () => {
    const { timers, refreshes, scheduler } = setUp();

    scheduler.noteSettled(false);
    scheduler.setVisible(false);
    timers.advance(600_000);
    assert.deepEqual(refreshes, []);

    scheduler.setVisible(true);
    assert.deepEqual(refreshes, [600_000]);
    timers.advance(1_000);
    assert.equal(refreshes.length, 1);
  });

  test('nothing while the window has no focus', () => {
    const { timers, refreshes, scheduler } = setUp();

    scheduler.noteSettled(true);
    scheduler.setFocused(false);
    timers.advance(400_000);
    assert.deepEqual(refreshes, []);

    scheduler.setFocused(true);
    assert.equal(refreshes.length, 1);
  });

  test('coming back before anything fell due does not refresh', () => {
    const { timers, refreshes, scheduler } = setUp();

    scheduler.noteSettled(true);
    scheduler.setVisible(false);
    timers.advance(10_000);
    scheduler.setVisible(true);

    assert.deepEqual(refreshes, []);
  });

  test('a new run restarts the fast cadence', () => {
    const { timers, refreshes, scheduler } = setUp();

    scheduler.noteSettled(false);
    timers.advance(5_000);
    scheduler.noteSettled(false);
    timers.advance(10_000);
    scheduler.noteSettled(true);
    scheduler.noteSettled(false);
    timers.advance(5_000);

    assert.deepEqual(refreshes, [5_000, 15_000, 20_000]);
  });

  test('a slow interval of 0 turns settled refresh off', () => {
    const timers = new FakeTimers();
    const refreshes: number[] = [];
    const scheduler = new RefreshScheduler(
      async () => void refreshes.push(1),
      { ...options, slowMs: 0 },
      timers,
    );
    scheduler.setVisible(true);

    scheduler.noteSettled(true);
    timers.advance(10_000_000);

    assert.deepEqual(refreshes, []);
  });
});

suite('RefreshScheduler after a failed refresh', () => {
  test('tries again a minute later, then follows the normal cadence', () => {
    const timers = new FakeTimers();
    const refreshes: number[] = [];
    const scheduler = new RefreshScheduler(
      async () => void refreshes.push(timers.now()),
      { ...options, afterFailureMs: 60_000 },
      timers,
    );
    scheduler.setVisible(true);

    scheduler.noteFailed();
    timers.advance(59_000);
    assert.deepEqual(refreshes, []);

    timers.advance(1_000);
    assert.deepEqual(refreshes, [60_000]);

    scheduler.noteSettled(true);
    timers.advance(180_000);
    assert.deepEqual(refreshes, [60_000, 240_000]);
  });
});
