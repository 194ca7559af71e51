/**
 * The sending process of the crash test: `node --import tsx crash-sender.ts send|resume`.
 * It runs the real pipeline (store, render, outbox, pooled SMTP) from the environment, like
 * `digest send`, without the run lease (a killed holder would block the restart for its TTL).
 */

import { openContext } from '../../src/cli/context.ts';
import { loadConfig } from '../../src/config.ts';
import { loadArticles } from '../../src/ingest/load.ts';
import { resumeEditions, sendEdition } from '../../src/pipeline.ts';

const config = loadConfig();
const ctx = await openContext(config);
try {
  const reports = await resumeEditions(ctx, undefined, { includePaused: true });
  if (process.argv[2] === 'send') {
    const { articles } = await loadArticles(['examples/articles']);
    const report = await sendEdition(ctx, articles, { now: new Date('2022-01-06T07:00:00Z') });
    if (report) reports.push(report);
  }
  process.stdout.write(
    `${JSON.stringify(reports.map((r) => ({ outcome: r.outcome, progress: r.progress })))}\n`,
  );
} finally {
  await ctx.close();
}
