/**
 * A small reader for the PDFs Chromium (Skia) writes: a classic xref table and plain objects. It finds
 * the page order and the named destinations, so the TOC's page numbers can be read back from the print
 * itself, and the trailer, so metadata can be appended as an incremental update. Not a general parser.
 */
export interface PdfObjects {
  readonly text: string;
  /** Object number → the text between `N 0 obj` and its stream or `endobj`. */
  readonly objects: ReadonlyMap<number, string>;
  readonly trailer: string;
  readonly startxref: number;
  readonly size: number;
}

export class PdfReadError extends Error {}

export function readObjects(pdf: Uint8Array): PdfObjects {
  const text = Buffer.from(pdf).toString('latin1');
  const sx = text.lastIndexOf('startxref');
  if (sx < 0) throw new PdfReadError('no startxref');
  const startxref = Number(/startxref\s+(\d+)/.exec(text.slice(sx))?.[1]);
  const objects = new Map<number, string>();
  let trailer = '';
  // Newest section first; an incremental update's /Prev leads to the one before. Newer entries win.
  for (let at: number | null = startxref; at !== null; ) {
    const section = readXrefSection(text, at, objects);
    if (!trailer) trailer = section.trailer;
    const prev = /\/Prev\s+(\d+)/.exec(section.trailer)?.[1];
    at = prev === undefined ? null : Number(prev);
  }
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1]);
  return { text, objects, trailer, startxref, size };
}

function readXrefSection(text: string, at: number, objects: Map<number, string>): { trailer: string } {
  const xref = text.slice(at);
  if (!xref.startsWith('xref')) throw new PdfReadError('not a classic xref table (object streams are not read here)');
  const lines = xref.split(/\r?\n/);
  let i = 1;
  while (i < lines.length && /^\d+ \d+\s*$/.test(lines[i]!)) {
    const [first, count] = lines[i]!.trim().split(' ').map(Number) as [number, number];
    for (let k = 0; k < count; k++) {
      const entry = lines[i + 1 + k]!;
      if (entry[17] !== 'n' || objects.has(first + k)) continue;
      const offset = Number(entry.slice(0, 10));
      const body = text.slice(offset, offset + 200_000);
      const head = /^\d+ \d+ obj\s*/.exec(body);
      if (!head) throw new PdfReadError(`object ${first + k} not at offset ${offset}`);
      const end = body.search(/\bstream\r?\n|\bendobj\b/);
      objects.set(first + k, body.slice(head[0].length, end < 0 ? undefined : end));
    }
    i += 1 + count;
  }
  const trailerAt = text.indexOf('trailer', at);
  return { trailer: text.slice(trailerAt, text.indexOf('startxref', trailerAt)) };
}

const ref = (s: string | undefined) => (s ? Number(/(\d+)\s+0\s+R/.exec(s)?.[1]) : NaN);

export function catalogNumber(pdf: PdfObjects): number {
  return ref(/\/Root\s+(\d+\s+0\s+R)/.exec(pdf.trailer)?.[1]);
}

/** Page object numbers in reading order (walks the page tree). */
export function pageOrder(pdf: PdfObjects): number[] {
  const catalog = pdf.objects.get(catalogNumber(pdf)) ?? '';
  const pages: number[] = [];
  const walk = (n: number) => {
    const obj = pdf.objects.get(n) ?? '';
    if (/\/Type\s*\/Pages\b/.test(obj)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(obj)?.[1] ?? '';
      for (const m of kids.matchAll(/(\d+)\s+0\s+R/g)) walk(Number(m[1]));
    } else pages.push(n);
  };
  walk(ref(/\/Pages\s+(\d+\s+0\s+R)/.exec(catalog)?.[1]));
  return pages;
}

/** Named destination → 1-based page number (from the catalog's /Dests). */
export function destinationPages(pdf: PdfObjects): Map<string, number> {
  const catalog = pdf.objects.get(catalogNumber(pdf)) ?? '';
  const order = new Map(pageOrder(pdf).map((n, i) => [n, i + 1]));
  const destsRef = /\/Dests\s+(\d+\s+0\s+R)/.exec(catalog)?.[1];
  const dests = destsRef ? (pdf.objects.get(ref(destsRef)) ?? '') : (/\/Dests\s*(<<[\s\S]*?>>)/.exec(catalog)?.[1] ?? '');
  const out = new Map<string, number>();
  for (const m of dests.matchAll(/\/([^\s/\[<>()]+)\s*\[\s*(\d+)\s+0\s+R/g)) {
    const page = order.get(Number(m[2]));
    if (page !== undefined) out.set(decodeName(m[1]!), page);
  }
  return out;
}

/** PDF names escape bytes as #xx (UTF-8 for our ids). */
function decodeName(name: string): string {
  return Buffer.from(name.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
}

export interface OutlineEntry {
  readonly title: string;
  readonly depth: number;
  /** The number of the bookmark's object. */
  readonly object: number;
}

/** A bookmark's title: a literal string (with its escapes: `\)` does not end it) or a hex string. */
export const TITLE = /\/Title\s*(\((?:[^\\()]|\\[\s\S])*\)|<[0-9A-Fa-f]*>)/;

/** The bookmarks, depth first, with their titles decoded. */
export function outline(pdf: PdfObjects): OutlineEntry[] {
  const catalog = pdf.objects.get(catalogNumber(pdf)) ?? '';
  const root = pdf.objects.get(ref(/\/Outlines\s+(\d+\s+0\s+R)/.exec(catalog)?.[1])) ?? '';
  const out: OutlineEntry[] = [];
  const walk = (first: number, depth: number) => {
    for (let n = first; !Number.isNaN(n); ) {
      const item = pdf.objects.get(n) ?? '';
      out.push({ title: decodeString(TITLE.exec(item)?.[1] ?? '()'), depth, object: n });
      const child = ref(/\/First\s+(\d+\s+0\s+R)/.exec(item)?.[1]);
      if (!Number.isNaN(child)) walk(child, depth + 1);
      n = ref(/\/Next\s+(\d+\s+0\s+R)/.exec(item)?.[1]);
    }
  };
  walk(ref(/\/First\s+(\d+\s+0\s+R)/.exec(root)?.[1]), 0);
  return out;
}

/** A PDF string, literal `( )` or hex `< >`, UTF-16BE when it starts with a byte order mark. */
export function decodeString(s: string): string {
  let bytes: Buffer;
  if (s.startsWith('<')) bytes = Buffer.from(s.slice(1, -1), 'hex');
  else bytes = Buffer.from(s.slice(1, -1).replace(/\\([()\\])/g, '$1'), 'latin1');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  return bytes.toString('latin1');
}
