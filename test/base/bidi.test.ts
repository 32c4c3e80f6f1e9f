import { DEFINITIONS_2023 } from '../helpers/definitions.ts';
import { describe, expect, it } from 'vitest';
import { hasBidiControls, isolateBidi, stripBidi } from '../../src/base/bidi.ts';
import { escapeHtml, escapeInline, renderMarkdown } from '../../src/base/markup.ts';
import { createTranslator } from '../../src/base/i18n.ts';
import { pdfString } from '../../src/pdf/finish.ts';

const RLO = '\u202e';
const PDF = '\u202c';
const FSI = '\u2068';
const RLI = '\u2067';
const PDI = '\u2069';

describe('bidi controls in data values', () => {
  it('leaves text without controls as it is (the 2023 edition has none)', () => {
    for (const s of ['清华大学', 'University of Oxford', '', 'a–b “c”']) {
      expect(isolateBidi(s)).toBe(s);
      expect(stripBidi(s)).toBe(s);
      expect(hasBidiControls(s)).toBe(false);
    }
  });

  it('sets a value with an override in its own isolate', () => {
    expect(isolateBidi(`Evil${RLO}lab`)).toBe(`${FSI}Evil${RLO}lab${PDI}`);
    expect(isolateBidi(`x\u200fy`)).toBe(`${FSI}x\u200fy${PDI}`);
  });

  it('drops a PDI that would close the isolate early and closes isolates left open', () => {
    expect(isolateBidi(`${PDI}${RLO}evil`)).toBe(`${FSI}${RLO}evil${PDI}`);
    expect(isolateBidi(`a${RLI}b`)).toBe(`${FSI}a${RLI}b${PDI}${PDI}`);
    expect(isolateBidi(`a${RLI}b${PDI}c${PDI}`)).toBe(`${FSI}a${RLI}b${PDI}c${PDI}`);
  });

  it('strips every kind of control for PDF metadata', () => {
    const all = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c';
    expect(stripBidi(`a${all}b`)).toBe('ab');
    expect(pdfString(`Lab${RLO}X`)).toBe('(LabX)');
  });

  it('isolates data values wherever they are escaped: markdown, HTML, translated sentences', () => {
    expect(escapeInline(`Evil${RLO}`)).toBe(`${FSI}Evil${RLO}${PDI}`);
    expect(escapeHtml(`<b>${RLO}`)).toBe(`${FSI}&lt;b&gt;${RLO}${PDI}`);
    const t = createTranslator({ locale: 'en', dir: '/l/en', namespaces: { report: { s: '{{name}} has {{n}} papers' } } }, DEFINITIONS_2023);
    expect(t.t('s', { name: `Lab${RLO}X${PDF}`, n: 206 })).toBe(`${FSI}Lab${RLO}X${PDF}${PDI} has 206 papers`);
    expect(t.text('s', { name: `Lab${RLO}X`, n: 206 })).toBe(`${FSI}Lab${RLO}X${PDI} has 206 papers`);
    expect(renderMarkdown(t.t('s', { name: `A${RLO}B`, n: 206 }))).toBe(`<p>${FSI}A${RLO}B${PDI} has 206 papers</p>\n`);
  });
});
