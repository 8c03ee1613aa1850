// What a user does in the workbench, as Playwright steps. Tree rows are found by their visible text: a
// row's accessible name is its tooltip, not its label.
import type { Locator, Page } from 'playwright-core';

const WORKBENCH_TIMEOUT_MS = 60_000;

export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: WORKBENCH_TIMEOUT_MS });
}

export async function openViewContainer(page: Page, name: string): Promise<void> {
  const item = page.locator('.part.activitybar').getByRole('tab', { name });
  await item.click({ timeout: WORKBENCH_TIMEOUT_MS });
}

export function sideBar(page: Page): Locator {
  return page.locator('.part.sidebar');
}

/** A view's section of the side bar, by its title. */
export function viewPane(page: Page, title: string): Locator {
  return sideBar(page)
    .locator('.pane')
    .filter({ has: page.locator('.pane-header', { hasText: title }) });
}

/** A row of the Commits view. */
export function treeRow(page: Page, text: string): Locator {
  return viewPane(page, 'Commits').locator('.monaco-list-row').filter({ hasText: text });
}

/** A row of the Release Tags view. */
export function tagsRow(page: Page, text: string): Locator {
  return viewPane(page, 'Release Tags').locator('.monaco-list-row').filter({ hasText: text });
}

/** Clicks the welcome view's "Sign in to GitHub" button if the view shows it instead of `expected`. */
export async function signInIfAsked(page: Page, expected: Locator, timeoutMs: number): Promise<boolean> {
  const signIn = sideBar(page).getByRole('button', { name: 'Sign in to GitHub' });

  await expected.or(signIn).first().waitFor({ timeout: timeoutMs });
  if (!(await signIn.isVisible())) {
    return false;
  }

  await signIn.click();
  return true;
}

/** Drags the side bar's right edge, so tree rows show their descriptions in screenshots. */
export async function widenSideBar(page: Page, pixels: number): Promise<void> {
  const box = await sideBar(page).boundingBox();
  if (!box) {
    return;
  }

  const edge = { x: box.x + box.width + 1, y: box.y + box.height / 2 };
  await page.mouse.move(edge.x, edge.y);
  await page.mouse.down();
  await page.mouse.move(edge.x + pixels, edge.y, { steps: 10 });
  await page.mouse.up();

  // Off the sash, and long enough for its highlight to fade.
  await page.mouse.move(edge.x + pixels + 200, box.y + box.height - 10);
  await page.waitForTimeout(500);
}

/** Expands the Release Tags section of the Image Publisher container if it is collapsed. */
export async function showReleaseTags(page: Page): Promise<void> {
  const header = sideBar(page).locator('.pane-header').filter({ hasText: 'Release Tags' });
  await header.waitFor({ timeout: WORKBENCH_TIMEOUT_MS });

  if ((await header.getAttribute('aria-expanded')) !== 'true') {
    await header.click();
  }
}
