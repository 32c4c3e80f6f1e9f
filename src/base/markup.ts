/**
 * Escaping happens once, here. Data values enter the markdown as numeric character references for
 * every character that markdown or HTML would treat as syntax: CommonMark never reads a reference as
 * syntax, and markdown-it (with raw HTML off) writes each one back as plain, HTML-escaped text.
 * Handlebars and i18next are both told to use this function instead of their own HTML escaping.
 */
import MarkdownIt, { type PluginSimple } from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { isolateBidi } from './bidi.ts';
import { namedBlocks } from './markup-blocks.ts';
import { htmlAttr, htmlText, linkAttr, safeLink, urlAttr } from './escape.ts';

const SYNTAX = /[&<>"'`=*_\\[\]()#+\-.!|~{}@$:^]/g;

export function escapeInline(value: unknown): string {
  if (value === null || value === undefined) return '';
  return isolateBidi(String(value)).replace(SYNTAX, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * Footnotes use markdown's `[^name]` syntax (markdown-it-footnote). They render as a list at the end of
 * the chapter (the web edition's endnotes); the print moves each note to the foot of the page that
 * cites it. A note cited twice keeps its one number.
 */
// The plugin's typings are for markdown-it's CommonJS build; at run time it is the same plugin.
const md = new MarkdownIt({ html: false, linkify: false, typographer: false }).use(footnote as unknown as PluginSimple).use(namedBlocks);
// markdown-it's HTML goes through the same escapers as every other string (src/base/escape.ts): text
// and attributes, and links only to relative paths, fragments and passive data: URLs.
md.renderer.rules.text = (tokens, idx) => htmlText(tokens[idx]!.content);
// Links may go to websites (a reader's click), images only to what the page may load.
const attrValue = (name: string, value: string) => (name === 'href' ? linkAttr(value) : name === 'src' ? urlAttr(value) : htmlAttr(value));
md.renderer.renderAttrs = (token) => (token.attrs ?? []).map(([name, value]) => ` ${htmlText(name)}="${attrValue(name, value)}"`).join('');
md.renderer.rules.code_inline = (tokens, idx, _options, _env, slf) => `<code${slf.renderAttrs(tokens[idx]!)}>${htmlText(tokens[idx]!.content)}</code>`;
md.validateLink = (url) => safeLink(url) !== null;
md.renderer.rules.footnote_caption = (tokens, idx) => String(Number(tokens[idx]!.meta.id) + 1);
// The plugin writes its back link as "↩" (U+21A9), which the embedded font does not have: Chromium took
// it from a system font (DejaVu Sans), which is not the same on every machine. "↑" is in the font.
const backref = md.renderer.rules.footnote_anchor!;
md.renderer.rules.footnote_anchor = (...args) => backref(...args).replace(/\u21a9\uFE0E?/u, '\u2191');
// A mark right after another ("reports⁴,⁵,⁶") is told apart, so that the styles put a comma between
// them; CSS alone cannot, as its sibling selector skips the text between two marks.
const ref = md.renderer.rules.footnote_ref!;
md.renderer.rules.footnote_ref = (tokens, idx, ...rest) => {
  const html = ref(tokens, idx, ...rest);
  return tokens[idx - 1]?.type === 'footnote_ref' ? html.replace('<sup class="footnote-ref">', '<sup class="footnote-ref footnote-ref-next">') : html;
};

/** `docId` (the chapter id) keeps footnote ids unique across chapters. */
export function renderMarkdown(source: string, docId?: string): string {
  return md.render(source, docId ? { docId } : {});
}

/** Renders one line of markdown (a caption, a note) without a paragraph around it. */
export function renderMarkdownInline(source: string): string {
  return md.renderInline(source);
}

/** Escapes text for an HTML text node or attribute (used where no markdown is involved). */
export function escapeHtml(value: string): string {
  return htmlAttr(isolateBidi(value));
}
