import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runDigest } from './program.ts';

// V8 first interprets a regular expression and compiles it on its second use, so the analysis's
// large Unicode patterns are built twice. Compiled once, a one-shot `digest analyze` of the sample
// takes 0.21 s of CPU instead of 0.29 s. No pattern has run yet when this is set (they run in commands).
setFlagsFromString('--no-regexp-tier-up');

// A local .env (see .env.example) is read once here; loadConfig validates what it sets.
if (existsSync('.env')) process.loadEnvFile('.env');

await runDigest(process.argv);
