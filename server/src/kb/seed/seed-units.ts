// Owner units of the seed articles (承办单位). Codes are stable identifiers used in tests and seed data.
export const SEED_UNITS: ReadonlyArray<{ readonly code: string; readonly name: string }> = [
  { code: 'ybj', name: '甘孜州医疗保障局' },
  { code: 'rsj', name: '甘孜州人力资源和社会保障局' },
  { code: 'wlj', name: '甘孜州文化广播电视和旅游局' },
  { code: 'nync', name: '甘孜州农牧农村局' },
  { code: 'gdgs', name: '国网四川省电力公司甘孜供电公司' },
  { code: 'kdsw', name: '康定市自来水公司' },
  { code: 'zrzy', name: '甘孜州自然资源局（不动产登记中心）' },
  { code: 'scjg', name: '甘孜州市场监督管理局' },
  { code: 'gaj', name: '甘孜州公安局' },
  { code: 'mzj', name: '甘孜州民政局' },
  { code: 'lcj', name: '甘孜州林业和草原局' },
  { code: 'wjw', name: '甘孜州卫生健康委员会' },
  { code: 'gjj', name: '甘孜州住房公积金管理中心' },
  { code: 'rxzx', name: '甘孜州12345热线中心' },
  { code: 'jtj', name: '甘孜州交通运输局' },
  { code: 'jyj', name: '甘孜州教育和体育局' },
];
