/**
 * `report diff` end to end on the real edition: the claims of the sample dataset against those of a
 * variant (Germany's and the United Kingdom's papers swapped, an institution renamed to markup) and
 * an edited edition (one sentence removed from Chapter 2, one added to the conclusions).
 */
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Edition } from '../../src/base/edition.ts';
import { claimsJson } from '../../src/claims/record.ts';
import type { ClaimsRecord } from '../../src/base/claims.ts';
import { diffCommand } from '../../src/cli/diff.ts';
import { compareClaims, hasChanges, type ClaimsDiff } from '../../src/diff/compare.ts';
import { formatHtml } from '../../src/diff/html.ts';
import { formatTerminal } from '../../src/diff/terminal.ts';
import { nodeFileSystem } from '../../src/effects.ts';
import { edition, ROOT, sampleMetrics } from '../chapters/fixtures.ts';
import { quietEffects } from '../helpers/memory-fs.ts';
import { metricsOf } from '../metrics/compute.ts';
import { claimsOf, sampleVariant, swapValues } from './fixtures.ts';

const HOSTILE = '<script>alert("x")</script> & <b>Co</b>';

/** The edition with `ch2.papers.institutions.home` taken out and the papers' intro sentence added to the conclusions. */
async function editedEdition(): Promise<Edition> {
  const real = await edition();
  const intro = /^\{\{t "ch2\.papers\.intro".*\}\}/m.exec(real.chapters.find((c) => c.id === 'research-strength')!.text)![0];
  return {
    ...real,
    chapters: real.chapters.map((c) =>
      c.id === 'research-strength'
        ? { ...c, text: c.text.replace(/^\{\{t "ch2\.papers\.institutions\.home".*\}\}$/m, '') }
        : c.id === 'conclusions'
          ? { ...c, text: `${c.text}\n\n${intro}\n` }
          : c,
    ),
  };
}

let before: ClaimsRecord;
let after: ClaimsRecord;
let diff: ClaimsDiff;
beforeAll(async () => {
  const variant = sampleVariant({
    paper_affiliations: (csv) => swapValues(csv, 'country', 'DE', 'GB'),
    institutions: (csv) => csv.replace(',University of California,', `,"${HOSTILE.replaceAll('"', '""')}",`),
  });
  [before, after] = await Promise.all([sampleMetrics().then((m) => claimsOf(m)), metricsOf(variant).then(async (m) => claimsOf(m, await editedEdition()))]);
  diff = compareClaims(before, after);
}, 180_000);

describe('report diff between two builds', () => {
  it('lists a sentence whose values changed, old and new, in both locales', () => {
    const change = diff.changed.find((c) => c.id === 'research-strength/ch2.papers.countries.volume')!;
    expect(change).toBeDefined();
    expect(Object.keys(change.locales).sort()).toEqual(['en', 'zh']);
    const { en, zh } = change.locales;
    expect(en!.old.text).toMatch(/Germany, the United Kingdom,/);
    expect(en!.new.text).toMatch(/United Kingdom, Germany,/);
    expect(zh!.old.text).toContain('德国、英国');
    expect(zh!.new.text).toContain('英国、德国');
    const text = formatTerminal(diff, { old: 'out/a', new: 'out/b' });
    expect(text).toContain('~ research-strength/ch2.papers.countries.volume');
    expect(text).toMatch(/en - .*\[-Germany, the-\] United Kingdom/);
    expect(text).toMatch(/\+ .*\{\+The\+\} United Kingdom, \{\+Germany, \+\}and India/);
    expect(text).toMatch(/zh - .*\[-德-\]国、\[-英-\]国/);
  });

  it('lists the ranks that moved: "Germany 3 → 4"', () => {
    const moves = diff.ranks.filter((m) => m.ranking === 'papers.by_country:papers').map((m) => `${m.id} ${m.old} → ${m.new}`);
    expect(moves).toEqual(['GB 4 → 3', 'DE 3 → 4']);
    expect(formatTerminal(diff, { old: 'a', new: 'b' })).toMatch(/papers\.by_country by papers\n {4}United Kingdom 4 → 3\n {4}Germany 3 → 4/);
  });

  it('lists the claim that disappeared and the one that appeared, in both locales', () => {
    const gone = diff.disappeared.map((c) => c.id);
    const added = diff.appeared.map((c) => c.id);
    // The reconstruction statements hold for the shipped dataset only (by digest): on the variant they go
    // too, the preface's and the method's (sentences without values) as well as the keywords appendix's;
    // so does the preface's note on modelled values, which only a reconstructed dataset has.
    expect(gone).toEqual([
      'preface/content:preface.modelled_values',
      'preface/content:preface.reconstruction',
      'research-strength/ch2.papers.institutions.home',
      'appendix-method/appendix:method.strength.reconstruction',
      'appendix-keywords/appendix:keywords.reconstruction',
    ]);
    expect(added).toEqual(['conclusions/ch2.papers.intro']);
    expect(Object.keys(diff.appeared[0]!.locales).sort()).toEqual(['en', 'zh']);
    expect(diff.appeared[0]!.locales.en!.text).toBe(before.locales.en!.sentences['research-strength/ch2.papers.intro']!.text);
  });

  it('lists a figure and a table whose data changed, with the changed rows', () => {
    const figure = diff.data.find((d) => d.kind === 'figure' && d.id === 'papers-by-country' && d.locale === 'en')!;
    expect(figure.columns).toEqual(['Country', 'Papers']);
    expect(figure.removed).toEqual([['Germany', '443'], ['United Kingdom', '406']]);
    expect(figure.added).toEqual([['United Kingdom', '443'], ['Germany', '406']]);
    expect(diff.data.some((d) => d.kind === 'figure' && d.id === 'papers-by-country' && d.locale === 'zh')).toBe(true);
    const table = diff.data.find((d) => d.kind === 'table' && d.id === 'papers-countries' && d.locale === 'en')!;
    expect(table.added.map((r) => r.slice(0, 2))).toEqual([['3', 'United Kingdom'], ['4', 'Germany']]);
    // Unchanged figures are not listed.
    expect(diff.data.some((d) => d.id === 'patents-by-country')).toBe(false);
  });

  it('writes one self-contained HTML page: CSP, no script, every string escaped, changed words marked', () => {
    const hostile = diff.changed.find((c) => c.locales.en?.new.text.includes(HOSTILE));
    expect(hostile, 'the renamed institution is in a changed sentence').toBeDefined();
    const page = formatHtml(diff, { old: 'out/<a>', new: 'out/b' });
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;">`);
    expect(page).not.toMatch(/<script|<b>|src=|href=/i);
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;Co&lt;/b&gt;');
    expect(page).toContain('out/&lt;a&gt;');
    expect(page).toContain('<del>Germany, the</del> United Kingdom, and India');
    expect(page).toContain('<ins>The</ins> United Kingdom, <ins>Germany, </ins>and India');
    expect(page).toMatch(/<del>德<\/del>国、<del>英<\/del>国/);
  });

  it('says "no changes" for identical builds, and --exit-code returns 1 only when something changed', async () => {
    expect(hasChanges(compareClaims(before, before))).toBe(false);
    const root = mkdtempSync(join(tmpdir(), 'diff-cli-'));
    for (const [name, record] of [['a', before], ['a2', before], ['b', after]] as const) {
      mkdirSync(join(root, name));
      writeFileSync(join(root, name, 'claims.json'), claimsJson(record));
    }
    const run = async (...args: string[]) => {
      let out = '';
      const stream = { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WritableStream;
      return { code: await diffCommand(args, quietEffects(nodeFileSystem), { root: ROOT, out: stream, err: stream }), out };
    };
    const same = await run(join(root, 'a'), join(root, 'a2'), '--exit-code');
    expect(same).toEqual({ code: 0, out: `no changes: ${join(root, 'a')} and ${join(root, 'a2')} state the same claims\n` });
    const page = join(root, 'review.html');
    const changed = await run(join(root, 'a'), join(root, 'b', 'claims.json'), '--html', page);
    expect(changed.code).toBe(0);
    expect(changed.out).toMatch(/^\S+ \(2023\) → \S+ \(2023\)\n\d+ sentences changed, 1 appeared, 5 disappeared; \d+ figures and \d+ tables with changed data; \d+ ranks moved\n/);
    expect(readFileSync(page, 'utf8')).toContain('<del>');
    expect((await run(join(root, 'a'), join(root, 'b'), '--exit-code')).code).toBe(1);
  });

  it('builds an edition on two datasets first when given --edition/--data, and leaves no temporary folder', async () => {
    const leftovers = () => readdirSync(tmpdir()).filter((f) => f.startsWith('report-diff-')).length;
    const before = leftovers();
    let out = '';
    const stream = { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WritableStream;
    const cache = mkdtempSync(join(tmpdir(), 'diff-cache-'));
    const code = await diffCommand(['--edition', '2023', '--data', join(ROOT, 'data/2023'), '--data', join(ROOT, 'data/2023'), '--cache', cache, '--exit-code'], quietEffects(nodeFileSystem), { root: ROOT, out: stream, err: stream });
    expect({ code, out }).toEqual({ code: 0, out: `no changes: 2023 --data ${join(ROOT, 'data/2023')} and 2023 --data ${join(ROOT, 'data/2023')} state the same claims\n` });
    expect(leftovers()).toBe(before);
  }, 180_000);
});
