// Use case run by the KB timer: publish scheduled articles whose time has come, expire published
// articles past their expiry date (system actor, logged like any other step).
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { chinaDay } from '../workflow/policy-registration.ts';
import { stepWorkflow } from './step-workflow.ts';

export async function runSchedule(
  db: Kysely<Database>,
  now: Date,
): Promise<{ published: number; expired: number }> {
  const due = await db
    .selectFrom('kb_article')
    .select('id')
    .where('status', '=', 'scheduled')
    .where('publish_at', '<=', now)
    .execute();
  const today = chinaDay(now.getTime());
  const old = await db
    .selectFrom('kb_article')
    .select('id')
    .where('status', '=', 'published')
    .where(sql<boolean>`(content->>'expiresAt') IS NOT NULL AND (content->>'expiresAt') < ${today}`)
    .execute();
  const system = () => ['system' as const];
  for (const { id } of due)
    await stepWorkflow(db, { id, action: 'publish_due', actors: system, actorId: null, now });
  for (const { id } of old)
    await stepWorkflow(db, { id, action: 'expire', actors: system, actorId: null, now });
  return { published: due.length, expired: old.length };
}
