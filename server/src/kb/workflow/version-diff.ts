// Readable diff between two versions of an article: per field, the changed words/lines
// (diff library), so reviewers see what changed before approving.
import { diffArrays, diffChars, diffLines } from 'diff';
import type { ArticleContent } from '../../contracts/kb.ts';

export interface DiffPart {
  readonly op: 'same' | 'added' | 'removed';
  readonly text: string;
}

export interface FieldDiff {
  readonly field: string;
  readonly label: string;
  readonly parts: readonly DiffPart[];
}

const LABELS: Record<string, string> = {
  title: '标题',
  summary: '摘要',
  body: '正文',
  tags: '标签',
  counties: '适用地区',
  materials: '申请材料',
  steps: '办理流程',
  fees: '收费标准',
  timeLimit: '办理时限',
  place: '办理地点',
  phone: '咨询电话',
  faq: '问答',
  effectiveFrom: '生效日期',
  expiresAt: '失效日期',
};

const parts = (changes: ReadonlyArray<{ added?: boolean; removed?: boolean; value: string }>): DiffPart[] =>
  changes.map((c) => ({ op: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));

function textDiff(a: string, b: string): DiffPart[] {
  // short texts character by character (Chinese has no spaces), long ones line by line
  return parts(a.length + b.length < 2000 ? diffChars(a, b) : diffLines(a, b));
}

function listDiff(a: readonly string[], b: readonly string[]): DiffPart[] {
  return diffArrays([...a], [...b]).flatMap((c) =>
    c.value.map((v) => ({ op: c.added ? 'added' : c.removed ? 'removed' : 'same', text: v }) as DiffPart),
  );
}

/** Only the fields that changed. */
export function diffVersions(a: ArticleContent, b: ArticleContent): FieldDiff[] {
  const out: FieldDiff[] = [];
  const text = (field: string, x: string | null | undefined, y: string | null | undefined) => {
    if ((x ?? '') !== (y ?? ''))
      out.push({ field, label: LABELS[field] ?? field, parts: textDiff(x ?? '', y ?? '') });
  };
  const list = (field: string, x: readonly string[] | undefined, y: readonly string[] | undefined) => {
    if (JSON.stringify(x ?? []) !== JSON.stringify(y ?? []))
      out.push({ field, label: LABELS[field] ?? field, parts: listDiff(x ?? [], y ?? []) });
  };
  text('title', a.title, b.title);
  text('summary', a.summary, b.summary);
  text('body', a.body, b.body);
  list('tags', a.tags, b.tags);
  list('counties', a.counties, b.counties);
  text('effectiveFrom', a.effectiveFrom, b.effectiveFrom);
  text('expiresAt', a.expiresAt, b.expiresAt);
  list('materials', a.guide?.materials, b.guide?.materials);
  list('steps', a.guide?.steps, b.guide?.steps);
  for (const f of ['fees', 'timeLimit', 'place', 'phone'] as const) text(f, a.guide?.[f], b.guide?.[f]);
  list(
    'faq',
    (a.faq ?? []).map((q) => `问：${q.question} 答：${q.answer}`),
    (b.faq ?? []).map((q) => `问：${q.question} 答：${q.answer}`),
  );
  return out;
}
