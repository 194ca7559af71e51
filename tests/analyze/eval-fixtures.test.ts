import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVAL_DIR, listGoldFiles, readEvalCase } from '../../bench/eval.ts';
import { titleNamesEvent } from '../../bench/eval-metrics.ts';

// Checks the evaluation set itself (tests/fixtures/eval/README.md), never the analysis scores:
// those are a report (`npm run eval`), not a test.

const QUOTE_MARKS = /["“”„‟«»‹›'‘’‚‛`]/gu;
const DASHES = /[\u2010-\u2015]/gu;

function comparable(text: string): string {
  return text.replace(QUOTE_MARKS, '').replace(DASHES, '-').replace(/\s+/g, ' ').trim();
}

function isCalendarDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

const goldFiles = listGoldFiles(EVAL_DIR);
const names = goldFiles.map((path) => path.slice(EVAL_DIR.length));

describe('evaluation fixtures', () => {
  it('has the sample and the 18 written articles, each article with a gold file', () => {
    expect(goldFiles.length).toBeGreaterThanOrEqual(19);
    const articles = readdirSync(EVAL_DIR).filter((name) => name.endsWith('.md') && name !== 'README.md');
    for (const article of articles) expect(names).toContain(article.replace(/\.md$/, '.gold.json'));
  });

  it.each(names)('%s parses, and its article parses with a publication date', (name) => {
    const c = readEvalCase(`${EVAL_DIR}${name}`);
    expect(c.article.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(c.article.body.length).toBeGreaterThan(0);
  });

  it.each(names)('%s: every gold quote occurs in the article and follows the text rule', (name) => {
    const { article, gold } = readEvalCase(`${EVAL_DIR}${name}`);
    const body = comparable(article.body);
    expect(gold.format).toBe('synthetic');
    for (const quote of gold.quotes) {
      const text = quote.text ?? '';
      expect(body, text).toContain(comparable(text));
      expect(text, 'no surrounding whitespace or trailing [.,;:]').toMatch(/^\S(.*[^\s.,;:])?$/su);
      expect(text.trim().split(/\s+/).length, text).toBeGreaterThanOrEqual(6);
      expect(quote.speaker?.trim() ?? null, 'speaker is a name or null').not.toBe('');
    }
  });

  it.each(names)('%s: every gold event is on or after publication, with a valid range', (name) => {
    const { article, gold } = readEvalCase(`${EVAL_DIR}${name}`);
    const published = article.publishedAt ?? '';
    for (const event of gold.events) {
      expect(isCalendarDate(event.date), `${event.date} is a real day`).toBe(true);
      expect(event.date >= published, `${event.date} before ${published}`).toBe(true);
      if (event.endDate !== null)
        expect(event.endDate > event.date, `${event.endDate} ends a range`).toBe(true);
    }
  });

  it.each(names)('%s: every gold key is one to three words of its own title', (name) => {
    const { gold } = readEvalCase(`${EVAL_DIR}${name}`);
    for (const event of gold.events) {
      if (event.key === null) continue;
      expect(event.key.length, event.title).toBeGreaterThan(0);
      expect(event.key.join(' ').split(/\s+/).length, event.title).toBeLessThanOrEqual(3);
      expect(titleNamesEvent(event.title, event.key), `${event.title} holds ${event.key.join(', ')}`).toBe(
        true,
      );
    }
  });
});
