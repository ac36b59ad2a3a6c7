// Synonym groups used to expand queries (医保 ↔ 医疗保险). Editable at run time: the knowledge base
// stores the groups as data and calls setGroups(); the index does not need a rebuild because the
// expansion happens on the query side.

export type SynonymGroups = ReadonlyArray<readonly string[]>;

export const DEFAULT_SYNONYMS: SynonymGroups = [
  ['医保', '医疗保险', '基本医疗保险'],
  ['社保卡', '社会保障卡'],
  ['社保', '社会保险'],
  ['报销', '结算', '报账'],
  ['补办', '补领', '补换', '挂失'],
  ['遗失', '丢失', '丢了', '弄丢', '掉了'],
  ['停电', '断电', '没电'],
  ['停水', '断水', '没水'],
  ['报修', '维修', '抢修'],
  ['营业执照', '工商执照'],
  ['农民工工资', '欠薪', '拖欠工资', '讨薪'],
  ['不动产登记', '房产证', '不动产权证'],
  ['高原反应', '高反'],
  ['公积金', '住房公积金'],
  ['身份证', '居民身份证'],
  ['低保', '最低生活保障'],
];

export class Synonyms {
  private map = new Map<string, readonly string[]>();
  private groups: SynonymGroups = [];

  constructor(groups: SynonymGroups = DEFAULT_SYNONYMS) {
    this.setGroups(groups);
  }

  setGroups(groups: SynonymGroups): void {
    const map = new Map<string, string[]>();
    for (const g of groups) {
      const words = [...new Set(g.map((w) => w.trim()).filter(Boolean))];
      for (const w of words) {
        const list = map.get(w) ?? [];
        for (const o of words) if (o !== w && !list.includes(o)) list.push(o);
        map.set(w, list);
      }
    }
    this.map = map;
    this.groups = groups.map((g) => [...g]);
  }

  /** Other words with the same meaning (not including the word itself). */
  of(word: string): readonly string[] {
    return this.map.get(word) ?? [];
  }

  /** Every word mentioned in a group (added to the segmentation dictionary). */
  words(): string[] {
    return [...this.map.keys()];
  }

  list(): SynonymGroups {
    return this.groups;
  }
}
