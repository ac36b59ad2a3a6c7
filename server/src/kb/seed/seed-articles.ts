// The seed corpus and its conversion to search documents.
import type { SearchDoc } from '../search/types.ts';
import { LIFE_ARTICLES } from './articles-life.ts';
import { SOCIAL_ARTICLES } from './articles-social.ts';
import type { SeedArticle } from './seed-types.ts';

export const SEED_ARTICLES: readonly SeedArticle[] = [...SOCIAL_ARTICLES, ...LIFE_ARTICLES];

/** Date (YYYY-MM-DD, China time) → epoch ms at 00:00 in UTC+8. */
export function chinaDate(day: string): number {
  return Date.parse(`${day}T00:00:00+08:00`);
}

/** Everything searchable about an article as one text (summary, body, guide fields, FAQ pairs). */
export function searchableBody(a: Pick<SeedArticle, 'summary' | 'body' | 'guide' | 'faq'>): string {
  const parts = [a.summary, a.body];
  if (a.guide) {
    const g = a.guide;
    parts.push(
      `申请材料：${g.materials.join('、')}`,
      `办理流程：${g.steps.join('→')}`,
      `收费标准：${g.fees}`,
      `办理时限：${g.timeLimit}`,
      `办理地点：${g.place}`,
      `咨询电话：${g.phone}`,
    );
  }
  for (const f of a.faq ?? []) parts.push(`问：${f.question} 答：${f.answer}`);
  return parts.join('\n');
}

export function seedToSearchDoc(a: SeedArticle): SearchDoc {
  return {
    id: a.slug,
    title: a.title,
    body: searchableBody(a),
    tags: a.tags,
    kind: a.kind,
    unit: a.unit,
    counties: a.counties,
    effectiveFrom: chinaDate(a.effectiveFrom),
    expiresAt: a.expiresAt ? chinaDate(a.expiresAt) + 86_400_000 : null,
    public: a.public,
    updatedAt: chinaDate(a.effectiveFrom),
  };
}
