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

export function documentText(t: Translator, manifest: Manifest, locale: Locale): DocumentText {
  const source = manifest.source[locale];
  return {
    title: manifest.title[locale],
    coverLines: [
      t.text('document:cover_edition', { edition: manifest.edition }),
      t.text('document:cover_source', { source }),
      t.text('document:cover_snapshot', { date: manifest.snapshot }),
    ],
    contents: t.text('document:contents'),
    backLines: [t.text('document:back_source', { source }), t.text('document:back_generated')],
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
