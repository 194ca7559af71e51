import { existsSync } from 'node:fs';
import { endQuietlyWhenStdoutCloses } from './closed-stdout.ts';
import { runDigest } from './program.ts';

// No V8 flags are changed here at run time (v8.setFlagsFromString): Node documents that as
// undefined behaviour once the VM has started, and `--no-regexp-tier-up` set this way made about
// one start in sixty of `worker --role sender` die of SIGSEGV.

// A local .env (see .env.example) is read once here; loadConfig validates what it sets.
if (existsSync('.env')) process.loadEnvFile('.env');

// `digest subscribers list | head -1`: the reader leaving ends the output, not in a stack trace.
endQuietlyWhenStdoutCloses();
await runDigest(process.argv);
