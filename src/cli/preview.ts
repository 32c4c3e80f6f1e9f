/**
 * `report preview`: the HTML edition on localhost, rebuilt and reloaded on every edit (see
 * src/preview/preview.ts). Runs until Ctrl-C.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readEdition } from '../base/edition.ts';
import { nodeFileSystem, type Effects } from '../effects.ts';
import { ReportError } from '../errors.ts';
import { message } from '../messages.ts';
import { LOCALES, type Locale } from '../base/yaml.ts';
import { startPreview } from '../preview/preview.ts';
import { ensureDataset } from './dataset.ts';
import { chosenEdition } from './editions.ts';

export const PREVIEW_HELP = `Usage: report preview [--edition E] [--data DIR] [--locale zh,en] [--port 4173] [--host 127.0.0.1] [--out .cache/preview] [--cache DIR|off]

Builds the HTML edition (no PDF) and serves it at http://127.0.0.1:4173/<locale>/index.html. Every
change under templates/, locales/, data/ (and the edition's dataset) or src/ rebuilds it, and open
pages reload. A build error shows in the page and here; the server keeps running.

Options:
  --edition E   edition under templates/ (default: the newest there)
  --data DIR    preview with this dataset folder instead of the edition's own (watched too)
  --locale L    comma-separated locales: zh, en (default zh,en)
  --port N      port (default 4173; 0: any free port)
  --host H      address to listen on (default 127.0.0.1: this machine only)
  --out DIR     output folder (default .cache/preview: never the out/ of \`report build\`)
  --cache DIR   build cache (default .cache/build; off: none)
  -h, --help    this text`;

export async function previewCommand(args: string[], fx: Effects, projectRoot: string, until: Promise<unknown> = interrupted()): Promise<number> {
  let v: Record<string, string | boolean | undefined>;
  try {
    v = parseArgs({
      args,
      options: { help: { type: 'boolean', short: 'h' }, edition: { type: 'string' }, locale: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, out: { type: 'string' }, cache: { type: 'string' }, data: { type: 'string' } },
      strict: true,
    }).values;
  } catch (error) {
    process.stderr.write(`report: ${message('preview.bad-option', { detail: (error as Error).message })}\n`);
    return 2;
  }
  if (v.help) return void process.stdout.write(`${PREVIEW_HELP}\n`), 0;
  const locales = ((v.locale as string | undefined) ?? 'zh,en').split(',').map((s) => s.trim()) as Locale[];
  const port = Number((v.port as string | undefined) ?? '4173');
  const badLocale = locales.some((l) => !LOCALES.includes(l));
  if (badLocale || !Number.isInteger(port) || port < 0 || port > 65535) {
    const detail = badLocale ? `--locale ${String(v.locale)}: expected a comma-separated list of ${LOCALES.join(', ')}` : `--port ${String(v.port)}: expected a port number (0: any free port)`;
    process.stderr.write(`report: ${message('preview.bad-option', { detail })}\n`);
    return 2;
  }
  const outDir = previewOutDir(projectRoot, v.out as string | undefined);
  const edition = await chosenEdition(nodeFileSystem, projectRoot, v.edition as string | undefined);
  const cache = v.cache as string | undefined;
  const given = v.data === undefined ? undefined : resolve(v.data as string);
  // The edition's dataset may live outside data/ (the generated one does): it is generated when
  // missing, as for a build, and watched too. A dataset given with --data is used and watched as it is.
  const read = given ? null : await readEdition(nodeFileSystem, join(projectRoot, 'templates'), edition).catch(() => null);
  if (read) await ensureDataset(fx, projectRoot, read);
  const data = given ?? read?.data;
  const preview = await startPreview({
    root: projectRoot,
    edition,
    locales: [...new Set(locales)],
    outDir,
    cacheDir: cache === 'off' ? null : resolve(cache ?? join(projectRoot, '.cache', 'build')),
    host: (v.host as string | undefined) ?? '127.0.0.1',
    port,
    log: fx.log,
    ...(given ? { data: given } : {}),
    ...(data && !data.startsWith('data/') ? { watchData: data } : {}),
  });
  await until;
  await preview.close();
  return 0;
}

/**
 * Where the preview builds: its own folder, `.cache/preview` unless --out says otherwise. An HTML-only
 * preview build must never replace the outputs of `report build` in `out/`, so that folder is refused.
 */
export function previewOutDir(projectRoot: string, out: string | undefined): string {
  const dir = resolve(out ?? join(projectRoot, '.cache', 'preview'));
  if (dir === resolve(projectRoot, 'out')) throw new ReportError('preview.bad-option', message('preview.bad-option', { detail: `--out ${out}: that is the folder of \`report build\`; the preview builds into its own (default .cache/preview)` }));
  return dir;
}

function interrupted(): Promise<void> {
  return new Promise((done) => {
    process.once('SIGINT', () => done());
    process.once('SIGTERM', () => done());
  });
}
