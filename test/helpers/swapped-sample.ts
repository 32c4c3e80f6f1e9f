/**
 * A dataset made from the shipped sample with two country codes exchanged in every record (papers'
 * affiliations, institutions, patents, researchers and their moves): with CN and US exchanged, the
 * home country leads its rival in papers and top papers, is no longer the top patent country, and
 * gains researchers through moves instead of losing them. Institution ids and names are left as they
 * are (they are names, not countries); the calibration is left out, as the records changed.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Columns that hold a country code. */
const COUNTRY_COLUMNS = new Set(['country', 'from_country', 'to_country']);

function swapCsv(text: string, a: string, b: string): string {
  const [header, ...rows] = text.trimEnd().split('\n');
  const columns = header!.split(',');
  const at = columns.map((c, i) => (COUNTRY_COLUMNS.has(c) ? i : -1)).filter((i) => i >= 0);
  if (at.length === 0) return text;
  // The sample quotes only names with commas, which come before no country column it swaps: split the
  // row from the right for columns after a quoted name would be needed otherwise; refuse such rows.
  const swapped = rows.map((row) => {
    if (row.includes('"')) {
      // Quoted names: swap exact ",CN," cells only.
      return row.replace(new RegExp(`,(${a}|${b})(?=,|$)`, 'g'), (_, c: string) => `,${c === a ? b : a}`);
    }
    return row.split(',').map((cell, i) => (at.includes(i) && (cell === a || cell === b) ? (cell === a ? b : a) : cell)).join(',');
  });
  return `${[header, ...swapped].join('\n')}\n`;
}

export function swappedSample(sampleDir: string, a: string, b: string): string {
  const out = mkdtempSync(join(tmpdir(), 'swapped-'));
  for (const name of readdirSync(sampleDir)) {
    if (name.endsWith('.csv')) writeFileSync(join(out, name), swapCsv(readFileSync(join(sampleDir, name), 'utf8'), a, b));
  }
  writeFileSync(join(out, 'dataset.yaml'), readFileSync(join(sampleDir, 'dataset.yaml'), 'utf8'));
  return out;
}
