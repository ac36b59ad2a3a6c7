// The organisation tree of Ganzi Prefecture's 12345 hotline (regulation ch. 2). Pure data.
import type { OrgUnitTable } from '../db/schema.ts';

export const COUNTIES = [
  ['kangding', '康定市'],
  ['luding', '泸定县'],
  ['danba', '丹巴县'],
  ['jiulong', '九龙县'],
  ['yajiang', '雅江县'],
  ['daofu', '道孚县'],
  ['luhuo', '炉霍县'],
  ['ganzi', '甘孜县'],
  ['xinlong', '新龙县'],
  ['dege', '德格县'],
  ['baiyu', '白玉县'],
  ['shiqu', '石渠县'],
  ['seda', '色达县'],
  ['litang', '理塘县'],
  ['batang', '巴塘县'],
  ['xiangcheng', '乡城县'],
  ['daocheng', '稻城县'],
  ['derong', '得荣县'],
] as const;

export const DEPARTMENTS = [
  ['zhujian', '州住房和城乡建设局'],
  ['renshe', '州人力资源和社会保障局'],
  ['yibao', '州医疗保障局'],
  ['shijian', '州市场监督管理局'],
  ['shengtai', '州生态环境局'],
  ['jiaotong', '州交通运输局'],
  ['wenlv', '州文化广播电视和旅游局'],
  ['gongdian', '国网甘孜供电公司'],
  ['zilaishui', '州自来水公司'],
  ['gongan', '州公安局'],
  ['jiaoyu', '州教育和体育局'],
  ['weijian', '州卫生健康委员会'],
  ['minzheng', '州民政局'],
  ['ziranziyuan', '州自然资源局'],
  ['nongnong', '州农业农村局'],
] as const;

type OrgUnit = Omit<OrgUnitTable, never>;

export function ganziOrgTree(): OrgUnit[] {
  const units: OrgUnit[] = [
    { id: 'prefecture', parent_id: null, name: '甘孜藏族自治州', kind: 'authority', sort: 0 },
    { id: 'center', parent_id: 'prefecture', name: '甘孜州12345热线中心', kind: 'center', sort: 1 },
    { id: 'authority', parent_id: 'prefecture', name: '甘孜州12345热线主管单位', kind: 'authority', sort: 2 },
  ];
  COUNTIES.forEach(([code, name], i) => {
    units.push({ id: `county-${code}`, parent_id: 'prefecture', name, kind: 'county', sort: 10 + i });
    units.push({
      id: `county-${code}-office`,
      parent_id: `county-${code}`,
      name: `${name}12345热线管理机构`,
      kind: 'county_office',
      sort: 0,
    });
  });
  DEPARTMENTS.forEach(([code, name], i) => {
    units.push({ id: `dept-${code}`, parent_id: 'prefecture', name, kind: 'department', sort: 100 + i });
  });
  return units;
}
