import * as assert from 'node:assert/strict';

import { Coalescer } from '../../src/commits/coalescer';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

suite('Coalescer', () => {
  test('requests during a run fold into one more run, however many', async () => {
    const gates = [gate(), gate()];
    let runs = 0;
    const coalescer = new Coalescer(async () => {
      await gates[runs++]?.opened;
    });

    const first = coalescer.request();
    const overlapping = [coalescer.request(), coalescer.request(), coalescer.request()];
    gates[0].open();
    gates[1].open();
    await Promise.all([first, ...overlapping]);

    assert.equal(runs, 2);
  });

  test('a request after the run finished starts a new run', async () => {
    let runs = 0;
    const coalescer = new Coalescer(async () => void runs++);

    await coalescer.request();
    await coalescer.request();

    assert.equal(runs, 2);
  });

  test('the task can ask to run again (a result that went stale)', async () => {
    const seen: string[] = [];
    let branch = 'main';
    const coalescer = new Coalescer(async () => {
      const started = branch;
      await Promise.resolve();
      branch = 'feature';
      if (started !== branch) {
        seen.push(`dropped ${started}`);
        coalescer.again();
        return;
      }
      seen.push(`painted ${started}`);
    });

    await coalescer.request();

    assert.deepEqual(seen, ['dropped main', 'painted feature']);
  });

  test('whenIdle waits for the folded run too', async () => {
    const order: string[] = [];
    let runs = 0;
    const coalescer = new Coalescer(async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push(`run ${runs}`);
    });

    void coalescer.request();
    void coalescer.request();
    await coalescer.whenIdle();
    order.push('idle');

    assert.deepEqual(order, ['run 1', 'run 2', 'idle']);
    assert.equal(coalescer.busy, false);
  });
});
