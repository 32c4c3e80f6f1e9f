/**
 * `npm run build` (and `prepare`, so `npm install`/`npm ci` run it): bundles the `report` command from
 * src/ into dist/ as plain JavaScript, so that starting it costs no TypeScript compilation (tsx took
 * 0.8–1 s of every run). Plain JavaScript itself, so it runs before anything is built.
 *
 * - npm packages stay external and are imported from node_modules as they are; dynamic `import()`s
 *   become separate chunks (code splitting), so DuckDB, vega, puppeteer and fontkit are still loaded
 *   only by the stage that needs them.
 * - `import.meta.url` in a source module is rewritten to that module's own URL under src/ (relative
 *   to the chunk, so the clone can move): the SQL files, map shapes, the pagination script and the
 *   preview's worker are found beside their sources, and the cache's code digests still read src/,
 *   so the bundle and the sources (tests, tsx) share one build cache.
 * - dist/inputs.json lists the sources bundled and when: bin/report.js runs the bundle only while no
 *   source is newer (else it rebuilds it, or runs the sources through tsx).
 *
 * src/ stays the source of truth; dist/ is git-ignored.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
/**
 * Worker threads' entry modules, compiled as entries of their own: a worker cannot inherit the tsx
 * hooks of the thread that starts it, so the bundle's worker is found through the compiled-modules
 * list (bin/report.js) like the data makers. Source path (from the root) → entry name.
 */
const FIGURE_WORKER = 'src/cache/figure-worker.ts';
const WORKERS = { [FIGURE_WORKER]: 'figure-worker' };

/** Builds dist/ from src/cli/main.ts; returns the number of source files bundled. */
export async function buildCli({ quiet = false } = {}) {
  const esbuild = await import('esbuild');
  const started = Date.now();
  // Written beside dist and swapped in, so a concurrent `report` never imports half a bundle.
  const temporary = join(ROOT, `dist.tmp-${process.pid}`);
  rmSync(temporary, { recursive: true, force: true });
  const ownUrl = {
    name: 'own-import-meta-url',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return { contents: source, loader: 'ts' };
        // Every chunk is written to dist/ itself, so "../<path from the root>" is the source file.
        const path = JSON.stringify(`../${relative(ROOT, args.path).split('\\').join('/')}`);
        return { contents: source.replaceAll('import.meta.url', `new URL(${path}, import.meta.url).href`), loader: 'ts' };
      });
    },
  };
  // A package's JSON (country names) is bundled: an external JSON import would need its import
  // attribute, which esbuild does not keep on external imports.
  const packageJson = {
    name: 'bundle-package-json',
    setup(build) {
      const require = createRequire(join(ROOT, 'package.json'));
      build.onResolve({ filter: /^[^./].*\.json$/ }, (args) => ({ path: require.resolve(args.path) }));
    },
  };
  const makers = editionMakers();
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { main: 'src/cli/main.ts', library: 'src/library.ts', [WORKERS[FIGURE_WORKER]]: FIGURE_WORKER, ...Object.fromEntries(Object.entries(makers).map(([source, name]) => [name, source])) },
    outdir: temporary,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    chunkNames: '[name]-[hash]',
    metafile: true,
    logLevel: 'warning',
    plugins: [ownUrl, packageJson],
  });
  const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.startsWith('node_modules/')).sort();
  const modules = Object.fromEntries(Object.entries({ ...WORKERS, ...makers }).map(([source, name]) => [source, `${name}.js`]));
  writeFileSync(join(temporary, 'inputs.json'), `${JSON.stringify({ builtAt: started, inputs, modules }, null, 1)}\n`);
  const old = join(ROOT, `dist.old-${process.pid}`);
  try {
    renameSync(DIST, old);
  } catch {
    // no previous build
  }
  try {
    renameSync(temporary, DIST);
  } finally {
    // Another process's build took the place first (two commands started at once): theirs stays.
    rmSync(temporary, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
  }
  if (!quiet) console.log(`report: built dist/ from ${inputs.length} source files in ${((Date.now() - started) / 1000).toFixed(2)} s`);
  return inputs.length;
}

/**
 * The editions' data makers (\`data: { make: MODULE }\` in templates/<edition>/edition.yaml), compiled
 * with the command: a build calls its edition's maker first, every time, and importing it through tsx
 * cost more than the rest of an up-to-date build. Source path (from the root) → entry name. The
 * maker's sources are among the bundle's inputs, so editing them makes the bundle stale like any other.
 */
function editionMakers() {
  const makers = {};
  const templates = join(ROOT, 'templates');
  for (const edition of existsSync(templates) ? readdirSync(templates).sort() : []) {
    const file = join(templates, edition, 'edition.yaml');
    if (!existsSync(file)) continue;
    const make = /^\s+make:\s*["']?([^"'\s#]+\.ts)["']?\s*(#.*)?$/m.exec(readFileSync(file, 'utf8'))?.[1];
    if (make && existsSync(join(ROOT, make))) makers[make] = `maker-${edition.replace(/[^\w.-]/g, '_')}`;
  }
  return makers;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(ROOT, { recursive: true });
  await buildCli();
}
