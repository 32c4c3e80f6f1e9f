/**
 * Writes the small record-level sample in data/2023/: every table the metrics engine reads
 * (institutions, papers, paper_affiliations, patents, scholars, scholar_moves, topics, paper_topics,
 * paper_citations_by_year, patent_topics), a few thousand rows each at most, with the published
 * report's shape: its country orders, leading institutions, citation levels, China–US crossings,
 * patent value bands and talent flows. Deterministic: same bytes on every run. The full-size
 * calibrated dataset (src/generate) replaces it.
 *
 *   npx tsx scripts/make-sample.ts [outDir]
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2] ?? 'data/2023';

/** mulberry32: a tiny seeded PRNG; Math.random would make the sample differ on every run. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(2023);
const pick = <T>(items: readonly T[], weight: (t: T) => number): T => {
  const total = items.reduce((s, t) => s + weight(t), 0);
  let r = rand() * total;
  for (const t of items) if ((r -= weight(t)) < 0) return t;
  return items[items.length - 1]!;
};
const YEARS = [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021];
/** A year drawn with weights growing (g > 1) or shrinking (g < 1) by a factor g a year. */
const yearWith = (g: number) => pick(YEARS, (y) => g ** (y - 2012));

// ---------------------------------------------------------------------------------------------
// Institutions. Named ones carry [share of their country's papers, citation multiplier]; the
// generic I-<CC>-<n> ones take the rest (tests rely on I-IN-1 existing).
type Inst = { id: string; zh: string; en: string; country: string; kind: string; parent?: string; province?: string; city?: string; share?: number; cite?: number };
const NAMED: Inst[] = [
  { id: 'CAS', zh: '中国科学院', en: 'Chinese Academy of Sciences', country: 'CN', kind: 'institute', province: 'CN-BJ', city: 'Beijing', share: 0.117, cite: 2.0 },
  { id: 'UCAS', zh: '中国科学院大学', en: 'University of Chinese Academy of Sciences', country: 'CN', kind: 'university', province: 'CN-BJ', city: 'Beijing', share: 0.036, cite: 2.2 },
  { id: 'THU', zh: '清华大学', en: 'Tsinghua University', country: 'CN', kind: 'university', province: 'CN-BJ', city: 'Beijing', share: 0.03, cite: 1.6 },
  { id: 'PKU', zh: '北京大学', en: 'Peking University', country: 'CN', kind: 'university', province: 'CN-BJ', city: 'Beijing', share: 0.02, cite: 1.5 },
  { id: 'SJTU', zh: '上海交通大学', en: 'Shanghai Jiao Tong University', country: 'CN', kind: 'university', province: 'CN-SH', city: 'Shanghai', share: 0.02, cite: 1.2 },
  { id: 'ZJU', zh: '浙江大学', en: 'Zhejiang University', country: 'CN', kind: 'university', province: 'CN-ZJ', city: 'Hangzhou', share: 0.02, cite: 1.2 },
  { id: 'XIDIAN', zh: '西安电子科技大学', en: 'Xidian University', country: 'CN', kind: 'university', province: 'CN-SN', city: "Xi'an", share: 0.01, cite: 0.9 },
  { id: 'SEU', zh: '东南大学', en: 'Southeast University', country: 'CN', kind: 'university', province: 'CN-JS', city: 'Nanjing', share: 0.01, cite: 1 },
  { id: 'SCUT', zh: '华南理工大学', en: 'South China University of Technology', country: 'CN', kind: 'university', province: 'CN-GD', city: 'Guangzhou', share: 0.01, cite: 1 },
  { id: 'HUAWEI', zh: '华为', en: 'Huawei', country: 'CN', kind: 'company', province: 'CN-GD', city: 'Shenzhen', share: 0.002 },
  { id: 'ALIBABA', zh: '阿里巴巴', en: 'Alibaba', country: 'CN', kind: 'company', province: 'CN-ZJ', city: 'Hangzhou', share: 0.002 },
  { id: 'TENCENT', zh: '腾讯', en: 'Tencent', country: 'CN', kind: 'company', province: 'CN-GD', city: 'Shenzhen', share: 0.002 },
  { id: 'BAIDU', zh: '百度', en: 'Baidu', country: 'CN', kind: 'company', province: 'CN-BJ', city: 'Beijing', share: 0.002 },
  { id: 'SGCC', zh: '国家电网', en: 'State Grid', country: 'CN', kind: 'company', province: 'CN-BJ', city: 'Beijing' },
  { id: 'PINGAN', zh: '平安科技', en: 'Ping An Technology', country: 'CN', kind: 'company', province: 'CN-GD', city: 'Shenzhen' },
  { id: 'ZTE', zh: '中兴通讯', en: 'ZTE', country: 'CN', kind: 'company', province: 'CN-GD', city: 'Shenzhen' },
  { id: 'XIAOMI', zh: '小米', en: 'Xiaomi', country: 'CN', kind: 'company', province: 'CN-BJ', city: 'Beijing' },
  { id: 'BOE', zh: '京东方', en: 'BOE Technology', country: 'CN', kind: 'company', province: 'CN-BJ', city: 'Beijing' },
  { id: 'OPPO', zh: 'OPPO', en: 'OPPO', country: 'CN', kind: 'company', province: 'CN-GD', city: 'Dongguan' },
  { id: 'UC', zh: '美国加州大学', en: 'University of California', country: 'US', kind: 'university', share: 0.03, cite: 2.7 },
  { id: 'UCB', zh: '加州大学伯克利分校', en: 'University of California, Berkeley', country: 'US', kind: 'university', parent: 'UC', city: 'Berkeley', share: 0.035, cite: 2.7 },
  { id: 'UCLA', zh: '加州大学洛杉矶分校', en: 'University of California, Los Angeles', country: 'US', kind: 'university', parent: 'UC', city: 'Los Angeles', share: 0.028, cite: 2.6 },
  { id: 'HARVARD', zh: '哈佛大学', en: 'Harvard University', country: 'US', kind: 'university', city: 'Cambridge', share: 0.052, cite: 3.6 },
  { id: 'DOE', zh: '美国能源部', en: 'US Department of Energy', country: 'US', kind: 'government', share: 0.04, cite: 3.2 },
  { id: 'STANFORD', zh: '斯坦福大学', en: 'Stanford University', country: 'US', kind: 'university', city: 'Stanford', share: 0.03, cite: 3 },
  { id: 'MIT', zh: '麻省理工学院', en: 'Massachusetts Institute of Technology', country: 'US', kind: 'university', city: 'Cambridge', share: 0.03, cite: 3 },
  { id: 'IBM', zh: 'IBM', en: 'IBM', country: 'US', kind: 'company', share: 0.005 },
  { id: 'MICROSOFT', zh: '微软', en: 'Microsoft', country: 'US', kind: 'company', share: 0.008, cite: 2 },
  { id: 'GOOGLE', zh: '谷歌', en: 'Google', country: 'US', kind: 'company', share: 0.008, cite: 2.5 },
  { id: 'QUALCOMM', zh: '高通', en: 'Qualcomm', country: 'US', kind: 'company' },
  { id: 'APPLE', zh: '苹果', en: 'Apple', country: 'US', kind: 'company' },
  { id: 'UDICE', zh: '法国研究型大学联盟（UDICE）', en: 'UDICE', country: 'FR', kind: 'university', share: 0.5, cite: 2.6 },
  { id: 'LONDON', zh: '伦敦大学', en: 'University of London', country: 'GB', kind: 'university', share: 0.16, cite: 1.5 },
  { id: 'TORONTO', zh: '多伦多大学', en: 'University of Toronto', country: 'CA', kind: 'university', share: 0.12, cite: 2.6 },
  { id: 'MPG', zh: '马克斯·普朗克学会', en: 'Max Planck Society', country: 'DE', kind: 'institute', share: 0.1, cite: 3.3 },
  { id: 'SAMSUNG', zh: '三星', en: 'Samsung', country: 'KR', kind: 'company', share: 0.02 },
  { id: 'PHILIPS', zh: '飞利浦', en: 'Philips', country: 'NL', kind: 'company', share: 0.02 },
  { id: 'SONY', zh: '索尼', en: 'Sony', country: 'JP', kind: 'company', share: 0.02 },
];

// [country, papers (published where printed), mean citations, yearly growth of papers]
const COUNTRIES: [string, number, number, number][] = [
  ['US', 525794, 14, 1.0], ['CN', 506775, 18, 1.22], ['DE', 151435, 13, 1.03], ['GB', 137826, 25, 1.03], ['IN', 122982, 15, 1.12],
  ['JP', 100000, 11, 1.0], ['KR', 95000, 12, 1.05], ['FR', 98000, 13, 1.02], ['CA', 90000, 22, 1.03], ['IT', 88000, 17, 1.04],
  ['ES', 70000, 12, 1.04], ['AU', 65000, 14, 1.06], ['NL', 50000, 16, 1.03], ['CH', 40000, 15, 1.03], ['RU', 35000, 6, 1.05],
];
const SCALE = 1 / 400;
/** Generic institutions per country: many in the two big countries, so that none outranks the named ones. */
const genericCount = (c: string) => (c === 'US' || c === 'CN' ? 20 : 12);

const institutions: string[][] = [['institution_id', 'name_zh', 'name_en', 'country', 'kind', 'parent_id', 'province', 'city']];
const instByCountry = new Map<string, Inst[]>();
const allCountries = new Set([...COUNTRIES.map(([c]) => c), 'SE', 'IL', 'SG', 'BR', 'TW', 'FI', 'AT', 'BE', 'DK', 'PL', 'IR', 'TR', 'PT', 'NO', 'IE', 'NZ', 'MX', 'ZA', 'GR', 'CZ']);
for (const country of allCountries) {
  const own: Inst[] = NAMED.filter((i) => i.country === country).map((i) => ({ ...i, id: `I-${country}-${i.id.toLowerCase()}` }));
  for (const i of own) if (i.parent) i.parent = `I-${country}-${i.parent.toLowerCase()}`;
  const rest = 1 - own.reduce((s, i) => s + (i.share ?? 0), 0);
  const k = genericCount(country);
  for (let n = 1; n <= k; n++) own.push({ id: `I-${country}-${n}`, zh: `${country} 研究机构 ${n}`, en: `${country} Research Institution ${n}`, country, kind: n % 3 === 0 ? 'company' : 'university', share: rest / k });
  instByCountry.set(country, own);
  for (const i of own) institutions.push([i.id, i.zh, i.en, country, i.kind, i.parent ?? '', i.province ?? '', i.city ?? '']);
}
const instId = (code: string) => {
  const i = [...instByCountry.values()].flat().find((x) => x.id.endsWith(`-${code.toLowerCase()}`));
  if (!i) throw new Error(code);
  return i;
};

// ---------------------------------------------------------------------------------------------
// Papers: each has one home institution (its country's), and 15% a partner in another country.
const papers: string[][] = [['paper_id', 'year', 'doc_type', 'citations']];
const affiliations: string[][] = [['paper_id', 'institution_id', 'country']];
const paperRows: { id: string; year: number; citations: number; countries: string[] }[] = [];
let n = 0;
for (const [country, published, meanCitations, growth] of COUNTRIES) {
  const count = Math.round(published * SCALE);
  const own = instByCountry.get(country)!;
  for (let i = 0; i < count; i++) {
    const id = `P${String(++n).padStart(6, '0')}`;
    const year = yearWith(growth);
    const home = pick(own, (x) => x.share ?? 0);
    // A skewed citation count with the country's (and institution's) mean: exponential of a uniform.
    const mean = meanCitations * (home.cite ?? 0.8) * (1 + (2021 - year) / 10) * 0.8;
    const citations = Math.max(0, Math.round(-Math.log(1 - rand()) * mean));
    papers.push([id, String(year), rand() < 0.08 ? 'review' : 'article', String(citations)]);
    affiliations.push([id, home.id, country]);
    const countries = [country];
    if (rand() < 0.15) {
      const [partner] = pick(COUNTRIES.filter(([c]) => c !== country), ([, p]) => p);
      const theirs = instByCountry.get(partner)!;
      affiliations.push([id, pick(theirs, (x) => x.share ?? 0).id, partner]);
      countries.push(partner);
    }
    paperRows.push({ id, year, citations, countries });
  }
}

// The top 1% flag exactly as src/metrics/sql/papers.sql computes it, to give topics their papers.
const top1 = new Set<string>();
for (const year of YEARS) {
  const ofYear = paperRows.filter((p) => p.year === year).sort((a, b) => b.citations - a.citations);
  const threshold = ofYear[Math.ceil(ofYear.length / 100) - 1]?.citations ?? Infinity;
  for (const p of ofYear) if (p.citations >= threshold && p.citations >= 1) top1.add(p.id);
}

// ---------------------------------------------------------------------------------------------
// Patents (1/150 of the published counts). Per country: patents, high-value patents, yearly growth.
const PATENTS: [string, number, number, number][] = [
  ['CN', 2587, 33, 1.28], ['US', 892, 257, 0.99], ['KR', 303, 42, 1.02], ['JP', 219, 74, 0.98], ['DE', 60, 30, 1.0],
  ['FR', 40, 14, 1.0], ['CA', 33, 6, 1.0], ['GB', 30, 8, 1.0], ['CH', 21, 10, 1.0], ['NL', 18, 12, 1.0],
  ['IN', 15, 1, 1.1], ['IT', 14, 1, 1.0], ['SE', 13, 2, 1.0], ['AU', 12, 1, 1.0], ['IL', 11, 2, 1.0], ['SG', 10, 0, 1.0], ['ES', 9, 0, 1.0],
];
// Assignees: [code, patents, of which high-value]; the rest of a country's patents go to its generic
// institutions or have no assignee.
const ASSIGNEES: [string, number, number][] = [
  ['IBM', 61, 8], ['SAMSUNG', 54, 21], ['BAIDU', 39, 0], ['SGCC', 35, 0], ['TENCENT', 33, 3], ['MICROSOFT', 31, 13], ['PINGAN', 29, 0],
  ['HUAWEI', 27, 9], ['GOOGLE', 25, 12], ['QUALCOMM', 22, 10], ['ALIBABA', 20, 5], ['XIDIAN', 18, 0], ['ZJU', 17, 0], ['SEU', 16, 0],
  ['SCUT', 15, 0], ['APPLE', 15, 7], ['PHILIPS', 8, 6], ['SONY', 12, 4], ['ZTE', 10, 2], ['XIAOMI', 8, 2], ['BOE', 8, 1], ['OPPO', 6, 1],
  ['THU', 12, 1],
];
// Value bands of the patents that are not high-value, per country: [0-10k, 10k-30k, 30k-300k, 300k-600k, 600k-1M, unknown].
const LOW_BANDS: Record<string, number[]> = {
  CN: [0.012, 0.68, 0.295, 0.006, 0.004, 0.003],
  US: [0.01, 0.22, 0.58, 0.12, 0.06, 0.01],
  other: [0.02, 0.3, 0.52, 0.1, 0.05, 0.01],
};
const BAND_RANGES: [number, number][] = [[1000, 10000], [10000, 30000], [30000, 300000], [300000, 600000], [600000, 1000000]];
const highValue = () => {
  const r = rand();
  const [lo, hi] = r < 0.7 ? [1e6, 3e6] : r < 0.95 ? [3e6, 2e7] : [2e7, 6e7];
  return Math.round(lo + rand() * (hi - lo));
};
const patents: string[][] = [['patent_id', 'year', 'country', 'assignee_id', 'value_usd']];
const patentRows: { id: string; country: string; high: boolean }[] = [];
let t = 0;
for (const [country, count, high, growth] of PATENTS) {
  const named = ASSIGNEES.filter(([code]) => instId(code).country === country);
  const slots: { assignee: string; high: boolean }[] = [];
  let highLeft = high;
  for (const [code, k, h] of named) {
    for (let i = 0; i < k; i++) slots.push({ assignee: instId(code).id, high: i < h });
    highLeft -= h;
  }
  const generic = instByCountry.get(country)!.filter((i) => /-\d+$/.test(i.id));
  const assigned = country === 'CN' ? 0.12 : 0.5;
  while (slots.length < count) slots.push({ assignee: rand() < assigned ? generic[Math.floor(rand() * generic.length)]!.id : '', high: highLeft-- > 0 });
  const bands = LOW_BANDS[country] ?? LOW_BANDS.other!;
  for (const slot of slots) {
    const id = `T${String(++t).padStart(6, '0')}`;
    // High-value patents are older on average: their value shows after some years.
    const year = slot.high ? yearWith(0.9) : yearWith(growth);
    let value = '';
    if (slot.high) value = String(highValue());
    else {
      const band = BAND_RANGES.findIndex((_, i) => rand() < bands[i]! / bands.slice(i).reduce((a, b) => a + b, 0));
      if (band >= 0) {
        const [lo, hi] = BAND_RANGES[band]!;
        value = String(Math.round(lo + rand() * (hi - lo)));
      }
    }
    patents.push([id, String(year), country, slot.assignee, value]);
    patentRows.push({ id, country, high: slot.high });
  }
}

// ---------------------------------------------------------------------------------------------
// Scholars (1/200): [country, scholars, share with h-index >= 20]; 40 smaller countries share the rest.
const TALENT: [string, number, number][] = [
  ['CN', 638, 0.056], ['US', 421, 0.246], ['JP', 77, 0.1], ['GB', 70, 0.25], ['DE', 65, 0.15], ['CA', 60, 0.15],
  ['FR', 57, 0.12], ['IT', 55, 0.12], ['IN', 52, 0.05], ['AU', 50, 0.14],
];
for (const c of [...allCountries].filter((c) => !TALENT.some(([x]) => x === c))) TALENT.push([c, 20 + Math.floor(rand() * 25), 0.1]);
const PROVINCES: [string, string, number][] = [
  ['CN-BJ', 'Beijing', 0.19], ['CN-SH', 'Shanghai', 0.095], ['CN-GD', 'Shenzhen', 0.08], ['CN-JS', 'Nanjing', 0.07], ['CN-ZJ', 'Hangzhou', 0.06],
  ['CN-HK', 'Hong Kong', 0.05], ['CN-HB', 'Wuhan', 0.045], ['CN-SN', "Xi'an", 0.04], ['CN-SC', 'Chengdu', 0.04], ['CN-HN', 'Changsha', 0.03],
  ['CN-HL', 'Harbin', 0.028], ['CN-AH', 'Hefei', 0.027], ['CN-SD', 'Jinan', 0.025], ['CN-TJ', 'Tianjin', 0.025], ['CN-LN', 'Shenyang', 0.02],
];
const CITIES: Record<string, string[]> = { US: ['Boston', 'San Francisco', 'New York', 'Seattle', 'Pittsburgh'], GB: ['London', 'Cambridge', 'Oxford'], IT: ['Milan', 'Rome'], KR: ['Seoul', 'Daejeon'], DE: ['Munich', 'Berlin'] };
// Talent shares of the named institutions within their country.
const TALENT_INST: Record<string, number> = { CAS: 0.11, UCAS: 0.036, THU: 0.033, PKU: 0.024, SJTU: 0.021, ZJU: 0.021, UCB: 0.05, UCLA: 0.04, HARVARD: 0.03, STANFORD: 0.03, MIT: 0.03, GOOGLE: 0.036, MICROSOFT: 0.036, UDICE: 0.3, LONDON: 0.15, TORONTO: 0.15, MPG: 0.15 };
const scholars: string[][] = [['scholar_id', 'country', 'institution_id', 'h_index', 'province', 'city']];
const scholarsByCountry = new Map<string, string[]>();
let s = 0;
for (const [country, count, highShare] of TALENT) {
  const own = instByCountry.get(country)!;
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = `S${String(++s).padStart(5, '0')}`;
    ids.push(id);
    const named = own.filter((x) => TALENT_INST[x.id.split('-').slice(2).join('-').toUpperCase()] !== undefined);
    const r = rand();
    let acc = 0;
    const generic = own.filter((x) => /-\d+$/.test(x.id));
    let inst = generic[Math.floor(rand() * generic.length)]!;
    for (const x of named) if (r < (acc += TALENT_INST[x.id.split('-').slice(2).join('-').toUpperCase()]!)) { inst = x; break; }
    // Universities hold more high-level talent than the rest; US companies as much as universities.
    const boost = inst.kind === 'university' || (country === 'US' && inst.kind === 'company') ? 1.3 : 0.7;
    const high = rand() < highShare * boost;
    const h = high ? 20 + Math.floor(-Math.log(1 - rand()) * 12) : Math.floor(rand() * 20);
    let province = '';
    let city = inst.city ?? '';
    if (country === 'CN') {
      const [p, c] = inst.province ? [inst.province, inst.city ?? ''] : pick(PROVINCES, ([, , w]) => w);
      province = p;
      city = c;
    } else if (!city) city = CITIES[country]?.[Math.floor(rand() * CITIES[country]!.length)] ?? '';
    scholars.push([id, country, rand() < 0.9 ? inst.id : '', String(h), province, city]);
  }
  scholarsByCountry.set(country, ids);
}

// Moves between countries: symmetric pairs (no net effect) plus a few one-way moves that make the
// net flows: the US and Italy gain, China and South Korea lose. Moves between Chinese cities too.
const moves: string[][] = [['scholar_id', 'year', 'from_country', 'to_country', 'from_city', 'to_city']];
const cityOf = (c: string) => (c === 'CN' ? pick(PROVINCES, ([, , w]) => w)[1] : CITIES[c]?.[Math.floor(rand() * CITIES[c]!.length)] ?? '');
const move = (from: string, to: string, fromCity = cityOf(from), toCity = cityOf(to)) => {
  const ids = scholarsByCountry.get(to)!;
  moves.push([ids[Math.floor(rand() * ids.length)]!, String(2012 + Math.floor(rand() * 10)), from, to, fromCity, toCity]);
};
const mobile = TALENT.slice(0, 16);
for (let i = 0; i < 300; i++) {
  const [a] = pick(mobile, ([c, k]) => (c === 'US' ? k * 2.5 : k));
  const [b] = pick(mobile.filter(([c]) => c !== a), ([, k]) => k);
  move(a, b);
  move(b, a);
}
for (const [from, to, k] of [['CN', 'US', 7], ['KR', 'US', 1], ['KR', 'IT', 1], ['FR', 'IT', 1], ['GB', 'IT', 1]] as const) for (let i = 0; i < k; i++) move(from, to);
for (let i = 0; i < 120; i++) {
  const [, a] = pick(PROVINCES, ([, , w]) => w);
  const [, b] = pick(PROVINCES.filter(([, c]) => c !== a), ([, , w]) => (w > 0.09 ? w * 1.5 : w));
  move('CN', 'CN', a, b);
}

// ---------------------------------------------------------------------------------------------
// Topics (ids and names as src/generate/topics.ts): the ten frontier technologies and the three 2022 hot technologies, with their top 1%
// papers (and those papers' yearly citations) and their patents.
const TOPICS: [string, string, string, string, number, number][] = [
  // id, zh, en, group, share of top 1% papers, share of patents
  ['T-BIO', '生物大数据', 'Biological big data', 'frontier', 0.3, 0.01],
  ['T-GAN', '生成式对抗网络算法', 'Generative adversarial networks', 'frontier', 0.07, 0.08],
  ['T-XR', '沉浸式扩展现实娱乐平台', 'Immersive extended-reality entertainment platforms', 'frontier', 0.03, 0.06],
  ['T-QC', '量子计算机', 'Quantum computers', 'frontier', 0.04, 0.08],
  ['T-PROTEIN', 'AI 解码蛋白质结构', 'AI decoding of protein structures', 'frontier', 0.08, 0.02],
  ['T-MEC', '移动边缘计算网络', 'Mobile edge computing networks', 'frontier', 0.09, 0.08],
  ['T-XAI', '可解释的 AI', 'Explainable AI', 'frontier', 0.06, 0.01],
  ['T-FL', '联邦学习', 'Federated learning', 'frontier', 0.04, 0.01],
  ['T-HYBRID', '混合计算', 'Hybrid computing', 'frontier', 0.13, 0.1],
  ['T-ENERGY', '能源区块链', 'Energy blockchain', 'frontier', 0.04, 0.02],
  ['T-AIGC', 'AIGC（人工智能生成内容）', 'AI-generated content (AIGC)', 'hot-2022', 0.1, 0.03],
  ['T-CLOUD', '云计算', 'Cloud computing', 'hot-2022', 0.1, 0.05],
  ['T-QC2022', '量子计算机', 'Quantum computers', 'hot-2022', 0.05, 0.05],
];
const topics: string[][] = [['topic_id', 'name_zh', 'name_en', 'group'], ...TOPICS.map(([id, zh, en, g]) => [id, zh, en, g])];
const paperTopics: string[][] = [['paper_id', 'topic_id']];
const citationsByYear: string[][] = [['paper_id', 'year', 'citations']];
for (const p of paperRows) {
  if (!top1.has(p.id)) continue;
  const [topic, , , , , ] = pick(TOPICS, ([, , , , w]) => w);
  paperTopics.push([p.id, topic]);
  // The paper's citations spread over the years since publication, rising for newer topics.
  const years = YEARS.filter((y) => y >= p.year);
  const rising = TOPICS.findIndex(([id]) => id === topic) % 3 === 2 ? 1.3 : 1.05;
  const weights = years.map((y) => rising ** (y - p.year));
  const total = weights.reduce((a, b) => a + b, 0);
  let left = p.citations;
  years.forEach((y, i) => {
    const c = i === years.length - 1 ? left : Math.min(left, Math.round((p.citations * weights[i]!) / total));
    left -= c;
    if (c > 0) citationsByYear.push([p.id, String(y), String(c)]);
  });
}
const patentTopics: string[][] = [['patent_id', 'topic_id']];
for (const p of patentRows) {
  if (rand() > (p.high ? 0.5 : 0.15)) continue;
  patentTopics.push([p.id, pick(TOPICS, ([, , , , , w]) => w)[0]]);
}

// ---------------------------------------------------------------------------------------------
const csv = (rows: string[][]) => rows.map((r) => r.map((v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)).join(',')).join('\n') + '\n';
mkdirSync(out, { recursive: true });
const files: [string, string[][]][] = [
  ['institutions', institutions], ['papers', papers], ['paper_affiliations', affiliations], ['patents', patents], ['scholars', scholars],
  ['scholar_moves', moves], ['topics', topics], ['paper_topics', paperTopics], ['paper_citations_by_year', citationsByYear], ['patent_topics', patentTopics],
];
for (const [name, rows] of files) writeFileSync(join(out, `${name}.csv`), csv(rows));
// The sample is a reconstruction too (dataset.yaml says so): its statement holds for these files only.
const inputs = Object.fromEntries(files.map(([name, rows]) => [name, createHash('sha256').update(csv(rows)).digest('hex')]).sort((x, y) => (x[0]! < y[0]! ? -1 : 1)));
writeFileSync(join(out, 'calibration.json'), `${JSON.stringify({ note: 'The sample: generated records, not calibrated to any published value.', inputs, entries: [] }, null, 1)}\n`);
console.log(`${out}: ${files.map(([name, rows]) => `${rows.length - 1} ${name}`).join(', ')}`);
