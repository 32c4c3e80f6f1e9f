/**
 * Modelled values in the full 2023 edition, one treatment (src/figures/modelled-marks.ts): every
 * modelled bar or area is hatched (diagonals clipped to it, ids of its own SVG), a figure has a key exactly when it
 * draws modelled values, no figure or table carries the old note, `*` or paler bars, and Fig. 18 (the
 * top five countries' yearly high-value patents, never printed by the published edition) is marked.
 * Slow (the full dataset, HTML only): runs when GENERATE_FULL=1, like the other golden tests.
 *   GENERATE_FULL=1 npx vitest run test/figures/modelled-edition.test.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const out = mkdtempSync(join(tmpdir(), 'modelled-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Each figure's markup, by id, as the HTML edition holds it. */
function figures(html: string): Map<string, string> {
  return new Map([...html.matchAll(/<figure id="fig-([^"]+)"[^>]*>([^]*?)<\/figure>/g)].map((m) => [m[1]!, m[2]!]));
}

describe.runIf(process.env.GENERATE_FULL === '1')('modelled values in the full 2023 edition', () => {
  it('have one treatment: hatched (lines clipped to the mark) or hollow, a key per chart that has them, no old note', { timeout: 600_000 }, () => {
    execFileSync('node', ['bin/report.js', 'build', '--format', 'html', '--out', out, '--cache', 'off'], { cwd: root, stdio: 'pipe' });
    for (const locale of ['zh', 'en']) {
      const html = readFileSync(join(out, '2023', locale, 'index.html'), 'utf8');
      // The old treatments, anywhere: the note under figures and tables, the mark on labels and cells, paler bars.
      expect(html, locale).not.toMatch(/Paler bars|浅色条形|Areas marked|标 &#42; 的|Modelled value: not printed|为模型取值/);
      expect(html, locale).not.toMatch(/\*<\/text>|&#42;<\/text>|\*<\/td>|&#42;<\/td>/);
      expect(html, locale).not.toMatch(/\sopacity="0\.45"/);
      let hatched = 0;
      let keyed = 0;
      for (const [id, figure] of figures(html)) {
        const page = /<div class="chart chart-page[^"]*"[^>]*>(<svg[^]*?<\/svg>)<\/div>/.exec(figure)?.[1] ?? '';
        // Each modelled mark is the one hatch: a group of diagonals clipped to the mark, its clip its own and named after its SVG.
        const fills = [...page.matchAll(/<g class="modelled-hatch"[^>]*clip-path="url\(#([^)]+)\)"[^>]*><clipPath id="([^"]+)">/g)];
        for (const [, used, defined] of fills) expect(used === defined && used!.startsWith(`fig-${id}-svg-hatch-`), `${locale} ${id}: ${used}`).toBe(true);
        expect(page, `${locale} ${id}`).not.toMatch(/<pattern|url\(#modelled-hatch\)/);
        const key = /<p class="modelled-key" data-modelled="(hatch|hollow)">/.exec(figure)?.[1];
        // A key exactly where modelled values are drawn: hatched marks, or hollow points (white symbols).
        const hollow = [...page.matchAll(/<g class="mark-symbol[^"]*"[^>]*>((?:(?!<\/g>)[^])*)<\/g>/g)].some((m) => m[1]!.includes('fill="white"'));
        expect(key, `${locale} ${id}`).toBe(fills.length > 0 ? 'hatch' : hollow ? 'hollow' : undefined);
        hatched += fills.length;
        if (key) keyed++;
      }
      expect(hatched, locale).toBeGreaterThan(50);
      expect(keyed, locale).toBeGreaterThan(10);
      // Fig. 18: every year of the five countries is hollow.
      expect(figures(html).get('high-value-yearly'), locale).toContain('data-modelled="hollow"');
      // Tables: modelled numbers in italics (td.modelled), no mark.
      expect((html.match(/<td class="num modelled">/g) ?? []).length, locale).toBeGreaterThan(10);
    }
  });
});
