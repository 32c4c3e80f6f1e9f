/**
 * The edition's event timelines (`content/timeline.yaml`): for one year, the dated events of each
 * topic, in both languages. An edition may print one timeline figure per hot technology of the year
 * from it.
 *
 *     year: 2031
 *     topics:
 *       T-EXAMPLE:
 *         - date: 2031-02
 *           zh: …
 *           en: …
 *
 * An event is dated to the month (the published report states no days). Events are written in date
 * order: a date out of order is more likely a typo than a wish to be sorted, so it is an error. Every
 * error names the value's `file:line:column`; a topic given twice is refused by the YAML parser.
 */
import { ReportError } from '../errors.ts';
import { YamlReader, type Localized, type YamlSource } from './yaml.ts';

export interface TimelineEvent {
  /** `YYYY-MM`, as written. */
  readonly date: string;
  /** 1 … 12. */
  readonly month: number;
  readonly text: Localized;
}

export interface Timeline {
  readonly year: number;
  /** Topic id (as in the metrics' topics) → its events in date order, at least one. */
  readonly topics: Readonly<Record<string, readonly TimelineEvent[]>>;
}

const DATE = /^(\d{4})-(\d{2})$/;

function fail(source: YamlSource, path: readonly (string | number)[], expected: string, got: unknown): never {
  throw ReportError.of('input.field', { file: source.where(path), path: path.join('.'), expected, got: got === undefined ? 'nothing' : JSON.stringify(got) });
}

export function readTimeline(r: YamlReader, source: YamlSource): Timeline {
  r.object([]);
  const year = r.integer(['year']);
  if (year < 1900 || year > 2999) fail(source, ['year'], 'a four-digit year', year);
  const topics: Record<string, readonly TimelineEvent[]> = {};
  const ids = Object.keys(r.object(['topics']));
  if (ids.length === 0) fail(source, ['topics'], 'at least one topic', {});
  for (const id of ids) {
    const list = r.array(['topics', id]);
    if (list.length === 0) fail(source, ['topics', id], 'at least one event', list);
    const events: TimelineEvent[] = [];
    list.forEach((_, i) => {
      const at = ['topics', id, i];
      r.object(at);
      const event = readEvent(r, source, at, year);
      const previous = events.at(-1);
      if (previous && event.date < previous.date) fail(source, [...at, 'date'], `a date not before the previous event's (${previous.date}): events are listed in date order`, event.date);
      events.push(event);
    });
    topics[id] = Object.freeze(events);
  }
  return Object.freeze({ year, topics: Object.freeze(topics) });
}

function readEvent(r: YamlReader, source: YamlSource, at: readonly (string | number)[], year: number): TimelineEvent {
  const path = [...at, 'date'];
  // An unquoted 2022-02 is a string in YAML 1.2; a number or a full date is not what is asked for.
  const date = r.string(path);
  const match = DATE.exec(date);
  if (!match) fail(source, path, 'a month written YYYY-MM', date);
  const month = Number(match[2]);
  if (month < 1 || month > 12) fail(source, path, 'a month 01 … 12', date);
  if (Number(match[1]) !== year) fail(source, path, `a month of the timeline's year ${year}`, date);
  return Object.freeze({ date, month, text: Object.freeze({ zh: r.string([...at, 'zh']).trim(), en: r.string([...at, 'en']).trim() }) });
}

/** Topic ids of the timeline that are no topic of the metrics (a typo would leave their events unprinted). */
export function unknownTimelineTopics(timeline: Timeline, topicIds: readonly string[]): string[] {
  const known = new Set(topicIds);
  return Object.keys(timeline.topics).filter((id) => !known.has(id)).sort();
}
