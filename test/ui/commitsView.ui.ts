// `npm run test:ui`: the commits view as a user sees it, in code-server + headless Chromium. Installs the
// packaged extension and the test authentication extension, opens the scratch repository, opens the
// Image Publisher view, signs in if asked (clicking "Allow"), and checks that every commit of `main` is
// listed. Saves test-results/commits-view.png; with --update-screenshot also media/screenshot-commits.png.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { answerAuthenticationPrompts } from '../harness/authenticationPrompt';
import { launchChromium } from '../harness/chromium';
import { CleanupStack } from '../harness/cleanupStack';
import { startCodeServer } from '../harness/codeServer';
import { buildExtensionPackages } from '../harness/extensionPackages';
import { projectRoot, testResultsDirectory } from '../harness/paths';
import { saveScreenshot } from '../harness/screenshot';
import { createTemporaryDirectory } from '../harness/temporaryDirectory';
import {
  startTestGitHub,
  testGitHubEnvironment,
  testGitHubRemoteUrl,
  testGitHubSettings,
} from '../harness/testGitHub';
import { workbenchUrl } from '../harness/workbenchUrl';
import {
  createScratchRepository,
  MAIN_SUBJECTS,
  SCRATCH_OWNER,
  SCRATCH_REPOSITORY,
} from '../integration/scratchRepository';
import { readActivationMs } from './activationTime';
import {
  confirmPublish,
  notification,
  openPublishFromContextMenu,
  pickServices,
  STEP_TIMEOUT_MS,
} from './publishFlow';
import {
  showReleaseTags,
  tagsRow,
  openViewContainer,
  sideBar,
  signInIfAsked,
  treeRow,
  waitForWorkbench,
  widenSideBar,
} from './workbenchPage';

const OVERALL_TIMEOUT_MS = 4 * 60_000;
const ROWS_TIMEOUT_MS = 30_000;
const SCREENSHOT_NAME = 'commits-view';
const PUBLISHED_SCREENSHOT = path.join(projectRoot, 'media', 'screenshot-commits.png');
const PUBLISH_SCREENSHOT = path.join(projectRoot, 'media', 'screenshot-publish.png');
const TAGS_SCREENSHOT = path.join(projectRoot, 'media', 'screenshot-tags.png');
const MEASUREMENTS = path.join(testResultsDirectory, 'ui-measurements.json');
/** Index 2 from the newest commit: its CI run passed and its artifacts are fresh (test/server/scenarioRules.ts). */
const PUBLISHABLE_SUBJECT = MAIN_SUBJECTS[MAIN_SUBJECTS.length - 3];

const started = Date.now();

function step(message: string): void {
  console.log(`[ui ${((Date.now() - started) / 1000).toFixed(1)} s] ${message}`);
}

async function main(): Promise<void> {
  const cleanup = new CleanupStack();
  let passed = false;

  try {
    step('building and packaging the extensions');
    const packages = createTemporaryDirectory('ui-packages');
    cleanup.add(() => packages.remove());
    const vsixFiles = await buildExtensionPackages(packages.path);

    step('creating the scratch repository and starting the test server');
    const now = new Date();
    const repository = await createScratchRepository(now);
    cleanup.add(() => repository.remove());

    const github = await startTestGitHub({
      path: repository.path,
      owner: SCRATCH_OWNER,
      repo: SCRATCH_REPOSITORY,
      now,
    });
    cleanup.add(() => github.close());
    await repository.connectTo(testGitHubRemoteUrl(github));

    step('starting code-server');
    const codeServer = await startCodeServer({
      folder: repository.path,
      settings: testGitHubSettings(github),
      vsixFiles,
      environment: testGitHubEnvironment(github),
    });
    cleanup.add(() => codeServer.close());
    cleanup.add(() => passed || codeServer.keepLogs(path.join(testResultsDirectory, 'ui-logs')));

    step('opening the workbench in Chromium');
    const chromium = await launchChromium({ width: 1280, height: 800 });
    cleanup.add(() => chromium.close());
    const { page } = chromium;

    const prompts = answerAuthenticationPrompts(page, (message) => step(message));
    cleanup.add(() => prompts.stop());
    cleanup.add(() =>
      saveScreenshot(page, SCREENSHOT_NAME).then((file) => file && step(`screenshot: ${file}`)),
    );

    await page.goto(workbenchUrl(codeServer.url, { folder: repository.path }));
    await waitForWorkbench(page);

    step('opening the Image Publisher view');
    await openViewContainer(page, 'Image Publisher');

    const newestCommit = treeRow(page, MAIN_SUBJECTS[MAIN_SUBJECTS.length - 1]);
    if (await signInIfAsked(page, newestCommit, ROWS_TIMEOUT_MS)) {
      step('clicked "Sign in to GitHub"');
    }

    step('waiting for the commits of main');
    for (const subject of [...MAIN_SUBJECTS].reverse()) {
      await treeRow(page, subject).waitFor({ timeout: ROWS_TIMEOUT_MS });
    }

    const rows = await Promise.all(MAIN_SUBJECTS.map((subject) => treeRow(page, subject).count()));
    assert.deepEqual(
      rows,
      MAIN_SUBJECTS.map(() => 1),
      'each commit of main is listed once',
    );
    step(`all ${MAIN_SUBJECTS.length} commits of main are listed`);

    await widenSideBar(page, 260);

    if (process.argv.includes('--update-screenshot')) {
      // The published screenshot shows CI states: wait for them rather than publish a half-loaded view.
      await sideBar(page).getByText('passed').first().waitFor({ timeout: ROWS_TIMEOUT_MS });
      fs.mkdirSync(path.dirname(PUBLISHED_SCREENSHOT), { recursive: true });
      await page.screenshot({ path: PUBLISHED_SCREENSHOT });
      step(`updated ${path.relative(projectRoot, PUBLISHED_SCREENSHOT)}`);
    }

    const activationMs = readActivationMs(codeServer);
    assert.ok(activationMs !== undefined, 'the extension logged its activation time');
    fs.mkdirSync(testResultsDirectory, { recursive: true });
    fs.writeFileSync(MEASUREMENTS, JSON.stringify({ activationMs, at: new Date().toISOString() }, null, 2));
    step(`activation took ${activationMs} ms (${path.relative(projectRoot, MEASUREMENTS)})`);

    step('publishing the api image of a passed commit through the context menu');
    await sideBar(page).getByText('passed').first().waitFor({ timeout: ROWS_TIMEOUT_MS });
    await openPublishFromContextMenu(page, PUBLISHABLE_SUBJECT);
    await pickServices(page, ['api']);
    const confirmation = await confirmPublish(page);
    assert.match(confirmation, /Publish the api image of [0-9a-f]{7}\?/);
    assert.match(confirmation, /push_docker_image\.yml on 'main'/);

    const progress = notification(page, /Publishing api [0-9a-f]{7}/);
    await progress.waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.waitForTimeout(600); // the toast fades in
    await page.screenshot({ path: path.join(testResultsDirectory, 'publish-progress.png') });
    if (process.argv.includes('--update-screenshot')) {
      await page.screenshot({ path: PUBLISH_SCREENSHOT });
      step(`updated ${path.relative(projectRoot, PUBLISH_SCREENSHOT)}`);
    }

    await notification(page, /Published .*widgets-api:[0-9a-f]{40}/).waitFor({ timeout: 60_000 });
    const dispatches = (await (await fetch(`${github.server.url}/_control/dispatches`)).json()) as {
      dispatches: Array<{ ref: string; inputs: Record<string, string> }>;
    };
    assert.equal(dispatches.dispatches.length, 1, 'exactly one dispatch was sent');
    assert.equal(dispatches.dispatches[0].inputs.image, 'api');
    assert.equal(dispatches.dispatches[0].ref, 'main');
    step('the publish was dispatched once and followed to success');

    step('opening the Release Tags view');
    await showReleaseTags(page);
    await tagsRow(page, 'v2.4.2').first().waitFor({ timeout: ROWS_TIMEOUT_MS });
    await tagsRow(page, 'v2.4.2').last().click();
    await tagsRow(page, 'v2.4.1').last().waitFor({ timeout: ROWS_TIMEOUT_MS });
    step('the Release Tags view lists the releases');
    if (process.argv.includes('--update-screenshot')) {
      await page.mouse.move(900, 600);
      await page.waitForTimeout(500);
      await page.screenshot({ path: TAGS_SCREENSHOT });
      step(`updated ${path.relative(projectRoot, TAGS_SCREENSHOT)}`);
    }

    passed = true;
  } finally {
    await cleanup.run();
  }
}

const deadline = setTimeout(() => {
  console.error(`[ui] gave up after ${OVERALL_TIMEOUT_MS / 1000} s`);
  process.exit(124);
}, OVERALL_TIMEOUT_MS);

main().then(
  () => {
    clearTimeout(deadline);
    step('passed');
    process.exit(0);
  },
  (error: unknown) => {
    clearTimeout(deadline);
    console.error(`[ui] failed: ${(error as Error).stack ?? error}`);
    process.exit(1);
  },
);
