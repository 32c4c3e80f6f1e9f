import { describe, expect, it } from 'vitest';
import { openDuckDb } from '../../src/base/engine.ts';

// The loaded tables are kept compressed in memory (docs/scale.md, "Memory"): DuckDB stores them in an
// in-memory database attached with COMPRESS, and compact() checkpoints it after each table is loaded.
describe('openDuckDb compressed storage', () => {
  const bytesOf = async (engine: Awaited<ReturnType<typeof openDuckDb>>) => {
    const [row] = await engine.all<{ b: number }>(`SELECT sum(memory_usage_bytes)::BIGINT AS b FROM duckdb_memory()`);
    return row!.b;
  };
  const fill = `CREATE TABLE ids AS SELECT 'P' || (i % 1000)::VARCHAR AS id, (i % 7)::INTEGER AS n FROM range(2000000) t(i)`;

  it('holds a table several times smaller once compacted, with the same rows', async () => {
    const engine = await openDuckDb();
    try {
      await engine.run(fill);
      const before = await bytesOf(engine);
      const rowsBefore = await engine.all(`SELECT id, n, count(*)::BIGINT AS c FROM ids GROUP BY ALL ORDER BY ALL`);
      expect(engine.compact).toBeTypeOf('function');
      await engine.compact!();
      const after = await bytesOf(engine);
      expect(after * 3).toBeLessThan(before);
      expect(await engine.all(`SELECT id, n, count(*)::BIGINT AS c FROM ids GROUP BY ALL ORDER BY ALL`)).toEqual(rowsBefore);
    } finally {
      engine.close();
    }
  });

  it('can be turned off: then there is nothing to compact', async () => {
    const engine = await openDuckDb({ compress: false });
    try {
      await engine.run(fill);
      expect(engine.compact).toBeUndefined();
      const [row] = await engine.all<{ d: string }>(`SELECT current_database() AS d`);
      expect(row!.d).toBe('memory');
    } finally {
      engine.close();
    }
  });
});
