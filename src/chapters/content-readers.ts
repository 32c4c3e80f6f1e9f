/**
 * The kinds of editorial content an edition may have (`templates/<edition>/content/<kind>.yaml`),
 * each with the reader that validates it. A file of another name is an error that lists these.
 */
import type { ContentReader } from './content.ts';

export const CONTENT_READERS: Readonly<Record<string, ContentReader>> = {};
