import { describe, expect, it } from 'vitest';
import { openDuckDb } from '../../src/base/engine.ts';

// bench:metrics -- --threads N measures DuckDB with another thread count (docs/scale.md); the
// default stays two.
describe('openDuckDb threads', () => {
  const threadsOf = async (options?: Parameters<typeof openDuckDb>[0]) => {
    const engine = await openDuckDb(options);
    try {
      const [row] = await engine.all<{ t: number }>(`SELECT current_setting('threads')::INTEGER AS t`);
      return row!.t;
    } finally {
      engine.close();
    }
  };
  it('runs two worker threads by default', async () => {
    expect(await threadsOf()).toBe(2);
  });
  it('takes the thread count it is given', async () => {
    expect(await threadsOf({ threads: 1 })).toBe(1);
  });
});
