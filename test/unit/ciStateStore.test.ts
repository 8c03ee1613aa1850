import * as assert from 'node:assert/strict';

import type * as vscode from 'vscode';

import { CiStateStore } from '../../src/commits/ciStateStore';
import { aRun, anArtifact, daysAgo } from './builders/domainBuilders';

/** A workspace-state double, like VS Code's own tests use. */
class MemoryMemento implements Pick<vscode.Memento, 'get' | 'update' | 'keys'> {
  readonly values = new Map<string, unknown>();
  updates = 0;

  keys(): readonly string[] {
    return [...this.values.keys()];
  }

  get<T>(key: string, fallback?: T): T {
    return (this.values.has(key) ? this.values.get(key) : fallback) as T;
  }

  update(key: string, value: unknown): Thenable<void> {
    this.updates++;
    this.values.set(key, value);
    return Promise.resolve();
  }
}

suite('CiStateStore', () => {
  test('round-trips runs and artifacts with their dates', () => {
    const memento = new MemoryMemento();
    const store = new CiStateStore(memento as unknown as vscode.Memento);
    const run = aRun({ createdAt: daysAgo(2) });
    const artifact = anArtifact({ runId: run.id, createdAt: daysAgo(2), expiresAt: daysAgo(-88) });

    store.save('repo', { savedAt: daysAgo(0), services: ['api'], runs: [run], artifacts: [artifact] });
    const loaded = new CiStateStore(memento as unknown as vscode.Memento).load('repo');

    assert.deepEqual(loaded?.runs, [run]);
    assert.deepEqual(loaded?.artifacts, [artifact]);
    assert.ok(loaded?.artifacts[0].expiresAt instanceof Date);
    assert.deepEqual(loaded?.services, ['api']);
  });

  test('an unchanged state is not written again', () => {
    const memento = new MemoryMemento();
    const store = new CiStateStore(memento as unknown as vscode.Memento);
    const state = { services: ['api'], runs: [aRun({ id: 1 })], artifacts: [] };

    store.save('repo', { ...state, savedAt: new Date(1) });
    store.save('repo', { ...state, savedAt: new Date(2) });

    assert.equal(memento.updates, 1);
  });

  test('nothing stored, or garbage stored, loads as nothing', () => {
    const memento = new MemoryMemento();
    memento.values.set('imagePublisher.lastCiState:broken', '{not json');
    const store = new CiStateStore(memento as unknown as vscode.Memento);

    assert.equal(store.load('missing'), undefined);
    assert.equal(store.load('broken'), undefined);
  });
});
