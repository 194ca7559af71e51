import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { render } from 'react-email';
import { describe, expect, it } from 'vitest';
import { DigestEmail } from '../../emails/digest.tsx';
import {
  buildPreviewProps,
  PREVIEW_PROPS_FILE,
  previewPropsJson,
} from '../../scripts/generate-preview-props.ts';

describe('the email dev preview props', () => {
  it('match the sample article analysed now (run `npm run email:props` when this fails)', () => {
    expect(readFileSync(PREVIEW_PROPS_FILE, 'utf8')).toBe(previewPropsJson());
  });

  it('show the sample with quotes, meetings and read-more links', async () => {
    const props = buildPreviewProps();
    expect(props.edition.items[0]?.analysis.quotes.length).toBeGreaterThan(0);
    const html = await render(createElement(DigestEmail, props));
    expect(html).toContain('Key quotes');
    expect(html).toContain('Read more');
  });

  it('render with no props at all, as `email export` does', async () => {
    const html = await render(createElement(DigestEmail, {}));
    expect(html).toContain('The Article Digest');
    expect(html).toContain('Unsubscribe');
  });
});
