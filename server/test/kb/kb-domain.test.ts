// Pure rules of the knowledge base: workflow table, Art. 25 lead time and reminder, correction
// deadlines, version diff, import parsers.
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../src/calendar/index.ts';
import { parseCsv, parseCsvRows, parseHtml, parseMarkdown } from '../../src/kb/import/parse-import.ts';
import {
  ARTICLE_STATUSES,
  availableActions,
  transition,
  WORKFLOW_ACTIONS,
  type WorkflowFacts,
} from '../../src/kb/workflow/article-workflow.ts';
import { correctionDueAt, isOverdue } from '../../src/kb/workflow/correction-deadline.ts';
import { checkLead, reminderState, workingDaysBetween } from '../../src/kb/workflow/policy-registration.ts';
import { diffVersions } from '../../src/kb/workflow/version-diff.ts';

const facts = (f: Partial<WorkflowFacts> = {}): WorkflowFacts => ({
  needsUnitReview: false,
  publishLater: false,
  hasComment: false,
  ...f,
});
const cal = createWorkingCalendar();

describe('article workflow table', () => {
  it('walks the happy paths', () => {
    expect(transition('draft', 'submit', ['owner'], facts())).toEqual({ ok: true, to: 'in_review' });
    expect(transition('in_review', 'approve', ['kb_editor'], facts())).toEqual({ ok: true, to: 'published' });
    expect(transition('in_review', 'approve', ['kb_editor'], facts({ needsUnitReview: true }))).toEqual({
      ok: true,
      to: 'unit_review',
    });
    expect(transition('in_review', 'approve', ['kb_editor'], facts({ publishLater: true }))).toEqual({
      ok: true,
      to: 'scheduled',
    });
    expect(transition('unit_review', 'unit_approve', ['review_unit'], facts())).toEqual({
      ok: true,
      to: 'published',
    });
    expect(transition('scheduled', 'publish_due', ['system'], facts())).toEqual({
      ok: true,
      to: 'published',
    });
    expect(transition('published', 'expire', ['system'], facts())).toEqual({ ok: true, to: 'expired' });
    expect(transition('expired', 'revise', ['owner'], facts())).toEqual({ ok: true, to: 'draft' });
  });

  it('refuses illegal steps, wrong actors and missing reasons', () => {
    expect(transition('draft', 'approve', ['kb_editor'], facts())).toEqual({
      ok: false,
      reason: 'illegal_transition',
    });
    expect(transition('in_review', 'approve', ['owner', 'unit_leader'], facts())).toEqual({
      ok: false,
      reason: 'not_allowed',
    });
    expect(transition('published', 'withdraw', ['kb_editor'], facts())).toEqual({
      ok: false,
      reason: 'comment_required',
    });
    expect(transition('published', 'withdraw', ['authority'], facts({ hasComment: true }))).toEqual({
      ok: true,
      to: 'withdrawn',
    });
  });

  it('every status × action × actor gives a defined answer; nothing leaves withdrawn except revise', () => {
    for (const s of ARTICLE_STATUSES)
      for (const a of WORKFLOW_ACTIONS) {
        const r = transition(
          s,
          a,
          ['kb_editor', 'owner', 'review_unit', 'system', 'authority'],
          facts({ hasComment: true }),
        );
        if (r.ok) expect(ARTICLE_STATUSES).toContain(r.to);
        if (s === 'withdrawn' && r.ok) expect(a).toBe('revise');
      }
    expect(availableActions('draft', ['owner'])).toEqual(['submit']);
    expect(availableActions('scheduled', ['kb_editor'])).toEqual(['publish_due', 'withdraw']);
  });
});

describe('policy pre-registration (Art. 25)', () => {
  const at = (s: string) => Date.parse(s);
  it('counts working days with the statutory calendar (National Day week is not counted)', () => {
    // 2025-09-30 (Tue) → 2025-10-10 (Fri): Oct 1–8 are holidays, Oct 9, 10 working
    expect(workingDaysBetween(cal, '2025-09-30', '2025-10-10')).toBe(2);
    expect(workingDaysBetween(cal, '2025-06-02', '2025-06-09')).toBe(5);
    expect(workingDaysBetween(cal, '2025-06-09', '2025-06-02')).toBe(0);
  });

  it('classifies the lead time as on time (3–10), late (<3) or early (>10)', () => {
    expect(checkLead(cal, at('2025-06-02T10:00:00+08:00'), '2025-06-09')).toEqual({
      workingDays: 5,
      timeliness: 'on_time',
    });
    expect(checkLead(cal, at('2025-06-02T10:00:00+08:00'), '2025-06-04')).toEqual({
      workingDays: 2,
      timeliness: 'late',
    });
    expect(checkLead(cal, at('2025-06-02T10:00:00+08:00'), '2025-06-30').timeliness).toBe('early');
    expect(checkLead(cal, at('2025-09-30T10:00:00+08:00'), '2025-10-10').timeliness).toBe('late');
  });

  it('reminds on the publication day until the original and the interpretation are in', () => {
    const r = {
      releaseDate: '2025-06-09',
      status: 'registered' as const,
      hasOriginal: false,
      hasInterpretation: false,
    };
    expect(reminderState(r, '2025-06-08')).toBe('none');
    expect(reminderState(r, '2025-06-09')).toBe('due_today');
    expect(reminderState({ ...r, hasOriginal: true }, '2025-06-10')).toBe('overdue');
    expect(reminderState({ ...r, hasOriginal: true, hasInterpretation: true }, '2025-06-10')).toBe('none');
  });
});

describe('correction deadlines', () => {
  it('is N working days after the report, skipping the weekend', () => {
    const friday = Date.parse('2025-06-06T10:00:00+08:00');
    const due = correctionDueAt(cal, friday, 3);
    expect(due.toISOString().slice(0, 10)).toBe('2025-06-11');
    expect(isOverdue({ status: 'open', dueAt: due.getTime(), resolvedAt: null }, due.getTime() + 1)).toBe(
      true,
    );
    expect(
      isOverdue({ status: 'fixed', dueAt: due.getTime(), resolvedAt: due.getTime() - 1 }, due.getTime() + 1),
    ).toBe(false);
    expect(
      isOverdue({ status: 'fixed', dueAt: due.getTime(), resolvedAt: due.getTime() + 5 }, due.getTime() + 9),
    ).toBe(true);
  });
});

describe('version diff', () => {
  it('lists only changed fields with added and removed parts', () => {
    const base = {
      title: '社保卡补办',
      summary: '',
      body: '持身份证办理',
      tags: ['社保卡'],
      counties: [],
      effectiveFrom: null,
      expiresAt: null,
    };
    const d = diffVersions(base, { ...base, body: '持身份证和照片办理', tags: ['社保卡', '补办'] });
    expect(d.map((f) => f.field)).toEqual(['body', 'tags']);
    expect(
      d[0]!.parts
        .filter((p) => p.op === 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe('和照片');
    expect(d[1]!.parts).toContainEqual({ op: 'added', text: '补办' });
    expect(diffVersions(base, base)).toEqual([]);
  });
});

describe('import parsers', () => {
  it('reads Markdown with front matter or a heading', () => {
    const r = parseMarkdown(
      'guides/社保卡.md',
      '---\ntitle: 社保卡补办\nkind: 办事指南\ntags: [社保卡, 补办]\ncounties: 康定市、理塘县\neffectiveFrom: 2025/01/01\n---\n正文内容',
    );
    expect(r).toMatchObject({
      ok: true,
      item: {
        kind: 'guide',
        content: {
          title: '社保卡补办',
          tags: ['社保卡', '补办'],
          counties: ['康定市', '理塘县'],
          effectiveFrom: '2025-01-01',
          body: '正文内容',
        },
      },
    });
    const h = parseMarkdown('x.md', '# 医保报销\n\n材料：社保卡');
    expect(h).toMatchObject({ ok: true, item: { content: { title: '医保报销', body: '材料：社保卡' } } });
    expect(parseMarkdown('bad.md', '---\nkind: 小说\n---\n正文')).toMatchObject({ ok: false });
  });

  it('reads Word-exported HTML (styles, conditional comments, entities)', () => {
    const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><title>旧标题</title>
      <style>p.MsoNormal{mso-style-name:正文}</style><!--[if gte mso 9]><xml><o:DocumentProperties/></xml><![endif]--></head>
      <body lang=ZH-CN><h1><span style='font-family:宋体'>不动产登记&nbsp;指南</span></h1>
      <p class=MsoNormal>申请材料：身份证&amp;户口簿</p><p class=MsoNormal>办理时限：5个工作日&#12290;</p></body></html>`;
    const r = parseHtml('不动产.htm', html);
    expect(r).toMatchObject({ ok: true, item: { content: { title: '不动产登记 指南' } } });
    if (r.ok) {
      expect(r.item.content.body).toBe('申请材料：身份证&户口簿\n办理时限：5个工作日。');
      expect(r.item.content.body).not.toContain('mso');
    }
  });

  it('reads CSV with quotes, embedded commas and newlines; reports bad rows', () => {
    expect(parseCsvRows('a,"b,""c""",d\r\n1,"2\n3",4')).toEqual([
      ['a', 'b,"c"', 'd'],
      ['1', '2\n3', '4'],
    ]);
    const items = parseCsv(
      'kb.csv',
      '\uFEFF标题,类型,正文,标签\n停水通知,民生热点,"城区停水, 请储水",停水;自来水\n,政策法规,无标题,\n',
    );
    expect(items[0]).toMatchObject({
      ok: true,
      item: {
        kind: 'hot_topic',
        content: { title: '停水通知', body: '城区停水, 请储水', tags: ['停水', '自来水'] },
      },
    });
    expect(items[1]).toMatchObject({ ok: false, source: 'kb.csv#3' });
    expect(parseCsv('x.csv', 'a,"unterminated')[0]).toMatchObject({ ok: false });
    expect(parseCsv('x.csv', 'foo,bar\n1,2')[0]).toMatchObject({ ok: false });
  });
});
