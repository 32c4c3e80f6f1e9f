/**
 * Before `npm test`: the end-to-end test needs Chromium (to print) and poppler-utils (pdfinfo,
 * pdffonts, pdftotext, to read the PDF back). Installs the Debian packages when missing and running
 * as root; otherwise prints the exact command and fails.
 */
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
} catch (error) {
  if (!(error instanceof ReportError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
