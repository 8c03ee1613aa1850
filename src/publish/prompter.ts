/**
 * Every question the publish flow asks the user, behind one interface: VS Code's quick picks,
 * input boxes and modal dialogs in the product; a scripted answerer in the extension-host tests,
 * which also records what was shown.
 */
import * as vscode from 'vscode';

import type { WorkflowInput } from '../domain/workflowFile';
import { checkValue } from '../domain/dispatchInputs';
import { noIcons, noLinks } from '../views/plainText';

export interface ServiceChoice {
  readonly service: string;
  /** Artifact state, e.g. "2 days old · expires in 87 days". */
  readonly summary: string;
  /** Why it cannot be published; undefined when it can. */
  readonly refusal?: string;
}

export interface Confirmation {
  readonly message: string;
  readonly detail: string;
}

export type ConfirmAnswer = 'publish' | 'copy-command' | 'cancel';

export type NoticeLevel = 'info' | 'warning' | 'error';

export interface Prompter {
  pickServices(title: string, choices: readonly ServiceChoice[]): Promise<string[] | undefined>;
  askInput(input: WorkflowInput): Promise<string | undefined>;
  confirm(confirmation: Confirmation): Promise<ConfirmAnswer>;
  /** A non-modal notification; resolves with the action clicked, if any. */
  notify(level: NoticeLevel, message: string, ...actions: string[]): Promise<string | undefined>;
  /** Runs `work`, showing `message` as progress once it takes longer than a moment. */
  working<T>(message: string, work: () => Promise<T>): Promise<T>;
}

/** Work shorter than this shows no progress notification, so quick checks do not flash one. */
const PROGRESS_DELAY_MS = 800;

export const PUBLISH_BUTTON = 'Publish';
export const COPY_COMMAND_BUTTON = 'Copy gh Command';

export class VsCodePrompter implements Prompter {
  pickServices(title: string, choices: readonly ServiceChoice[]): Promise<string[] | undefined> {
    return new Promise((resolve) => {
      const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { choice: ServiceChoice }>();
      const placeholder = 'Pick the services to publish (one dispatch each)';

      pick.title = title;
      pick.canSelectMany = true;
      pick.placeholder = placeholder;
      pick.items = choices.map((choice) => ({
        label: choice.refusal
          ? `$(circle-slash) ${noIcons(choice.service)}`
          : `$(package) ${noIcons(choice.service)}`,
        description: choice.summary,
        detail: choice.refusal ? noIcons(choice.refusal) : undefined,
        choice,
      }));

      pick.onDidChangeSelection((selected) => {
        const refused = selected.find((item) => item.choice.refusal);
        if (refused) {
          pick.selectedItems = selected.filter((item) => !item.choice.refusal);
          pick.placeholder = `${refused.choice.service} cannot be published: ${refused.choice.refusal}`;
        }
      });

      let accepted = false;
      pick.onDidAccept(() => {
        accepted = true;
        resolve(pick.selectedItems.filter((item) => !item.choice.refusal).map((item) => item.choice.service));
        pick.hide();
      });
      pick.onDidHide(() => {
        if (!accepted) {
          resolve(undefined);
        }
        pick.dispose();
      });

      pick.show();
    });
  }

  async askInput(input: WorkflowInput): Promise<string | undefined> {
    const title = `Workflow input '${input.name}'${input.required ? '' : ' (optional)'}`;

    if (input.type === 'choice' || input.type === 'boolean') {
      const options = input.type === 'boolean' ? ['true', 'false'] : [...(input.options ?? [])];
      // Shown without icon syntax; the value sent is the option itself, never the shown label.
      const picked = await vscode.window.showQuickPick(
        options.map((option) => ({
          label: noIcons(option),
          description: option === input.default ? 'default' : undefined,
          option,
        })),
        { title: noIcons(title), placeHolder: input.description ? noIcons(input.description) : undefined },
      );
      return picked?.option;
    }

    return vscode.window.showInputBox({
      title,
      prompt: input.description,
      value: input.default,
      validateInput: (value) => {
        if (value === '' && input.required && input.default === undefined) {
          return `'${input.name}' is required.`;
        }
        return value === '' ? undefined : checkValue(input, value);
      },
    });
  }

  async notify(level: NoticeLevel, text: string, ...actions: string[]): Promise<string | undefined> {
    const message = noLinks(text);

    switch (level) {
      case 'info':
        return vscode.window.showInformationMessage(message, ...actions);
      case 'warning':
        return vscode.window.showWarningMessage(message, ...actions);
      case 'error':
        return vscode.window.showErrorMessage(message, ...actions);
    }
  }

  async confirm(confirmation: Confirmation): Promise<ConfirmAnswer> {
    const answer = await vscode.window.showWarningMessage(
      noLinks(confirmation.message),
      { modal: true, detail: noLinks(confirmation.detail) },
      PUBLISH_BUTTON,
      COPY_COMMAND_BUTTON,
    );

    if (answer === PUBLISH_BUTTON) {
      return 'publish';
    }

    return answer === COPY_COMMAND_BUTTON ? 'copy-command' : 'cancel';
  }

  async working<T>(message: string, work: () => Promise<T>): Promise<T> {
    const running = work();
    let finished = false;
    const done = running.finally(() => (finished = true));
    // Failures are the caller's to handle, through `running`; this copy only times the progress.
    done.catch(() => undefined);

    const timer = setTimeout(() => {
      if (!finished) {
        void vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: noIcons(message) },
          () => done.catch(() => undefined),
        );
      }
    }, PROGRESS_DELAY_MS);

    try {
      return await running;
    } finally {
      clearTimeout(timer);
    }
  }
}
