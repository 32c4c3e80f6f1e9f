/**
 * The one YAML reader: hostile or broken YAML ends in one ReportError naming file:line:column,
 * never a hang, a crash or a bare library error.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../src/effects.ts';
import { ReportError } from '../../src/errors.ts';
import { readManifest } from '../../src/load/manifest.ts';
import { parseYaml, YAML_LIMITS, YamlReader } from '../../src/base/yaml.ts';

/** Nine levels of nine aliases each: 9^9 (387 million) strings once expanded. */
function aliasBomb(): string {
  const lines = ['edition: "bomb"', 'a0: &a0 "lol"'];
  for (let i = 1; i <= 9; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]`);
  lines.push('title: *a9');
  return `${lines.join('\n')}\n`;
}

function failure(run: () => unknown): ReportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ReportError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('reading YAML', () => {
  it('stops an alias bomb in dataset.yaml with one message at the first alias, quickly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yaml-bomb-'));
    writeFileSync(join(dir, 'dataset.yaml'), aliasBomb());
    const start = performance.now();
    const error = await readManifest(nodeFileSystem, dir).then(
      () => null,
      (e: unknown) => e,
    );
    expect(performance.now() - start).toBeLessThan(2000);
    expect(error).toBeInstanceOf(ReportError);
    expect((error as ReportError).message).toBe(
      `${join(dir, 'dataset.yaml')}:3:10: invalid YAML: its aliases (*name) expand to more than ${YAML_LIMITS.maxAliasCount} copies; write the values out instead`,
    );
    expect((error as ReportError).cause).toBeInstanceOf(ReferenceError);
  });

  it('still reads a few ordinary aliases', () => {
    expect(parseYaml('x.yaml', 'a: &n {zh: 甲, en: A}\nb: *n\n').value).toEqual({ a: { zh: '甲', en: 'A' }, b: { zh: '甲', en: 'A' } });
  });

  it('refuses a document over the size limit before parsing it', () => {
    const text = `title: "${'x'.repeat(YAML_LIMITS.maxChars)}"\n`;
    expect(failure(() => parseYaml('big.yaml', text)).message).toBe(
      `big.yaml: ${text.length.toLocaleString('en-US')} characters is more than a YAML file may have (${YAML_LIMITS.maxChars.toLocaleString('en-US')})`,
    );
  });

  it('names file:line:column of a syntax error, an unknown alias and a duplicate key', () => {
    expect(failure(() => parseYaml('a.yaml', 'edition: "2023"\ntitle: {zh: "x", en: "y"\n')).message).toMatch(/^a\.yaml:3:1: invalid YAML: /);
    expect(failure(() => parseYaml('b.yaml', 'a: 1\nb: *nothing\n')).message).toMatch(/^b\.yaml:2:4: invalid YAML: .*nothing/);
    expect(failure(() => parseYaml('c.yaml', 'a: 1\na: 2\n')).message).toMatch(/^c\.yaml:2:1: invalid YAML: .*unique/);
  });

  it('describes a wrong value briefly: a field of 30,000 entries is not printed whole', () => {
    const source = parseYaml('d.yaml', `paper_years: [${Array.from({ length: 30_000 }, (_, i) => i).join(', ')}]\n`);
    const message = failure(() => new YamlReader(source).string(['paper_years'])).message;
    expect(message).toMatch(/^d\.yaml:1:14: paper_years: expected a non-empty string, got a list of 30000 items \(the first: 0\)$/);
    expect(message.length).toBeLessThan(200);
  });
});
