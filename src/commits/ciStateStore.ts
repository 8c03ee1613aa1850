/**
 * Remembers the last CI state loaded for a repository in workspace state, so a new window shows it
 * at once (marked as not yet refreshed) before any network answer. Keeps the runs and artifacts of
 * the commits shown, not the derived wording: ages are recomputed for the time they are shown.
 * Holds nothing secret.
 */
import type * as vscode from 'vscode';

import type { Artifact, WorkflowRun } from '../domain/model';

export interface StoredCiState {
  readonly savedAt: Date;
  readonly services: readonly string[];
  readonly runs: readonly WorkflowRun[];
  readonly artifacts: readonly Artifact[];
}

const KEY_PREFIX = 'imagePublisher.lastCiState:';
const DATE_FIELDS = new Set(['savedAt', 'createdAt', 'updatedAt', 'expiresAt']);

export class CiStateStore {
  private lastWritten = new Map<string, string>();

  constructor(private readonly storage: vscode.Memento) {}

  load(repository: string): StoredCiState | undefined {
    const text = this.storage.get<string>(KEY_PREFIX + repository);
    if (!text) {
      return undefined;
    }

    try {
      return JSON.parse(text, (key, value) =>
        DATE_FIELDS.has(key) && typeof value === 'string' ? new Date(value) : value,
      ) as StoredCiState;
    } catch {
      return undefined;
    }
  }

  save(repository: string, state: StoredCiState): void {
    const content = JSON.stringify({ ...state, savedAt: undefined });
    if (this.lastWritten.get(repository) === content) {
      return;
    }

    this.lastWritten.set(repository, content);
    void this.storage.update(KEY_PREFIX + repository, JSON.stringify(state));
  }
}
