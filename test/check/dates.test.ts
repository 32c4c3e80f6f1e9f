/** `report check` holds the edition's dates together: events, cited reports, snapshot and publication. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Edition } from '../../src/base/edition.ts';
import type { References } from '../../src/base/references.ts';
import type { Timeline } from '../../src/base/timeline.ts';
import { checkDates, laterThan } from '../../src/check/dates.ts';
import type { MetricsDocument } from '../../src/metrics/document.ts';
import { edition, sampleMetrics } from '../chapters/fixtures.ts';

let ed: Edition;
let metrics: MetricsDocument;
beforeAll(async () => {
  ed = await edition();
  metrics = await sampleMetrics();
});

const published = (e: Edition, date: string): Edition => ({ ...e, content: { ...e.content, dates: { published: date } } });
const withSnapshot = (m: MetricsDocument, snapshot: string): MetricsDocument => ({ ...m, provenance: { ...m.provenance, manifest: { ...m.provenance.manifest, snapshot } } });

describe('the edition\'s dates', () => {
  it('compare at the coarser precision: a day within the month of publication is not later', () => {
    expect(laterThan('2023-01-24', '2023-02')).toBe(false);
    expect(laterThan('2023-02-28', '2023-02')).toBe(false);
    expect(laterThan('2023-03', '2023-02-01')).toBe(true);
  });

  it('pass on the 2023 edition as it stands', () => {
    expect(ed.content?.dates).toEqual({ published: '2023-02' });
    expect(checkDates(ed, metrics)).toEqual([]);
  });

  it('fail on an event or a cited report later than publication, naming which', () => {
    const problems = checkDates(published(ed, '2022-11'), metrics);
    const timeline = ed.content!.timeline as Timeline;
    const december = Object.values(timeline.topics).flat().filter((e) => e.date > '2022-11').length;
    expect(problems.filter((p) => p.where.startsWith('content/timeline.yaml'))).toHaveLength(december);
    const references = Object.values(ed.content!.references as References);
    const late = references.filter((r) => r.date !== null && r.date > '2022-11-31');
    expect(late.map((r) => r.id)).toEqual(['casisd-fronts', 'caict-ecosystem']);
    expect(problems.filter((p) => p.where.startsWith('content/references.yaml')).length).toBe(late.length);
    expect(problems.map((p) => p.message).join('\n')).toContain('cited by an edition published before it');
  });

  it('hold a cited work without a release date by its year, and a web page by the day it was read', () => {
    const refs = ed.content!.references as References;
    const page = refs['wikipedia-synthetic-media']!;
    const article = refs['goodfellow-gans']!;
    const edited: Edition = { ...ed, content: { ...ed.content, references: { ...refs, [page.id]: { ...page, accessed: '2023-03-02' }, [article.id]: { ...article, year: 2024 } } } };
    expect(checkDates(edited, metrics).map((p) => p.where)).toEqual(['content/references.yaml goodfellow-gans', 'content/references.yaml wikipedia-synthetic-media.accessed']);
  });

  it('fail on a snapshot after publication, or one that does not close the records\' years', () => {
    const late = checkDates(ed, withSnapshot(metrics, '2023-05-01'));
    expect(late.map((p) => p.message)).toEqual([expect.stringContaining('later than the edition\'s publication')]);
    const early = checkDates(ed, withSnapshot(metrics, '2021-06-30'));
    expect(early.map((p) => p.message)).toEqual([expect.stringContaining('does not close their years')]);
  });

  it('are optional: an edition without content/dates.yaml is not checked', () => {
    const { dates: _, ...rest } = ed.content ?? {};
    expect(checkDates({ ...ed, content: rest }, withSnapshot(metrics, '2099-01-01'))).toEqual([]);
  });
});
