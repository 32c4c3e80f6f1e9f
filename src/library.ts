/**
 * The build as a function, with the resources `report build` gives it: for a program that runs a
 * build the way the command does, the benchmark's build child (scripts/bench.ts). Compiled into
 * dist/library.js beside the command (scripts/build-cli.mjs), so that what is timed is the bundle the
 * command runs, its figure thread included, not the sources through tsx.
 */
export { build } from './pipeline.ts';
export { nodeEffects } from './effects.ts';
export { openDuckDb } from './base/engine.ts';
export { tuneForBatchRun } from './base/process.ts';
export { browserIdentity } from './cache/printer.ts';
export { ensureChromium, nodeEnvironment } from './pdf/chromium.ts';
export { launchPrinter } from './pdf/print.ts';
