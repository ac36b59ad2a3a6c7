// Place and agency names of Ganzi Prefecture (甘孜藏族自治州), used as a custom segmentation dictionary
// and as the county list for filters and boosts. Codes are the national administrative division codes.

export interface County {
  readonly code: string;
  readonly name: string;
  /** the name without 县/市, as callers usually say it (康定, 理塘) */
  readonly short: string;
}

const COUNTY_ROWS: ReadonlyArray<readonly [string, string]> = [
  ['513301', '康定市'],
  ['513322', '泸定县'],
  ['513323', '丹巴县'],
  ['513324', '九龙县'],
  ['513325', '雅江县'],
  ['513326', '道孚县'],
  ['513327', '炉霍县'],
  ['513328', '甘孜县'],
  ['513329', '新龙县'],
  ['513330', '德格县'],
  ['513331', '白玉县'],
  ['513332', '石渠县'],
  ['513333', '色达县'],
  ['513334', '理塘县'],
  ['513335', '巴塘县'],
  ['513336', '乡城县'],
  ['513337', '稻城县'],
  ['513338', '得荣县'],
];

export const COUNTIES: readonly County[] = Object.freeze(
  COUNTY_ROWS.map(([code, name]) => Object.freeze({ code, name, short: name.slice(0, -1) })),
);

const byKey = new Map<string, County>();
for (const c of COUNTIES) {
  byKey.set(c.code, c);
  byKey.set(c.name, c);
  byKey.set(c.short, c);
}

/** Finds a county by code (513334), full name (理塘县) or short name (理塘). */
export function findCounty(key: string): County | undefined {
  return byKey.get(key.trim());
}

/** Towns, scenic areas and other local names agents hear on calls. */
export const LOCAL_PLACES: readonly string[] = [
  '甘孜州',
  '甘孜藏族自治州',
  '炉城镇',
  '姑咱镇',
  '新都桥镇',
  '塔公镇',
  '磨西镇',
  '海螺沟',
  '折多山',
  '跑马山',
  '木格措',
  '贡嘎山',
  '亚丁',
  '稻城亚丁',
  '香格里拉镇',
  '桑堆镇',
  '高城镇',
  '甲洼镇',
  '毛垭坝',
  '鲜水镇',
  '新都镇',
  '更庆镇',
  '尼呷镇',
  '色柯镇',
  '夏邛镇',
  '松麦镇',
  '章谷镇',
  '呷尔镇',
  '河口镇',
  '丹巴藏寨',
  '甲居藏寨',
  '泸定桥',
  '康定机场',
  '稻城亚丁机场',
  '甘孜格萨尔机场',
  '雅康高速',
  '川藏线',
  '318国道',
];

/** Agency names (abbreviations as used on the hotline). */
export const AGENCIES: readonly string[] = [
  '州医保局',
  '州人社局',
  '州市场监管局',
  '州自然资源局',
  '州住建局',
  '州文广旅局',
  '州林草局',
  '州公安局',
  '州税务局',
  '州民政局',
  '州教育局',
  '州卫健委',
  '州交通运输局',
  '州农牧农村局',
  '州政务服务局',
  '州12345热线中心',
  '县医保局',
  '县人社局',
  '不动产登记中心',
  '国网甘孜供电公司',
  '康定市自来水公司',
  '政务服务中心',
  '医保经办机构',
];

/** Domain words jieba's default dictionary splits badly. */
export const DOMAIN_WORDS: readonly string[] = [
  '医保',
  '社保',
  '社保卡',
  '社会保障卡',
  '医疗保险',
  '养老保险',
  '城乡居民',
  '异地就医',
  '医保报销',
  '门诊慢特病',
  '虫草',
  '虫草采集',
  '采集证',
  '供电报修',
  '停电',
  '停水',
  '自来水',
  '不动产',
  '不动产登记',
  '不动产权证',
  '农民工',
  '欠薪',
  '营业执照',
  '个体工商户',
  '高原反应',
  '高反',
  '公积金',
  '低保',
  '残疾证',
  '居住证',
  '身份证',
  '户口迁移',
  '驾驶证',
  '包虫病',
  '草原防火',
  '12345',
];

/** The jieba user dictionary ("word freq tag" lines). High frequencies make jieba keep the words whole. */
export function ganziUserDictionary(extra: readonly string[] = []): string {
  const lines: string[] = [];
  for (const c of COUNTIES) lines.push(`${c.name} 200000 ns`, `${c.short} 100000 ns`);
  for (const w of LOCAL_PLACES) lines.push(`${w} 100000 ns`);
  for (const w of AGENCIES) lines.push(`${w} 100000 nt`);
  for (const w of [...DOMAIN_WORDS, ...extra]) lines.push(`${w} 50000 n`);
  return `${lines.join('\n')}\n`;
}
