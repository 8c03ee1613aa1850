/**
 * The hover of a commit row. Everything from git or GitHub is appended as text (escaped), and the
 * markdown is untrusted: no HTML, no command links, no theme-icon syntax from data.
 */
import * as vscode from 'vscode';

import type { CommitStatus } from '../../domain/commitStatus';
import { RUN_RULE } from '../../domain/commitStatus';
import { noBidi } from '../plainText';

export function commitTooltip(
  status: CommitStatus,
  onRegistry: readonly { service: string; otherTags: readonly string[] }[] = [],
): vscode.MarkdownString {
  const tooltip = untrustedMarkdown();
  const { commit, ci } = status;

  tooltip.appendMarkdown('**');
  tooltip.appendText(noBidi(commit.subject));
  tooltip.appendMarkdown('**\n\n');

  line(tooltip, 'Commit', commit.sha);
  line(
    tooltip,
    'Author',
    commit.authorEmail ? `${commit.authorName} (${commit.authorEmail})` : commit.authorName,
  );
  if (commit.authorDate) {
    line(tooltip, 'Date', commit.authorDate.toLocaleString());
  }

  if (!ci) {
    line(tooltip, 'CI', 'not loaded yet');
    return tooltip;
  }

  if (ci.run) {
    const more = ci.runCount > 1 ? ` (${ci.runCount} runs for this commit; showing ${RUN_RULE})` : '';
    line(tooltip, 'CI', `${ci.run.name} #${ci.run.runNumber}: ${ci.state.word}, ${ci.run.event}${more}`);
  } else {
    line(tooltip, 'CI', 'no run of the CI workflow for this commit');
  }

  for (const artifact of ci.artifacts) {
    line(tooltip, artifact.service, artifact.summary);
  }

  for (const mark of onRegistry) {
    const also = mark.otherTags.length > 0 ? ` (also ${mark.otherTags.join(', ')})` : '';
    line(tooltip, 'Published', `${mark.service}${also}`);
  }

  return tooltip;
}

export function untrustedMarkdown(): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString('', false);
  markdown.isTrusted = false;
  markdown.supportHtml = false;
  markdown.supportThemeIcons = false;
  return markdown;
}

function line(tooltip: vscode.MarkdownString, label: string, value: string): void {
  tooltip.appendText(`${noBidi(label)}: `);
  // An address written as text, not a link: markdown would turn `a@b.c` into `mailto:`.
  tooltip.appendText(noBidi(value).replace(/@/g, '@\u200b'));
  tooltip.appendMarkdown('  \n');
}
