import { join } from 'node:path';
import { startHttpServer } from '../../src/server/http-server.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import { startNodeHttpBaseline } from './node-http-baseline.ts';

/**
 * A child process serving the unsubscribe route for the HTTP bench, so the load generator
 * does not share its event loop: `tsx bench/http/target.ts node-http|fastify DIR`. Prints
 * the server's address on the first line, then serves until stdin closes.
 */
const [kind = 'fastify', dir = '.'] = process.argv.slice(2);
const SECRET = 'bench-secret-0123456789';
const store = openSqliteStore(join(dir, `${kind}.db`));
await store.addSubscriber('reader@example.org', 'Reader');
const server =
  kind === 'node-http'
    ? await startNodeHttpBaseline(store, SECRET)
    : await startHttpServer({ port: 0, store, secret: SECRET, newsletterName: 'Bench' });
process.stdout.write(`${server.url}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void server.close().then(() => store.close());
});
