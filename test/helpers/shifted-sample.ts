/**
 * Next year's data snapshot, made from the shipped sample for the next-edition tests: every year moved
 * on by `years` (papers, patents, moves, citations), the manifest's windows, snapshot and title with
 * them. The records are new files, so the sample's calibration no longer holds for them (and is left out).
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const YEAR_COLUMNS: Readonly<Record<string, string>> = { papers: 'year', patents: 'year', scholar_moves: 'year', paper_citations_by_year: 'year' };

/** Moves a CSV cell's year column on (the sample's CSVs quote only names with commas, never years). */
function shiftCsv(text: string, column: string, years: number): string {
  const [header, ...rows] = text.trimEnd().split('\n');
  const at = header!.split(',').indexOf(column);
  if (at < 0) throw new Error(`no column ${column}`);
  return `${[header, ...rows.map((row) => row.split(',').map((cell, i) => (i === at ? String(Number(cell) + years) : cell)).join(','))].join('\n')}\n`;
}

export function shiftedSample(sampleDir: string, years = 1): string {
  const out = mkdtempSync(join(tmpdir(), 'snapshot-'));
  for (const name of readdirSync(sampleDir)) {
    if (!name.endsWith('.csv')) continue;
    const table = name.slice(0, -4);
    const text = readFileSync(join(sampleDir, name), 'utf8');
    writeFileSync(join(out, name), YEAR_COLUMNS[table] ? shiftCsv(text, YEAR_COLUMNS[table]!, years) : text);
  }
  const manifest = readFileSync(join(sampleDir, 'dataset.yaml'), 'utf8')
    .replace(/^edition: "(\d+)"/m, (_, y: string) => `edition: "${Number(y) + years}"`)
    .replace(/\[(\d{4}), (\d{4})\]/g, (_, a: string, b: string) => `[${Number(a) + years}, ${Number(b) + years}]`)
    .replace(/^snapshot: (\d{4})/m, (_, y: string) => `snapshot: ${Number(y) + years}`)
    .replace(/（(\d{4})）/, (_, y: string) => `（${Number(y) + years}）`)
    .replace(/\((\d{4})\)"/, (_, y: string) => `(${Number(y) + years})"`);
  writeFileSync(join(out, 'dataset.yaml'), manifest);
  return out;
}
