/**
 * Whether a process id still names a running process: the test behind every clean-up of
 * temporaries, staging folders and browser profiles that a build left when it was killed.
 * `kill(pid, 0)` sends nothing; EPERM means the process exists but belongs to someone else,
 * so it is alive and its files are not ours to remove.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
