import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DigestError } from '../../src/errors.ts';
import { parseArticleText } from '../../src/ingest/text.ts';

const SAMPLE = new URL('../../examples/articles/blinken-gun-from-ukraines-head.md', import.meta.url);

describe('parseArticleText', () => {
  it('reads title and publication date from front matter and drops the repeated headline', () => {
    const article = parseArticleText(readFileSync(SAMPLE, 'utf8'), 'sample');
    expect(article.title).toBe('The US asks Russia to remove “the gun from Ukraine’s head” to negotiate');
    expect(article.publishedAt).toBe('2022-01-05');
    expect(article.body.startsWith('Blinken called the Russian military presence')).toBe(true);
  });

  it('takes the first non-empty line as the headline when there is no front matter', () => {
    const article = parseArticleText('\n\n# Council votes on budget\n\nThe council met.', 'x');
    expect(article.title).toBe('Council votes on budget');
    expect(article.body).toBe('The council met.');
    expect(article.publishedAt).toBeNull();
  });

  it('rejects binary input with a clear error', () => {
    expect(() => parseArticleText('abc\u0000def', 'bin.txt')).toThrow(/NUL bytes/);
  });

  it('rejects an empty article', () => {
    expect(() => parseArticleText('   \n\n ', 'empty.txt')).toThrow(DigestError);
  });

  it('rejects a malformed publication date naming the field', () => {
    expect(() => parseArticleText('---\npublished: soon\n---\nT\n\nBody', 'x')).toThrow(/published/);
    expect(() => parseArticleText('---\npublished: "2022-13-45"\n---\nT\n\nBody', 'x')).toThrow(/published/);
  });

  it('names the file and the line of bad front matter, counted in the whole file', () => {
    const cases: [string, RegExp][] = [
      [
        '---\ntitle: A\nurl: "https://x.example/a\npublished: 2024-01-01\n---\nBody',
        /^x\.md:3: malformed front matter: Missing closing "quote$/,
      ],
      ['---\ntitle: a: b\n---\nBody', /^x\.md:2: malformed front matter: Nested mappings are not allowed/],
      [
        '\uFEFF---\r\ntitle: A\r\nurl: x\r\ntitle: B\r\n---\r\nBody',
        /^x\.md:4: malformed front matter: Map keys must be unique$/,
      ],
      [
        '---\ntitle: A\n\npublished: soon\n---\nBody',
        /^x\.md:4: "published" must be a date \(YYYY-MM-DD\), not "soon"$/,
      ],
    ];
    for (const [text, message] of cases) {
      const error = (() => {
        try {
          parseArticleText(text, 'x.md');
        } catch (e) {
          return e as DigestError;
        }
      })();
      expect(error?.code).toBe('ARTICLE_UNREADABLE');
      expect(error?.message).toMatch(message);
    }
  });

  it('keeps related links from front matter', () => {
    const text =
      '---\ntitle: T\nlinks:\n  - Other story\n  - { title: Two, url: "https://example.org/2" }\n---\nBody';
    expect(parseArticleText(text, 'x').links).toEqual([
      { title: 'Other story', url: null },
      { title: 'Two', url: 'https://example.org/2' },
    ]);
  });
});
