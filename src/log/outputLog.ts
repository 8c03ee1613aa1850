/**
 * The "Image Publisher" LogOutputChannel. Its level is the user's (Developer: Set Log Level…);
 * components write through a prefixed `Log`.
 */
import * as vscode from 'vscode';

import type { Log } from './log';

export class OutputLog implements vscode.Disposable {
  readonly channel: vscode.LogOutputChannel;

  constructor(name = 'Image Publisher') {
    this.channel = vscode.window.createOutputChannel(name, { log: true });
  }

  for(component: string): Log {
    const prefix = `[${component}] `;

    return {
      trace: (message) => this.channel.trace(prefix + message),
      debug: (message) => this.channel.debug(prefix + message),
      info: (message) => this.channel.info(prefix + message),
      warn: (message) => this.channel.warn(prefix + message),
      error: (message) => this.channel.error(prefix + message),
    };
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
