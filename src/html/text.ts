/**
 * The document's own words for a locale: cover, contents heading and back cover, and the PDF's
 * metadata, from the dataset's manifest (title, source, snapshot date) and the locale's messages.
 */
import type { Translator } from '../base/i18n.ts';
import type { Locale } from '../base/yaml.ts';
import type { Provenance } from '../metrics/document.ts';
import type { PdfMetadata } from '../base/pdf-metadata.ts';
import type { DocumentText } from './document.ts';

type Manifest = Provenance['manifest'];

/** What the cover's picture shows, for the colophon: its years and the two countries drawn bold. */
export interface CoverNote {
  readonly from: string;
  readonly to: string;
  readonly home: string;
  readonly rival: string;
}

export function documentText(t: Translator, manifest: Manifest, locale: Locale, cover?: CoverNote): DocumentText {
  const source = manifest.source[locale];
  // The edition's own colophon lines (its locales' document.json), each printed when the edition has it.
  const own = (key: string) => (t.has(`document:${key}`) ? [t.text(`document:${key}`)] : []);
  return {
    title: manifest.title[locale],
    ...(t.has('document:subject') ? { subtitle: t.text('document:subject') } : {}),
    coverLines: [
      t.text('document:cover_edition', { edition: manifest.edition }),
      t.text('document:cover_source', { source }),
      t.text('document:cover_snapshot', { date: manifest.snapshot }),
    ],
    contents: t.text('document:contents'),
    backLines: [
      ...own('publisher'),
      t.text('document:back_source', { source }),
      t.text('document:cover_snapshot', { date: manifest.snapshot }),
      t.text('document:back_generated'),
      ...(cover ? [t.text('document:back_cover_art', { ...cover })] : []),
      ...own('licence'),
      ...own('contact'),
    ],
    continued: t.text('document:table_continued'),
  };
}

/** Fixed metadata (the snapshot date, never the clock), so the same inputs print the same bytes. */
export function pdfMetadata(t: Translator, text: DocumentText, manifest: Manifest, locale: Locale): PdfMetadata {
  return {
    title: text.title,
    author: manifest.source[locale],
    subject: t.text('document:subject'),
    keywords: t.text('document:keywords').split(/\s*,\s*/),
    creator: 'report-compiler',
    date: manifest.snapshot,
  };
}
