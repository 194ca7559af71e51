import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/** A holder name that tells ops which process runs: host, pid and a random part per instance. */
export function makeHolderName(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/** True when `holder` (host:pid:tag, see makeHolderName) names a process of this host that has exited. */
export function isDeadLocalHolder(holder: string): boolean {
  const [host, pidText] = holder.split(':');
  const pid = Number(pidText);
  if (host !== hostname() || !Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: it exists but belongs to another user, so it is alive.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * True when `holder`, last seen at `lastSeenAt` (epoch ms), is a process that no longer runs:
 * one of this host that exited, or an earlier process of this host with this very pid (a
 * container restarted as pid 1, say) that was last seen before this process started.
 */
export function isGoneHolder(holder: string, lastSeenAt: number, self: string): boolean {
  if (isDeadLocalHolder(holder)) return true;
  const [host, pidText] = holder.split(':');
  const startedAt = Date.now() - process.uptime() * 1000;
  return holder !== self && host === hostname() && Number(pidText) === process.pid && lastSeenAt < startedAt;
}
