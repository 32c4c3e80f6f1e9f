/**
 * A Handlebars environment for markdown templates. `{{value}}` output is escaped with escapeInline
 * (markdown and HTML syntax made inert, once) instead of Handlebars' HTML-only escaping: the compiler's
 * escape step is redirected to a helper, which keeps the change local to this environment.
 */
import Handlebars from 'handlebars';
import { escapeInline } from '../base/markup.ts';

export type HandlebarsEnv = typeof Handlebars;

export function createHandlebars(): HandlebarsEnv {
  const hb = Handlebars.create();
  // JavaScriptCompiler is public API (documented for overriding) but missing from the typings.
  const env = hb as unknown as { JavaScriptCompiler: new () => object };
  const Base = env.JavaScriptCompiler;
  class InlineEscaping extends Base {}
  const proto = InlineEscaping.prototype as unknown as {
    compiler: unknown;
    appendEscaped(this: CompilerThis): void;
  };
  // Child programs ({{#each}} bodies) are compiled with `this.compiler`: make it this class too.
  proto.compiler = InlineEscaping;
  // Helpers are wrapped to rewrite their last argument (the options object): pass a dummy one.
  proto.appendEscaped = function () {
    this.pushSource(this.appendToBuffer([this.aliasable('container.helpers.__escape'), '(', this.popStack(), ', null)']));
  };
  env.JavaScriptCompiler = InlineEscaping;
  hb.registerHelper('__escape', (value: unknown) => {
    if (value !== null && typeof value === 'object' && typeof (value as { toHTML?: unknown }).toHTML === 'function') {
      return (value as { toHTML(): string }).toHTML();
    }
    return escapeInline(value);
  });
  return hb;
}

interface CompilerThis {
  pushSource(source: unknown): void;
  appendToBuffer(parts: unknown[]): unknown;
  aliasable(name: string): unknown;
  popStack(): unknown;
}

/** An error raised inside a helper, carrying the template position of the call. */
export class HelperError extends Error {
  readonly lineNumber: number;
  readonly column: number;
  constructor(error: unknown, loc: { start: { line: number; column: number } } | undefined) {
    super(error instanceof Error ? error.message : String(error), { cause: error });
    this.lineNumber = loc?.start.line ?? 0;
    this.column = loc?.start.column ?? 0;
  }
}

/**
 * Registers `fn` as a helper called with its positional arguments and the hash; any error it throws
 * is re-thrown with the template line and column of the call.
 */
export function defineHelper(hb: HandlebarsEnv, name: string, fn: (args: unknown[], hash: Record<string, unknown>) => unknown) {
  hb.registerHelper(name, function (this: unknown, ...all: unknown[]) {
    const options = all[all.length - 1] as { hash?: Record<string, unknown>; loc?: { start: { line: number; column: number } } };
    try {
      return fn(all.slice(0, -1), options.hash ?? {});
    } catch (error) {
      if (error instanceof HelperError) throw error;
      throw new HelperError(error, options.loc);
    }
  });
}

interface JisonParser {
  parseError: (text: string, hash: unknown) => never;
  yy: { parseError?: (text: string, hash: unknown) => never };
  lexer: { matched?: string; yylloc?: { first_line: number; first_column: number } };
}

/**
 * Where Handlebars' parser stopped in `text` (line and column from 1), or null when `text` parses.
 * Its error names the line only, and through an excerpt of 20 characters: the position is in the
 * hash it gives its `parseError` hook, which the error itself drops. The hook is installed for this
 * one (synchronous) parse and then put back as it was.
 */
export function syntaxErrorAt(hb: HandlebarsEnv, text: string): { line: number; column: number } | null {
  const parser = (hb as unknown as { Parser: JisonParser }).Parser;
  const saved = { own: parser.parseError, yy: parser.yy.parseError };
  let at: { line: number; column: number } | null = null;
  parser.yy.parseError = (message: string, hash: unknown) => {
    // The token the parser did not expect is the lexer's last one (the hash's loc is the token before it).
    const { token } = (hash ?? {}) as { token?: string | null };
    const loc = parser.lexer.yylloc;
    // At the end of the text the mistake is where the block left open was opened.
    if (token === 'EOF') at = unclosedBlock(text) ?? positionOf(text, text.length);
    else if (token && loc) at = { line: loc.first_line, column: loc.first_column + 1 };
    else {
      // A lexical error has no token: the lexer stopped right after what it had matched.
      at = positionOf(parser.lexer.matched ?? '', (parser.lexer.matched ?? '').length);
    }
    throw new Error(message);
  };
  try {
    hb.parse(text);
  } catch {
    // the position is what was wanted
  } finally {
    parser.parseError = saved.own;
    if (saved.yy) parser.yy.parseError = saved.yy;
    else delete parser.yy.parseError;
  }
  return at;
}

function positionOf(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** Where the last block (`{{#name}}`, `{{^name}}`) that no `{{/…}}` closes was opened. */
function unclosedBlock(text: string): { line: number; column: number } | null {
  const open: number[] = [];
  for (const m of text.matchAll(/\{\{~?\s*([#^/])/g)) {
    if (m[1] === '/') open.pop();
    else open.push(m.index);
  }
  const last = open.at(-1);
  return last === undefined ? null : positionOf(text, last);
}
