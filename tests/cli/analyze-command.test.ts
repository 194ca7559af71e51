import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const SAMPLE = 'examples/articles/blinken-gun-from-ukraines-head.md';

describe('digest analyze', () => {
  it('prints exactly the JSON contract for the sample', async () => {
    const result = await runCli(['analyze', SAMPLE, '--json'], {});
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['title', 'publishedAt', 'summary', 'quotes', 'events', 'links']);
    const events = json.events as { date: string; location: string | null }[];
    expect(events.map((e) => [e.date, e.location])).toEqual([
      ['2022-01-10', 'Geneva'],
      ['2022-01-12', 'Brussels'],
      ['2022-01-13', 'Vienna'],
    ]);
    const quote = (json.quotes as Record<string, unknown>[])[0];
    expect(Object.keys(quote ?? {})).toEqual(['text', 'speaker', 'role']);
    const event = (json.events as Record<string, unknown>[])[0];
    expect(Object.keys(event ?? {})).toEqual([
      'title',
      'date',
      'endDate',
      'time',
      'location',
      'participants',
      // Added with issue 13: how sure the date is; the calendar takes 0.6 and up.
      'confidence',
    ]);
    expect(typeof event?.confidence).toBe('number');
  });

  it('refuses a --published that is not a real day, with exit code 2', async () => {
    const result = await runCli(['analyze', SAMPLE, '--json', '--published', '2022-13-45'], {});
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--published must be YYYY-MM-DD, got "2022-13-45"');
  });

  it('says clearly that a missing article cannot be read', async () => {
    const result = await runCli(['analyze', 'tests/fixtures/does-not-exist.md', '--json'], {});
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no such file or folder');
  });
});
