/** The edition's content kinds: platform coverage and research directions, read and validated with positions. */
import { describe, expect, it } from 'vitest';
import { readContent } from '../../src/base/content.ts';
import type { Direction } from '../../src/base/content-directions.ts';
import type { PlatformCoverage } from '../../src/base/content-platform.ts';
import { ReportError } from '../../src/errors.ts';
import { memoryFs } from '../helpers/memory-fs.ts';
import { edition } from '../chapters/fixtures.ts';

const DIR = '/t/2023/content';
const read = (files: Record<string, string>) => readContent(memoryFs(Object.fromEntries(Object.entries(files).map(([k, v]) => [`${DIR}/${k}`, v]))), DIR);
async function failure(files: Record<string, string>): Promise<string> {
  const error = await read(files).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ReportError);
  return (error as Error).message;
}

const PLATFORM = 'scholars:\n  count: 140000000\n  qualifier: nearly\npapers:\n  count: 320000000\npatents:\n  count: 680000000\n';

const direction = (id: string, zh: string[], en: string[]) =>
  `- id: ${id}\n  name: { zh: 名称, en: a name }\n  keywords:\n    zh: [${zh.join(', ')}]\n    en: [${en.join(', ')}]\n`;

describe('content/platform.yaml', () => {
  it('reads the three counts, each exact unless stated "nearly", frozen', async () => {
    const platform = (await read({ 'platform.yaml': PLATFORM })).platform as PlatformCoverage;
    expect(platform).toEqual({
      scholars: { count: 140_000_000, qualifier: 'nearly' },
      papers: { count: 320_000_000, qualifier: 'exact' },
      patents: { count: 680_000_000, qualifier: 'exact' },
    });
    expect(Object.isFrozen(platform.scholars)).toBe(true);
  });

  it('names file:line:column of a count that is not a whole number above zero', async () => {
    expect(await failure({ 'platform.yaml': PLATFORM.replace('count: 320000000', 'count: 3.2e8x') })).toMatch(/platform\.yaml:5:10: papers\.count: expected a whole number, got "3\.2e8x"/);
    expect(await failure({ 'platform.yaml': PLATFORM.replace('count: 680000000', 'count: 0') })).toMatch(/platform\.yaml:7:10: patents\.count: expected a count above zero, got 0/);
  });

  it('names an unknown qualifier, a missing count and a field it does not know', async () => {
    expect(await failure({ 'platform.yaml': PLATFORM.replace('nearly', 'roughly') })).toMatch(/platform\.yaml:3:14: scholars\.qualifier: expected exact or nearly, got "roughly"/);
    expect(await failure({ 'platform.yaml': PLATFORM.replace('patents:\n  count: 680000000\n', '') })).toMatch(/platform\.yaml:1:1: patents: expected a mapping, got nothing/);
    expect(await failure({ 'platform.yaml': `${PLATFORM}institutions:\n  count: 5\n` })).toMatch(/platform\.yaml:9:3: institutions: expected one of scholars, papers, patents/);
  });
});

describe('content/directions.yaml', () => {
  it('reads directions in order with names and keywords in both languages', async () => {
    const directions = (await read({ 'directions.yaml': direction('big-data', ['数据挖掘', '流式计算'], ['data mining', 'stream processing']) + direction('cloud', ['虚拟化'], ['virtualization']) })).directions as Direction[];
    expect(directions.map((d) => d.id)).toEqual(['big-data', 'cloud']);
    expect(directions[0]).toEqual({ id: 'big-data', name: { zh: '名称', en: 'a name' }, keywords: { zh: ['数据挖掘', '流式计算'], en: ['data mining', 'stream processing'] } });
    expect(Object.isFrozen(directions[0]!.keywords.en)).toBe(true);
  });

  it('refuses keywords that are not pairwise translations (lengths differ), naming the position', async () => {
    const message = await failure({ 'directions.yaml': direction('ai', ['机器学习', '深度学习'], ['machine learning']) });
    expect(message).toMatch(/directions\.yaml:5:9: 0\.keywords\.en: expected as many keywords as in zh \(2\), each the other's translation, got "1 keywords"/);
  });

  it('refuses a repeated id, a repeated keyword, a bad id, an empty list and a missing name', async () => {
    expect(await failure({ 'directions.yaml': direction('ai', ['甲'], ['a']) + direction('ai', ['乙'], ['b']) })).toMatch(/directions\.yaml:6:7: 1\.id: expected an id not used by another direction, got "ai"/);
    expect(await failure({ 'directions.yaml': direction('ai', ['甲', '乙'], ['deep learning', 'Deep learning']) })).toMatch(/directions\.yaml:5:\d+: 0\.keywords\.en\.1: expected a keyword not already listed/);
    expect(await failure({ 'directions.yaml': direction('Big Data', ['甲'], ['a']) })).toMatch(/directions\.yaml:1:7: 0\.id: expected an id of lower-case letters/);
    expect(await failure({ 'directions.yaml': '[]\n' })).toMatch(/directions\.yaml:1:1: \(document\): expected at least one direction/);
    expect(await failure({ 'directions.yaml': direction('ai', ['甲'], ['a']).replace('  name: { zh: 名称, en: a name }\n', '') })).toMatch(/directions\.yaml:1:3: 0\.name: expected a mapping, got nothing/);
  });
});

describe('the 2023 edition\'s content', () => {
  it('has the platform coverage and the eight published directions in the published order', async () => {
    const content = (await edition()).content!;
    const directions = content.directions as Direction[];
    expect(directions.map((d) => d.name.zh)).toEqual(['人工智能', '区块链', '大数据', '云计算', '物联网', '量子科技', '新一代无线通信', 'XR 技术']);
    expect((content.platform as PlatformCoverage).scholars).toEqual({ count: 140_000_000, qualifier: 'nearly' });
  });
});
