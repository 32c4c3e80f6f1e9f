/**
 * Before `npm test`: the end-to-end test needs Chromium (to print) and poppler-utils (pdfinfo,
 * pdffonts, pdftotext, to read the PDF back). Installs the Debian packages when missing and running
 * as root; otherwise prints the exact command and fails. The engine-equality tests need the ClickHouse
 * engine package (engines/clickhouse: chDB, ~550 MB, not part of `npm install`): installed here with
 * `npm install --prefix engines/clickhouse` when missing; if that fails, those tests are skipped (outside CI).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { nodeEffects } from '../src/effects.ts';
import { ReportError } from '../src/errors.ts';
import { ensureChromium, nodeEnvironment } from '../src/pdf/chromium.ts';

const fx = nodeEffects();
const POPPLER = 'apt-get update && apt-get install -y --no-install-recommends poppler-utils';
try {
  ensureChromium(nodeEnvironment, fx.log);
  if (!nodeEnvironment.exists('/usr/bin/pdftotext')) {
    if (!nodeEnvironment.isRoot() || !nodeEnvironment.sh(POPPLER)) {
      process.stderr.write(`poppler-utils (pdftotext, pdffonts, pdfinfo) is missing. Install it with:\n  ${nodeEnvironment.isRoot() ? '' : 'sudo '}sh -c '${POPPLER}'\n`);
      process.exit(1);
    }
  }
  if (!existsSync('engines/clickhouse/node_modules/chdb/package.json')) {
    process.stdout.write('ClickHouse engine package missing (engines/clickhouse); installing it: npm install --prefix engines/clickhouse\n');
    try {
      execFileSync('npm', ['install', '--prefix', 'engines/clickhouse', '--no-audit', '--no-fund'], { stdio: 'inherit' });
    } catch {
      process.stderr.write('Installing engines/clickhouse failed: the DuckDB/ClickHouse engine-equality tests will be skipped (outside CI, where they must run).\n');
    }
  }
} catch (error) {
  if (!(error instanceof ReportError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
