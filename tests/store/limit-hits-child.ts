// A process of its own hitting one key: `node --import tsx limit-hits-child.ts DB GO HITS MAX`.
// It waits for the file GO (so that every child starts at once), then prints how many of its
// hits were allowed.
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';

const [path = '', go = '', hits = '0', max = '0'] = process.argv.slice(2);
const store = openSqliteStore(path);
process.stdout.write('ready\n');
while (!existsSync(go)) await sleep(5);
let allowed = 0;
for (let i = 0; i < Number(hits); i++) {
  const decision = await store.limits.hit('race', { max: Number(max), windowMs: 3_600_000, now: Date.now() });
  if (decision.allowed) allowed++;
}
await store.close();
process.stdout.write(`allowed ${allowed}\n`);
