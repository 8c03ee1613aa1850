import * as assert from 'node:assert/strict';

import {
  DOCUMENTED_CONCLUSIONS,
  DOCUMENTED_STATUSES,
  NO_RUN,
  presentRunState,
} from '../../src/domain/runState';

suite('presentRunState', () => {
  const all = [
    ...DOCUMENTED_STATUSES.map((status) => presentRunState(status, null)),
    ...DOCUMENTED_CONCLUSIONS.map((conclusion) => presentRunState('completed', conclusion)),
    NO_RUN,
  ];

  test('covers every status and conclusion GitHub documents', () => {
    assert.deepEqual(DOCUMENTED_STATUSES.sort(), [
      'in_progress',
      'pending',
      'queued',
      'requested',
      'waiting',
    ]);
    assert.deepEqual(DOCUMENTED_CONCLUSIONS.sort(), [
      'action_required',
      'cancelled',
      'failure',
      'neutral',
      'skipped',
      'stale',
      'startup_failure',
      'success',
      'timed_out',
    ]);
  });

  test('each state has its own icon, word and token', () => {
    assert.equal(new Set(all.map((state) => state.icon)).size, all.length);
    assert.equal(new Set(all.map((state) => state.word)).size, all.length);
    assert.equal(new Set(all.map((state) => state.token)).size, all.length);
  });

  test('success and failure read as passed and failed', () => {
    assert.equal(presentRunState('completed', 'success').word, 'passed');
    assert.equal(presentRunState('completed', 'failure').word, 'failed');
    assert.equal(presentRunState('completed', 'failure').color, 'testing.iconFailed');
    assert.equal(presentRunState('in_progress', null).word, 'running');
  });

  test('only completed runs are settled', () => {
    assert.equal(presentRunState('in_progress', null).settled, false);
    assert.equal(presentRunState('queued', null).settled, false);
    assert.equal(presentRunState('completed', 'cancelled').settled, true);
  });

  test('an unknown value is shown as its own words with a question mark', () => {
    const state = presentRunState('completed', 'brand_new');

    assert.equal(state.word, 'brand new');
    assert.equal(state.icon, 'question');
  });
});
