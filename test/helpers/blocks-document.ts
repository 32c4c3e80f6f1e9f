/**
 * A chapter of tables and figures with footnotes around them, the blocks at every height on the page
 * (the pagination tests of blocks the print keeps whole or breaks by its own rules).
 */
import { tableHtml } from '../../src/html/tables.ts';

export function table(id: string, rows: number, locale: 'zh' | 'en'): string {
  const zh = locale === 'zh';
  return tableHtml({
    id,
    number: 1,
    label: zh ? '表 1' : 'Table 1',
    caption: zh ? '各国论文数量' : 'Papers by country',
    notes: [zh ? '数据来源：合成数据。' : 'Source: synthetic data.'],
    columns: [
      { label: zh ? '排名' : 'Rank', numeric: true },
      { label: zh ? '国家' : 'Country', numeric: false },
      { label: zh ? '论文数量（篇）' : 'Papers', numeric: true },
    ],
    rows: Array.from({ length: rows }, (_, r) => [String(r + 1), zh ? `国家${r + 1}` : `Country ${r + 1}`, `${(rows - r) * 1234}`]),
  });
}

/** A figure like the report's: a drawing of fixed height, a caption and a note. */
export function figure(id: string, height: number, locale: 'zh' | 'en'): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="${height}" viewBox="0 0 600 ${height}"><rect x="0" y="0" width="600" height="${height}" fill="#c9d3e0"/></svg>`;
  return `<figure id="${id}"><div class="chart">${svg}</div><figcaption><span class="label">${locale === 'zh' ? '图 1' : 'Figure 1'}</span>${locale === 'zh' ? '合成图' : 'A synthetic figure'}</figcaption><p class="note">${locale === 'zh' ? '说明：合成数据。' : 'Note: synthetic data.'}</p></figure>`;
}

/**
 * Chapter n: `n` short paragraphs first (so the blocks after them sit a few lines lower in each
 * chapter), then sections of paragraphs with footnotes, tables of 4, 22 and 45 rows (one short, one
 * close to a page, one longer than a page) and figures of 300 and 700 px.
 */
export function blocksChapter(locale: 'zh' | 'en', n: number): string {
  const zh = locale === 'zh';
  const sentence = zh ? '数字科技论文与专利的国家分布显示出明显的集中趋势，' : 'Papers and patents are concentrated in a few countries; ';
  const para = (k: number, note?: number) => `<p>${sentence.repeat(3 + ((k * 7 + n) % 6))}${note ? `<sup class="footnote-ref"><a href="#fn-c${n}-${note}" id="fnref-c${n}-${note}">${note}</a></sup>` : ''}${sentence}</p>`;
  const parts = [`<h1 id="c${n}">${zh ? `第${n}章` : `Chapter ${n}`}</h1>`];
  for (let k = 0; k < n; k++) parts.push(para(k));
  const blocks = [table(`t${n}-4`, 4, locale), figure(`f${n}-300`, 300, locale), table(`t${n}-22`, 22, locale), figure(`f${n}-700`, 700, locale), table(`t${n}-45`, 45, locale)];
  let note = 0;
  blocks.forEach((block, b) => {
    parts.push(`<h2 id="c${n}-${b + 1}">${zh ? '小节' : 'Section'} ${n}.${b + 1}</h2>`);
    for (let k = 0; k < 3; k++) parts.push(para(b * 3 + k, k === 1 ? ++note : undefined));
    parts.push(block);
    parts.push(para(b + 100, ++note));
  });
  const notes = Array.from({ length: note }, (_, i) => `<li id="fn-c${n}-${i + 1}" class="footnote-item"><p>${zh ? '注释内容说明数据来源与口径。' : 'A note on the source and the definition used.'} <a href="#fnref-c${n}-${i + 1}" class="footnote-backref">↩︎</a></p></li>`);
  return `${parts.join('\n')}\n<hr class="footnotes-sep">\n<section class="footnotes"><ol class="footnotes-list">${notes.join('')}</ol></section>`;
}
