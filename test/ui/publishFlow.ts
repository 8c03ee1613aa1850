// The publish flow as a user clicks it: the commit row's context menu, the service quick pick, the
// modal confirmation, the progress notification and the outcome notification.
import type { Page } from 'playwright-core';

import { treeRow } from './workbenchPage';

const STEP_TIMEOUT_MS = 20_000;

export async function openPublishFromContextMenu(page: Page, subject: string): Promise<void> {
  await treeRow(page, subject).click({ button: 'right' });

  // VS Code's context menu acts on the focused item: focus it, then press Enter as a keyboard user would.
  const item = page.getByRole('menuitem', { name: 'Publish Image…' });
  await item.waitFor({ timeout: STEP_TIMEOUT_MS });
  await item.hover();
  await page.keyboard.press('Enter');
}

export async function pickServices(page: Page, services: readonly string[]): Promise<void> {
  const quickPick = page.locator('.quick-input-widget');
  await quickPick.waitFor({ timeout: STEP_TIMEOUT_MS });

  for (const service of services) {
    // Each row reads "<service><artifact age>"; clicking a row of a multi-select pick toggles it.
    const row = quickPick.locator('.monaco-list-row').filter({ hasText: new RegExp(`${service}\\d`) });
    await row.first().click();
  }

  await page.keyboard.press('Enter');
}

export function confirmationDialog(page: Page) {
  return page.locator('.monaco-dialog-box');
}

export async function confirmPublish(page: Page): Promise<string> {
  const dialog = confirmationDialog(page);
  await dialog.waitFor({ timeout: STEP_TIMEOUT_MS });
  const text = await dialog.innerText();

  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  return text;
}

export function notification(page: Page, text: string | RegExp) {
  return page.locator('.notification-toast').filter({ hasText: text });
}

export { STEP_TIMEOUT_MS };
