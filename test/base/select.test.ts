import { describe, expect, it } from 'vitest';
import { readSelector, select, type Variables } from '../../src/base/select.ts';
import { parseYaml } from '../../src/base/yaml.ts';

const doc = {
  patents: {
    by_assignee: [
      { id: 'a', country: 'X', patents: 5, high_value: 1 },
      { id: 'b', country: 'Y', patents: 4, high_value: 3 },
      { id: 'c', country: 'X', patents: 3, high_value: 3 },
      { id: 'd', country: 'X', patents: 2, high_value: null },
    ],
  },
  topics: [
    { topic_id: 't1', group: 'g', counts: { B: 2, A: 2, C: 7 } },
    { topic_id: 't2', group: 'h', counts: {} },
  ],
};
const vars: Variables = { home: 'X', 'hot.group': 'g' };

/** The selector written as `rows:` in a one-line YAML file. */
function sel(text: string) {
  return readSelector(parseYaml('f.yaml', `rows: ${text}\n`), ['rows']);
}
const run = (text: string) => select(sel(text), doc, vars, 'figure "f"').rows;
const err = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('select', () => {
  it('filters by an edition variable, sorts largest first keeping ties in document order (nulls last), takes the top', () => {
    expect(run('{ from: patents.by_assignee, where: { country: $home }, sort: high_value }').map((r) => (r as { id: string }).id)).toEqual(['c', 'a', 'd']);
    expect(run('{ from: patents.by_assignee, sort: high_value, top: 2 }').map((r) => (r as { id: string }).id)).toEqual(['b', 'c']);
  });

  it('breaks ties by a text field when asked', () => {
    expect(run('{ from: patents.by_assignee, sort: { by: high_value, then: country } }').map((r) => (r as { id: string }).id)).toEqual(['c', 'b', 'a', 'd']);
  });

  it('turns a {code: n} map of one row into entries, largest first, ties A→Z', () => {
    const s = select(sel('{ from: topics, where: { group: $hot.group }, index: 0, field: counts, top: 2 }'), doc, vars, 'figure "f"');
    expect(s.rows).toEqual([{ key: 'C', value: 7 }, { key: 'A', value: 2 }]);
    expect(s.row).toMatchObject({ topic_id: 't1' });
  });

  it('plucks a field of every row', () => {
    expect(run('{ from: patents.by_assignee, sort: patents, top: 2, field: id }')).toEqual(['a', 'b']);
  });

  it('names the file, line and column, the owner and the path the document lacks', () => {
    const s = readSelector(parseYaml('figs.yaml', 'a: 1\nrows:\n  from: patents.by_holder\n'), ['rows']);
    expect(err(() => select(s, doc, vars, 'figure "f"'))).toBe('figs.yaml:3:3: figure "f": the metrics document has no "patents.by_holder"');
    expect(err(() => run('{ from: topics, where: { group: $hot.group }, index: 3 }'))).toMatch(/^f\.yaml:1:7: figure "f": .*"topics" row 3 \(0-based\) of 1/);
    expect(err(() => run('{ from: topics, where: { group: $frontier.group } }'))).toMatch(/unknown variable \$frontier\.group \(known: \$home, \$hot\.group\)/);
  });

  it('rejects a malformed selector at its position', () => {
    expect(err(() => sel('{ from: topics, order: x }'))).toMatch(/^f\.yaml:1:30: rows\.order: expected one of from, where/);
    expect(err(() => sel('{ from: topics, top: 0 }'))).toMatch(/^f\.yaml:1:28: rows\.top: expected a whole number ≥ 1, got 0/);
    expect(err(() => sel('{ from: "a b" }'))).toMatch(/rows\.from: expected a path/);
    expect(err(() => sel('{ from: topics, where: { group: [1] } }'))).toMatch(/rows\.where\.group: expected a text, number/);
  });
});
