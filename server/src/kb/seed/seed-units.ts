// Owner units of the seed articles (承办单位): short codes used by the search tests and benchmark, and the
// org-tree unit (src/org/ganzi-org.ts) each maps to when the seed is loaded into the database.
export const SEED_UNITS: ReadonlyArray<{
  readonly code: string;
  readonly name: string;
  readonly orgUnitId: string;
}> = [
  { code: 'ybj', orgUnitId: 'dept-yibao', name: '甘孜州医疗保障局' },
  { code: 'rsj', orgUnitId: 'dept-renshe', name: '甘孜州人力资源和社会保障局' },
  { code: 'wlj', orgUnitId: 'dept-wenlv', name: '甘孜州文化广播电视和旅游局' },
  { code: 'nync', orgUnitId: 'dept-nongnong', name: '甘孜州农牧农村局' },
  { code: 'gdgs', orgUnitId: 'dept-gongdian', name: '国网四川省电力公司甘孜供电公司' },
  { code: 'kdsw', orgUnitId: 'dept-zilaishui', name: '康定市自来水公司' },
  { code: 'zrzy', orgUnitId: 'dept-ziranziyuan', name: '甘孜州自然资源局（不动产登记中心）' },
  { code: 'scjg', orgUnitId: 'dept-shijian', name: '甘孜州市场监督管理局' },
  { code: 'gaj', orgUnitId: 'dept-gongan', name: '甘孜州公安局' },
  { code: 'mzj', orgUnitId: 'dept-minzheng', name: '甘孜州民政局' },
  { code: 'lcj', orgUnitId: 'dept-shengtai', name: '甘孜州林业和草原局' },
  { code: 'wjw', orgUnitId: 'dept-weijian', name: '甘孜州卫生健康委员会' },
  { code: 'gjj', orgUnitId: 'dept-zhujian', name: '甘孜州住房公积金管理中心' },
  { code: 'rxzx', orgUnitId: 'center', name: '甘孜州12345热线中心' },
  { code: 'jtj', orgUnitId: 'dept-jiaotong', name: '甘孜州交通运输局' },
  { code: 'jyj', orgUnitId: 'dept-jiaoyu', name: '甘孜州教育和体育局' },
];
