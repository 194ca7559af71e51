import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs `check` with a fold holding a corpus gold file without its text (as in a fresh clone) and
 * the path of a model file not yet written, in a temporary folder removed afterwards.
 */
export function withFoldMissingTexts(check: (fold: string, out: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'training-fold-'));
  try {
    const fold = join(dir, 'dev');
    mkdirSync(fold);
    copyFileSync(
      new URL('../../corpus/dev/01-crew7-delay.gold.json', import.meta.url),
      join(fold, '01-crew7-delay.gold.json'),
    );
    check(fold, join(dir, 'model.json'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
