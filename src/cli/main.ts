import { existsSync } from 'node:fs';
import { runDigest } from './program.ts';

// A local .env (see .env.example) is read once here; loadConfig validates what it sets.
if (existsSync('.env')) process.loadEnvFile('.env');

await runDigest(process.argv);
