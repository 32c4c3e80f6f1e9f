/**
 * The edition's dates hold together (`content/dates.yaml`, the dataset manifest's snapshot, the
 * timeline's events and the cited reports): nothing the edition reports happened after it was
 * published, and the records' snapshot closes the years they cover and comes before publication.
 * (A published edition once gave its records' snapshot on the cover as the data's date while it
 * printed events half a year later and cited a report of the next year.)
 */
import type { EditionDates } from '../base/content-dates.ts';
import type { Edition } from '../base/edition.ts';
import type { References } from '../base/references.ts';
import type { Timeline } from '../base/timeline.ts';
import type { MetricsDocument } from '../metrics/document.ts';
import type { Problem } from './lint.ts';

/** Is `a` later than `b`? Dates as YYYY-MM or YYYY-MM-DD, compared at the coarser precision of the two. */
export function laterThan(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) > b.slice(0, n);
}

export function checkDates(edition: Edition, metrics: MetricsDocument): Problem[] {
  const dates = edition.content?.dates as EditionDates | undefined;
  if (!dates) return [];
  const published = dates.published;
  const problems: Problem[] = [];
  const add = (where: string, message: string) => problems.push({ check: 'dates', where, message });
  const timeline = edition.content?.timeline as Timeline | undefined;
  for (const [topic, events] of Object.entries(timeline?.topics ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    events.forEach((e, i) => {
      if (laterThan(e.date, published)) add(`content/timeline.yaml topics.${topic}.${i}`, `the event of ${e.date} is later than the edition's publication (${published}, content/dates.yaml)`);
    });
  }
  // The works the edition cites (content/references.yaml, the one list the footnotes and the
  // bibliography print): a work released after publication cannot have been cited by it.
  const references = edition.content?.references as References | undefined;
  for (const [id, r] of Object.entries(references ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    const date = r.date ?? (r.year === null ? null : String(r.year));
    if (date !== null && laterThan(date, published)) add(`content/references.yaml ${id}`, `the work of ${date} is cited by an edition published before it (${published}, content/dates.yaml)`);
    if (r.accessed !== null && laterThan(r.accessed, published)) add(`content/references.yaml ${id}.accessed`, `the page read on ${r.accessed} is cited by an edition published before it (${published}, content/dates.yaml)`);
  }
  const { snapshot, paper_years: papers, patent_years: patents } = metrics.provenance.manifest;
  if (laterThan(snapshot, published)) add('dataset manifest snapshot', `the records' snapshot (${snapshot}) is later than the edition's publication (${published})`);
  const lastYear = Math.max(papers[1], patents[1]);
  if (Number(snapshot.slice(0, 4)) <= lastYear) add('dataset manifest snapshot', `the records' snapshot (${snapshot}) does not close their years (papers and patents up to ${lastYear}): the last year would be counted incomplete`);
  return problems;
}
