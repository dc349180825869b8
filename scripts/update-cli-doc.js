#!/usr/bin/env node
// Writes the table of supported Excel functions into docs/cli.md (between the
// `supported-functions` markers), from the code in src/cli/builtins.ts. Run `npm run build:cli`
// first; test/cli/builtins.test.ts fails when the doc and the code disagree.
'use strict';
const fs = require('fs');
const path = require('path');
const { supportedFunctionsMarkdown } = require('../dist-cli/src/cli/builtins.js');
const file = path.join(__dirname, '..', 'docs', 'cli.md');
const doc = fs.readFileSync(file, 'utf8');
const re = /(<!-- supported-functions:start -->\n)[\s\S]*?(\n<!-- supported-functions:end -->)/;
if (!re.test(doc)) throw new Error('docs/cli.md has no supported-functions markers');
fs.writeFileSync(
  file,
  doc.replace(re, (_m, a, b) => `${a}\n${supportedFunctionsMarkdown()}\n${b}`),
);
