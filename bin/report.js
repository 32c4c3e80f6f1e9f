#!/usr/bin/env node
// The `report` command. It runs the JavaScript bundle in dist/ (made from src/ by `npm install`'s
// `prepare`, scripts/build-cli.mjs): loading the TypeScript sources through tsx cost ~1 s of every run.
// The bundle is used only while it is at least as new as every source it was made from, so an edit
// under src/ is never silently ignored: a stale or missing bundle is rebuilt first (esbuild, ~0.3 s),
// and where that is impossible (no esbuild installed) the sources run through tsx, as before.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** True when dist/ exists and no source it was bundled from changed (or vanished) since. */
function fresh() {
  try {
    const { builtAt, inputs, modules = {} } = JSON.parse(readFileSync(`${root}dist/inputs.json`, 'utf8'));
    if (!inputs.every((file) => statSync(`${root}${file}`).mtimeMs < builtAt)) return false;
    // Compiled copies of the editions' own modules (data makers), for src/cli/dataset.ts to import
    // instead of their TypeScript sources.
    globalThis[Symbol.for('report.compiled-modules')] = new Map(Object.entries(modules).map(([source, compiled]) => [`${root}${source}`, new URL(`../dist/${compiled}`, import.meta.url).href]));
    return true;
  } catch {
    return false;
  }
}

// REPORT_FROM_SOURCES=1 runs the sources through tsx whatever dist/ holds (debugging the launcher).
const fromSources = process.env.REPORT_FROM_SOURCES === '1';
let main, tuneForCommand;
if (!fromSources && (fresh() || (await rebuild()))) {
  ({ main, tuneForCommand } = await import('../dist/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main, tuneForCommand } = await import('../src/cli/main.ts'));
  if (!fromSources) process.stderr.write(`report: ${(await import('../src/messages.ts')).message('cli.from-sources', {})}\n`);
}
// V8 tuned for the command (src/cli/main.ts), before the command loads its heavy modules.
tuneForCommand(process.argv.slice(2));
process.exitCode = await main(process.argv.slice(2));

async function rebuild() {
  try {
    const { buildCli } = await import('../scripts/build-cli.mjs');
    await buildCli({ quiet: true });
    return fresh();
  } catch {
    return false;
  }
}
