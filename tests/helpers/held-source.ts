import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A slow source: a loopback HTTP server whose article answers only once released. */
export interface HeldSource {
  /** The article's URL. */
  url: string;
  /** Requests that arrived (each waits for release). */
  hits(): number;
  /** When the first request arrived (ms since the epoch), or null. */
  firstHitAt(): number | null;
  /** Answers every request waiting, and every later one at once (with the article, failing no more). */
  release(): void;
  /** Holds the answers again, from the next request on. */
  hold(): void;
  /** Answers every request waiting, and every later one, with an HTTP 503 (a source that failed). */
  fail(): void;
  close(): Promise<void>;
}

/**
 * Serves one Markdown article (front matter `title`, `published`) at /article.md, holding
 * each answer until release(): the feed of slow pages of the QA report, without the wait.
 */
export async function startHeldSource(title = 'The council meets'): Promise<HeldSource> {
  let released = false;
  let failing = false;
  let hits = 0;
  let firstHitAt: number | null = null;
  const waiting: (() => void)[] = [];
  const body = `---\ntitle: ${title}\npublished: 2026-11-30\n---\nThe council said it will meet on December 10 in the town hall to decide the budget.\n`;
  const server = createServer((_req, res) => {
    hits++;
    firstHitAt ??= Date.now();
    const answer = () =>
      failing
        ? res.writeHead(503, { 'content-type': 'text/plain' }).end('down\n')
        : res.writeHead(200, { 'content-type': 'text/markdown; charset=utf-8' }).end(body);
    if (released) answer();
    else waiting.push(answer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/article.md`,
    hits: () => hits,
    firstHitAt: () => firstHitAt,
    release: () => {
      released = true;
      failing = false;
      for (const answer of waiting.splice(0)) answer();
    },
    hold: () => {
      released = false;
    },
    fail: () => {
      failing = true;
      released = true;
      for (const answer of waiting.splice(0)) answer();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
