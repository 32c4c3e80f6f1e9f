import { describe, expect, it } from 'vitest';
import { readContent } from '../../src/base/content.ts';
import { ReportError } from '../../src/errors.ts';
import { memoryFs } from '../helpers/memory-fs.ts';

describe('edition content (templates/<edition>/content/*.yaml)', () => {
  it('is empty when the edition has no content folder', async () => {
    expect(await readContent(memoryFs(), '/t/2023/content')).toEqual({});
  });

  it('refuses a file of an unknown kind, naming the file and the kinds there are', async () => {
    const fs = memoryFs({ '/t/2023/content/gossip.yaml': 'a: 1\n' });
    const error = await readContent(fs, '/t/2023/content').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportError);
    expect((error as Error).message).toContain('/t/2023/content/gossip.yaml');
    expect((error as Error).message).toContain('not a kind of edition content');
  });
});
