import type { FastifyInstance } from 'fastify';
import { escapeHtml } from '../render/personalize.ts';
import { sendPage } from './web/layout.ts';

/** What the index page links to. */
export interface IndexOptions {
  newsletterName: string;
  inbox: boolean;
  preview: boolean;
  desk?: boolean;
}

/** `GET /`: the newsletter's name and links to what this server offers. */
export async function indexRoute(app: FastifyInstance, options: IndexOptions): Promise<void> {
  const items = [
    options.inbox
      ? '<li><a href="/inbox">Dev inbox</a>: every message sent while no SMTP_URL is set</li>'
      : '',
    options.preview
      ? '<li><a href="/preview">Preview</a>: the next digest of DIGEST_SOURCES, as it would be sent</li>'
      : '',
    options.desk
      ? '<li><a href="/desk">Desk</a>: editors review drafts, ops watch editions (sign in)</li>'
      : '',
    '<li><a href="/health">Health</a></li>',
  ].join('');
  const name = escapeHtml(options.newsletterName);
  app.get('/', async (_request, reply) =>
    sendPage(reply, 200, { title: options.newsletterName, body: `<h1>${name}</h1><ul>${items}</ul>` }),
  );
}
