/**
 * YAML input with positions: every value that fails validation is reported as `file:line:column`.
 */
import { LineCounter, isNode, parseDocument, visit, type Document } from 'yaml';
import { ReportError } from '../errors.ts';
import { describeValue } from './describe.ts';

/**
 * Limits on what one YAML file may make the reader do. The project's YAML (manifests, editions,
 * content) is a few KB; the limits stop a hostile file (a "billion laughs" of nested aliases, or a
 * huge document) with a message instead of a hang or an out-of-memory crash.
 */
export const YAML_LIMITS = Object.freeze({ maxChars: 2_000_000, maxAliasCount: 100 });

export interface YamlSource {
  readonly file: string;
  readonly value: unknown;
  /** `file:line:column` of the value at `path`, or of the nearest parent that exists. */
  where(path: readonly (string | number)[]): string;
}

export function parseYaml(file: string, text: string): YamlSource {
  if (text.length > YAML_LIMITS.maxChars) throw ReportError.of('input.yaml-too-large', { file, chars: text.length, limit: YAML_LIMITS.maxChars });
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const pos = lineCounter.linePos(first.pos[0]);
    throw ReportError.of('input.yaml-syntax', { file, line: pos.line, column: pos.col, detail: first.message.split('\n')[0]! });
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: YAML_LIMITS.maxAliasCount });
  } catch (error) {
    // yaml throws a bare ReferenceError for too many (or unresolvable) aliases, without a position:
    // name the first alias, where the expansion starts.
    const pos = lineCounter.linePos(firstAliasOffset(doc));
    const detail = /Excessive alias count/.test((error as Error).message)
      ? `its aliases (*name) expand to more than ${YAML_LIMITS.maxAliasCount} copies; write the values out instead`
      : (error as Error).message.split('\n')[0]!;
    throw ReportError.of('input.yaml-syntax', { file, line: pos.line, column: pos.col, detail }, error);
  }
  return {
    file,
    value,
    where(path) {
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n), true);
        if (isNode(node) && node.range) {
          const pos = lineCounter.linePos(node.range[0]);
          return `${file}:${pos.line}:${pos.col}`;
        }
      }
      return file;
    },
  };
}

/** The offset of the first alias in the document (0 when it has none). */
function firstAliasOffset(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

/** Reads fields of an `unknown` YAML value, naming the field's position when it is not as expected. */
export class YamlReader {
  constructor(private readonly source: YamlSource) {}

  private fail(path: readonly (string | number)[], expected: string, got: unknown): never {
    throw ReportError.of('input.field', {
      file: this.source.where(path),
      path: path.join('.') || '(document)',
      expected,
      got: describeValue(got),
    });
  }

  private at(path: readonly (string | number)[]): unknown {
    let value: unknown = this.source.value;
    for (const key of path) value = (value as Record<string | number, unknown> | undefined)?.[key];
    return value;
  }

  object(path: readonly (string | number)[]): Record<string, unknown> {
    const v = this.at(path);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail(path, 'a mapping', v);
    return v as Record<string, unknown>;
  }

  string(path: readonly (string | number)[]): string {
    const v = this.at(path);
    if (typeof v !== 'string' || v.trim() === '') this.fail(path, 'a non-empty string', v);
    return v;
  }

  /** A label such as an edition, which YAML may read as a number when unquoted (2023). */
  label(path: readonly (string | number)[]): string {
    const v = this.at(path);
    if (typeof v === 'number' && Number.isInteger(v)) return String(v);
    return this.string(path);
  }

  /** true, false, or undefined when the field is absent. */
  optionalBoolean(path: readonly (string | number)[]): boolean | undefined {
    const v = this.at(path);
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'boolean') this.fail(path, 'true or false', v);
    return v;
  }

  /** A whole number, or null when the field is absent. */
  optionalInteger(path: readonly (string | number)[]): number | null {
    const v = this.at(path);
    if (v === undefined || v === null) return null;
    return this.integer(path);
  }

  integer(path: readonly (string | number)[]): number {
    const v = this.at(path);
    if (typeof v !== 'number' || !Number.isInteger(v)) this.fail(path, 'a whole number', v);
    return v;
  }

  /** A date written as YYYY-MM-DD (YAML may hand it over as a Date or a string). */
  date(path: readonly (string | number)[]): string {
    const v = this.at(path);
    const text = v instanceof Date ? v.toISOString().slice(0, 10) : v;
    if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) this.fail(path, 'a date YYYY-MM-DD', v);
    return text;
  }

  array(path: readonly (string | number)[]): unknown[] {
    const v = this.at(path);
    if (!Array.isArray(v)) this.fail(path, 'a list', v);
    return v;
  }

  /** `[from, to]`, two whole numbers with from ≤ to. */
  yearRange(path: readonly (string | number)[]): readonly [number, number] {
    const list = this.array(path);
    if (list.length !== 2) this.fail(path, 'two years [from, to]', list);
    const from = this.integer([...path, 0]);
    const to = this.integer([...path, 1]);
    if (from > to) this.fail(path, 'a first year not after the last', list);
    return Object.freeze([from, to] as const);
  }

  localized(path: readonly (string | number)[]): Localized {
    this.object(path);
    return Object.freeze({ zh: this.string([...path, 'zh']), en: this.string([...path, 'en']) });
  }
}

export type Locale = 'zh' | 'en';
export const LOCALES: readonly Locale[] = ['zh', 'en'];
export type Localized = Readonly<Record<Locale, string>>;
