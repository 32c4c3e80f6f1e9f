/** The PDF's document information: made from the edition's text (html/text.ts), written by pdf/finish.ts. */
export interface PdfMetadata {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  readonly keywords: readonly string[];
  readonly creator: string;
  /** YYYY-MM-DD: written as creation and modification date. */
  readonly date: string;
  /**
   * The headings' texts in document order, which the bookmarks Chromium writes from them must read
   * (pdf/bookmarks.ts mends those it garbles).
   */
  readonly bookmarks?: readonly string[];
}
