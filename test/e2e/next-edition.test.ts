/**
 * The next-edition workflow end to end, as the README gives it: `report new 2024 --from 2023` in a
 * project, a data snapshot whose years are 2013–2022 (the sample with every year moved on by one),
 * `report build --edition 2024` (both locales, PDF and HTML), `report check`, and `report diff` of the
 * 2023 and 2024 builds. The 2023 edition is not changed by any of it.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { nodeFileSystem } from '../../src/effects.ts';
import { ROOT } from '../chapters/fixtures.ts';
import { quietEffects } from '../helpers/memory-fs.ts';
import { shiftedSample } from '../helpers/shifted-sample.ts';

const project = mkdtempSync(join(tmpdir(), 'next-edition-'));
const out = join(project, 'out');
const snapshot = shiftedSample(join(ROOT, 'data/2023'));
const fx = () => quietEffects(nodeFileSystem);
const text = (pdf: string) => execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
const html = (locale: string) => readFileSync(join(out, '2024', locale, 'index.html'), 'utf8').replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ');

let made: string[] = [];

beforeAll(async () => {
  for (const top of ['templates', 'locales']) cpSync(join(ROOT, top), join(project, top), { recursive: true });
  const f = fx();
  expect(await main(['new', '2024', '--from', '2023', '--data', snapshot], f, project)).toBe(0);
  made = f.lines;
  // Last year's edition, on last year's data (the shipped sample), and this year's on the snapshot.
  expect(await main(['build', '--edition', '2023', '--data', join(ROOT, 'data/2023'), '--format', 'html', '--out', out, '--cache', 'off'], fx(), project)).toBe(0);
  expect(await main(['build', '--edition', '2024', '--out', out, '--cache', 'off'], fx(), project)).toBe(0);
}, 600_000);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('next year’s edition', () => {
  it('report new prints the next steps', () => {
    expect(made.join('\n')).toMatch(/^edition 2024 made from 2023: templates\/2024, locales\/2024\npublication date set to 2024-02, a year after 2023's: confirm it in templates\/2024\/content\/dates.yaml\nNext:/);
    // Only the date moved on: the comments of the copied file are kept.
    const dates = readFileSync(join(project, 'templates/2024/content/dates.yaml'), 'utf8');
    expect(dates).toMatch(/^published: 2024-02$/m);
    expect(dates).toBe(readFileSync(join(ROOT, 'templates/2023/content/dates.yaml'), 'utf8').replace('published: 2023-02', 'published: 2024-02'));
    expect(made.join('\n')).toContain('report diff out/2023 out/2024');
  });

  it('says 2013–2022 throughout, in both locales, PDF and HTML: every year range comes from the manifest', () => {
    const zh = text(join(out, '2024/zh/report.pdf'));
    const en = text(join(out, '2024/en/report.pdf'));
    expect(zh).toMatch(/2013\s*年\s*至\s*2022\s*年|2013—2022/);
    expect(en).toMatch(/2013[–-]2022|2013 to 2022/);
    for (const [name, t] of [['zh pdf', zh], ['en pdf', en], ['zh html', html('zh')], ['en html', html('en')]] as const) {
      expect(t, name).not.toMatch(/2012\s*(年|[–—-]|to)/);
      expect(t, name).not.toMatch(/[–—-]\s*2021(?!\d)/);
    }
    // The cover and running heads carry the new title of the snapshot's manifest.
    expect(zh).toContain('（2024）全球数字科技发展研究报告');
    expect(en).toContain('Research Report (2024)');
  });

  it('report check passes on the new edition and its data', async () => {
    const f = fx();
    const code = await main(['check', '--edition', '2024'], f, project);
    expect(f.lines.filter((l) => !l.startsWith(' ')).join('\n')).toContain('check passed: edition 2024');
    expect(code).toBe(0);
  });

  it('report diff lists the claims that changed between the 2023 and 2024 builds', async () => {
    const chunks: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((c) => (chunks.push(String(c)), true));
    expect(await main(['diff', join(out, '2023'), join(out, '2024')], fx(), project)).toBe(0);
    const report = chunks.join('');
    expect(report).toMatch(/changed/i);
    // A sentence that states the window, old and new.
    expect(report).toMatch(/2012[\s\S]*2013/);
  });
});
