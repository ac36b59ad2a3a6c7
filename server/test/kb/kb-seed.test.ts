// The seed corpus loads into an empty database as published articles (what `npm run up` shows) and
// is found through the search service; loading twice does nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { KbSearchService } from '../../src/kb/search-service.ts';
import { loadSeedIfEmpty } from '../../src/kb/seed/load-seed.ts';
import { SEED_ARTICLES } from '../../src/kb/seed/seed-articles.ts';
import { seedOrgTree } from '../../src/org/seed-org.ts';
import { openTestDb, type TestDb } from '../support/db.ts';

describe('knowledge base seed', () => {
  let tdb: TestDb;
  beforeAll(async () => {
    tdb = await openTestDb({ name: 'pglite' });
    await migrateToLatest(tdb.db.kysely as never, tdb.db.schema);
    await seedOrgTree(tdb.db.kysely);
  });
  afterAll(async () => {
    await tdb?.cleanup();
  });

  it('loads once, as published articles owned by real org units, searchable by pinyin initials', async () => {
    const now = new Date('2026-06-01T02:00:00Z');
    expect(await loadSeedIfEmpty(tdb.db.kysely, now)).toBe(SEED_ARTICLES.length);
    expect(await loadSeedIfEmpty(tdb.db.kysely, now)).toBe(0);
    const owners = await tdb.db.kysely.selectFrom('kb_article').select('owner_unit_id').distinct().execute();
    expect(owners.map((o) => o.owner_unit_id)).toContain('dept-yibao');
    const search = new KbSearchService(tdb.db.kysely);
    const report = await search.load();
    expect(report).toMatchObject({ from: 'rebuild', articles: SEED_ARTICLES.length - 2 });
    const hits = search.index.search({ q: 'sbkbb', now: now.getTime() }).hits;
    expect(hits[0]?.title).toBe('社会保障卡挂失补办');
  });
});
