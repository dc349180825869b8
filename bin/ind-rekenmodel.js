#!/usr/bin/env node
// The `ind-rekenmodel` command. The code is TypeScript compiled by `npm run build:cli`
// (tsconfig.cli.json → dist-cli/), which `npm ci` runs through the `prepare` script.
'use strict';
let cli;
try {
  cli = require('../dist-cli/src/cli/main.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && /dist-cli/.test(String(e.message))) {
    process.stderr.write('ind-rekenmodel is not built yet: run `npm run build:cli` first.\n');
    process.exit(2);
  }
  throw e;
}
cli.runFromProcess();
