// Shape of the seed articles shipped with the knowledge base (used by tests, the benchmark and `npm run up`).
import type { ArticleKind } from '../search/types.ts';

export interface GuideFields {
  /** 申请材料 */
  readonly materials: readonly string[];
  /** 办理流程 */
  readonly steps: readonly string[];
  /** 收费标准 */
  readonly fees: string;
  /** 办理时限 */
  readonly timeLimit: string;
  /** 办理地点 */
  readonly place: string;
  /** 咨询电话 */
  readonly phone: string;
}

export interface FaqPair {
  readonly question: string;
  readonly answer: string;
}

export interface SeedArticle {
  readonly slug: string;
  readonly kind: ArticleKind;
  readonly title: string;
  readonly summary: string;
  readonly body: string;
  readonly tags: readonly string[];
  /** owner unit code (see SEED_UNITS) */
  readonly unit: string;
  /** county codes or names; empty = the whole prefecture */
  readonly counties: readonly string[];
  readonly effectiveFrom: string;
  readonly expiresAt?: string;
  readonly public: boolean;
  readonly guide?: GuideFields;
  readonly faq?: readonly FaqPair[];
}
