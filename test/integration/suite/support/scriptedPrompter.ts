/** Answers the publish flow's questions from a script and records everything it was shown. */
import type {
  Confirmation,
  ConfirmAnswer,
  NoticeLevel,
  Prompter,
  ServiceChoice,
} from '../../../../src/publish/prompter';
import type { WorkflowInput } from '../../../../src/domain/workflowFile';

export interface Script {
  services?: string[];
  confirm?: ConfirmAnswer;
  inputs?: Record<string, string>;
  /** Delay before answering the service pick, to hold the flow open. */
  pickDelayMs?: number;
}

export class ScriptedPrompter implements Prompter {
  readonly picks: ServiceChoice[][] = [];
  readonly confirmations: Confirmation[] = [];
  readonly asked: string[] = [];
  readonly notices: Array<{ level: NoticeLevel; message: string; actions: string[] }> = [];
  readonly progress: string[] = [];

  constructor(private readonly script: Script) {}

  async pickServices(_title: string, choices: readonly ServiceChoice[]): Promise<string[] | undefined> {
    this.picks.push([...choices]);
    if (this.script.pickDelayMs) {
      await new Promise((resolve) => setTimeout(resolve, this.script.pickDelayMs));
    }
    return this.script.services;
  }

  async askInput(input: WorkflowInput): Promise<string | undefined> {
    this.asked.push(input.name);
    return this.script.inputs?.[input.name];
  }

  async confirm(confirmation: Confirmation): Promise<ConfirmAnswer> {
    this.confirmations.push(confirmation);
    return this.script.confirm ?? 'cancel';
  }

  async notify(level: NoticeLevel, message: string, ...actions: string[]): Promise<string | undefined> {
    this.notices.push({ level, message, actions });
    return undefined;
  }

  working<T>(message: string, work: () => Promise<T>): Promise<T> {
    this.progress.push(message);
    return work();
  }
}
