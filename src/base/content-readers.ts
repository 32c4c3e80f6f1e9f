/**
 * The kinds of editorial content an edition may have (`templates/<edition>/content/<kind>.yaml`),
 * each with the reader that validates it. A file of another name is an error that lists these.
 */
import type { ContentReader } from './content.ts';
import { readDates } from './content-dates.ts';
import { readDirections } from './content-directions.ts';
import { readPlatform } from './content-platform.ts';
import { readReferences } from './references.ts';
import { readTimeline } from './timeline.ts';

export const CONTENT_READERS: Readonly<Record<string, ContentReader>> = {
  // The research directions of the field and the keywords that state their scope (an appendix's table).
  directions: readDirections,
  // The edition's publication date, which its dated events and cited reports may not pass.
  dates: readDates,
  // The coverage of the platform the records come from, as the edition states it.
  platform: readPlatform,
  // Dated events of a year per topic: the timelines of the year's hot technologies.
  timeline: readTimeline,
  // The works the edition cites, as footnotes and in its bibliography, each title's year checked against its date.
  references: readReferences,
};
