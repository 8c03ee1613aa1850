/** Talks to the loopback test server's control API from inside the extension host. */
import * as assert from 'node:assert/strict';

export function serverUrl(): string {
  const url = process.env.IMAGE_PUBLISHER_TEST_SERVER;
  assert.ok(url, 'IMAGE_PUBLISHER_TEST_SERVER is not set for the extension host');
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/, 'the test server must be on loopback');
  return url;
}

export async function control<T = unknown>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${serverUrl()}/_control/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

  assert.ok(response.ok, `control ${path} answered ${response.status}: ${await response.clone().text()}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
