import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Config } from '../../config.ts';
import { renderArchiveCopy } from '../../pipeline.ts';
import type { DigestStore, EditionRecord } from '../../store/store.ts';
import { DIGEST_CSP } from '../preview-page.ts';
import { PAGE_HEADERS, sendPage } from '../web/layout.ts';
import { refuseOtherMethods } from '../web/methods.ts';
import type { ArchiveEntry } from './atom.ts';
import { renderAtomFeed } from './atom.ts';
import { archiveListPage } from './list-page.ts';
import { isSentEdition } from './sent.ts';

/** What the archive needs: the store (the editions), the configuration and the signing secret. */
export interface ArchiveOptions {
  store: DigestStore;
  config: Readonly<Config>;
  secret: string;
}

/** Editions listed on /archive, and in the feed: the newest. */
const LIST_LIMIT = 100;
const FEED_LIMIT = 20;
/** Rendered archive pages kept (an edition never changes once sent). */
const CACHE_SIZE = 32;
const EDITION_ID = /^[\w.:-]{1,120}$/;

/**
 * The web archive (DIGEST_ARCHIVE=public): /archive (newest first), /archive/EDITION_ID (the
 * same react-email render as the emails, with no personal data), /archive/feed.xml (Atom).
 */
export async function archiveRoutes(app: FastifyInstance, options: ArchiveOptions): Promise<void> {
  const { store, config } = options;
  const cache = new Map<string, string>();
  const sentEditions = async (limit: number) =>
    (await store.listEditions(limit)).filter(isSentEdition).map(toEntry);

  app.get('/archive', async (_request, reply) =>
    sendPage(reply, 200, archiveListPage(await sentEditions(LIST_LIMIT), config.newsletterName)),
  );
  app.get('/archive/feed.xml', async (_request, reply) => {
    const feed = renderAtomFeed(await sentEditions(FEED_LIMIT), {
      publicUrl: config.publicUrl,
      newsletterName: config.newsletterName,
    });
    return reply
      .headers({
        'content-type': 'application/atom+xml; charset=utf-8',
        'cache-control': 'public, max-age=300',
      })
      .send(feed);
  });
  app.get<{ Params: { id: string } }>('/archive/:id', async (request, reply) => {
    const { id } = request.params;
    let html = cache.get(id);
    if (!html) {
      const record = EDITION_ID.test(id) ? await store.getEdition(id) : null;
      if (!record || !isSentEdition(record)) return notFound(reply);
      html = (await renderArchiveCopy(record.edition, config, options.secret)).html;
      cache.set(id, html);
      if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    }
    return reply
      .headers({
        ...PAGE_HEADERS,
        'content-security-policy': DIGEST_CSP,
        'cache-control': 'public, max-age=300',
      })
      .type('text/html; charset=utf-8')
      .send(html);
  });
  for (const url of ['/archive', '/archive/feed.xml', '/archive/:id']) refuseOtherMethods(app, url, ['GET']);
}

function toEntry(record: EditionRecord): ArchiveEntry {
  const first = record.edition.items[0]?.analysis;
  return {
    id: record.id,
    subject: record.subject,
    sentAt: record.createdAt,
    summary: first?.summary[0] ?? first?.title ?? '',
  };
}

function notFound(reply: FastifyReply): FastifyReply {
  return sendPage(reply, 404, {
    title: 'Not found',
    body: '<h1>No such edition</h1><p><a href="/archive">All past editions</a></p>',
  });
}
