// Debian's Chromium, headless, driven by playwright-core. Playwright gives it a fresh profile folder and
// removes it on close; its config and cache folders (crash reports) go to a private temp folder too. We
// keep the browser's pid to end it ourselves if closing fails.
import * as path from 'node:path';
import { chromium, type Browser, type BrowserServer, type Page } from 'playwright-core';

import { chromiumExecutable } from './paths';
import { createTemporaryDirectory } from './temporaryDirectory';

export interface ChromiumSession {
  readonly browser: Browser;
  readonly page: Page;
  readonly pid: number;
  close(): Promise<void>;
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launchChromium(viewport = { width: 1400, height: 900 }): Promise<ChromiumSession> {
  const home = createTemporaryDirectory('chromium');
  const server: BrowserServer = await chromium
    .launchServer({
      executablePath: chromiumExecutable,
      headless: true,
      args: CHROMIUM_ARGS,
      env: {
        ...process.env,
        XDG_CONFIG_HOME: path.join(home.path, 'config'),
        XDG_CACHE_HOME: path.join(home.path, 'cache'),
      },
      timeout: 60_000,
    })
    .catch((error: unknown) => {
      home.remove();
      throw error;
    });
  const pid = server.process().pid ?? -1;

  try {
    const browser = await chromium.connect(server.wsEndpoint(), { timeout: 30_000 });
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();

    const close = async (): Promise<void> => {
      await browser.close().catch(() => undefined);
      await server.close().catch(() => undefined);
      killIfAlive(pid);
      home.remove();
    };

    return { browser, page, pid, close };
  } catch (error) {
    await server.close().catch(() => undefined);
    killIfAlive(pid);
    home.remove();
    throw error;
  }
}

function killIfAlive(pid: number): void {
  if (pid <= 0) {
    return;
  }

  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
