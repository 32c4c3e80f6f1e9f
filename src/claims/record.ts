/** Assembles a build's claims record and writes it as canonical JSON (sorted keys: same build, same bytes). */
import type { RenderedTable } from '../tables/types.ts';
import type { PageFigure } from '../figures/render.ts';
import type { Locale } from '../base/yaml.ts';
import { CLAIMS_FORMAT, type ChapterClaims, type ClaimsRecord, type DataClaim, type LocaleClaims, type Ranking } from '../base/claims.ts';

/** A figure's data as the reader downloads it (its CSV), columns and rows of text. */
export function figureClaim(figure: PageFigure): DataClaim {
  const [columns = [], ...rows] = parseCsv(figure.download.csv);
  return { columns, rows };
}

/** A locale's claims: the chapters' sentences, and the data of every table and figure placed. */
export function localeClaims(chapters: ChapterClaims, figures: readonly PageFigure[], tables: readonly RenderedTable[]): LocaleClaims {
  return {
    sentences: chapters.sentences,
    tables: Object.fromEntries(tables.map((t) => [t.id, Object.freeze({ columns: Object.freeze(t.columns.map((c) => c.label)), rows: Object.freeze(t.rows.map((r) => Object.freeze([...r]))) })])),
    figures: Object.fromEntries(figures.map((f) => [f.id, figureClaim(f)])),
  };
}

export function claimsRecord(edition: string, chapters: readonly string[], locales: Partial<Record<Locale, LocaleClaims>>, rankings: Record<string, Ranking>): ClaimsRecord {
  return { format: CLAIMS_FORMAT, edition, chapters: [...chapters], locales, rankings };
}

/** JSON with every object's keys sorted, two-space indented, one final newline. */
export function claimsJson(record: ClaimsRecord): string {
  return `${JSON.stringify(sortKeys(record), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  return Object.fromEntries(Object.keys(source).sort().map((k) => [k, sortKeys(source[k])]));
}

/** RFC 4180 (what src/base/csv.ts writes): quoted fields, doubled quotes, CRLF rows, a leading BOM. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\ufeff/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(cell), rows.push(row), (row = []), (cell = '');
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) row.push(cell), rows.push(row);
  return rows;
}
