import { describe, expect, it } from 'vitest';
import { fitWidth, wrapBalanced, wrapText } from '../../src/figures/wrap.ts';
import { measureText } from '../../src/fonts/fontsource.ts';

const ZH = '清华大学知识工程实验室（KEG）与智谱 AI 发布中英双语预训练大模型 GLM-130B，这是一段为了测试换行而写得很长的文字，其中还有“引号”和顿号、逗号。';
const EN = "Tsinghua University's Knowledge Engineering Group (KEG) and Zhipu AI release GLM-130B, a bilingual Chinese–English pre-trained model";

const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('wrapText (measured with the embedded font)', () => {
  it('keeps a text that fits on one line', () => {
    expect(wrapText('DeepMind 发布 AlphaCode', 500, 11)).toEqual(['DeepMind 发布 AlphaCode']);
  });

  for (const [name, text] of [['Chinese', ZH], ['English', EN]] as const) {
    it(`cuts ${name} into lines no wider than the width, losing nothing`, () => {
      for (const width of [120, 200, 333]) {
        const lines = wrapText(text, width, 11);
        expect(lines.length).toBeGreaterThan(1);
        for (const line of lines) expect(measureText(line, 11), `${width}: ${line}`).toBeLessThanOrEqual(width);
        expect(squeeze(lines.join(''))).toBe(squeeze(text));
        // Lines are filled: each but the last would overflow with the next line's first unit.
        for (const line of lines) expect(line).toBe(line.trim());
      }
    });
  }

  it('breaks English only at spaces, and Chinese between characters', () => {
    const en = wrapText(EN, 150, 11);
    const words = new Set(EN.split(' '));
    for (const line of en) for (const word of line.split(' ')) expect(words.has(word), word).toBe(true);
    const zh = wrapText('数字科技的热点技术有三项数字科技的热点技术有三项', 60, 10);
    expect(zh.every((l) => measureText(l, 10) <= 60)).toBe(true);
    expect(zh[0]).toBe('数字科技的热'); // six ideographs of one em: 60 px
  });

  it('starts no line with a closing mark and ends none with an opening one', () => {
    for (const width of [55, 70, 90, 110, 130]) { // (a unit wider than the line is cut anyhow)
      for (const line of wrapText(ZH, width, 11)) {
        expect(line, `${width}`).not.toMatch(/^[，。、；：？！）”]/);
        expect(line, `${width}`).not.toMatch(/[（“]$/);
      }
    }
  });

  it('cuts a word longer than the line between its characters', () => {
    const lines = wrapText('x'.repeat(80), 100, 11);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('x'.repeat(80));
    for (const line of lines) expect(measureText(line, 11)).toBeLessThanOrEqual(100);
  });

  it('balances lines: as many as the greedy cut, none wider, the last not left with one word', () => {
    const text = "Alibaba Cloud deploys OBX at scale, the industry's first white-box optical network device built on SONiC";
    const greedy = wrapText(text, 516, 11);
    expect(greedy.at(-1)).toBe('SONiC');
    const even = wrapBalanced(text, 516, 11);
    expect(even).toHaveLength(greedy.length);
    expect(even.at(-1)).not.toBe('SONiC');
    expect(Math.max(...even.map((l) => measureText(l, 11)))).toBeLessThanOrEqual(516);
    expect(even.join(' ')).toBe(text);
    expect(wrapBalanced('short', 470, 11)).toEqual(['short']);
  });
});

describe('fitWidth (one line, cut with an ellipsis)', () => {
  it('keeps a label that fits', () => {
    expect(fitWidth('Tsinghua University', 240, 11)).toBe('Tsinghua University');
  });

  it('cuts a long label to the longest start that fits with the ellipsis', () => {
    for (const text of [EN.repeat(40), ZH.repeat(40)]) {
      const cut = fitWidth(text, 270, 11);
      expect(cut.endsWith('…')).toBe(true);
      expect(measureText(cut, 11)).toBeLessThanOrEqual(270);
      const kept = [...cut.slice(0, -1)];
      expect(text.startsWith(kept.join(''))).toBe(true);
      // one character more would not fit
      const longer = `${[...text].slice(0, kept.length + 1).join('')}…`;
      expect(measureText(longer, 11)).toBeGreaterThan(270);
    }
  });

  it('never splits an emoji sequence or a letter from its accent', () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    const cut = fitWidth(`${'e\u0301'.repeat(10)}${family.repeat(60)}`, 120, 11);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.slice(0, -1).replace(/(e\u0301)+/u, '').split(family).every((s) => s === '')).toBe(true);
  });
});
