/**
 * Per-topic sections name their own topic only. The published edition copied paragraphs between
 * topics, so one topic's section named another (inconsistencies 7, 9, 16). Here a section is one
 * template looped over the topics, so this cannot happen by construction; the check makes sure it
 * stays so when a template or a message is edited.
 *
 * A topic section is one whose heading names a topic (the longest name found wins: "Quantum
 * computers (2022 hot technology)" over "Quantum computers"); it runs to the next heading of the same
 * or a higher level. Its text may not name another topic, unless that name is part of its own.
 */
import type { MetricsDocument } from '../metrics/document.ts';
import type { Problem } from './lint.ts';
import type { LocaleRender } from './render.ts';

interface Section {
  readonly heading: string;
  readonly text: string;
}

const HEADING = /<h([1-4])\b[^>]*>([\s\S]*?)<\/h\1>/g;

function plain(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

function sections(html: string): Section[] {
  const heads = [...html.matchAll(HEADING)].map((m) => ({ level: Number(m[1]), heading: plain(m[2]!).trim(), start: m.index!, end: m.index! + m[0].length }));
  return heads.map((h, i) => {
    const next = heads.slice(i + 1).find((x) => x.level <= h.level);
    // A chapter's notes follow its last section in the HTML but belong to none (a note may cite a
    // paper on another topic).
    return { heading: h.heading, text: plain(html.slice(h.end, next ? next.start : html.length).replace(/<section class="footnotes">[\s\S]*?<\/section>/g, '')) };
  });
}

export function checkTopicSections(r: LocaleRender, metrics: MetricsDocument, label: string): Problem[] {
  const topics = metrics.topics ?? [];
  const fold = (s: string) => (r.locale === 'en' ? s.toLowerCase() : s);
  const names = topics.map((t) => ({ id: t.topic_id, name: fold(r.locale === 'zh' ? t.name_zh : t.name_en) })).sort((a, b) => b.name.length - a.name.length || a.id.localeCompare(b.id));
  const problems: Problem[] = [];
  for (const s of sections(r.html)) {
    const own = names.find((n) => fold(s.heading).includes(n.name));
    if (!own) continue;
    const text = fold(s.text);
    for (const other of names) {
      if (other.id === own.id || own.name.includes(other.name) || !text.includes(other.name)) continue;
      problems.push({ check: 'topic-section', where: `${label} ${r.locale}`, message: `the section "${s.heading}" names another topic, "${other.name}": a topic's section speaks of its own topic only` });
    }
  }
  return problems;
}
