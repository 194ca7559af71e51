import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DigestError } from '../../src/errors.ts';
import { ACCEPT_ARTICLES, isReadableMediaType } from '../../src/ingest/content-kind.ts';
import { assertHttpUrl, fetchText, resolveFetchOptions } from '../../src/ingest/fetch.ts';
import { type FixtureServer, startFixtureServer } from './fixture-server.ts';

const OPTIONS = resolveFetchOptions({ timeoutMs: 400, retries: 2, retryDelayMs: 5, maxBytes: 256 * 1024 });
const REQUEST = { accept: ACCEPT_ARTICLES, acceptsType: isReadableMediaType };

async function failure(promise: Promise<unknown>): Promise<DigestError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DigestError);
  return error as DigestError;
}

describe('fetchText', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(() => server.close());

  it('fetches a page with the User-Agent and Accept headers and decodes it', async () => {
    const page = await fetchText(`${server.base}/news/market-square`, REQUEST, OPTIONS);
    expect(page.status).toBe(200);
    expect(page.mediaType).toBe('text/html');
    expect(page.body).toContain('Cars will no longer be allowed');
    const seen = server.requests.find((r) => r.path === '/news/market-square');
    expect(seen?.headers['user-agent']).toMatch(/^ArticleDigest\//);
    expect(seen?.headers.accept).toContain('application/rss+xml');
  });

  it('refuses file:, data:, ftp: and other schemes before any request', () => {
    for (const url of [
      'file:///etc/passwd',
      'data:text/html,<p>x</p>',
      'ftp://127.0.0.1/a.txt',
      'javascript:alert(1)',
    ]) {
      expect(() => assertHttpUrl(url)).toThrow(/only http and https/);
    }
  });

  it('follows redirects, counting them, and reports the final address', async () => {
    const page = await fetchText(`${server.base}/hop/3`, REQUEST, OPTIONS);
    expect(page.url).toBe(`${server.base}/news/market-square`);
    expect(page.body).toContain('market square');
  });

  it('gives up past the redirect limit, and on a redirect loop', async () => {
    const tooMany = await failure(fetchText(`${server.base}/hop/9`, REQUEST, OPTIONS));
    expect(tooMany.code).toBe('FETCH_FAILED');
    expect(tooMany.message).toMatch(/more than 5 redirects/);
    const loop = await failure(fetchText(`${server.base}/loop`, REQUEST, OPTIONS));
    expect(loop.message).toMatch(/redirects/);
  });

  it('refuses a redirect to a file: URL', async () => {
    const error = await failure(fetchText(`${server.base}/to-file`, REQUEST, OPTIONS));
    expect(error.code).toBe('URL_UNSUPPORTED');
  });

  it('reports a 404 as not found, without retrying it', async () => {
    const error = await failure(fetchText(`${server.base}/nothing-here`, REQUEST, OPTIONS));
    expect(error.code).toBe('ARTICLE_NOT_FOUND');
    expect(error.message).toMatch(/HTTP 404/);
    expect(server.hits('/nothing-here')).toBe(1);
  });

  it('retries a 500 with back-off, then reports it', async () => {
    const error = await failure(fetchText(`${server.base}/broken`, REQUEST, OPTIONS));
    expect(error.code).toBe('FETCH_FAILED');
    expect(error.message).toMatch(/HTTP 500/);
    expect(server.hits('/broken')).toBe(3);
  });

  it('gets through a server that fails twice, by retrying', async () => {
    const page = await fetchText(`${server.base}/flaky`, REQUEST, OPTIONS);
    expect(page.body).toContain('market square');
    expect(server.hits('/flaky')).toBe(3);
  });

  it('retries a refused connection as a network error, then reports it', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const error = await failure(fetchText(`http://127.0.0.1:${port}/closed`, REQUEST, OPTIONS));
    expect(error.code).toBe('FETCH_FAILED');
    expect(error.message).toMatch(/ECONNREFUSED/);
  });

  it('times out a server that does not answer, and one that stops mid-body', async () => {
    const silent = await failure(fetchText(`${server.base}/slow`, REQUEST, OPTIONS));
    expect(silent.code).toBe('FETCH_TIMEOUT');
    const stalled = await failure(fetchText(`${server.base}/slow-body`, REQUEST, OPTIONS));
    expect(stalled.code).toBe('FETCH_TIMEOUT');
    expect(server.hits('/slow')).toBe(1);
  });

  it('aborts a body past the size cap while streaming, and one whose length says it is too big', async () => {
    const streamed = await failure(fetchText(`${server.base}/huge`, REQUEST, OPTIONS));
    expect(streamed.code).toBe('FETCH_TOO_LARGE');
    expect(streamed.message).toMatch(/262144-byte cap/);
    const declared = await failure(fetchText(`${server.base}/huge-declared`, REQUEST, OPTIONS));
    expect(declared.code).toBe('FETCH_TOO_LARGE');
  });

  it('refuses a content type that is neither a page nor a feed, unread', async () => {
    const image = await failure(fetchText(`${server.base}/image.png`, REQUEST, OPTIONS));
    expect(image.code).toBe('CONTENT_UNSUPPORTED');
    expect(image.message).toMatch(/image\/png/);
    const json = await failure(fetchText(`${server.base}/data.json`, REQUEST, OPTIONS));
    expect(json.code).toBe('CONTENT_UNSUPPORTED');
  });

  it('sends the remembered ETag and reads a 304 as not modified', async () => {
    const first = await fetchText(`${server.base}/etag-feed`, REQUEST, OPTIONS);
    expect(first.etag).toBe('"feed-v1"');
    expect(first.lastModified).toBe('Tue, 05 Mar 2024 08:00:00 GMT');
    const again = await fetchText(
      `${server.base}/etag-feed`,
      { ...REQUEST, validators: { etag: first.etag, lastModified: first.lastModified } },
      OPTIONS,
    );
    expect(again.status).toBe(304);
    const last = server.requests.filter((r) => r.path === '/etag-feed').at(-1);
    expect(last?.headers['if-none-match']).toBe('"feed-v1"');
    expect(last?.headers['if-modified-since']).toBe('Tue, 05 Mar 2024 08:00:00 GMT');
  });
});
