/**
 * The kinds of editorial content an edition may have (`templates/<edition>/content/<kind>.yaml`),
 * each with the reader that validates it. A file of another name is an error that lists these.
 */
import type { ContentReader } from './content.ts';
import { readDirections } from './content-directions.ts';
import { readPlatform } from './content-platform.ts';
import { readSources } from './sources.ts';
import { readTimeline } from './timeline.ts';

export const CONTENT_READERS: Readonly<Record<string, ContentReader>> = {
  // The research directions of digital technology and their keywords (Appendix II).
  directions: readDirections,
  // The coverage of the platform the records come from, as the published edition states it (Appendix I).
  platform: readPlatform,
  // Dated events of a year per topic: Chapter 4's timelines of the hot technologies.
  timeline: readTimeline,
  // The reports a passage cites, as footnotes, each title's year checked against its date.
  sources: readSources,
};
