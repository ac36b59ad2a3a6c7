// Keeps the in-memory search index in step with the database: restores the last snapshot, then
// applies the articles changed since (incremental, no full rebuild); sync() picks up every later
// change (also those made by other server instances); snapshots are written now and then.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { isLive, toSearchDoc } from './articles/article-view.ts';
import { type Analyzer, sharedAnalyzer } from './search/analyzer.ts';
import { type IndexSnapshot, SearchIndex, SnapshotMismatchError } from './search/search-index.ts';
import { DEFAULT_SYNONYMS, type SynonymGroups, Synonyms } from './search/synonyms.ts';
import './store/tables.ts';

/** Rows committed slightly out of order are caught by re-reading this much before the high-water mark. */
const OVERLAP_MS = 5_000;

export interface LoadReport {
  readonly from: 'snapshot' | 'rebuild';
  readonly articles: number;
  readonly applied: number;
  readonly ms: number;
}

export class KbSearchService {
  index: SearchIndex;
  private readonly synonyms = new Synonyms(DEFAULT_SYNONYMS);
  private highWater = 0;
  private changesSinceSnapshot = 0;
  private lastSnapshotAt = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly analyzer: Analyzer = sharedAnalyzer(),
  ) {
    this.index = new SearchIndex(analyzer, this.synonyms);
  }

  async load(): Promise<LoadReport> {
    const t0 = performance.now();
    await this.loadSynonyms();
    const snap = await this.db
      .selectFrom('kb_search_snapshot')
      .selectAll()
      .where('id', '=', 1)
      .executeTakeFirst();
    let from: LoadReport['from'] = 'rebuild';
    if (snap && snap.analyzer === this.analyzer.version) {
      try {
        this.index = SearchIndex.restore(
          JSON.parse(snap.data) as IndexSnapshot,
          this.analyzer,
          this.synonyms,
        );
        this.highWater = new Date(snap.taken_at).getTime();
        this.lastSnapshotAt = this.highWater;
        from = 'snapshot';
      } catch (e) {
        if (!(e instanceof SnapshotMismatchError || e instanceof SyntaxError)) throw e;
      }
    }
    const applied = await this.sync();
    return { from, articles: this.index.size, applied, ms: Math.round(performance.now() - t0) };
  }

  /** Applies every article changed since the last sync; returns how many were looked at. */
  async sync(): Promise<number> {
    const since = new Date(Math.max(0, this.highWater - OVERLAP_MS));
    const rows = await this.db
      .selectFrom('kb_article')
      .selectAll()
      .where('updated_at', '>=', since)
      .orderBy('updated_at')
      .execute();
    for (const row of rows) {
      if (isLive(row)) {
        let content = row.content;
        if (row.published_version !== row.version) {
          const v = await this.db
            .selectFrom('kb_article_version')
            .select('content')
            .where('article_id', '=', row.id)
            .where('version', '=', row.published_version!)
            .executeTakeFirst();
          if (!v) continue;
          content = v.content;
        }
        this.index.upsert(toSearchDoc(row, content));
      } else {
        this.index.remove(row.id);
      }
      this.highWater = Math.max(this.highWater, new Date(row.updated_at).getTime());
      this.changesSinceSnapshot++;
    }
    return rows.length;
  }

  /** Writes a snapshot when enough changed (or when forced). */
  async maybeSnapshot(now: number, opts: { force?: boolean; minChanges?: number; maxAgeMs?: number } = {}) {
    const due =
      opts.force ||
      this.changesSinceSnapshot >= (opts.minChanges ?? 200) ||
      (this.changesSinceSnapshot > 0 && now - this.lastSnapshotAt >= (opts.maxAgeMs ?? 600_000));
    if (!due) return false;
    const data = JSON.stringify(this.index.snapshot());
    const takenAt = new Date(this.highWater || now);
    await this.db
      .insertInto('kb_search_snapshot')
      .values({ id: 1, analyzer: this.analyzer.version, taken_at: takenAt, data })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({ analyzer: this.analyzer.version, taken_at: takenAt, data }),
      )
      .execute();
    this.changesSinceSnapshot = 0;
    this.lastSnapshotAt = now;
    return true;
  }

  async loadSynonyms(): Promise<SynonymGroups> {
    const rows = await this.db.selectFrom('kb_synonym_group').select('words').orderBy('id').execute();
    this.synonyms.setGroups(rows.length ? rows.map((r) => r.words) : DEFAULT_SYNONYMS);
    return this.synonyms.list();
  }

  async saveSynonyms(groups: SynonymGroups): Promise<SynonymGroups> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('kb_synonym_group').execute();
      if (groups.length)
        await trx
          .insertInto('kb_synonym_group')
          .values(groups.map((g) => ({ words: [...g] })))
          .execute();
    });
    return this.loadSynonyms();
  }

  synonymGroups(): SynonymGroups {
    return this.synonyms.list();
  }
}
