import { userInfo } from 'node:os';

/** Who runs this command, for the audit log: `cli:` and the user name of the shell. */
export function cliActor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    // No passwd entry (some containers): the uid still tells people apart.
    return `cli:uid-${process.getuid?.() ?? 'unknown'}`;
  }
}
