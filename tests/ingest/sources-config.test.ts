import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { readSourcesFile } from '../../src/sources-config.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

describe('sources configuration', () => {
  const temp = makeTempDir('digest-sources-');
  afterAll(() => temp.remove());
  const write = (name: string, content: unknown) => {
    const path = join(temp.dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };

  it('reads folders, feeds, pages and plain strings; folder paths are relative to the file', () => {
    mkdirSync(join(temp.dir, 'articles'), { recursive: true });
    const path = write('sources.json', {
      sources: [
        { type: 'folder', path: 'articles' },
        { type: 'feed', url: 'https://news.example/feed.xml', maxItems: 10 },
        { type: 'page', url: 'https://news.example/story' },
        'https://news.example/anything',
        'more-articles',
      ],
    });
    expect(readSourcesFile(path)).toEqual([
      { type: 'folder', path: join(temp.dir, 'articles') },
      { type: 'feed', url: 'https://news.example/feed.xml', maxItems: 10 },
      { type: 'page', url: 'https://news.example/story' },
      { type: 'url', url: 'https://news.example/anything' },
      { type: 'folder', path: join(temp.dir, 'more-articles') },
    ]);
  });

  it('names the file and the entry of a bad source', () => {
    const path = write('bad.json', {
      sources: ['ok', { type: 'feed', url: 'ftp://files.example/feed.xml' }],
    });
    expect(() => readSourcesFile(path)).toThrow(
      `DIGEST_SOURCES_FILE ${path}: sources[1] (ftp://files.example/feed.xml) url must be an http or https URL`,
    );
    const typo = write('typo.json', { sources: [{ type: 'feed', link: 'https://x.example/f' }] });
    expect(() => readSourcesFile(typo)).toThrow(/sources\[0\] .*url/);
    const kind = write('kind.json', { sources: [{ type: 'podcast', url: 'https://x.example/f' }] });
    expect(() => readSourcesFile(kind)).toThrow(
      /sources\[0\] \(https:\/\/x.example\/f\) must be a path or URL string/,
    );
    const file = write('file-url.json', { sources: ['file:///etc/passwd'] });
    expect(() => readSourcesFile(file)).toThrow(
      /sources\[0\] \(file:\/\/\/etc\/passwd\) .*only http and https/,
    );
  });

  it('names the file when it is missing, not JSON, or lists nothing', () => {
    expect(() => readSourcesFile(join(temp.dir, 'nope.json'))).toThrow(/nope\.json: no such file/);
    expect(() => readSourcesFile(write('broken.json', '{ "sources": ['))).toThrow(/is not valid JSON/);
    expect(() => readSourcesFile(write('empty.json', { sources: [] }))).toThrow(/sources lists no source/);
  });

  it('loads the sources file named by DIGEST_SOURCES_FILE and the edition cap from the environment', () => {
    const path = write('env.json', { sources: [{ type: 'feed', url: 'http://127.0.0.1:1/feed' }] });
    const config = loadConfig({ DIGEST_SOURCES_FILE: path, DIGEST_MAX_ARTICLES: '7' });
    expect(config.sources).toEqual([{ type: 'feed', url: 'http://127.0.0.1:1/feed' }]);
    expect(config.maxArticles).toBe(7);
    const both = loadConfig({ DIGEST_SOURCES_FILE: path, DIGEST_SOURCES: 'examples/articles' });
    expect(both.sources).toEqual(['examples/articles', { type: 'feed', url: 'http://127.0.0.1:1/feed' }]);
    const blank = loadConfig({ DIGEST_SOURCES_FILE: path, DIGEST_SOURCES: '' });
    expect(blank.sources).toEqual([{ type: 'feed', url: 'http://127.0.0.1:1/feed' }]);
  });

  it('keeps DIGEST_SOURCES working, with URLs, and its default', () => {
    expect(loadConfig({}).sources).toEqual(['examples/articles']);
    expect(loadConfig({}).maxArticles).toBe(20);
    expect(loadConfig({ DIGEST_SOURCES: 'examples/articles, https://x.example/feed' }).sources).toEqual([
      'examples/articles',
      'https://x.example/feed',
    ]);
  });

  it('stops at start on a source path that does not exist, in DIGEST_SOURCES or in the sources file', () => {
    expect(() => loadConfig({ DIGEST_SOURCES: '/nonexistent' })).toThrow(
      /^DIGEST_SOURCES \/nonexistent: no such file or folder/,
    );
    expect(() => loadConfig({ DIGEST_SOURCES: 'examples/articles,exmaples/more' })).toThrow(
      /^DIGEST_SOURCES exmaples\/more: no such file or folder \(relative paths start at /,
    );
    const path = write('missing-folder.json', { sources: [{ type: 'folder', path: 'gone' }] });
    expect(() => loadConfig({ DIGEST_SOURCES_FILE: path })).toThrow(
      new RegExp(`^DIGEST_SOURCES_FILE ${path}: ${join(temp.dir, 'gone')}: no such file or folder`),
    );
  });

  it('stops at start on a bad DIGEST_SOURCES URL, a bad cap or a bad sources file', () => {
    expect(() => loadConfig({ DIGEST_SOURCES: 'a,ftp://x.example/f' })).toThrow(
      /^DIGEST_SOURCES ftp:\/\/x.example\/f: only http and https URLs are fetched/,
    );
    expect(() => loadConfig({ DIGEST_MAX_ARTICLES: '0' })).toThrow(/^DIGEST_MAX_ARTICLES/);
    expect(() => loadConfig({ DIGEST_SOURCES_FILE: join(temp.dir, 'absent.json') })).toThrow(
      /^DIGEST_SOURCES_FILE .*absent\.json: no such file/,
    );
  });
});
