/** A minimal `vscode` module for plain-Node tests of classes that import it. */
import Module from 'node:module';

type Listener<T> = (value: T) => void;

export class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  readonly event = (listener: Listener<T>) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((each) => each !== listener)) };
  };
  fire(value: T): void {
    [...this.listeners].forEach((listener) => listener(value));
  }
  dispose(): void {
    this.listeners = [];
  }
}

export const vscodeStub = {
  EventEmitter,
  Uri: { file: (path: string) => ({ fsPath: path, toString: () => `file://${path}` }) },
  workspace: {
    isTrusted: true,
    getConfiguration: () => ({
      get: <T>(_key: string, fallback: T) => fallback,
      inspect: () => undefined,
    }),
  },
  authentication: { getSession: async () => undefined },
  window: { showInformationMessage: async () => undefined },
};

const moduleWithLoad = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const originalLoad = moduleWithLoad._load;
moduleWithLoad._load = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? vscodeStub : originalLoad.call(this, request, ...rest);
};
