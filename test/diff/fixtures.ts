/**
 * Claims records of the real edition on the sample dataset and on variants of it, assembled as the
 * build does (src/pipeline.ts): chapters with a claims collector, figures' data, rankings.
 */
import { renderEditionTables } from '../../src/tables/render.ts';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClaimsCollector } from '../../src/chapters/capture.ts';
import { rankingsOf } from '../../src/claims/rankings.ts';
import { claimsRecord, localeClaims } from '../../src/claims/record.ts';
import type { ClaimsRecord, LocaleClaims } from '../../src/base/claims.ts';
import { countryNames, type CountryNames } from '../../src/base/countries.ts';
import type { Edition } from '../../src/base/edition.ts';
import { createTranslator } from '../../src/base/i18n.ts';
import { renderChapters } from '../../src/chapters/render.ts';
import { numberFigures } from '../../src/base/slots.ts';
import { renderFigures } from '../../src/figures/render.ts';
import type { Locale } from '../../src/base/yaml.ts';
import type { MetricsDocument } from '../../src/metrics/document.ts';
import { bundle, edition, ROOT } from '../chapters/fixtures.ts';

/** The claims record of `ed` (default: the real edition) on `metrics`, both locales; SVG drawing skipped. */
export async function claimsOf(metrics: MetricsDocument, ed?: Edition): Promise<ClaimsRecord> {
  const e = ed ?? (await edition());
  const numbers = numberFigures(e);
  const locales: Partial<Record<Locale, LocaleClaims>> = {};
  const names: Partial<Record<Locale, CountryNames>> = {};
  for (const locale of ['zh', 'en'] as const) {
    const b = await bundle(locale);
    const t = createTranslator(b, metrics.provenance.definitions);
    names[locale] = countryNames(locale, b.namespaces.countries);
    const collector = new ClaimsCollector();
    renderChapters(e, metrics, t, names[locale]!, numbers, { claims: collector });
    const figures = await renderFigures(numbers, metrics, t, names[locale]!, async () => '<svg></svg>');
    const tables = renderEditionTables(e, { metrics, t, names: names[locale]! });
    locales[locale] = localeClaims(collector.claims(), figures, tables);
  }
  return claimsRecord(e.edition, e.chapters.map((c) => c.id), locales, rankingsOf(metrics, names));
}

/** A copy of the sample dataset (data/2023) in a temp folder, each table's CSV text edited by its function. */
export function sampleVariant(edits: Readonly<Record<string, (csv: string) => string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'diff-variant-'));
  cpSync(join(ROOT, 'data/2023'), dir, { recursive: true });
  for (const [table, edit] of Object.entries(edits)) {
    const file = join(dir, `${table}.csv`);
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
  }
  return dir;
}

/**
 * `csv` with the values `a` and `b` of `column` swapped: for the country column of paper_affiliations,
 * every paper of one country becomes the other's. (For tables without quoted commas.)
 */
export function swapValues(csv: string, column: string, a: string, b: string): string {
  const [header = '', ...lines] = csv.split('\n');
  const at = header.split(',').indexOf(column);
  if (at < 0) throw new Error(`no column ${column} in ${header}`);
  const swapped = lines.map((line) => {
    const cells = line.split(',');
    if (cells[at] === a) cells[at] = b;
    else if (cells[at] === b) cells[at] = a;
    return cells.join(',');
  });
  return [header, ...swapped].join('\n');
}
