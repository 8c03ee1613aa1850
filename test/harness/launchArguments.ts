// Reads the VS Code-style command line that @vscode/test-electron's runTests() passes to its executable.
export interface LaunchArguments {
  folder: string;
  extensionDevelopmentPaths: string[];
  extensionTestsPath: string;
  userDataDirectory?: string;
  extensionsDirectory?: string;
}

const OPTIONS_WITH_VALUES = new Set([
  'extensionDevelopmentPath',
  'extensionTestsPath',
  'user-data-dir',
  'extensions-dir',
  'locale',
  'log',
]);

export function parseLaunchArguments(argv: readonly string[]): LaunchArguments {
  const values = new Map<string, string[]>();
  const positionals: string[] = [];

  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];

    if (!argument.startsWith('--')) {
      positionals.push(argument);
      continue;
    }

    const equals = argument.indexOf('=');
    const name = argument.slice(2, equals === -1 ? undefined : equals);
    let value: string | undefined = equals === -1 ? undefined : argument.slice(equals + 1);

    if (value === undefined && OPTIONS_WITH_VALUES.has(name)) {
      index += 1;
      value = argv[index];
    }

    values.set(name, [...(values.get(name) ?? []), value ?? 'true']);
  }

  const extensionTestsPath = values.get('extensionTestsPath')?.[0];
  const folder = positionals[0];

  if (!extensionTestsPath) {
    throw new Error('--extensionTestsPath is required');
  }

  if (!folder) {
    throw new Error('a folder to open is required (pass it in launchArgs)');
  }

  return {
    folder,
    extensionDevelopmentPaths: values.get('extensionDevelopmentPath') ?? [],
    extensionTestsPath,
    userDataDirectory: values.get('user-data-dir')?.[0],
    extensionsDirectory: values.get('extensions-dir')?.[0],
  };
}
