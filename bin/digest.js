#!/usr/bin/env node
// The `digest` command: the production build in dist/, rebuilt first when a source changed
// (see scripts/build.js). `npm run digest` does the same with V8's heap limits set.
import { execFileSync } from 'node:child_process';

execFileSync(process.execPath, [new URL('../scripts/build.js', import.meta.url).pathname, '--if-stale'], {
  stdio: 'inherit',
});
await import('../dist/main.js');
