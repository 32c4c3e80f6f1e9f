/**
 * A Handlebars environment for markdown templates. `{{value}}` output is escaped with escapeInline
 * (markdown and HTML syntax made inert, once) instead of Handlebars' HTML-only escaping: the compiler's
 * escape step is redirected to a helper, which keeps the change local to this environment.
 */
import Handlebars from 'handlebars';
import { escapeInline } from './markup.ts';

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
