// Picks the extension host's own stdout/stderr out of code-server's log. code-server logs each chunk the
// extension host writes as `[time] [address][id][ExtensionHostConnection] <pid> text` (or `<pid><stderr>`);
// a chunk may span several lines, of which only the first carries that prefix.
const EXTENSION_HOST_CHUNK = /\[ExtensionHostConnection\] <\d+>(<stderr>)? ?(.*)$/;
const CODE_SERVER_LOG_LINE = /^\[(\d{2}:\d{2}:\d{2}|\d{4}-\d{2}-\d{2}T[^\]]+)\]/;
const LIFECYCLE_MESSAGE =
  /^(Launched Extension Host Process|Extension Host Process exited|\[reconnection-grace-time\])/;

export type OutputStream = 'stdout' | 'stderr';

/** Returns a function that takes code-server's output line by line and calls `print` for extension-host lines. */
export function extensionHostOutputFilter(
  print: (text: string, stream: OutputStream) => void,
): (line: string) => void {
  let continuing: OutputStream | undefined;

  return (line) => {
    const chunk = EXTENSION_HOST_CHUNK.exec(line);

    if (chunk) {
      const [, stderr, text] = chunk;
      continuing = LIFECYCLE_MESSAGE.test(text) ? undefined : stderr ? 'stderr' : 'stdout';
      if (continuing && text.length > 0) {
        print(text, continuing);
      }
      return;
    }

    if (CODE_SERVER_LOG_LINE.test(line)) {
      continuing = undefined;
      return;
    }

    if (continuing) {
      print(line, continuing);
    }
  };
}
