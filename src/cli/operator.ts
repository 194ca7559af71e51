import { userInfo } from 'node:os';

/** Who runs this command, for the subscriber history: the login name, or null when unknown. */
export function operatorName(): string | null {
  try {
    return `${userInfo().username}@cli`;
  } catch {
    // No passwd entry (some containers): the history says "cli" without a name.
    return null;
  }
}
