/**
 * What the extension knows about its own publishes: the ones being sent or followed (so a second
 * publish of the same commit and service is refused, and a window reload resumes following) and
 * the latest outcome per commit and service (shown on the commit row). Kept in workspace state;
 * holds no token.
 */
import * as vscode from 'vscode';

export type PublishPhase = 'dispatching' | 'running' | 'succeeded' | 'failed' | 'unfollowed';

export interface PublishRecord {
  /** `apiBaseUrl owner/repo`. */
  readonly repository: string;
  readonly sha: string;
  readonly service: string;
  readonly image: string;
  readonly workflowFile: string;
  readonly ref: string;
  readonly phase: PublishPhase;
  readonly runId?: number;
  readonly runUrl?: string;
  readonly conclusion?: string;
  readonly startedAt: string;
}

const STORAGE_KEY = 'imagePublisher.publishes';
const MAX_KEPT = 100;

export class PublishRecords implements vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<PublishRecord>();
  readonly onDidChange = this.changeEmitter.event;
  private records: PublishRecord[];

  constructor(private readonly storage: vscode.Memento) {
    const stored = storage.get<PublishRecord[]>(STORAGE_KEY, []);
    // A dispatch that was being sent when the window closed cannot be resumed: its run is unknown.
    this.records = stored.map((record) =>
      record.phase === 'dispatching' ? { ...record, phase: 'unfollowed' } : record,
    );
  }

  static key(record: Pick<PublishRecord, 'repository' | 'sha' | 'service'>): string {
    return `${record.repository}|${record.sha}|${record.service}`;
  }

  /** The record in flight (dispatching or running) for this commit and service, if any. */
  active(repository: string, sha: string, service: string): PublishRecord | undefined {
    const key = PublishRecords.key({ repository, sha, service });
    return this.records.find((record) => PublishRecords.key(record) === key && isActive(record));
  }

  latest(repository: string, sha: string): PublishRecord[] {
    const byService = new Map<string, PublishRecord>();

    for (const record of this.records) {
      if (record.repository === repository && record.sha === sha) {
        byService.set(record.service, record);
      }
    }

    return [...byService.values()];
  }

  running(repository: string): PublishRecord[] {
    return this.records.filter((record) => record.repository === repository && record.phase === 'running');
  }

  /**
   * Claims the commit and service for a new publish. Returns false when one is already in flight:
   * the caller must not dispatch.
   */
  claim(record: PublishRecord): boolean {
    if (this.active(record.repository, record.sha, record.service)) {
      return false;
    }

    this.upsert(record);
    return true;
  }

  update(record: PublishRecord): void {
    this.upsert(record);
  }

  /** Drops a claim whose dispatch was never sent. */
  release(record: PublishRecord): void {
    const key = PublishRecords.key(record);
    this.records = this.records.filter(
      (entry) => !(PublishRecords.key(entry) === key && entry.phase === 'dispatching'),
    );
    void this.save();
    this.changeEmitter.fire(record);
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }

  private upsert(record: PublishRecord): void {
    const key = PublishRecords.key(record);
    const others = this.records.filter((entry) => PublishRecords.key(entry) !== key);

    this.records = [...others, record].slice(-MAX_KEPT);
    void this.save();
    this.changeEmitter.fire(record);
  }

  private save(): Thenable<void> {
    return this.storage.update(STORAGE_KEY, this.records);
  }
}

function isActive(record: PublishRecord): boolean {
  return record.phase === 'dispatching' || record.phase === 'running';
}
