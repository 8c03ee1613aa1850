// A small real git repository for the tests: `main` with 12 commits dated two days apart up to an hour
// ago (the spacing the test server's scenario rules assume), `feature/login` with 3 more after it, and
// `hostile/subjects` with 4 more whose messages try markdown, HTML and command links on the views.
import * as fs from 'node:fs';
import * as path from 'node:path';

import { git, trackRemoteBranch } from '../harness/git';
import { createTemporaryDirectory } from '../harness/temporaryDirectory';

export const SCRATCH_OWNER = 'acme';
export const SCRATCH_REPOSITORY = 'widgets';

/** Where the extension host finds the scratch repository (the test server serves its history). */
export const SCRATCH_REPOSITORY_VARIABLE = 'IMAGE_PUBLISHER_TEST_SCRATCH_REPOSITORY';

export const MAIN_SUBJECTS = [
  'Create the widgets service skeleton',
  'Add the widget catalogue endpoint',
  'Add the ingestion server entry point',
  'Configure the CI workflow',
  'Build the API image in CI',
  'Build the ingestion server image in CI',
  'Parse widget manifests during ingestion',
  'Cache widget lookups in the API',
  'Fix off-by-one in widget pagination',
  'Log request durations',
  'Document the local development setup',
  'Bump the base image to Debian 12.8',
];

export const FEATURE_BRANCH = 'feature/login';

export const FEATURE_SUBJECTS = [
  'Add the login form',
  'Validate login credentials',
  'Remember the signed-in user',
];

export const HOSTILE_BRANCH = 'hostile/subjects';

/** Newest last, as committed; each a whole commit message (the last one with a markdown body). */
export const HOSTILE_MESSAGES = [
  '[x](command:workbench.action.quit)',
  '<img src=x onerror=alert(1)>',
  '$(alert) **bold** _it_ `code`',
  [
    'Release notes for **everyone**',
    '',
    '# Heading',
    '',
    '- [quit](command:workbench.action.quit)',
    '- <script>alert(1)</script>',
    '- ![pixel](http://127.0.0.1:1/pixel.png)',
  ].join('\n'),
];

const AUTHORS = [
  { name: 'Ada Lovelace', email: 'ada@example.com' },
  { name: 'Grace Hopper', email: 'grace@example.com' },
];

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export interface ScratchRepository {
  readonly path: string;
  /** Points `origin` at `remoteUrl` (`<server>/acme/widgets.git`), with `main` tracking `origin/main`. */
  connectTo(remoteUrl: string): Promise<void>;
  remove(): void;
}

export async function createScratchRepository(now = new Date()): Promise<ScratchRepository> {
  const directory = createTemporaryDirectory('scratch');
  const repository = path.join(directory.path, SCRATCH_REPOSITORY);
  fs.mkdirSync(repository);

  await git(repository, ['init', '--quiet', '--initial-branch=main']);
  await git(repository, ['config', 'user.name', AUTHORS[0].name]);
  await git(repository, ['config', 'user.email', AUTHORS[0].email]);

  const mainHeadDate = now.getTime() - HOUR_MS;

  for (const [index, subject] of MAIN_SUBJECTS.entries()) {
    const daysBeforeHead = (MAIN_SUBJECTS.length - 1 - index) * 2;
    await commitChange(repository, index, subject, new Date(mainHeadDate - daysBeforeHead * DAY_MS));
  }

  await git(repository, ['switch', '--quiet', '--create', FEATURE_BRANCH]);

  for (const [index, subject] of FEATURE_SUBJECTS.entries()) {
    await commitChange(repository, index + 1, subject, new Date(mainHeadDate + (index + 1) * 10 * MINUTE_MS));
  }

  await git(repository, ['switch', '--quiet', '--create', HOSTILE_BRANCH, 'main']);

  for (const [index, message] of HOSTILE_MESSAGES.entries()) {
    await commitChange(repository, index, message, new Date(mainHeadDate + (index + 1) * 5 * MINUTE_MS));
  }

  await git(repository, ['switch', '--quiet', 'main']);

  return {
    path: repository,
    connectTo: (remoteUrl) => trackRemoteBranch(repository, remoteUrl, 'main'),
    remove: () => directory.remove(),
  };
}

async function commitChange(repository: string, index: number, subject: string, date: Date): Promise<void> {
  const author = AUTHORS[index % AUTHORS.length];
  const file = path.join(repository, 'CHANGES.md');

  fs.appendFileSync(file, `- ${subject}\n`);
  await git(repository, ['add', 'CHANGES.md']);
  await git(repository, ['commit', '--quiet', '--message', subject], {
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_AUTHOR_DATE: date.toISOString(),
    GIT_COMMITTER_DATE: date.toISOString(),
  });
}
