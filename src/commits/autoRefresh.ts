/** Connects the refresh scheduler to the view's visibility, the window's focus and the model's state. */
import * as vscode from 'vscode';

import { readRefreshIntervalMs } from '../config/settings';
import type { CommitsModel } from './commitsModel';
import { DEFAULT_SCHEDULE, RefreshScheduler } from './refreshScheduler';

export function startAutoRefresh(
  model: CommitsModel,
  view: vscode.TreeView<unknown>,
  isPublishing: () => boolean,
): vscode.Disposable {
  // A low rate-limit budget stretches both cadences four times, until GitHub's window resets.
  const scheduleFor = () => {
    const low = model.connection?.rateLimit.isLow ?? false;
    const factor = low ? 4 : 1;
    return {
      ...DEFAULT_SCHEDULE,
      fastStartMs: DEFAULT_SCHEDULE.fastStartMs * factor,
      fastMaxMs: DEFAULT_SCHEDULE.fastMaxMs * factor,
      slowMs: readRefreshIntervalMs() * factor,
    };
  };
  let lowBudget = false;
  const scheduler = new RefreshScheduler(() => model.refresh(), scheduleFor());

  scheduler.setVisible(view.visible);
  scheduler.setFocused(vscode.window.state.focused);

  return vscode.Disposable.from(
    { dispose: () => scheduler.dispose() },
    view.onDidChangeVisibility((event) => scheduler.setVisible(event.visible)),
    vscode.window.onDidChangeWindowState((state) => scheduler.setFocused(state.focused)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('imagePublisher.refreshInterval')) {
        scheduler.setOptions(scheduleFor());
      }
    }),
    model.onDidChange((state) => {
      if (state.kind === 'commits' && state.stale && state.message) {
        // The refresh failed: the message promises another try, so schedule one.
        scheduler.noteFailed();
        return;
      }

      if (state.kind !== 'commits' || state.stale) {
        return;
      }

      const low = model.connection?.rateLimit.isLow ?? false;
      if (low !== lowBudget) {
        lowBudget = low;
        scheduler.setOptions(scheduleFor());
      }

      const moving = state.commits.some((status) => status.ci && !status.ci.state.settled);
      scheduler.noteSettled(!moving && !isPublishing());
    }),
  );
}
