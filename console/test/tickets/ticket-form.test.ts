import { describe, expect, it } from 'vitest';
import type { CategoryNode, NotAcceptedReason } from '../../../server/src/contracts/tickets.ts';
import {
  chooseReason,
  citeArticle,
  flattenCategories,
  followUp,
  initialForm,
  maskPhone,
  searchCategories,
  toIntake,
  toIsoShanghai,
  validateForm,
} from '../../src/tickets/ticket-form.ts';

const TREE: CategoryNode[] = [
  {
    id: 'public',
    zh: '公共服务',
    en: 'Public service',
    children: [
      { id: 'public.water', zh: '供水', en: 'Water supply' },
      { id: 'public.social-insurance', zh: '社会保险', en: 'Social insurance' },
    ],
  },
  { id: 'other', zh: '其他', en: 'Other' },
];
const REASONS: NotAcceptedReason[] = [
  { code: 3, zh: '紧急热线', en: '110/119/120/122', guidanceZh: '请立即拨打110' },
  { code: 8, zh: '重复', en: 'duplicate', guidanceZh: '已受理正在办理' },
];

const filled = () => ({
  ...initialForm({
    callId: 'call-9',
    callerNumber: '13812345678',
    countyGuess: '康定市',
    priority: 'special',
  }),
  type: '投诉' as const,
  categoryId: 'public.water',
  content: '  连续三天停水  ',
});

describe('ticket form (工单登记) logic', () => {
  it('Art. 11: prefills from the call — number, call id, county guess, the queue priority', () => {
    const f = initialForm({
      callId: 'c1',
      callerNumber: '13812345678',
      countyGuess: '泸定县',
      priority: 'special-urgent',
    });
    expect(f).toMatchObject({
      callId: 'c1',
      phone: '13812345678',
      county: '泸定县',
      priority: '特殊紧急事项',
    });
    expect(initialForm({ callId: 'c2', callerNumber: 'anonymous' }).phone).toBe('');
    expect(initialForm().priority).toBe('normal');
  });

  it('masks the caller number unless the role reads personal data in plain text', () => {
    expect(maskPhone('13812345678', false)).toBe('138****5678');
    expect(maskPhone('13812345678', true)).toBe('13812345678');
    expect(maskPhone('0836-2812345', false)).toBe('083*****2345');
    expect(maskPhone('110', false)).toBe('***');
  });

  it('Art. 11: requires type, category, county and content; 即办 needs an answer; 不予受理 a reason', () => {
    expect(Object.keys(validateForm(initialForm())).sort()).toEqual([
      'categoryId',
      'content',
      'county',
      'type',
    ]);
    expect(validateForm(filled())).toEqual({});
    expect(validateForm({ ...filled(), disposition: 'immediate' })).toEqual({ answer: 'tickets.err.answer' });
    expect(validateForm({ ...filled(), disposition: 'not_accepted' })).toEqual({
      reasonCode: 'tickets.err.reasonCode',
    });
    expect(validateForm({ ...filled(), phone: 'abc' })).toEqual({ phone: 'tickets.err.phone' });
    const now = new Date('2026-11-28T10:00:00+08:00');
    expect(validateForm({ ...filled(), occurredAt: '2026-11-28T11:00' }, now)).toEqual({
      occurredAt: 'tickets.err.occurredAt',
    });
    expect(validateForm({ ...filled(), occurredAt: '2026-11-28T09:00' }, now)).toEqual({});
  });

  it('builds the intake body the server validates (trimmed, call id linked, China time with offset)', () => {
    const body = toIntake(
      { ...filled(), occurredAt: '2026-11-27T08:30', name: '张三', township: ' 炉城镇 ' },
      ['a1'],
    );
    expect(body).toEqual({
      channel: 'phone',
      requester: { name: '张三', phone: '13812345678', anonymous: false, confidential: false },
      content: '连续三天停水',
      occurredAt: '2026-11-27T08:30:00+08:00',
      location: { county: '康定市', township: '炉城镇', address: undefined },
      type: '投诉',
      categoryId: 'public.water',
      priority: '特殊事项',
      callIds: ['call-9'],
      attachmentIds: ['a1'],
    });
    expect(toIntake({ ...filled(), anonymous: true, name: '张三' }).requester.name).toBeUndefined();
    expect(toIsoShanghai('2026-01-01T00:00:00Z')).toBe('2026-01-01T00:00:00Z');
  });

  it('Art. 12 (1): citing a KB article makes it 即办 with the article id in the follow-up command', () => {
    const f = citeArticle(filled(), { id: 'kb-7', title: '医保报销指南' }, '携带社保卡');
    expect(f.disposition).toBe('immediate');
    expect(f.answer).toBe('医保报销指南：携带社保卡');
    expect(followUp(f)).toEqual({
      command: 'answered_immediately',
      body: { answer: '医保报销指南：携带社保卡', kbArticleId: 'kb-7' },
    });
    expect(citeArticle({ ...filled(), answer: '已答复' }, { id: 'x', title: 'T' }).answer).toBe('已答复');
    expect(followUp(filled())).toBeNull();
  });

  it('Art. 10: a 不予受理 reason brings its guidance text; the follow-up carries code and guidance', () => {
    const f = chooseReason({ ...filled(), disposition: 'not_accepted' }, 3, REASONS);
    expect(f.guidance).toBe('请立即拨打110');
    expect(followUp(f)).toEqual({
      command: 'not_accepted',
      body: { reasonCode: 3, guidance: '请立即拨打110' },
    });
    expect(chooseReason(f, 99, REASONS)).toMatchObject({ reasonCode: null, guidance: '' });
  });

  it('category search over the tree: path labels, leaves first, Chinese and English', () => {
    const opts = flattenCategories(TREE, 'zh-CN');
    expect(opts.map((o) => o.label)).toEqual(['公共服务', '公共服务 / 供水', '公共服务 / 社会保险', '其他']);
    expect(searchCategories(opts, '供水').map((o) => o.id)).toEqual(['public.water']);
    expect(searchCategories(opts, '公共').map((o) => o.id)[0]).toBe('public.water');
    expect(searchCategories(opts, 'insurance').map((o) => o.id)).toEqual(['public.social-insurance']);
    expect(searchCategories(opts, '不存在')).toEqual([]);
    expect(flattenCategories(TREE, 'en')[1]?.label).toBe('Public service / Water supply');
  });
});
