/**
 * After a window reload, picks up following the publishes that were running: once the view has a
 * signed-in connection to their repository, each running record is followed again.
 */
import * as vscode from 'vscode';

import type { CommitsModel } from '../commits/commitsModel';
import type { Log } from '../log/log';
import type { PublishRecords } from './publishRecords';
import { repositoryKey } from './repositoryKey';
import type { RunFollower } from './runFollower';

export function resumeFollowing(
  model: CommitsModel,
  records: PublishRecords,
  follower: RunFollower,
  log: Log,
): vscode.Disposable {
  const resumed = new Set<string>();

  const resume = (): void => {
    const connection = model.connection;
    if (!connection) {
      return;
    }

    // Once per session: a sign-out stops following, the next sign-in resumes it.
    const repository = repositoryKey(connection.repository);
    if (resumed.has(connection.key)) {
      return;
    }
    resumed.add(connection.key);

    for (const record of records.running(repository)) {
      if (!follower.isFollowing(record)) {
        log.info(
          `Resuming to follow the publish of ${record.service} ${record.sha.slice(0, 7)} (run ${record.runId}).`,
        );
        void follower.follow(connection, record).then(() => model.refresh());
      }
    }
  };

  return model.onDidChange(resume);
}
