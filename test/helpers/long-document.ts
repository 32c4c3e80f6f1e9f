/** A long synthetic chapter in markdown: many paragraphs, headings and footnotes, deterministic. */

/** A deterministic "random" sequence, so the test document is the same on every run. */
function lcg(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}

export function chapterMarkdown(locale: 'zh' | 'en', n: number): string {
  const rand = lcg(n * 7 + (locale === 'zh' ? 1 : 2));
  const word = locale === 'zh' ? '数字科技论文与专利的国家分布显示出明显的集中趋势' : 'the distribution of papers and patents across countries is strongly concentrated ';
  const parts = [`# ${locale === 'zh' ? '第' : 'Chapter '}${n}${locale === 'zh' ? '章' : ''}`];
  const notes: string[] = [];
  let note = 0;
  for (let p = 0; p < 40; p++) {
    if (p % 6 === 0) parts.push(`## ${locale === 'zh' ? '小节' : 'Section'} ${n}.${p / 6 + 1}`);
    const len = 1 + Math.floor(rand() * 5);
    let text = Array.from({ length: len }, () => word).join(locale === 'zh' ? '，' : ', ');
    if (rand() < 0.35) {
      note++;
      const at = Math.floor(rand() * text.length);
      text = `${text.slice(0, at)}[^n${note}]${text.slice(at)}`;
      const noteLen = 1 + Math.floor(rand() * 3);
      notes.push(`[^n${note}]: ${Array.from({ length: noteLen }, () => (locale === 'zh' ? '注释内容说明数据来源与口径' : 'A note on the source and the definition used')).join(' ')}.`);
    }
    parts.push(`${text}.`);
  }
  return `${parts.join('\n\n')}\n\n${notes.join('\n')}\n`;
}

