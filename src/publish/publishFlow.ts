/** What the steps of the publish command share: its dependencies, the flow and a planned dispatch. */
import type { CommitsModel } from '../commits/commitsModel';
import type { DispatchInputs } from '../domain/dispatchInputs';
import type { GitHubConnection } from '../github/connection';
import { describeGitHubFailure } from '../github/errors';
import type { Log } from '../log/log';
import type { Prompter } from './prompter';
import type { PublishRecords } from './publishRecords';
import type { RunFollower } from './runFollower';

export interface PublishDependencies {
  readonly model: CommitsModel;
  readonly records: PublishRecords;
  readonly follower: RunFollower;
  readonly prompter: () => Prompter;
  readonly log: Log;
}

export interface PlannedDispatch {
  readonly service: string;
  readonly image: string;
  readonly inputs: DispatchInputs;
  readonly summary: string;
}

export interface Flow extends PublishDependencies {
  readonly ask: Prompter;
}

/** The user-facing sentence for a failed GitHub call of the publish. */
export function describeFailure(connection: GitHubConnection, error: unknown): string {
  return describeGitHubFailure(error, {
    repositoryLabel: connection.label,
    apiHost: connection.apiHost,
    account: connection.account,
  }).message;
}
