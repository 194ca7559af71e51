import { describe, expect, it } from 'vitest';
import { cleanBody } from '../../src/analyze/clean.ts';
import { analyzeArticle } from '../../src/analyze/index.ts';
import { parseArticleHtml } from '../../src/ingest/html.ts';

// Issue 13: a page whose figure caption precedes the first paragraph lost that paragraph, taken
// for the caption's second line.
const PAGE = `<!doctype html><html><head><title>Dockers strike</title>
<meta property="article:published_time" content="2024-03-04"></head><body><article><h1>Dockers strike</h1>
<figure><img src="dock.jpg" alt=""><figcaption>Photo: Ana Ruiz / AFP</figcaption></figure>
<p>Dockers at the port of Bergen will strike for two days from March 11, their union said on Monday.</p>
<p>The union wants a pay rise of 6 percent this year and says the port can afford it easily.</p>
<p>Talks broke down on Friday after three weeks without progress, according to both sides.</p>
</article></body></html>`;

describe('the HTML path after a figure', () => {
  it('keeps a one-sentence lede that follows a photo credit, and its event', () => {
    const analysis = analyzeArticle(parseArticleHtml(PAGE, 'https://news.example/dockers'));
    expect(analysis.summary[0]).toMatch(/^Dockers at the port of Bergen will strike/);
    expect(analysis.events).toMatchObject([
      { date: '2024-03-11', endDate: '2024-03-12', location: 'Bergen' },
    ]);
  });

  it('still drops a caption that describes the picture', () => {
    const page = PAGE.replace(
      '</figcaption></figure>',
      '</figcaption></figure><p>Cranes stand idle at the harbour in Bergen.</p>',
    );
    const article = parseArticleHtml(page, 'https://news.example/dockers');
    const { paragraphs } = cleanBody(article.body, article.title);
    expect(paragraphs.join('\n')).not.toMatch(/Cranes stand idle/);
    expect(paragraphs[0]).toMatch(/^Dockers at the port of Bergen/);
  });
});
