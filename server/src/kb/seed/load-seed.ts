// Loads the seed corpus into an empty knowledge base as published articles (for `npm run up` demos).
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { insertArticle } from '../articles/article-store.ts';
import { normalizeCounties } from '../articles/article-view.ts';
import '../store/tables.ts';
import { SEED_ARTICLES } from './seed-articles.ts';
import { SEED_UNITS } from './seed-units.ts';

export async function loadSeedIfEmpty(db: Kysely<Database>, now: Date): Promise<number> {
  const any = await db.selectFrom('kb_article').select('id').limit(1).executeTakeFirst();
  if (any) return 0;
  const units = new Map(SEED_UNITS.map((u) => [u.code, u.orgUnitId]));
  const known = new Set((await db.selectFrom('org_unit').select('id').execute()).map((u) => u.id));
  await db.transaction().execute(async (trx) => {
    for (const a of SEED_ARTICLES) {
      const id = randomUUID();
      const owner = units.get(a.unit);
      await insertArticle(trx, {
        id,
        kind: a.kind,
        ownerUnitId: owner && known.has(owner) ? owner : 'center',
        reviewUnitId: null,
        public: a.public,
        publishAt: null,
        content: {
          title: a.title,
          summary: a.summary,
          body: a.body,
          tags: [...a.tags],
          counties: normalizeCounties(a.counties),
          effectiveFrom: a.effectiveFrom,
          expiresAt: a.expiresAt ?? null,
          guide: a.guide
            ? { ...a.guide, materials: [...a.guide.materials], steps: [...a.guide.steps] }
            : null,
          faq: a.faq ? a.faq.map((f) => ({ ...f })) : [],
        },
        authorId: null,
        note: '种子数据',
        now,
      });
      const expired =
        a.expiresAt !== undefined && Date.parse(`${a.expiresAt}T23:59:59+08:00`) < now.getTime();
      await trx
        .updateTable('kb_article')
        .set({
          status: expired ? 'expired' : 'published',
          published_version: expired ? null : 1,
          published_at: now,
        })
        .where('id', '=', id)
        .execute();
    }
  });
  return SEED_ARTICLES.length;
}
