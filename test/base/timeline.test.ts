/** content/timeline.yaml: a year's dated events per topic, validated with the place of every error. */
import { describe, expect, it } from 'vitest';
import { readContent } from '../../src/base/content.ts';
import { readTimeline, type Timeline } from '../../src/base/timeline.ts';
import { ReportError } from '../../src/errors.ts';
import { contentKind } from '../helpers/content.ts';
import { edition } from '../chapters/fixtures.ts';
import { memoryFs } from '../helpers/memory-fs.ts';

const FILE = 'templates/x/content/timeline.yaml';

const { read, error } = contentKind<Timeline>(readTimeline, FILE);

const GOOD = `year: 2022
topics:
  T-A:
    - date: 2022-02
      zh: 甲事件
      en: Event A
    - date: 2022-02
      zh: 乙事件
      en: Event B
    - date: 2022-11
      zh: 丙事件
      en: Event C
  T-B:
    - date: 2022-01
      zh: 丁事件
      en: Event D
`;

describe('timeline content', () => {
  it('reads a year and each topic\'s events in date order, frozen', () => {
    const t = read(GOOD);
    expect(t.year).toBe(2022);
    expect(Object.keys(t.topics)).toEqual(['T-A', 'T-B']);
    expect(t.topics['T-A']!.map((e) => [e.date, e.month, e.text.en])).toEqual([
      ['2022-02', 2, 'Event A'],
      ['2022-02', 2, 'Event B'],
      ['2022-11', 11, 'Event C'],
    ]);
    expect(t.topics['T-B']![0]!.text).toEqual({ zh: '丁事件', en: 'Event D' });
    expect(Object.isFrozen(t.topics['T-A']![0]!.text)).toBe(true);
    expect(Object.isFrozen(t.topics)).toBe(true);
  });

  it('refuses a month outside 1 … 12, naming the line and column', () => {
    expect(error(GOOD.replace('2022-11', '2022-13'))).toBe(`${FILE}:10:13: topics.T-A.2.date: expected a month 01 … 12, got "2022-13"`);
    expect(error(GOOD.replace('2022-01', '2022-00'))).toContain(`${FILE}:14:13: topics.T-B.0.date: expected a month 01 … 12`);
  });

  it('refuses a date of another year, or not written YYYY-MM', () => {
    expect(error(GOOD.replace('2022-11', '2021-11'))).toBe(`${FILE}:10:13: topics.T-A.2.date: expected a month of the timeline's year 2022, got "2021-11"`);
    expect(error(GOOD.replace('2022-11', '2022-11-05'))).toContain(`${FILE}:10:13: topics.T-A.2.date: expected a month written YYYY-MM`);
    expect(error(GOOD.replace('date: 2022-11', 'date: 11'))).toContain(`${FILE}:10:13: topics.T-A.2.date: expected a non-empty string, got 11`);
  });

  it('refuses events out of date order, naming the later-listed event', () => {
    const swapped = GOOD.replace('date: 2022-11', 'date: 2022-01');
    expect(error(swapped)).toBe(`${FILE}:10:13: topics.T-A.2.date: expected a date not before the previous event's (2022-02): events are listed in date order, got "2022-01"`);
  });

  it('refuses an event without its Chinese or English text, or with an empty one', () => {
    // A missing field is placed at its event (the nearest value that exists).
    expect(error(GOOD.replace('      en: Event B\n', ''))).toBe(`${FILE}:7:7: topics.T-A.1.en: expected a non-empty string, got nothing`);
    expect(error(GOOD.replace('zh: 丙事件', 'zh: "  "'))).toBe(`${FILE}:11:11: topics.T-A.2.zh: expected a non-empty string, got "  "`);
  });

  it('refuses a topic given twice, a topic without events, and a file without a year', () => {
    expect(error(`${GOOD}  T-A:\n    - date: 2022-03\n      zh: 戊\n      en: E\n`)).toMatch(new RegExp(`^${FILE}:17:3: invalid YAML: Map keys must be unique`));
    expect(error(`${GOOD}  T-C: []\n`)).toBe(`${FILE}:17:8: topics.T-C: expected at least one event, got []`);
    expect(error(GOOD.replace('year: 2022\n', ''))).toBe(`${FILE}:1:1: year: expected a whole number, got nothing`);
  });

  it('is the kind "timeline" of edition content, read from content/timeline.yaml', async () => {
    const fs = memoryFs({ '/t/2023/content/timeline.yaml': GOOD });
    const content = await readContent(fs, '/t/2023/content');
    expect((content.timeline as Timeline).topics['T-B']![0]!.date).toBe('2022-01');
  });

  it('holds, in the 2023 edition, every event of the published figures, dated as the published report dates them', async () => {
    const t = (await edition()).content!.timeline as Timeline;
    expect(t.year).toBe(2022);
    const months = Object.fromEntries(Object.entries(t.topics).map(([id, events]) => [id, events.map((e) => e.month)]));
    // Figures 27, 29 and 31 of the published edition: 20, 7 and 19 events; the months its prose states
    // (AIGC 2, 4, 5, 6, 7, 8, 12; cloud 1, 2, 8, 11, 12; quantum 1, 3, 7, 11, 12) among them.
    expect(months).toEqual({
      'T-AIGC': [2, 4, 4, 4, 5, 5, 5, 5, 5, 6, 6, 7, 7, 8, 8, 10, 10, 11, 12, 12],
      'T-CLOUD': [1, 2, 4, 6, 8, 11, 12],
      'T-QC2022': [1, 1, 2, 2, 2, 3, 6, 6, 6, 7, 8, 8, 10, 10, 11, 11, 12, 12, 12],
    });
  });
});
