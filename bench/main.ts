import { measureBounces } from './suites/bounces.ts';
import { measureCli } from './suites/cli.ts';
import { measureDelivery } from './suites/delivery.ts';
import { measureDesk } from './suites/desk.ts';
import { measureDeskSend } from './suites/desk-send.ts';
import { measureEval } from './suites/eval.ts';
import { measureHttp } from './suites/http.ts';
import { measureIngest } from './suites/ingest.ts';
import { measureRender } from './suites/render.ts';
import { measureScale } from './suites/scale.ts';

/**
 * `npm run bench [-- --json] [-- --only NAME]`: the product's speed and memory figures.
 * Numbers are printed, never asserted: the targets are in the issues and the README.
 * Each suite in bench/suites/ returns named figures; add a suite to SUITES to add figures.
 */
const SUITES: Record<string, () => Promise<Record<string, number>>> = {
  render: measureRender,
  delivery: measureDelivery,
  ingest: measureIngest,
  scale: measureScale,
  http: measureHttp,
  cli: measureCli,
  desk: measureDesk,
  'desk-send': measureDeskSend,
  bounces: measureBounces,
  eval: measureEval,
};

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const onlyIndex = process.argv.indexOf('--only');
  const only = onlyIndex >= 0 ? process.argv[onlyIndex + 1] : undefined;
  const figures: Record<string, number> = {};
  for (const [name, suite] of Object.entries(SUITES)) {
    if (only && only !== name) continue;
    Object.assign(figures, await suite());
  }
  if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
  else
    for (const [name, value] of Object.entries(figures))
      process.stdout.write(`${name.padEnd(24)} ${value}\n`);
}

await main();
