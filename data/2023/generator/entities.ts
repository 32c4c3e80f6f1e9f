/**
 * The entities of the reconstructed dataset: countries, named institutions (with their roll-up
 * hierarchies), generic institutions, Chinese provinces and cities. Names are real where the report
 * names them; the many unnamed institutions are generic ("<country> institution N").
 */
import countries from 'i18n-iso-countries';
import { apportion } from './util.ts';

/** Countries with their own calibration targets. */
export const MAIN_COUNTRIES = ['US', 'CN', 'DE', 'GB', 'IN', 'JP', 'KR', 'CA', 'IT', 'FR', 'AU', 'ES', 'NL', 'CH'] as const;

/**
 * The rest of the world, roughly by research output. Their totals are not published: each gets a
 * geometric share of what the published totals leave over. Taiwan is not among them: the report
 * counts its institutions under China (TSMC is one of China's high-value patent holders) and its maps
 * follow China's standard map, so it is not a country of its own here.
 */
export const REST_OF_WORLD = [
  'RU', 'BR', 'IR', 'SE', 'SG', 'BE', 'PL', 'TR', 'DK', 'PT', 'AT', 'IL', 'SA', 'FI', 'NO', 'MY', 'IE', 'GR', 'MX', 'CZ',
  'NZ', 'EG', 'PK', 'ZA', 'TH', 'AR', 'CL', 'HU', 'RO', 'VN', 'ID', 'UA', 'CO', 'NG', 'QA', 'AE', 'SK', 'SI', 'HR', 'RS',
  'TN', 'DZ', 'MA', 'BD', 'LK', 'KE', 'PE', 'EC', 'LU', 'IS', 'EE', 'LT', 'LV', 'CY', 'MT', 'JO', 'LB', 'IQ', 'KW', 'OM',
  'BG', 'BY', 'KZ', 'NP', 'ET', 'GH', 'UY', 'CR', 'PH',
] as const;

export const ALL_COUNTRIES: readonly string[] = [...MAIN_COUNTRIES, ...REST_OF_WORLD];

export function countryName(code: string, lang: 'en' | 'zh'): string {
  return countries.getName(code, lang) ?? code;
}

export type Kind = 'university' | 'institute' | 'company' | 'government' | 'other';

export interface Institution {
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly country: string;
  readonly kind: Kind;
  readonly parent: string | null;
  readonly province: string | null;
  readonly city: string | null;
}

/** Chinese provinces (ISO 3166-2:CN) with their main research city. */
export const PROVINCES: readonly { code: string; zh: string; en: string; city: string }[] = [
  { code: 'CN-BJ', zh: '北京', en: 'Beijing', city: 'Beijing' },
  { code: 'CN-SH', zh: '上海', en: 'Shanghai', city: 'Shanghai' },
  { code: 'CN-JS', zh: '江苏', en: 'Jiangsu', city: 'Nanjing' },
  { code: 'CN-HB', zh: '湖北', en: 'Hubei', city: 'Wuhan' },
  { code: 'CN-GD', zh: '广东', en: 'Guangdong', city: 'Guangzhou' },
  { code: 'CN-ZJ', zh: '浙江', en: 'Zhejiang', city: 'Hangzhou' },
  { code: 'CN-SN', zh: '陕西', en: 'Shaanxi', city: "Xi'an" },
  { code: 'CN-SC', zh: '四川', en: 'Sichuan', city: 'Chengdu' },
  { code: 'CN-HK', zh: '香港', en: 'Hong Kong', city: 'Hong Kong' },
  { code: 'CN-AH', zh: '安徽', en: 'Anhui', city: 'Hefei' },
  { code: 'CN-HN', zh: '湖南', en: 'Hunan', city: 'Changsha' },
  { code: 'CN-LN', zh: '辽宁', en: 'Liaoning', city: 'Shenyang' },
  { code: 'CN-HL', zh: '黑龙江', en: 'Heilongjiang', city: 'Harbin' },
  { code: 'CN-SD', zh: '山东', en: 'Shandong', city: 'Jinan' },
  { code: 'CN-TJ', zh: '天津', en: 'Tianjin', city: 'Tianjin' },
  { code: 'CN-CQ', zh: '重庆', en: 'Chongqing', city: 'Chongqing' },
  { code: 'CN-FJ', zh: '福建', en: 'Fujian', city: 'Xiamen' },
  { code: 'CN-JL', zh: '吉林', en: 'Jilin', city: 'Changchun' },
  { code: 'CN-HA', zh: '河南', en: 'Henan', city: 'Zhengzhou' },
  { code: 'CN-HE', zh: '河北', en: 'Hebei', city: 'Shijiazhuang' },
  { code: 'CN-JX', zh: '江西', en: 'Jiangxi', city: 'Nanchang' },
  { code: 'CN-SX', zh: '山西', en: 'Shanxi', city: 'Taiyuan' },
  { code: 'CN-YN', zh: '云南', en: 'Yunnan', city: 'Kunming' },
  { code: 'CN-GS', zh: '甘肃', en: 'Gansu', city: 'Lanzhou' },
  { code: 'CN-GX', zh: '广西', en: 'Guangxi', city: 'Nanning' },
  { code: 'CN-GZ', zh: '贵州', en: 'Guizhou', city: 'Guiyang' },
  { code: 'CN-MO', zh: '澳门', en: 'Macao', city: 'Macao' },
  { code: 'CN-NM', zh: '内蒙古', en: 'Inner Mongolia', city: 'Hohhot' },
  { code: 'CN-XJ', zh: '新疆', en: 'Xinjiang', city: 'Urumqi' },
  { code: 'CN-HI', zh: '海南', en: 'Hainan', city: 'Haikou' },
  { code: 'CN-NX', zh: '宁夏', en: 'Ningxia', city: 'Yinchuan' },
  { code: 'CN-QH', zh: '青海', en: 'Qinghai', city: 'Xining' },
  { code: 'CN-XZ', zh: '西藏', en: 'Tibet', city: 'Lhasa' },
];

/** Second cities, for more realistic moves and institutions (province code → cities). */
export const EXTRA_CITIES: Readonly<Record<string, readonly string[]>> = {
  'CN-GD': ['Shenzhen'],
  'CN-JS': ['Suzhou'],
  'CN-LN': ['Dalian'],
  'CN-SD': ['Qingdao'],
  'CN-FJ': ['Fuzhou'],
};

interface Named {
  id: string;
  zh: string;
  en: string;
  country: string;
  kind: Kind;
  province?: string;
  /** Roll-up children: [zh, en, province?] */
  children?: readonly (readonly [string, string, string?])[];
}

const CAS_INSTITUTES: readonly (readonly [string, string, string])[] = [
  ['中国科学院计算技术研究所', 'CAS Institute of Computing Technology', 'CN-BJ'],
  ['中国科学院自动化研究所', 'CAS Institute of Automation', 'CN-BJ'],
  ['中国科学院软件研究所', 'CAS Institute of Software', 'CN-BJ'],
  ['中国科学院信息工程研究所', 'CAS Institute of Information Engineering', 'CN-BJ'],
  ['中国科学院数学与系统科学研究院', 'CAS Academy of Mathematics and Systems Science', 'CN-BJ'],
  ['中国科学院物理研究所', 'CAS Institute of Physics', 'CN-BJ'],
  ['中国科学院半导体研究所', 'CAS Institute of Semiconductors', 'CN-BJ'],
  ['中国科学院空天信息创新研究院', 'CAS Aerospace Information Research Institute', 'CN-BJ'],
  ['中国科学院上海微系统与信息技术研究所', 'CAS Shanghai Institute of Microsystem and Information Technology', 'CN-SH'],
  ['中国科学院上海光学精密机械研究所', 'CAS Shanghai Institute of Optics and Fine Mechanics', 'CN-SH'],
  ['中国科学院合肥物质科学研究院', 'CAS Hefei Institutes of Physical Science', 'CN-AH'],
  ['中国科学院沈阳自动化研究所', 'CAS Shenyang Institute of Automation', 'CN-LN'],
  ['中国科学院深圳先进技术研究院', 'CAS Shenzhen Institutes of Advanced Technology', 'CN-GD'],
  ['中国科学院武汉物理与数学研究所', 'CAS Wuhan Institute of Physics and Mathematics', 'CN-HB'],
  ['中国科学院西安光学精密机械研究所', 'CAS Xi\'an Institute of Optics and Precision Mechanics', 'CN-SN'],
  ['中国科学院成都计算机应用研究所', 'CAS Chengdu Institute of Computer Applications', 'CN-SC'],
  ['中国科学院苏州纳米技术与纳米仿生研究所', 'CAS Suzhou Institute of Nano-Tech and Nano-Bionics', 'CN-JS'],
  ['中国科学院宁波材料技术与工程研究所', 'CAS Ningbo Institute of Materials Technology and Engineering', 'CN-ZJ'],
];

const NAMED: readonly Named[] = [
  { id: 'I-CAS', zh: '中国科学院', en: 'Chinese Academy of Sciences', country: 'CN', kind: 'institute', province: 'CN-BJ', children: CAS_INSTITUTES },
  { id: 'I-UCAS', zh: '中国科学院大学', en: 'University of Chinese Academy of Sciences', country: 'CN', kind: 'university', province: 'CN-BJ' },
  { id: 'I-TSINGHUA', zh: '清华大学', en: 'Tsinghua University', country: 'CN', kind: 'university', province: 'CN-BJ' },
  { id: 'I-PKU', zh: '北京大学', en: 'Peking University', country: 'CN', kind: 'university', province: 'CN-BJ' },
  { id: 'I-SJTU', zh: '上海交通大学', en: 'Shanghai Jiao Tong University', country: 'CN', kind: 'university', province: 'CN-SH' },
  { id: 'I-ZJU', zh: '浙江大学', en: 'Zhejiang University', country: 'CN', kind: 'university', province: 'CN-ZJ' },
  { id: 'I-NJU', zh: '南京大学', en: 'Nanjing University', country: 'CN', kind: 'university', province: 'CN-JS' },
  { id: 'I-HIT', zh: '哈尔滨工业大学', en: 'Harbin Institute of Technology', country: 'CN', kind: 'university', province: 'CN-HL' },
  { id: 'I-FUDAN', zh: '复旦大学', en: 'Fudan University', country: 'CN', kind: 'university', province: 'CN-SH' },
  { id: 'I-HKUST', zh: '香港科技大学', en: 'Hong Kong University of Science and Technology', country: 'CN', kind: 'university', province: 'CN-HK' },
  { id: 'I-RUC', zh: '中国人民大学', en: 'Renmin University of China', country: 'CN', kind: 'university', province: 'CN-BJ' },
  { id: 'I-XIDIAN', zh: '西安电子科技大学', en: 'Xidian University', country: 'CN', kind: 'university', province: 'CN-SN' },
  { id: 'I-SEU', zh: '东南大学', en: 'Southeast University', country: 'CN', kind: 'university', province: 'CN-JS' },
  { id: 'I-SCUT', zh: '华南理工大学', en: 'South China University of Technology', country: 'CN', kind: 'university', province: 'CN-GD' },
  { id: 'I-BAIDU', zh: '百度', en: 'Baidu', country: 'CN', kind: 'company', province: 'CN-BJ' },
  { id: 'I-STATEGRID', zh: '国家电网', en: 'State Grid Corporation of China', country: 'CN', kind: 'company', province: 'CN-BJ' },
  { id: 'I-TENCENT', zh: '腾讯', en: 'Tencent', country: 'CN', kind: 'company', province: 'CN-GD' },
  { id: 'I-PINGAN', zh: '平安科技', en: 'Ping An Technology', country: 'CN', kind: 'company', province: 'CN-GD' },
  { id: 'I-HUAWEI', zh: '华为', en: 'Huawei', country: 'CN', kind: 'company', province: 'CN-GD' },
  { id: 'I-ALIBABA', zh: '阿里巴巴', en: 'Alibaba', country: 'CN', kind: 'company', province: 'CN-ZJ' },
  { id: 'I-ZTE', zh: '中兴通讯', en: 'ZTE', country: 'CN', kind: 'company', province: 'CN-GD' },
  // The report lists TSMC and HTC under China; kept as printed (see published-2023.yaml meta).
  { id: 'I-TSMC', zh: '台积电', en: 'TSMC', country: 'CN', kind: 'company' },
  { id: 'I-XIAOMI', zh: '小米', en: 'Xiaomi', country: 'CN', kind: 'company', province: 'CN-BJ' },
  { id: 'I-BOE', zh: '京东方', en: 'BOE Technology', country: 'CN', kind: 'company', province: 'CN-BJ' },
  { id: 'I-OPPO', zh: 'OPPO', en: 'OPPO', country: 'CN', kind: 'company', province: 'CN-GD' },
  { id: 'I-HTC', zh: '宏达电子', en: 'HTC', country: 'CN', kind: 'company' },
  {
    id: 'I-UC', zh: '美国加州大学', en: 'University of California', country: 'US', kind: 'university',
    children: [
      ['加州大学伯克利分校', 'University of California, Berkeley'], ['加州大学洛杉矶分校', 'University of California, Los Angeles'],
      ['加州大学圣地亚哥分校', 'University of California, San Diego'], ['加州大学戴维斯分校', 'University of California, Davis'],
      ['加州大学欧文分校', 'University of California, Irvine'], ['加州大学圣塔芭芭拉分校', 'University of California, Santa Barbara'],
      ['加州大学圣克鲁兹分校', 'University of California, Santa Cruz'], ['加州大学河滨分校', 'University of California, Riverside'],
      ['加州大学旧金山分校', 'University of California, San Francisco'], ['加州大学默塞德分校', 'University of California, Merced'],
    ],
  },
  { id: 'I-HARVARD', zh: '哈佛大学', en: 'Harvard University', country: 'US', kind: 'university' },
  {
    id: 'I-DOE', zh: '美国能源部', en: 'US Department of Energy', country: 'US', kind: 'government',
    children: [
      ['阿贡国家实验室', 'Argonne National Laboratory'], ['橡树岭国家实验室', 'Oak Ridge National Laboratory'],
      ['劳伦斯伯克利国家实验室', 'Lawrence Berkeley National Laboratory'], ['劳伦斯利弗莫尔国家实验室', 'Lawrence Livermore National Laboratory'],
      ['洛斯阿拉莫斯国家实验室', 'Los Alamos National Laboratory'], ['桑迪亚国家实验室', 'Sandia National Laboratories'],
      ['布鲁克海文国家实验室', 'Brookhaven National Laboratory'], ['西北太平洋国家实验室', 'Pacific Northwest National Laboratory'],
      ['费米国家加速器实验室', 'Fermi National Accelerator Laboratory'], ['SLAC 国家加速器实验室', 'SLAC National Accelerator Laboratory'],
      // The report: DOE "下设 24 个国家实验室和技术中心" (24 national laboratories and technology centres).
      ['艾姆斯国家实验室', 'Ames National Laboratory'], ['爱达荷国家实验室', 'Idaho National Laboratory'],
      ['国家能源技术实验室', 'National Energy Technology Laboratory'], ['国家可再生能源实验室', 'National Renewable Energy Laboratory'],
      ['普林斯顿等离子体物理实验室', 'Princeton Plasma Physics Laboratory'], ['萨凡纳河国家实验室', 'Savannah River National Laboratory'],
      ['托马斯·杰斐逊国家加速器装置', 'Thomas Jefferson National Accelerator Facility'], ['堪萨斯城国家安全园区', 'Kansas City National Security Campus'],
      ['内华达国家安全基地', 'Nevada National Security Site'], ['潘特克斯工厂', 'Pantex Plant'],
      ['Y-12 国家安全综合体', 'Y-12 National Security Complex'], ['科学技术信息办公室', 'Office of Scientific and Technical Information'],
      ['废物隔离试验工厂', 'Waste Isolation Pilot Plant'], ['国家核安全管理局', 'National Nuclear Security Administration'],
    ],
  },
  { id: 'I-STANFORD', zh: '斯坦福大学', en: 'Stanford University', country: 'US', kind: 'university' },
  { id: 'I-MIT', zh: '麻省理工学院', en: 'Massachusetts Institute of Technology', country: 'US', kind: 'university' },
  {
    id: 'I-UTEXAS', zh: '德克萨斯大学', en: 'University of Texas System', country: 'US', kind: 'university',
    children: [['德克萨斯大学奥斯汀分校', 'University of Texas at Austin'], ['德克萨斯大学达拉斯分校', 'University of Texas at Dallas'], ['德克萨斯大学阿灵顿分校', 'University of Texas at Arlington']],
  },
  { id: 'I-GOOGLE', zh: '谷歌', en: 'Google', country: 'US', kind: 'company' },
  { id: 'I-MICROSOFT', zh: '微软', en: 'Microsoft', country: 'US', kind: 'company' },
  { id: 'I-IBM', zh: 'IBM', en: 'IBM', country: 'US', kind: 'company' },
  { id: 'I-INTEL', zh: '英特尔', en: 'Intel', country: 'US', kind: 'company' },
  { id: 'I-QUALCOMM', zh: '高通', en: 'Qualcomm', country: 'US', kind: 'company' },
  { id: 'I-APPLE', zh: '苹果', en: 'Apple', country: 'US', kind: 'company' },
  { id: 'I-SAMSUNG', zh: '三星', en: 'Samsung', country: 'KR', kind: 'company' },
  { id: 'I-SONY', zh: '索尼', en: 'Sony', country: 'JP', kind: 'company' },
  { id: 'I-PHILIPS', zh: '飞利浦', en: 'Philips', country: 'NL', kind: 'company' },
  {
    id: 'I-UDICE', zh: '法国研究型大学联盟（UDICE）', en: 'UDICE (French research universities)', country: 'FR', kind: 'university',
    children: [
      ['艾克斯-马赛大学', 'Aix-Marseille University'], ['波尔多大学', 'University of Bordeaux'], ['巴黎西岱大学', 'Université Paris Cité'],
      ['格勒诺布尔-阿尔卑斯大学', 'Université Grenoble Alpes'], ['蔚蓝海岸大学', 'Université Côte d\'Azur'], ['巴黎文理研究大学', 'PSL University'],
      ['巴黎-萨克雷大学', 'Université Paris-Saclay'], ['索邦大学', 'Sorbonne University'], ['斯特拉斯堡大学', 'University of Strasbourg'],
      ['蒙彼利埃大学', 'University of Montpellier'],
    ],
  },
  { id: 'I-CNRS', zh: '法国国家科学研究中心', en: 'French National Centre for Scientific Research (CNRS)', country: 'FR', kind: 'institute' },
  {
    id: 'I-ULONDON', zh: '伦敦大学', en: 'University of London', country: 'GB', kind: 'university',
    children: [
      ['伦敦大学学院', 'University College London'], ['伦敦国王学院', "King's College London"], ['伦敦玛丽女王大学', 'Queen Mary University of London'],
      ['伦敦政治经济学院', 'London School of Economics'], ['伦敦大学皇家霍洛威学院', 'Royal Holloway, University of London'], ['伦敦大学伯贝克学院', 'Birkbeck, University of London'],
    ],
  },
  {
    id: 'I-MPG', zh: '马克斯·普朗克学会', en: 'Max Planck Society', country: 'DE', kind: 'institute',
    children: [
      ['马普信息学研究所', 'Max Planck Institute for Informatics'], ['马普智能系统研究所', 'Max Planck Institute for Intelligent Systems'],
      ['马普软件系统研究所', 'Max Planck Institute for Software Systems'], ['马普量子光学研究所', 'Max Planck Institute of Quantum Optics'],
      ['马普数学研究所', 'Max Planck Institute for Mathematics'],
    ],
  },
  { id: 'I-UTORONTO', zh: '多伦多大学', en: 'University of Toronto', country: 'CA', kind: 'university' },
  { id: 'I-RAS', zh: '俄罗斯科学院', en: 'Russian Academy of Sciences', country: 'RU', kind: 'institute' },
];

const provinceCity = (code: string | undefined) => (code ? PROVINCES.find((p) => p.code === code)?.city ?? null : null);

/** Named top-level institutions and their children, in a fixed order. */
export function namedInstitutions(): Institution[] {
  const out: Institution[] = [];
  for (const n of NAMED) {
    out.push({ id: n.id, nameZh: n.zh, nameEn: n.en, country: n.country, kind: n.kind, parent: null, province: n.province ?? null, city: provinceCity(n.province) });
    (n.children ?? []).forEach(([zh, en, prov], i) => {
      const province = n.country === 'CN' ? (prov ?? n.province ?? null) : null;
      out.push({ id: `${n.id}-${String(i + 1).padStart(2, '0')}`, nameZh: zh, nameEn: en, country: n.country, kind: n.kind, parent: n.id, province, city: provinceCity(province ?? undefined) });
    });
  }
  return out;
}

/** Ids of the units a named institution's records are attached to: its children if it has any. */
export function unitsOf(all: readonly Institution[], id: string): string[] {
  const kids = all.filter((i) => i.parent === id).map((i) => i.id);
  return kids.length > 0 ? kids : [id];
}

/**
 * Generic institutions of a country: `count` of them with Zipf-like weights flattened enough that
 * none of them reaches the published top-10 lists. Chinese ones get a province and city.
 */
export function genericInstitutions(country: string, count: number): Institution[] {
  const out: Institution[] = [];
  const en = countryName(country, 'en');
  const zh = countryName(country, 'zh');
  for (let i = 1; i <= count; i++) {
    const kind: Kind = i % 9 === 0 ? 'company' : i % 7 === 0 ? 'institute' : 'university';
    // Plainly generic names: these institutions stand for the many the report does not name.
    const noun = kind === 'company' ? ['company', '企业'] : kind === 'institute' ? ['research institute', '研究机构'] : ['university', '高校'];
    const code = `${country}-${String(i).padStart(4, '0')}`;
    const prov = country === 'CN' ? PROVINCES[cnProvinceSlots(count)[i - 1]!]! : null;
    out.push({
      id: `I-${country}-${String(i).padStart(4, '0')}`,
      nameZh: `${zh}未具名${noun[1]} ${code}`,
      nameEn: `Unnamed ${noun[0]} ${code} (${en})`,
      country,
      kind,
      parent: null,
      province: prov?.code ?? null,
      city: prov ? (EXTRA_CITIES[prov.code] && i % 3 === 0 ? EXTRA_CITIES[prov.code]![0]! : prov.city) : null,
    });
  }
  return out;
}

/**
 * Where generic Chinese institutions are: in proportion to each province's researchers (the talent
 * chapter's ranking), so no single generic institution grows large in Beijing.
 */
const PROVINCE_WEIGHT: Readonly<Record<string, number>> = {
  'CN-BJ': 24, 'CN-SH': 12, 'CN-JS': 11.6, 'CN-HB': 11, 'CN-GD': 10.4, 'CN-ZJ': 7.9, 'CN-SN': 6.7, 'CN-SC': 5.6, 'CN-HK': 4.9, 'CN-AH': 4.3,
};
function cnProvinceSlots(count: number): number[] {
  const parts = apportion(count, PROVINCES.map((p) => PROVINCE_WEIGHT[p.code] ?? 1.2));
  // Interleave provinces so that institution numbers do not encode the province.
  const slots: number[] = [];
  const left = parts.slice();
  while (slots.length < count) for (let p = 0; p < left.length; p++) if (left[p]! > 0) { slots.push(p); left[p]!--; }
  return slots;
}

/** Weight of the r-th (0-based) generic institution: flattened Zipf. */
export const genericWeight = (r: number): number => 1 / Math.pow(r + 8, 0.75);
