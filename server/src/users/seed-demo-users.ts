// Demo accounts for `npm run up`: one (or two) per role, all with the password generated for this run.
// Existing demo accounts get the new password, so the printed logins always work.
import { LANGUAGES } from '@hotline/queue';
import type { Kysely } from 'kysely';
import { hashPassword } from '../auth/passwords.ts';
import type { Role } from '../auth/roles.ts';
import type { Database } from '../db/schema.ts';

export interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
  orgUnitId: string;
  agentSkills?: Record<string, number>;
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'agent1',
    displayName: '话务员 王芳',
    roles: ['agent'],
    orgUnitId: 'center',
    agentSkills: { [LANGUAGES.mandarin]: 5, [LANGUAGES.sichuanese]: 5 },
  },
  {
    username: 'agent2',
    displayName: '话务员 卓玛',
    roles: ['agent'],
    orgUnitId: 'center',
    agentSkills: { [LANGUAGES.khams]: 5, [LANGUAGES.mandarin]: 4 },
  },
  { username: 'lead1', displayName: '值班长 李强', roles: ['shift_lead'], orgUnitId: 'center' },
  { username: 'dispatcher1', displayName: '派单员 张敏', roles: ['dispatcher'], orgUnitId: 'center' },
  { username: 'authority1', displayName: '主管单位 刘洋', roles: ['authority'], orgUnitId: 'authority' },
  {
    username: 'kangding1',
    displayName: '康定市热线办 扎西',
    roles: ['county_office'],
    orgUnitId: 'county-kangding-office',
  },
  { username: 'zhujian1', displayName: '州住建局 经办人', roles: ['unit_staff'], orgUnitId: 'dept-zhujian' },
  {
    username: 'zhujian_lead',
    displayName: '州住建局 分管负责人',
    roles: ['unit_leader'],
    orgUnitId: 'dept-zhujian',
  },
  { username: 'kbeditor1', displayName: '知识库编辑 陈静', roles: ['kb_editor'], orgUnitId: 'center' },
  { username: 'auditor1', displayName: '社会监督评议员', roles: ['auditor'], orgUnitId: 'authority' },
  { username: 'admin', displayName: '系统管理员', roles: ['admin'], orgUnitId: 'center' },
];

export async function seedDemoUsers(db: Kysely<Database>, password: string): Promise<readonly DemoUser[]> {
  const password_hash = await hashPassword(password);
  for (const u of DEMO_USERS) {
    await db
      .insertInto('app_user')
      .values({
        username: u.username,
        display_name: u.displayName,
        password_hash,
        roles: [...u.roles],
        org_unit_id: u.orgUnitId,
        must_change_password: false,
        agent_skills: JSON.stringify(u.agentSkills ?? {}),
      })
      .onConflict((oc) =>
        oc
          .column('username')
          .doUpdateSet({ password_hash, roles: [...u.roles], org_unit_id: u.orgUnitId, disabled: false }),
      )
      .execute();
  }
  return DEMO_USERS;
}
