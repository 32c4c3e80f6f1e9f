/**
 * Names the browser build for the PDF cache key without launching it: the binary's path, size and
 * modification time (a package upgrade changes them). Debian's /usr/bin/chromium is a shell wrapper,
 * so the real binary beside it is named too.
 */
import { realpathSync, statSync } from 'node:fs';

export function browserIdentity(executable: string): string {
  const files = [executable, '/usr/lib/chromium/chromium'];
  return files
    .map((file) => {
      try {
        const real = realpathSync(file);
        const s = statSync(real);
        return `${real}:${s.size}:${Math.round(s.mtimeMs)}`;
      } catch {
        return `${file}:absent`;
      }
    })
    .join(';');
}
