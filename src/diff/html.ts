/**
 * A claims diff as one self-contained HTML page for the editor: no script, no external resource (the
 * CSP allows inline style only), every string escaped with the project's HTML escaping. Old and new
 * side by side, changed words marked (<del>/<ins>): word by word in English, character by character
 * in Chinese (numbers and Latin words inside it kept whole).
 */
import { escapeHtml } from '../base/markup.ts';
import { HTML_LANG } from '../html/document.ts';
import { message } from '../messages.ts';
import type { Locale } from '../base/yaml.ts';
import type { ClaimValue } from '../base/claims.ts';
import { hasChanges, type ClaimsDiff, type DataChange, type RankMove, type SentencePresence } from './compare.ts';
import { rankName, rankText, summaryCounts, valueChanges, valueText, type Sides } from './terminal.ts';
import { diffText, side, type Segment } from './words.ts';

export const DIFF_CSP = "default-src 'none'; style-src 'unsafe-inline'";

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:80rem;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{border:1px solid #ddd;padding:.3rem .5rem;vertical-align:top;text-align:left}
th{background:#f4f4f4}td.locale{width:2.5rem;color:#555}td.id{font-family:monospace;font-size:.8rem;word-break:break-all;width:14rem}
del{background:#fdd;text-decoration:line-through}ins{background:#cfc;text-decoration:none}
[lang=zh-Hans]{font-family:'Noto Sans SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif}
tr.removed td{background:#fff0f0}tr.added td{background:#f0fff0}.values{color:#555;font-size:.85rem}
`;

export function formatHtml(diff: ClaimsDiff, sides: Sides): string {
  const title = `${sides.old} → ${sides.new}`;
  const body = hasChanges(diff) ? changesHtml(diff) : `<p>${escapeHtml(message('diff.none', sides))}</p>`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    `<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${escapeHtml(DIFF_CSP)}">`,
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>`,
    `<body><h1>${escapeHtml(`${sides.old} (${diff.old.edition}) → ${sides.new} (${diff.new.edition})`)}</h1>`,
    body,
    '</body></html>',
    '',
  ].join('\n');
}

function changesHtml(diff: ClaimsDiff): string {
  const parts = [`<p class="summary">${escapeHtml(message('diff.summary', summaryCounts(diff)))}</p>`];
  for (const chapter of diff.chapters) {
    const rows = [
      ...diff.changed.filter((c) => c.chapter === chapter).flatMap((c) =>
        diff.locales.flatMap((l) => {
          const pair = c.locales[l];
          if (!pair) return [];
          const segments = diffText(pair.old.text, pair.new.text, l);
          const values = pair.old.text === pair.new.text ? `<div class="values">${escapeHtml(valueChanges(pair.old.values, pair.new.values))}</div>` : '';
          return [sentenceRow(c.id, 'changed', l, marked(side(segments, 'old')), marked(side(segments, 'new')) + values)];
        }),
      ),
      ...diff.appeared.filter((c) => c.chapter === chapter).flatMap((c) => presenceRows(c, 'appeared', diff.locales)),
      ...diff.disappeared.filter((c) => c.chapter === chapter).flatMap((c) => presenceRows(c, 'disappeared', diff.locales)),
    ];
    if (rows.length === 0) continue;
    parts.push(
      `<section><h2>${escapeHtml(chapter)}</h2><table><thead><tr><th scope="col">claim</th><th scope="col">locale</th><th scope="col">old</th><th scope="col">new</th></tr></thead>`,
      `<tbody>${rows.join('')}</tbody></table></section>`,
    );
  }
  for (const kind of ['figure', 'table'] as const) {
    const changes = diff.data.filter((d) => d.kind === kind);
    if (changes.length > 0) parts.push(`<section><h2>${kind}s</h2>${changes.map(dataHtml).join('')}</section>`);
  }
  if (diff.ranks.length > 0) parts.push(ranksHtml(diff.ranks));
  return parts.join('\n');
}

function sentenceRow(id: string, what: string, locale: Locale, old: string, now: string): string {
  const lang = HTML_LANG[locale];
  return `<tr class="${what}"><td class="id">${escapeHtml(id)}</td><td class="locale">${escapeHtml(locale)}</td><td lang="${lang}">${old}</td><td lang="${lang}">${now}</td></tr>`;
}

function presenceRows(c: SentencePresence, what: 'appeared' | 'disappeared', locales: readonly Locale[]): string[] {
  return locales.flatMap((l) => {
    const s = c.locales[l];
    if (!s) return [];
    const text = escapeHtml(s.text);
    return [sentenceRow(c.id, what, l, what === 'disappeared' ? `<del>${text}</del>` : '—', what === 'appeared' ? `<ins>${text}</ins>` : '—')];
  });
}

function marked(segments: readonly Segment[]): string {
  return segments.map((s) => (s.kind === 'same' ? escapeHtml(s.text) : s.kind === 'removed' ? `<del>${escapeHtml(s.text)}</del>` : `<ins>${escapeHtml(s.text)}</ins>`)).join('');
}

function dataHtml(d: DataChange): string {
  const lang = HTML_LANG[d.locale];
  const head = `<h3>${escapeHtml(`${d.id} (${d.locale}): ${d.presence === 'changed' ? `${d.removed.length} row(s) removed, ${d.added.length} added` : d.presence}`)}</h3>`;
  if (d.presence !== 'changed') return head;
  const row = (cls: string, mark: string, r: readonly ClaimValue[]) => `<tr class="${cls}"><td>${mark}</td>${r.map((v) => `<td>${escapeHtml(valueText(v))}</td>`).join('')}</tr>`;
  return (
    head +
    `<table lang="${lang}"><thead><tr><th scope="col"></th>${d.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>` +
    d.removed.map((r) => row('removed', '−', r)).join('') +
    d.added.map((r) => row('added', '+', r)).join('') +
    '</tbody></table>'
  );
}

function ranksHtml(moves: readonly RankMove[]): string {
  const rows = moves.map(
    (m) =>
      `<tr><td>${escapeHtml(`${m.list} by ${m.field}`)}</td><td>${escapeHtml(rankName(m, 'en'))}</td><td lang="${HTML_LANG.zh}">${escapeHtml(rankName(m, 'zh'))}</td><td>${rankText(m.old)}</td><td>${rankText(m.new)}</td></tr>`,
  );
  return `<section><h2>ranks</h2><table><thead><tr><th scope="col">ranking</th><th scope="col">name</th><th scope="col">名称</th><th scope="col">old</th><th scope="col">new</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}
