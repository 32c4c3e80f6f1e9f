import { describe, expect, it } from 'vitest';
import { recordsToCsv, toCsv } from '../../src/base/csv.ts';

describe('CSV for download', () => {
  it('quotes what needs quoting and marks the file as UTF-8', () => {
    expect(toCsv(['国家', 'n'], [['美国, US', 3], ['say "hi"', null]])).toBe('\ufeff国家,n\r\n"美国, US",3\r\n"say ""hi""",\r\n');
  });
  it('turns a chart\'s records into columns in first-seen order', () => {
    expect(recordsToCsv([{ country: '中国', papers: 2 }, { country: '美国', papers: 1, note: 'x' }])).toBe('\ufeffcountry,papers,note\r\n中国,2,\r\n美国,1,x\r\n');
  });
  it('neutralises cells a spreadsheet would run, keeping negative numbers numeric', () => {
    expect(toCsv(['name', 'net'], [['=HYPERLINK("http://x","click")', -684], ['@SUM(A1:A9)', '-12.5'], ['-2+3', '+5%']])).toBe(
      '\ufeffname,net\r\n"\'=HYPERLINK(""http://x"",""click"")",-684\r\n\'@SUM(A1:A9),-12.5\r\n\'-2+3,+5%\r\n',
    );
  });
});
