import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { loadArticles } from '../../src/ingest/load.ts';
import { startHttpServer } from '../../src/server/http-server.ts';
import { createPreviewHandler } from '../../src/server/preview.ts';
import { startPreviewServer } from '../../src/server/preview-server.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import { startCli } from '../cli/run-cli.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const SAMPLE = 'examples/articles/blinken-gun-from-ukraines-head.md';
const NOW = new Date('2022-01-06T08:00:00Z');

function uidsOf(ics: string): string[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('uid')));
}

function calendarLinks(html: string): string[] {
  return [...html.matchAll(/href="([^"]*\/calendar\/[0-9a-f]{24}\.ics\?[^"]*)"/g)].map((m) =>
    (m[1] ?? '').replaceAll('&amp;', '&'),
  );
}

describe('digest preview server', () => {
  let server: Awaited<ReturnType<typeof startPreviewServer>>;
  beforeAll(async () => {
    server = await startPreviewServer({
      config: loadConfig({}),
      port: 0,
      loadSources: () => loadArticles([SAMPLE]),
      now: () => NOW,
    });
  });
  afterAll(() => server.close());

  it('shows subject, headers, desktop and mobile frames, the text part and the .ics on one page', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await res.text();
    expect(page).toContain('The Article Digest: The US asks Russia to remove');
    expect(page).toContain('class="desktop" src="/digest.html"');
    expect(page).toContain('class="mobile" src="/digest.html"');
    expect(page).toContain('Plain-text part');
    expect(page).toContain('BEGIN:VCALENDAR');
    expect(page).toContain('Demo Reader');
    expect(page).not.toMatch(/<script/i);
  });

  it('serves the HTML, text, calendar and .eml of the same message', async () => {
    const html = await (await fetch(`${server.url}/digest.html`)).text();
    expect(html).toContain('Hi Demo Reader,');
    expect(html).toContain('Key quotes');
    const text = await (await fetch(`${server.url}/digest.txt`)).text();
    expect(text).toContain('KEY QUOTES');
    const ics = await (await fetch(`${server.url}/events.ics`)).text();
    expect(uidsOf(ics).length).toBeGreaterThan(0);
    const eml = await simpleParser(
      Buffer.from(await (await fetch(`${server.url}/digest.eml`)).arrayBuffer()),
    );
    expect(eml.html).toBe(html);
    expect(eml.text).toBe(text);
    expect(eml.attachments[0]?.content.toString('utf8')).toBe(ics);
  });

  it('answers its add-to-calendar links with the event of the attachment, and rejects changed ones', async () => {
    const html = await (await fetch(`${server.url}/digest.html`)).text();
    const links = calendarLinks(html);
    expect(links.length).toBeGreaterThan(0);
    const attached = uidsOf(await (await fetch(`${server.url}/events.ics`)).text());
    for (const link of links) {
      expect(link.startsWith(`${server.url}/calendar/`)).toBe(true);
      const res = await fetch(link);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/calendar');
      const uids = uidsOf(await res.text());
      expect(uids).toHaveLength(1);
      expect(attached).toContain(uids[0]);
    }
    const first = new URL(links[0] ?? '');
    const tampered = new URL(first);
    tampered.searchParams.set('e', `${first.searchParams.get('e')}x`);
    const renamed = new URL(first);
    renamed.pathname = '/calendar/000000000000000000000000.ics';
    const unsigned = new URL(first);
    unsigned.searchParams.delete('s');
    for (const bad of [tampered, renamed, unsigned, new URL(`${server.url}/calendar/x.ics`)]) {
      const res = await fetch(bad);
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('not valid');
    }
  });

  it('answers unknown paths with 404 and other methods with 405', async () => {
    expect((await fetch(`${server.url}/nothing`)).status).toBe(404);
    expect((await fetch(`${server.url}/`, { method: 'POST' })).status).toBe(405);
  });

  it('says why when no source can be read', async () => {
    const empty = await startPreviewServer({
      config: loadConfig({}),
      port: 0,
      loadSources: () => loadArticles(['does/not/exist.md']),
    });
    try {
      const res = await fetch(`${empty.url}/`);
      expect(res.status).toBe(404);
      const body = await res.text();
      expect(body).toContain('no readable article among the sources');
      expect(body).toContain('does/not/exist.md');
    } finally {
      await empty.close();
    }
  });
});

describe('the main server /preview route', () => {
  it('shows the configured sources as a send would build them, and serves their calendar links', async () => {
    const tmp = makeTempDir('digest-preview-');
    const store = openSqliteStore(`${tmp.dir}/digest.db`);
    const config = loadConfig({ DIGEST_SOURCES: SAMPLE, PUBLIC_URL: 'http://127.0.0.1:1' });
    const secret = 'server-secret-0123456789';
    const server = await startHttpServer({
      port: 0,
      store,
      secret,
      newsletterName: config.newsletterName,
      preview: createPreviewHandler({
        config,
        secret,
        loadSources: () => loadArticles(config.sources),
        now: () => NOW,
      }),
      // Without the dev inbox the preview is only for those the hook lets in (signed-in editors).
      canPreview: () => true,
    });
    try {
      const page = await (await fetch(`${server.url}/preview`)).text();
      expect(page).toContain('src="/preview/digest.html"');
      const html = await (await fetch(`${server.url}/preview/digest.html`)).text();
      const link = new URL(calendarLinks(html)[0] ?? '');
      expect(link.origin).toBe('http://127.0.0.1:1');
      const res = await fetch(`${server.url}${link.pathname}${link.search}`);
      expect(res.status).toBe(200);
      expect(await (await fetch(`${server.url}/`)).text()).toContain('href="/preview"');
    } finally {
      await server.close();
      await store.close();
      tmp.remove();
    }
  });

  it('is absent when the server has no preview', async () => {
    const tmp = makeTempDir('digest-preview-');
    const store = openSqliteStore(`${tmp.dir}/digest.db`);
    const server = await startHttpServer({ port: 0, store, secret: 's'.repeat(20), newsletterName: 'Daily' });
    try {
      expect((await fetch(`${server.url}/preview`)).status).toBe(404);
    } finally {
      await server.close();
      await store.close();
      tmp.remove();
    }
  });
});

describe('digest preview (CLI)', () => {
  it('stops with a usage error when a named input does not exist', async () => {
    const { done } = startCli(['preview', 'does/not/exist.md', '--port', '0'], {});
    const result = await done;
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('does/not/exist.md: no such file or folder');
  });

  it('stops with a clear error when no input is readable', async () => {
    const tmp = makeTempDir('digest-preview-blank-');
    try {
      writeFileSync(join(tmp.dir, 'blank.md'), '');
      const { done } = startCli(['preview', join(tmp.dir, 'blank.md'), '--port', '0'], {});
      const result = await done;
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('no readable article among the inputs');
    } finally {
      tmp.remove();
    }
  });

  it('rejects a port that is not a number', async () => {
    const result = await startCli(['preview', SAMPLE, '--port', 'abc'], {}).done;
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--port must be a port number');
  });

  it('prints the address of the running preview and stops on SIGTERM', async () => {
    const { child, done } = startCli(['preview', SAMPLE, '--port', '0', '--now', '2022-01-06'], {});
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (c: Buffer) => {
        out += c.toString('utf8');
        const match = /preview: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('close', () => reject(new Error(`preview exited: ${out}`)));
    });
    const page = await (await fetch(`${url}/`)).text();
    expect(page).toContain('The US asks Russia');
    child.kill('SIGTERM');
    expect((await done).code).toBe(0);
  });
});
