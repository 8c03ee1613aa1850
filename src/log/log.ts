/**
 * The logging surface the domain and GitHub layers write to. The VS Code layer backs it with a
 * LogOutputChannel; tests back it with a list. Nothing logged here may contain a token.
 */
export interface Log {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** A log that drops everything: for code paths and tests that do not care. */
export const silentLog: Log = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
