import { describe, expect, it } from 'vitest';
import { checkFigureLabels, valueLabels } from '../../src/check/figures.ts';
import type { Timeline } from '../../src/base/timeline.ts';
import { parseYaml } from '../../src/base/yaml.ts';
import { bundle, edition, sampleMetrics } from '../chapters/fixtures.ts';

// An edition whose one figure prints a number its data does not have: an annotation typed into its own spec.
const ANNOTATED = `figures:
  - id: test-annotated
    scope: papers
    texts: figures.papers-by-country
    data: { from: papers.by_country, top: 3 }
    describe: { label: country, value: papers }
    spec:
      encoding:
        y: { field: country, type: nominal }
        x: { field: papers, type: quantitative }
      layer:
        - mark: bar
        - mark: { type: text, text: "peak 2,587", x: 10, y: 10 }
`;

describe('figures as drawn', () => {
  it('print only numbers of their data, the same in both locales (the 2023 edition)', async () => {
    const problems = await checkFigureLabels(await edition(), await sampleMetrics(), [await bundle('zh'), await bundle('en')]);
    expect(problems).toEqual([]);
  }, 60_000);

  it('fail on a number typed into a chart', async () => {
    const ed = await edition();
    const one = { ...ed, figures: parseYaml('figures.yaml', ANNOTATED), chapters: [{ id: 'x', file: 'x', text: '{{figure "test-annotated"}}' }] };
    const problems = await checkFigureLabels(one, await sampleMetrics(), [await bundle('en')]);
    // The annotation layer inherits the bars' encoding: it is drawn once per bar, reported each time.
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(p).toEqual({ check: 'untraceable-number', where: 'figure test-annotated en', message: 'the chart prints "2,587" ("peak 2,587"), which is not in its data' });
  });

  it('fail on a timeline whose event prints a number in one language only', async () => {
    const ed = await edition();
    const timeline = ed.content!.timeline as Timeline;
    const metrics = await sampleMetrics();
    const id = metrics.topics!.find((t) => t.group === ed.topics!.hot.group)!.topic_id; // the first hot technology: trends-hot-a-timeline
    const events = timeline.topics[id]!;
    // 200 亿 / 20 billion: true in both, but not the same number on the page (content/timeline.yaml leaves such counts out).
    const first = { ...events[0]!, text: { zh: `${events[0]!.text.zh}，参数达 200 亿`, en: `${events[0]!.text.en}, with 20 billion parameters` } };
    const changed = { ...ed, content: { ...ed.content, timeline: { ...timeline, topics: { ...timeline.topics, [id]: [first, ...events.slice(1)] } } } };
    const problems = await checkFigureLabels(changed, metrics, [await bundle('zh'), await bundle('en')]);
    expect(problems).toEqual([{ check: 'locale-parity', where: 'figure trends-hot-a-timeline', message: "the locales' charts print different numbers (zh, en)" }]);
  }, 60_000);

  it('read the value labels, not the axis', () => {
    const svg = '<g class="mark-text role-axis-label"><text>500</text></g><g class="mark-text role-mark layer_1_marks" role="graphics-object"><text aria-label="x">1,467</text><text>net &#8722;7</text></g>';
    expect(valueLabels(svg)).toEqual(['1,467', 'net −7']);
  });
});
