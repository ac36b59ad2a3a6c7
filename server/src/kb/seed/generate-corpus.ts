// Deterministic synthetic corpus for the benchmark: realistic-looking Ganzi articles recombined from
// the seed corpus vocabulary (titles, sentences, tags, counties, units, validity).
import { COUNTIES } from '../search/ganzi-places.ts';
import { ARTICLE_KINDS, type SearchDoc } from '../search/types.ts';
import { SEED_ARTICLES, searchableBody } from './seed-articles.ts';
import { SEED_UNITS } from './seed-units.ts';

/** mulberry32: a small seeded PRNG so every run indexes the same data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = [
  ...new Set(SEED_ARTICLES.flatMap((a) => a.tags)),
  '退役军人优待',
  '残疾证办理',
  '居住证申领',
  '户口迁移',
  '燃气报修',
  '供暖',
  '垃圾清运',
  '噪音扰民',
  '物业纠纷',
  '校车安全',
  '义务教育入学',
  '食品安全投诉',
  '价格欺诈',
  '出租车拒载',
  '客运班车',
  '牦牛保险',
  '草场承包',
  '生态补偿',
  '地质灾害',
  '道路塌方',
];
const ACTIONS = ['办理指南', '常见问答', '政策解读', '通知', '办事流程', '所需材料', '咨询口径', '热点答复'];
const SENTENCES = SEED_ARTICLES.flatMap((a) => searchableBody(a).split(/[。\n]/)).filter((s) => s.length > 6);

export function generateCorpus(count: number, seed = 12345): SearchDoc[] {
  const rnd = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const base = Date.parse('2024-01-01T00:00:00+08:00');
  const docs: SearchDoc[] = [];
  for (let i = 0; i < count; i++) {
    const local = rnd() < 0.4;
    const county = pick(COUNTIES);
    const topic = pick(TOPICS);
    const sentences = Array.from({ length: 3 + Math.floor(rnd() * 6) }, () => pick(SENTENCES));
    const effectiveFrom = base + Math.floor(rnd() * 900) * 86_400_000;
    docs.push({
      id: `gen-${i}`,
      title: `${local ? county.name : '甘孜州'}${topic}${pick(ACTIONS)}（${i}）`,
      body: `${topic}。${sentences.join('。')}。`,
      tags: [topic, pick(TOPICS)],
      kind: pick(ARTICLE_KINDS),
      unit: pick(SEED_UNITS).code,
      counties: local ? [county.code] : [],
      effectiveFrom,
      expiresAt: rnd() < 0.1 ? effectiveFrom + 180 * 86_400_000 : null,
      public: rnd() < 0.9,
      updatedAt: effectiveFrom,
    });
  }
  return docs;
}

/** Queries agents type: words, questions, pinyin, initials, typos, place names. */
export const BENCH_QUERIES: readonly string[] = [
  '医保报销',
  '医保报销需要什么材料',
  'ybbx',
  'yibao',
  'yidijiuyi',
  '医保报消',
  'yibso',
  '社会保障卡补办',
  '社保卡丢了',
  'sbkbb',
  '高原反应',
  'gaoyuan',
  '理塘虫草',
  'cczj',
  '供电报修',
  '家里没电了',
  'tingdian',
  '自来水停水',
  '不动产登记',
  '房产证丢了',
  '农民工工资',
  '讨薪',
  '营业执照',
  'yyzz',
  '身份证补领',
  '低保申请',
  '公积金提取',
  'gongjij',
  '稻城亚丁门票',
  '康定 停水',
  '草原防火',
  '包虫病',
  '12345受理范围',
  '养老保险缴费',
  '异地就医备案',
  '二手房过户',
  '残疾证',
  '道路塌方',
  '噪音扰民',
  '食品安全投诉',
];
