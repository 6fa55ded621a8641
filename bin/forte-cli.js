#!/usr/bin/env node
// The `forte-cli` bin entry: runs the compiled program (`npm run build` makes dist/).
require('../dist/src/cli/main.js');
