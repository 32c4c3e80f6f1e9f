/**
 * Contact sheets of the built print edition, for a reviewer to see the whole book at a glance:
 * every page of out/<edition>/<locale>/report.pdf rendered small (pdftoppm), labelled with its page
 * number and tiled 6 across, 24 pages a sheet (ImageMagick's montage), into
 * docs/contact-sheets/<locale>-<n>.jpg. Regenerate on purpose after a visible change:
 *
 *   npm run report && npm run contact-sheets [-- --edition 2023 --locale zh,en --out docs/contact-sheets]
 *
 * Old sheets of a locale are removed first, so a book that got shorter leaves no stale sheet behind.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const PER_SHEET = 24;
const DPI = '24';

const { values } = parseArgs({
  options: {
    edition: { type: 'string' },
    locale: { type: 'string', default: 'zh,en' },
    out: { type: 'string', default: 'docs/contact-sheets' },
  },
});

function newestEdition(): string {
  const years = readdirSync('templates').filter((d) => existsSync(join('templates', d, 'edition.yaml'))).sort();
  if (years.length === 0) throw new Error('no edition under templates/');
  return years[years.length - 1]!;
}

function need(command: string, pkg: string): void {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
  } catch {
    console.error(`contact-sheets: ${command} is missing; install it with: apt-get install -y ${pkg}`);
    process.exit(1);
  }
}

need('pdftoppm', 'poppler-utils');
need('montage', 'imagemagick');
const edition = values.edition ?? newestEdition();
mkdirSync(values.out!, { recursive: true });

for (const locale of values.locale!.split(',')) {
  const pdf = join('out', edition, locale, 'report.pdf');
  if (!existsSync(pdf)) {
    console.error(`contact-sheets: ${pdf} is missing; build it first: npm run report`);
    process.exit(1);
  }
  const work = mkdtempSync(join(tmpdir(), 'sheets-'));
  try {
    execFileSync('pdftoppm', ['-png', '-r', DPI, pdf, join(work, 'p')]);
    // pdftoppm pads page numbers to the width of the last one (p-01.png …): name each by its number
    // alone, which montage prints under the page (%t, the name without extension).
    const pages = readdirSync(work)
      .map((f) => ({ f, n: Number(/-(\d+)\.png$/.exec(f)?.[1]) }))
      .filter((p) => Number.isInteger(p.n))
      .sort((a, b) => a.n - b.n);
    for (const p of pages) renameSync(join(work, p.f), join(work, `${p.n}.png`));
    for (const old of readdirSync(values.out!)) if (old.startsWith(`${locale}-`) && old.endsWith('.jpg')) rmSync(join(values.out!, old));
    for (let i = 0, sheet = 1; i < pages.length; i += PER_SHEET, sheet++) {
      const files = pages.slice(i, i + PER_SHEET).map((p) => join(work, `${p.n}.png`));
      const target = join(values.out!, `${locale}-${sheet}.jpg`);
      const tile = ['-tile', '6x', '-geometry', '+6+6', '-background', '#8a8a8a', '-quality', '82', '-strip', target];
      try {
        // Settings before the files: montage labels each image with the -label in force when it is
        // read. ImageMagick's default font (Helvetica) is often absent: DejaVu comes with Debian.
        execFileSync('montage', ['-font', 'DejaVu-Sans', '-pointsize', '11', '-label', '%t', ...files, ...tile], { stdio: 'pipe' });
      } catch {
        execFileSync('montage', [...files, ...tile]); // no usable font: pages unlabelled, in order
      }
      console.log(`${target}  (pages ${i + 1}–${Math.min(i + PER_SHEET, pages.length)} of ${pages.length})`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
