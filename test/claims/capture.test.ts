import { describe, expect, it } from 'vitest';
import { ClaimsCollector } from '../../src/chapters/capture.ts';
import { countryNames } from '../../src/base/countries.ts';
import { createTranslator, type LocaleBundle } from '../../src/base/i18n.ts';
import { renderChapters } from '../../src/chapters/render.ts';
import { numberFigures } from '../../src/base/slots.ts';
import type { MetricsDocument } from '../../src/metrics/document.ts';
import { editionOf, metricsWith, realBundle } from '../helpers/fixtures.ts';
import { DEFINITIONS_2023 } from '../helpers/definitions.ts';

const MESSAGES = {
  rank: '{{name}} published {{n}}.',
  part: '{{n}} top papers',
  outer: 'Of these, **{{part}}** ([notes](#x)).',
  title: 'A title without values',
};

async function bundle(): Promise<LocaleBundle> {
  const b = await realBundle('en');
  return { ...b, namespaces: { ...b.namespaces, report: { ...(b.namespaces.report as object), test: MESSAGES } } };
}

const TEMPLATE = [
  '{{#each papers.by_country}}{{t "test.rank" name=(country country) n=(count papers "papers")}}{{/each}}',
  '',
  '{{t "test.outer" part=(t "test.part" n=(int papers.top1_total))}}[^n]',
  '',
  '{{t "test.rank" name=provenance.manifest.source.en n=(int papers.total)}} {{t "test.rank" name="<b>x</b> & *y*" n=1}}',
  '',
  '# {{t "test.title"}}',
  '',
  '[^n]: A note.',
].join('\n');

async function claimsOf(metrics: MetricsDocument) {
  const collector = new ClaimsCollector();
  const e = editionOf(TEMPLATE);
  renderChapters(e, metrics, createTranslator(await bundle(), DEFINITIONS_2023), countryNames('en', {}), numberFigures(e), { claims: collector });
  return collector.claims().sentences;
}

describe('the claims a chapter renders', async () => {
  const sentences = await claimsOf(metricsWith([['US', 1200, 3], ['DE', 700, 5]]));

  it('records every message rendered, with values or without, a list item by its subject, a repeat by its order', () => {
    expect(Object.keys(sentences)).toEqual(['x/test.rank@US', 'x/test.rank@DE', 'x/test.outer', 'x/test.rank', 'x/test.rank#2', 'x/test.title']);
    // a message without values is a claim too: a dataset can make it appear or disappear
    expect(sentences['x/test.title']!.values).toEqual({});
    expect(sentences['x/test.rank@DE']).toEqual({ id: 'x/test.rank@DE', chapter: 'x', key: 'test.rank', text: 'Germany published 700 papers.', values: { name: 'Germany', n: '700 papers' } });
  });

  it('keeps ids when the items change places', async () => {
    const swapped = await claimsOf(metricsWith([['DE', 1300, 5], ['US', 1200, 3]]));
    expect(Object.keys(swapped).sort()).toEqual(Object.keys(sentences).sort());
    expect(swapped['x/test.rank@DE']!.text).toBe('Germany published 1,300 papers.');
  });

  it('takes a message passed into another as part of that one, not a claim of its own', () => {
    expect(sentences['x/test.outer']!.values).toEqual({ part: '7 top papers' });
    expect(Object.values(sentences).some((s) => s.key === 'test.part')).toBe(false);
  });

  it('stores the text a reader sees: no markup, no escapes, link labels kept', () => {
    expect(sentences['x/test.outer']!.text).toBe('Of these, 7 top papers (notes).');
    expect(sentences['x/test.rank#2']).toMatchObject({ text: '<b>x</b> & *y* published 1.', values: { name: '<b>x</b> & *y*', n: 1 } });
  });
});
