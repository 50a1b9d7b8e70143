import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * Names for processes that share a database (`host:pid:random`), and whether the process a name
 * belongs to is known to be gone: work a dead process held (a job, an update being handled) can
 * then be taken over at once rather than after a lease runs out.
 */
export function processInstanceId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/** Whether a process of this machine is running (a signal 0 reaches it, or it is someone else's). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether `instance` (from processInstanceId) is a process of this machine that no longer runs; another machine's is never known gone. */
export function isInstanceGone(instance: string): boolean {
  const [host, pid] = instance.split(':');
  return host === hostname() && !isProcessAlive(Number(pid));
}
