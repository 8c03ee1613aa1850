// Records "this extension may use this account" in the browser's VS Code storage, exactly what clicking
// "Allow" on VS Code's authentication prompt records. Needed for extension-host tests: while a test run
// is active (`extensionTestsPath`), VS Code's dialog service refuses to show that prompt and getSession
// fails with "DialogService: refused to show dialog in tests" instead.
//
// TODO@harness The storage layout (IndexedDB `vscode-web-state-db-global`, store `ItemTable`, key
// `<providerId>-<accountLabel>`) is VS Code's internal format as of 1.139; re-check it when upgrading.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';

export interface AuthenticationGrant {
  providerIds: readonly string[];
  accountLabel: string;
  extensions: readonly { id: string; name: string }[];
}

/** The identity VS Code gives code that runs outside any extension, such as the test runner itself. */
export const TEST_RUNNER_EXTENSION = { id: 'nullExtensionDescription', name: 'Null Extension Description' };

export const TEST_AUTH_PROVIDER_IDS = ['github', 'github-enterprise'];

export function testAccountLabel(): string {
  return process.env.IMAGE_PUBLISHER_TEST_LOGIN || 'octocat';
}

/** The extension id (`publisher.name`) and display name from an extension folder's package.json. */
export function extensionIdentity(extensionDirectory: string): { id: string; name: string } {
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionDirectory, 'package.json'), 'utf8')) as {
    publisher: string;
    name: string;
    displayName?: string;
  };

  return { id: `${manifest.publisher}.${manifest.name}`, name: manifest.displayName ?? manifest.name };
}

/** Must run before the workbench loads; `page` is sent to a same-origin address first. */
export async function grantAuthenticationAccess(
  page: Page,
  serverUrl: string,
  grant: AuthenticationGrant,
): Promise<void> {
  await page.goto(`${serverUrl}/healthz`);

  const entries = grant.providerIds.map((providerId) => ({
    key: `${providerId}-${grant.accountLabel}`,
    value: JSON.stringify(
      grant.extensions.map(({ id, name }) => ({ id: id.toLowerCase(), name, allowed: true })),
    ),
  }));

  await page.evaluate(writeStorageItems, entries);
}

// The minimal slice of the browser's IndexedDB API used below (the project compiles without DOM types).
interface BrowserRequest<T> {
  result: T;
  error: unknown;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
  onupgradeneeded?: (() => void) | null;
}
interface BrowserDatabase {
  createObjectStore(name: string): unknown;
  transaction(store: string, mode: 'readwrite'): BrowserTransaction;
  close(): void;
}
interface BrowserTransaction {
  error: unknown;
  objectStore(name: string): { put(value: string, key: string): unknown };
  oncomplete: (() => void) | null;
  onerror: (() => void) | null;
}

/** Runs in the page. */
function writeStorageItems(items: { key: string; value: string }[]): Promise<void> {
  const indexedDb = (
    globalThis as unknown as { indexedDB: { open(name: string): BrowserRequest<BrowserDatabase> } }
  ).indexedDB;

  return new Promise<void>((resolve, reject) => {
    const request = indexedDb.open('vscode-web-state-db-global');

    request.onupgradeneeded = () => request.result.createObjectStore('ItemTable');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const database = request.result;
      const transaction = database.transaction('ItemTable', 'readwrite');
      const store = transaction.objectStore('ItemTable');

      for (const { key, value } of items) {
        store.put(value, key);
      }

      transaction.oncomplete = () => {
        database.close();
        resolve();
      };
      transaction.onerror = () => reject(transaction.error);
    };
  });
}
