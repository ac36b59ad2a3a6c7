// The roles of the 12345 hotline (regulation ch. 2). Data only.
export const ROLES = [
  'agent', // 话务员/坐席
  'shift_lead', // 值班长
  'dispatcher', // 派单/审核员（热线中心）
  'authority', // 热线主管单位（督办）
  'county_office', // 县(市)热线管理机构
  'unit_staff', // 承办单位经办人
  'unit_leader', // 承办单位分管负责人（退件签批）
  'kb_editor', // 知识库编辑
  'auditor', // 社会监督评议团（只读）
  'admin', // 系统管理员
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  agent: { zh: '话务员', en: 'Agent' },
  shift_lead: { zh: '值班长', en: 'Shift lead' },
  dispatcher: { zh: '派单审核员', en: 'Dispatcher / reviewer' },
  authority: { zh: '热线主管单位', en: 'Hotline authority' },
  county_office: { zh: '县(市)热线办', en: 'County hotline office' },
  unit_staff: { zh: '承办单位经办人', en: 'Handling-unit staff' },
  unit_leader: { zh: '承办单位负责人', en: 'Handling-unit leader' },
  kb_editor: { zh: '知识库编辑', en: 'Knowledge-base editor' },
  auditor: { zh: '社会监督评议员', en: 'Social supervision panel' },
  admin: { zh: '系统管理员', en: 'Administrator' },
};

export function isRole(x: string): x is Role {
  return (ROLES as readonly string[]).includes(x);
}
