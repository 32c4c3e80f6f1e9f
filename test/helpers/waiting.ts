/** Helpers of the tests that kill builds and browsers: waiting for a condition, and a folder's files. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Polls `condition` every `every` ms until it holds or `ms` have passed; its last answer. */
export async function until(condition: () => boolean, ms: number, every = 100): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, every));
  }
  return condition();
}

/** Every file under a folder (through a link), path relative to it → content. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) out[join(entry.parentPath, entry.name).slice(dir.length + 1)] = readFileSync(join(entry.parentPath, entry.name), 'utf8');
  return out;
}
