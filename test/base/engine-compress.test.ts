import { describe, expect, it } from 'vitest';
import { COMPRESS_FROM_BYTES, openDuckDb } from '../../src/base/engine.ts';

// The loaded tables of a large dataset are kept compressed in memory (docs/scale.md, "Memory"): DuckDB
// stores them in an in-memory database attached with COMPRESS, and compact() checkpoints it once the
// tables are loaded. A small dataset's tables stay in DuckDB's own in-memory database (less CPU).
describe('openDuckDb compressed storage', () => {
  const bytesOf = async (engine: Awaited<ReturnType<typeof openDuckDb>>) => {
    const [row] = await engine.all<{ b: number }>(`SELECT sum(memory_usage_bytes)::BIGINT AS b FROM duckdb_memory()`);
    return row!.b;
  };
  const database = async (engine: Awaited<ReturnType<typeof openDuckDb>>) => (await engine.all<{ d: string }>(`SELECT current_database() AS d`))[0]!.d;
  const fill = `CREATE TABLE ids AS SELECT 'P' || (i % 1000)::VARCHAR AS id, (i % 7)::INTEGER AS n FROM range(2000000) t(i)`;

  it('holds a table several times smaller once compacted, with the same rows', async () => {
    const engine = await openDuckDb({ compress: true });
    try {
      await engine.run(fill);
      const before = await bytesOf(engine);
      const rowsBefore = await engine.all(`SELECT id, n, count(*)::BIGINT AS c FROM ids GROUP BY ALL ORDER BY ALL`);
      await engine.compact!();
      const after = await bytesOf(engine);
      expect(after * 3).toBeLessThan(before);
      expect(await engine.all(`SELECT id, n, count(*)::BIGINT AS c FROM ids GROUP BY ALL ORDER BY ALL`)).toEqual(rowsBefore);
    } finally {
      engine.close();
    }
  });

  it('by default compresses only a dataset told to be large, before its tables are made', async () => {
    for (const [bytes, store] of [
      [COMPRESS_FROM_BYTES - 1, 'memory'],
      [COMPRESS_FROM_BYTES, 'store'],
    ] as const) {
      const engine = await openDuckDb();
      try {
        await engine.storeFor!(bytes);
        await engine.run(fill);
        expect(await database(engine)).toBe(store);
        const before = await bytesOf(engine);
        await engine.compact!();
        if (store === 'store') expect((await bytesOf(engine)) * 3).toBeLessThan(before);
        else expect(await bytesOf(engine)).toBe(before); // nothing to compact
      } finally {
        engine.close();
      }
    }
  });

  it('can be turned off: then the size does not matter', async () => {
    const engine = await openDuckDb({ compress: false });
    try {
      expect(engine.storeFor).toBeUndefined();
      await engine.run(fill);
      await engine.compact!();
      expect(await database(engine)).toBe('memory');
    } finally {
      engine.close();
    }
  });
});
