/**
 * Stand-ins for github.com's web pages that the product links to (a run, a job, a package
 * version), so "Open Run" in the demo shows a page instead of an API 404. Plain HTML, with every
 * value escaped; not part of the API and not checked against GitHub's description.
 */
import type { ServerState } from './serverState';

const RUN_PAGE = /^\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)(?:\/job\/(\d+))?\/?$/;

export function isWebPagePath(pathname: string): boolean {
  return RUN_PAGE.test(pathname);
}

export function answerWebPage(state: ServerState, pathname: string): { status: number; html: string } {
  const match = RUN_PAGE.exec(pathname);
  const run = match ? state.scenario.runs.find((candidate) => candidate.id === Number(match[3])) : undefined;

  if (!match || !run) {
    return { status: 404, html: page('Not found', '<p>The test server has no such page.</p>') };
  }

  const state_ =
    run.status === 'completed' ? `${run.status} (${run.conclusion ?? 'no conclusion'})` : run.status;
  const body = [
    `<p>Run #${run.runNumber} of <code>${escape(match[1])}/${escape(match[2])}</code>, event ${escape(run.event)}.</p>`,
    `<p>Commit <code>${escape(run.headSha)}</code> on <code>${escape(run.headBranch ?? '')}</code>.</p>`,
    `<p>State: <strong>${escape(state_)}</strong>.</p>`,
    '<p>This is the offline test server standing in for the run page on GitHub.</p>',
  ].join('\n');

  return { status: 200, html: page(`Run #${run.runNumber}`, body) };
}

function page(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><h1>${escape(title)}</h1>${body}</body></html>`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
