// Preloaded into the bench's `digest send` child (NODE_OPTIONS=--require): on exit, the
// process writes its peak resident set size to RSS_REPORT. Only the digest process itself
// reports, not npm running it.
const { writeFileSync } = require('node:fs');

if (process.env.RSS_REPORT && /dist[\\/]main\.js$/.test(process.argv[1] ?? '')) {
  process.on('exit', () => {
    writeFileSync(process.env.RSS_REPORT, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }));
  });
}
