/**
 * The kinds of editorial content an edition may have (`templates/<edition>/content/<kind>.yaml`),
 * each with the reader that validates it. A file of another name is an error that lists these.
 */
import type { ContentReader } from './content.ts';
import { readDirections } from './content-directions.ts';
import { readPlatform } from './content-platform.ts';

export const CONTENT_READERS: Readonly<Record<string, ContentReader>> = {
  // The research directions of digital technology and their keywords (Appendix II).
  directions: readDirections,
  // The coverage of the platform the records come from, as the published edition states it (Appendix I).
  platform: readPlatform,
};
