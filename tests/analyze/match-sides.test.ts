import { describe, expect, it } from 'vitest';
import { findMatchUp, findOpponentMatch } from '../../src/analyze/event-naming.ts';

/** findOpponentMatch around the first "game" of the clause. */
function opponentMatch(clause: string): string | null {
  const at = clause.indexOf('game');
  return findOpponentMatch(clause, at, at + 'game'.length, 'Game');
}

describe('the sides of a match, read by one scan of the names before its opponent', () => {
  it('takes the side that acts before "facing" as the home side', () => {
    expect(findMatchUp('The Hawks will be the only side at home, facing the Eagles')).toBe('Hawks v Eagles');
  });

  it('takes no side that does not act unless the clause names a match', () => {
    expect(findMatchUp('Ministers facing Parliament')).toBeNull();
    expect(findMatchUp('Ministers facing Parliament', true)).toBe('Ministers v Parliament');
  });

  it('never takes a side written after "v" as the home side of another match', () => {
    expect(findMatchUp('The winner of Town v Rovers will be facing the Eagles')).toBeNull();
  });

  it('takes the side right before a match noun as its home side', () => {
    expect(opponentMatch('Wests Tigers with a game against the Titans')).toBe('Wests Tigers v Titans');
  });

  it('names the match by its opponent when no side of its own stands before it', () => {
    expect(opponentMatch('The club begins with a game against Glasgow Rangers')).toBe(
      'Game against Glasgow Rangers',
    );
    expect(opponentMatch('After beating Rovers v Celtic, a game against the Titans')).toBe(
      'Game against Titans',
    );
  });
});
