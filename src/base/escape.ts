/**
 * Escaping for every context a string from data, manifest, content or locale lands in: HTML text,
 * HTML attribute, CSS string, SVG/XML text and attribute, URL, CSV cell. One function per context,
 * and every stage that writes one of these uses the function here, never its own `replace`.
 *
 * Each function is total (any string in, safe output out): what cannot be represented is replaced,
 * never passed through. Why each context needs its own: a string that is safe as HTML text (`</style>`
 * becomes `&lt;/style&gt;`) is not safe in CSS (entities are not decoded inside `<style>`), and a CSS
 * string is not safe in a URL.
 */

/**
 * C0 controls other than tab, line feed and carriage return, DEL, lone surrogates and the two
 * non-characters U+FFFE/U+FFFF: not allowed in XML (an SVG with one does not parse) and a parse error
 * in HTML. They become U+FFFD, so that the reader sees something was there.
 */
const UNREPRESENTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Markup made by a library (Vega's SVG) as XML can hold it: the library escapes markup characters in
 * the data it draws, but passes controls through, and one would make the SVG unparseable on its own.
 */
export function xmlCharacters(markup: string): string {
  return representable(markup);
}

function representable(value: string): string {
  return value.replace(UNREPRESENTABLE, '\ufffd');
}

const TEXT_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text between HTML tags. `&`, `<`, `>` and `"` as named references, the same as markdown-it writes
 * (so the two agree byte for byte); apostrophes stay as they are, they end nothing in text.
 */
export function htmlText(value: string): string {
  return representable(value).replace(/[&<>"]/g, (ch) => TEXT_ENTITIES[ch]!);
}

/** An HTML attribute value, to be written inside double quotes (single quotes are escaped too, in case). */
export function htmlAttr(value: string): string {
  return representable(value).replace(/[&<>"']/g, (ch) => TEXT_ENTITIES[ch]!);
}

/** Text inside an SVG (or any XML) element: the five references XML predefines, all of them. */
export function xmlText(value: string): string {
  return htmlAttr(value);
}

/** An SVG (XML) attribute value inside double quotes. Tab and newlines are kept as references, since XML normalises them to spaces. */
export function xmlAttr(value: string): string {
  return htmlAttr(value).replace(/[\t\n\r]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * Characters written as themselves inside a CSS string: letters, digits, the space and punctuation
 * that ends neither a string (`"`, `'`, `\`, newline) nor a rule (`;`, `{`, `}`) nor the `<style>`
 * element (`<`, `>`, `&` for good measure), and every non-ASCII character except the line and
 * paragraph separators. Everything else becomes `\HEX ` (the space ends the escape and is not shown).
 */
const CSS_SAFE = /[A-Za-z0-9 .,:!?()\-_+*%#@/\u00a0-\u2027\u202a-\uffff]/u;

/** A CSS string literal, double-quoted: nothing in it can end the string, the declaration or the style element. */
export function cssString(value: string): string {
  let out = '"';
  for (const ch of representable(value)) out += CSS_SAFE.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `;
  return `${out}"`;
}

/** Media types of data: URLs that must not be opened: they would run as a document of their own. */
const ACTIVE_DATA = /^data:(?:text\/html|application\/xhtml\+xml|image\/svg\+xml|text\/xml|application\/xml)\b/i;

/**
 * A URL the report may link to or load: a relative path (`../en/index.html`), a fragment (`#ch-2`)
 * or a `data:` URL of a passive type (CSV, a font, a PNG). Anything with another scheme (`javascript:`,
 * `http:`, `file:` …) or protocol-relative (`//host`) is refused: null. Browsers ignore tabs and
 * newlines inside a URL and spaces and controls before it, so those are removed before the scheme is
 * read (`java\tscript:` is `javascript:`).
 */
export function safeUrl(value: string): string | null {
  const url = value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  if (/^[\\/]{2}/.test(url)) return null;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url)?.[1];
  if (scheme === undefined) return /[\\]/.test(url) ? null : url;
  if (scheme.toLowerCase() !== 'data' || ACTIVE_DATA.test(url)) return null;
  return url;
}

/**
 * A link's target (`<a href>`, never loaded by the page itself, only followed by a reader's click):
 * what safeUrl allows, and also `https:`, `http:` and `mailto:` (the report links institutions'
 * websites). Still never `javascript:` or any other scheme that runs or reads something.
 */
export function safeLink(value: string): string | null {
  const url = value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  return /^(?:https?:\/\/[^\s/\\]|mailto:[^\s])/i.test(url) ? url : safeUrl(value);
}

/** A resource URL attribute (src, or an href the page loads): allowed by safeUrl, else `#` (nothing). */
export function urlAttr(value: string): string {
  return htmlAttr(safeUrl(value) ?? '#');
}

/** A link's href attribute: allowed by safeLink, else `#` (a link that goes nowhere). */
export function linkAttr(value: string): string {
  return htmlAttr(safeLink(value) ?? '#');
}

/**
 * A number, as data or as the report formats it: `-12`, `+3.5%`, `-1,234.5`, `1e-7`. Only digits,
 * separators, a sign, an exponent and a percent sign: nothing a formula could be made of.
 */
const PLAIN_NUMBER = /^[-+]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?%?$/;

/** First characters a spreadsheet reads as the start of a formula (or, tab and CR, hides before one). */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | boolean | null | undefined;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled. A text
 * that a spreadsheet would evaluate (starting with `=`, `+`, `-`, `@`, tab or CR: OWASP's list) gets
 * a leading `'`, which spreadsheets show as text; a plain number (`-12.5`) is left a number.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = representable(String(value));
  const safe = FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
