/** The formatter of cited works: GB/T 7714-2015 (zh) and Chicago notes and bibliography (en), each kind of work. */
import { describe, expect, it } from 'vitest';
import { bibliographyEntries, formatEntry, formatNote, orderReferences } from '../../src/base/bibliography.ts';
import { renderMarkdownInline as renderInline } from '../../src/base/markup.ts';
import type { Reference } from '../../src/base/references.ts';

const base = { etAl: false, container: null, volume: null, issue: null, pages: null, place: null, publisher: null, date: null, url: null, accessed: null } as const;
const same = (s: string) => ({ zh: s, en: s });
const person = (family: string, given: string) => ({ person: { family, given } });
const org = (zh: string, en: string) => ({ organisation: { zh, en } });

const article: Reference = {
  ...base, id: 'gans', kind: 'article', language: 'en', year: 2020, title: same('Generative Adversarial Networks'),
  authors: [person('Goodfellow', 'Ian'), person('Pouget-Abadie', 'Jean'), person('Mirza', 'Mehdi'), person('Xu', 'Bing')],
  container: 'Communications of the ACM', volume: 63, issue: 11, pages: '139-144',
};
const conference: Reference = {
  ...base, id: 'arnetminer', kind: 'conference', language: 'en', year: 2008, title: same('ArnetMiner: Extraction and Mining of Academic Social Networks'),
  authors: [person('Tang', 'Jie'), person('Zhang', 'Jing')], container: 'Proceedings of KDD', place: same('New York'), publisher: same('ACM'), pages: '990-998',
};
const report: Reference = {
  ...base, id: 'trends', kind: 'report', language: 'zh', year: 2022, date: '2022-08-24', title: { zh: '{year} 年十大趋势', en: 'Ten Trends, {year}' },
  authors: [org('腾讯研究院', 'Tencent Research Institute')], place: { zh: '北京', en: 'Beijing' },
};
const web: Reference = {
  ...base, id: 'media', kind: 'web', language: 'en', year: null, title: same('Synthetic Media'), authors: [org('维基百科', 'Wikipedia')],
  url: 'https://en.wikipedia.org/wiki/Synthetic_media', accessed: '2023-01-20',
};
const book: Reference = {
  ...base, id: 'book', kind: 'book', language: 'zh', year: 2000, title: { zh: '国史旧闻', en: 'Old Tales of National History' }, authors: [person('陈', '登原')],
  place: { zh: '北京', en: 'Beijing' }, publisher: { zh: '中华书局', en: 'Zhonghua Book Company' },
};

/** The text a reader sees: markdown rendered, tags dropped, entities decoded. */
const seen = (markdown: string) =>
  renderInline(markdown).replace(/<[^>]+>/g, '').replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/[\u2066-\u2069]/g, '');

describe('GB/T 7714-2015 (zh): note and bibliography entry are the same', () => {
  it('article: three authors then et al., [J], journal, year, volume(issue): pages', () => {
    expect(seen(formatNote('zh', article))).toBe('GOODFELLOW I, POUGET-ABADIE J, MIRZA M, et al. Generative Adversarial Networks[J]. Communications of the ACM, 2020, 63(11): 139-144.');
    expect(formatEntry('zh', article)).toBe(formatNote('zh', article));
  });
  it('conference: [C]// proceedings, place: publisher, year: pages', () => {
    expect(seen(formatNote('zh', conference))).toBe('TANG J, ZHANG J. ArnetMiner: Extraction and Mining of Academic Social Networks[C]//Proceedings of KDD. New York: ACM, 2008: 990-998.');
  });
  it('report: organisation, title with its year, [R], place, year', () => {
    expect(seen(formatNote('zh', report))).toBe('腾讯研究院. 2022 年十大趋势[R]. 北京, 2022.');
  });
  it('web page: [EB/OL], [access date], address', () => {
    expect(seen(formatNote('zh', web))).toBe('维基百科. Synthetic Media[EB/OL]. [2023-01-20]. https://en.wikipedia.org/wiki/Synthetic_media.');
    expect(renderInline(formatNote('zh', web))).toContain('<a href="https://en.wikipedia.org/wiki/Synthetic_media"');
  });
  it('book: a Chinese name whole, [M], place: publisher, year; a report at an address is [R/OL]', () => {
    expect(seen(formatNote('zh', book))).toBe('陈登原. 国史旧闻[M]. 北京: 中华书局, 2000.');
    expect(seen(formatNote('zh', { ...report, url: 'https://example.org/r', accessed: '2022-09-01' }))).toBe('腾讯研究院. 2022 年十大趋势[R/OL]. 北京, 2022[2022-09-01]. https://example.org/r.');
    expect(seen(formatNote('zh', { ...report, etAl: true }))).toBe('腾讯研究院, 等. 2022 年十大趋势[R]. 北京, 2022.');
  });
});

describe('Chicago notes and bibliography (en)', () => {
  it('article: note with et al. from four authors; entry inverts the first name and lists all', () => {
    expect(seen(formatNote('en', article))).toBe('Ian Goodfellow et al., “Generative Adversarial Networks,” Communications of the ACM 63, no. 11 (2020): 139–144.');
    expect(seen(formatEntry('en', article))).toBe('Goodfellow, Ian, Jean Pouget-Abadie, Mehdi Mirza, and Bing Xu. “Generative Adversarial Networks.” Communications of the ACM 63, no. 11 (2020): 139–144.');
    expect(formatEntry('en', article)).toContain('*Communications of the ACM*');
  });
  it('conference: "in Proceedings (Place: Publisher, year), pages"; two authors joined with and', () => {
    expect(seen(formatNote('en', conference))).toBe('Jie Tang and Jing Zhang, “ArnetMiner: Extraction and Mining of Academic Social Networks,” in Proceedings of KDD (New York: ACM, 2008), 990–998.');
    expect(seen(formatEntry('en', conference))).toBe('Tang, Jie, and Jing Zhang. “ArnetMiner: Extraction and Mining of Academic Social Networks.” In Proceedings of KDD, 990–998. New York: ACM, 2008.');
  });
  it('report written in Chinese: the English title in italics, marked [in Chinese], with its full date', () => {
    expect(seen(formatNote('en', report))).toBe('Tencent Research Institute, Ten Trends, 2022 [in Chinese] (Beijing, August 24, 2022).');
    expect(seen(formatEntry('en', report))).toBe('Tencent Research Institute. Ten Trends, 2022 [in Chinese]. Beijing, August 24, 2022.');
    expect(formatEntry('en', report)).toContain('*Ten Trends, 2022*');
  });
  it('web page: accessed date and address', () => {
    expect(seen(formatNote('en', web))).toBe('Wikipedia, “Synthetic Media,” accessed January 20, 2023, https://en.wikipedia.org/wiki/Synthetic_media.');
    expect(seen(formatEntry('en', web))).toBe('Wikipedia. “Synthetic Media.” Accessed January 20, 2023. https://en.wikipedia.org/wiki/Synthetic_media.');
  });
  it('book: Place: Publisher, year; an initial keeps its point', () => {
    expect(seen(formatEntry('en', book))).toBe('陈登原. Old Tales of National History [in Chinese]. Beijing: Zhonghua Book Company, 2000.');
    expect(seen(formatNote('en', { ...article, authors: [person('Fajardo-Ortiz', 'D.')], etAl: true }))).toContain('D. Fajardo-Ortiz et al., “Generative');
  });
});

describe('the bibliography', () => {
  const all = [web, report, conference, article, book];
  it('is sorted by first author as the locale sorts names, whatever the order given', () => {
    // en: Latin names alphabetically; a name in Chinese characters sorts after them.
    expect(orderReferences('en', all).map((r) => r.id)).toEqual(['gans', 'arnetminer', 'trends', 'media', 'book']);
    expect(orderReferences('en', [...all].reverse()).map((r) => r.id)).toEqual(orderReferences('en', all).map((r) => r.id));
    // zh: Chinese names by pinyin (chen, teng, wei), then Latin ones.
    expect(orderReferences('zh', all).map((r) => r.id)).toEqual(['book', 'trends', 'media', 'gans', 'arnetminer']);
  });
  it('is numbered [1] … in zh and unnumbered in en', () => {
    const zh = bibliographyEntries('zh', all).map(seen);
    expect(zh[0]).toBe('[1] 陈登原. 国史旧闻[M]. 北京: 中华书局, 2000.');
    expect(zh[4]!.startsWith('[5] TANG J')).toBe(true);
    expect(bibliographyEntries('en', all).map(seen)[0]!.startsWith('Goodfellow, Ian')).toBe(true);
  });
  it('escapes every field for markdown and HTML: a title cannot inject markup', () => {
    const hostile = { ...report, title: same('<img src=x onerror=alert(1)> *bold* [link](javascript:x)') };
    for (const locale of ['zh', 'en'] as const) {
      const html = renderInline(formatEntry(locale, hostile));
      expect(html).not.toContain('<img');
      expect(html).not.toContain('href="javascript');
      expect(html).not.toContain('<strong>');
      expect(seen(formatEntry(locale, hostile))).toContain('<img src=x onerror=alert(1)> *bold* [link](javascript:x)');
    }
  });
});
