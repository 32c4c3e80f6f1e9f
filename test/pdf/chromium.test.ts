import { describe, expect, it } from 'vitest';
import { ensureChromium, findChromium, INSTALL_COMMAND, type Environment } from '../../src/pdf/chromium.ts';

function env(options: { files?: string[]; vars?: Record<string, string>; root?: boolean; installs?: string[] }): Environment & { ran: string[] } {
  const files = new Set(options.files ?? []);
  const ran: string[] = [];
  return {
    ran,
    env: options.vars ?? {},
    exists: (p) => files.has(p),
    isRoot: () => options.root ?? false,
    sh: (command) => {
      ran.push(command);
      for (const f of options.installs ?? []) files.add(f);
      return (options.installs ?? []).length > 0;
    },
  };
}
const log = { info: () => {}, warn: () => {} };

describe('finding Chromium', () => {
  it('uses PUPPETEER_EXECUTABLE_PATH when set', () => {
    expect(findChromium(env({ files: ['/opt/chrome', '/usr/bin/chromium'], vars: { PUPPETEER_EXECUTABLE_PATH: '/opt/chrome' } }))).toBe('/opt/chrome');
  });
  it("falls back to Debian's locations", () => {
    expect(findChromium(env({ files: ['/usr/lib/chromium/chromium'] }))).toBe('/usr/lib/chromium/chromium');
  });
  it('installs the Debian package when missing and running as root', () => {
    const e = env({ files: ['/usr/bin/apt-get'], root: true, installs: ['/usr/bin/chromium'] });
    expect(ensureChromium(e, log)).toBe('/usr/bin/chromium');
    expect(e.ran).toEqual([INSTALL_COMMAND]);
  });
  it('stops with the exact command to run when it cannot install', () => {
    const e = env({ files: ['/usr/bin/apt-get'], root: false });
    expect(() => ensureChromium(e, log)).toThrow(`sudo sh -c '${INSTALL_COMMAND}'`);
    expect(e.ran).toEqual([]);
  });
  it('does not install over a configured path that is wrong: it says so', () => {
    const e = env({ files: ['/usr/bin/apt-get'], root: true, vars: { PUPPETEER_EXECUTABLE_PATH: '/nope' } });
    expect(() => ensureChromium(e, log)).toThrow(/looked at \/nope/);
    expect(e.ran).toEqual([]);
  });
});
