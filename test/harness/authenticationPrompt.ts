// VS Code asks once per extension before it hands it a session: a modal dialog ("The extension … wants to
// sign in using …") with an "Allow" button. Tests answer it the way a user would, whenever it appears.
import type { Page } from 'playwright-core';

import { delay } from './processes';

export interface PromptAnswerer {
  /** How many times "Allow" was clicked. */
  readonly allowedCount: () => number;
  stop(): void;
}

export function answerAuthenticationPrompts(page: Page, log: (message: string) => void): PromptAnswerer {
  let running = true;
  let allowed = 0;

  const watch = async (): Promise<void> => {
    while (running && !page.isClosed()) {
      const dialog = page.locator('.monaco-dialog-box');
      const allow = dialog.getByRole('button', { name: 'Allow', exact: true });

      try {
        if ((await allow.count()) > 0) {
          const message = await dialog.locator('.dialog-message-container').allTextContents();
          await allow.first().click({ timeout: 2000 });
          allowed += 1;
          log(`answered "Allow" to: ${message.join(' ').trim() || 'an authentication prompt'}`);
        }
      } catch {
        // The page is navigating, closing, or the dialog went away by itself: look again.
      }

      await delay(250);
    }
  };

  void watch();

  return {
    allowedCount: () => allowed,
    stop: () => {
      running = false;
    },
  };
}
