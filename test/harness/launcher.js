#!/usr/bin/env node
// The "VS Code executable" for @vscode/test-electron's runTests(): it takes VS Code's command line and
// runs the extension tests in code-server + headless Chromium instead (see extensionTestRun.ts).
require('tsx/cjs');

const { runExtensionTests } = require('./extensionTestRun.ts');

runExtensionTests(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
