// Screenshots for humans: test-results/ is where CI keeps artifacts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';

import { testResultsDirectory } from './paths';

export async function saveScreenshot(page: Page, name: string): Promise<string | undefined> {
  const file = path.join(testResultsDirectory, `${name}.png`);
  fs.mkdirSync(testResultsDirectory, { recursive: true });

  try {
    await page.screenshot({ path: file, timeout: 10_000 });
    return file;
  } catch {
    return undefined;
  }
}
