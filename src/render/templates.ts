import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { formatEventDate, formatEventDetails, formatLongDate } from '../../emails/format.ts';
import { DigestError } from '../errors.ts';
import type { ArticleEvent } from '../models/analysis.ts';
import { projectPath } from '../project-path.ts';

/** The handlebars templates of the digest, compiled once. */
export interface DigestTemplates {
  subject: Handlebars.TemplateDelegate;
  text: Handlebars.TemplateDelegate;
  greeting: Handlebars.TemplateDelegate;
}

let cached: DigestTemplates | undefined;

/**
 * Compiles templates/*.hbs once per process. Plain text, never HTML: no escaping
 * (the HTML part comes from react-email). Article data is passed as data, so `{{` in an
 * article is printed as it is, never evaluated. A broken template stops here, at start.
 */
export function loadTemplates(): DigestTemplates {
  if (cached) return cached;
  const hbs = Handlebars.create();
  hbs.registerHelper('longDate', (date: string) => formatLongDate(date));
  hbs.registerHelper('eventDate', (event: ArticleEvent) => formatEventDate(event));
  hbs.registerHelper('eventDetails', (event: ArticleEvent) => formatEventDetails(event));
  hbs.registerHelper('oneLine', (value: string) => value.replace(/\s+/g, ' ').trim());
  hbs.registerHelper('join', (list: string[], sep: string) => list.join(sep));
  hbs.registerHelper('add', (a: number, b: number) => a + b);
  const compile = (name: string) => {
    try {
      const source = readFileSync(projectPath('templates', `${name}.hbs`), 'utf8');
      hbs.parse(source); // syntax errors surface here, at start, not at the first send
      return hbs.compile(source, { noEscape: true });
    } catch (cause) {
      throw new DigestError('TEMPLATE_FAILED', `templates/${name}.hbs: ${(cause as Error).message}`, {
        cause,
      });
    }
  };
  cached = { subject: compile('subject'), text: compile('text'), greeting: compile('greeting') };
  return cached;
}
