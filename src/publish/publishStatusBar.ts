/** A status bar item with the state of the publishes being followed. */
import * as vscode from 'vscode';

export class PublishStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'imagePublisher.publishes',
    vscode.StatusBarAlignment.Left,
    50,
  );
  private readonly states = new Map<string, string>();
  private hideTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.item.name = 'Image Publisher: publishes';
    this.item.command = 'imagePublisher.showLog';
  }

  show(key: string, text: string): void {
    clearTimeout(this.hideTimer);
    this.states.set(key, text);
    this.render();
  }

  finish(key: string, text: string): void {
    this.states.set(key, text);
    this.render();
    this.states.delete(key);

    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => this.render(), 15_000);
  }

  dispose(): void {
    clearTimeout(this.hideTimer);
    this.item.dispose();
  }

  private render(): void {
    const texts = [...this.states.values()];

    if (texts.length === 0) {
      this.item.hide();
      return;
    }

    this.item.text = texts.length === 1 ? texts[0] : `$(rocket) ${texts.length} publishes`;
    this.item.tooltip = texts.join('\n');
    this.item.show();
  }
}
