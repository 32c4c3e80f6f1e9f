/** Reading one content kind from YAML text in a test: its value, or the message of the error it raises. */
import { expect } from 'vitest';
import type { ContentReader } from '../../src/base/content.ts';
import { ReportError } from '../../src/errors.ts';
import { parseYaml, YamlReader } from '../../src/base/yaml.ts';

export function contentKind<T>(reader: ContentReader, file: string) {
  const read = (text: string): T => {
    const source = parseYaml(file, text);
    return reader(new YamlReader(source), source) as T;
  };
  /** The error reading `text` raises: its message, which must name file:line:column. */
  const error = (text: string): string => {
    try {
      read(text);
    } catch (e) {
      expect(e).toBeInstanceOf(ReportError);
      return (e as Error).message;
    }
    throw new Error(`expected ${file} to be refused`);
  };
  return { read, error };
}
