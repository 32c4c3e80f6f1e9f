/**
 * How the `report` command ends when something fails: one clear line (or the listed problems of bad
 * input), never a stack trace. A failure the user can act on is a ReportError or an error of the
 * file system naming its path; anything else is a bug and says so. `--debug` adds the stack and the
 * chain of causes.
 */
import { ReportError } from '../errors.ts';
import { message } from '../messages.ts';

/** What the operating system's error codes mean, in the words of the message catalogue. */
const SYSTEM_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  EISDIR: 'is a folder, where a file was expected',
  ENOTDIR: 'a part of the path is not a folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on the device',
  EROFS: 'the file system is read-only',
  EEXIST: 'already exists',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
  EBUSY: 'busy (in use by another program)',
};

interface SystemError extends Error {
  readonly code: string;
  readonly path?: string;
  readonly syscall?: string;
}

function isSystemError(error: unknown): error is SystemError {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

/** The one message a failure ends with (without the "report: " prefix). */
export function failureMessage(error: unknown): string {
  if (error instanceof ReportError) return error.message;
  if (isSystemError(error) && error.path !== undefined) {
    return message('cli.system-error', { path: error.path, reason: SYSTEM_REASONS[error.code] ?? error.message.split('\n')[0]!, code: error.code });
  }
  const first = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error).split('\n')[0]!;
  return message('cli.internal-error', { detail: first.length > 300 ? `${first.slice(0, 299)}…` : first });
}

/** The stack and every cause below it, for --debug. */
export function debugDetails(error: unknown): string {
  const parts: string[] = [];
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current !== undefined && current !== null && !seen.has(current) && parts.length < 10) {
    seen.add(current);
    const text = current instanceof Error ? (current.stack ?? `${current.name}: ${current.message}`) : String(current);
    parts.push(parts.length === 0 ? text : `caused by: ${text}`);
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join('\n');
}
