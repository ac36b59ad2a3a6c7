// THE declarative table of the regulation's clocks (甘孜州12345热线运行管理办法 Art. 13, 17).
// Every deadline in the system is computed from a row of this table; nothing else hard-codes a limit.

/** Ticket types (诉求类型) as the tickets module spells them. */
export type SlaTicketType = '咨询' | '求助' | '投诉' | '举报' | '意见建议' | '表扬';
/** Priority: ordinary, 特殊事项 (special) or 特殊紧急事项 (special-urgent). */
export type SlaPriority = 'normal' | '特殊事项' | '特殊紧急事项';

/** Events that start or stop a clock (the tickets module maps its transitions onto these). */
export type SlaEvent =
  | 'accepted' // 受理 by the center
  | 'dispatched' // 转办 — the unit receives the ticket
  | 'signed' // 签收 by the unit
  | 'returned' // 退件 submitted
  | 'replied' // 答复 / 办结 reply submitted
  | 'notified' // 通报 of a special/urgent matter to local government and units
  | 'first_response' // 初步响应意见
  | 'progress_reported' // 处理进度情况
  | 'result_reported'; // 处理结果

/** Groups of rows as the tickets domain names them (tickets/domain/sla-port.ts). */
export type SlaClockKind =
  | 'dispatch'
  | 'sign_for'
  | 'completion'
  | 'return_window'
  | 'special_notify'
  | 'special_first_response'
  | 'special_progress'
  | 'special_result';

export type SlaLimit =
  | { readonly unit: 'working-hours'; readonly amount: number }
  | { readonly unit: 'working-days'; readonly amount: number }
  | { readonly unit: 'wall-clock-hours'; readonly amount: number }
  | { readonly unit: 'wall-clock-minutes'; readonly amount: number };

export interface SlaClockDefinition {
  readonly id: string;
  readonly kind: SlaClockKind;
  readonly article: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly startsOn: SlaEvent;
  readonly stopsOn: readonly SlaEvent[];
  readonly limit: SlaLimit;
  /** Which tickets it applies to (all listed conditions must hold; absent = any). */
  readonly appliesTo: {
    readonly types?: readonly SlaTicketType[];
    readonly priorities?: readonly SlaPriority[];
  };
  /** Whether 延期 can move this clock's due time. */
  readonly extendable: boolean;
  /** Events that pause the clock (the regulation defines none; a local rule may, pauses are then passed
   *  to evaluateClock as intervals). */
  readonly pausedBy: readonly SlaEvent[];
}

const HANDLED: readonly SlaTicketType[] = ['求助', '投诉', '举报', '意见建议'];
const WITH_TICKET: readonly SlaTicketType[] = ['咨询', ...HANDLED];
const SPECIAL: readonly SlaPriority[] = ['特殊事项'];
const URGENT: readonly SlaPriority[] = ['特殊紧急事项'];

type Row = Omit<SlaClockDefinition, 'pausedBy' | 'extendable'> & { extendable?: boolean };
const row = (r: Row): SlaClockDefinition =>
  Object.freeze({ ...r, extendable: r.extendable ?? false, pausedBy: [] });

export const SLA_CLOCKS: readonly SlaClockDefinition[] = Object.freeze([
  row({
    id: 'dispatch',
    kind: 'dispatch',
    article: 'Art. 13 (1)',
    nameZh: '转办',
    nameEn: 'Dispatch after acceptance',
    startsOn: 'accepted',
    stopsOn: ['dispatched'],
    limit: { unit: 'working-hours', amount: 3 },
    appliesTo: { types: WITH_TICKET },
  }),
  row({
    id: 'sign_for',
    kind: 'sign_for',
    article: 'Art. 13 (1)',
    nameZh: '签收',
    nameEn: 'Sign-for after dispatch',
    startsOn: 'dispatched',
    stopsOn: ['signed', 'returned'],
    limit: { unit: 'working-hours', amount: 3 },
    appliesTo: { types: WITH_TICKET },
  }),
  row({
    id: 'completion.consultation',
    kind: 'completion',
    article: 'Art. 13 (1)',
    nameZh: '咨询类办理时限',
    nameEn: 'Completion of a consultation',
    startsOn: 'dispatched',
    stopsOn: ['replied'],
    limit: { unit: 'working-days', amount: 2 },
    appliesTo: { types: ['咨询'] },
  }),
  row({
    id: 'completion.handling',
    kind: 'completion',
    article: 'Art. 13 (1)',
    nameZh: '求助、投诉、举报、意见建议类办理时限',
    nameEn: 'Completion of help, complaint, report, suggestion',
    startsOn: 'dispatched',
    stopsOn: ['replied'],
    limit: { unit: 'working-days', amount: 5 },
    appliesTo: { types: HANDLED },
    extendable: true,
  }),
  row({
    id: 'return_window',
    kind: 'return_window',
    article: 'Art. 17',
    nameZh: '退件时限',
    nameEn: 'Return (退件) window after receipt',
    startsOn: 'dispatched',
    stopsOn: ['returned'],
    limit: { unit: 'working-days', amount: 1 },
    appliesTo: { types: WITH_TICKET },
  }),
  row({
    id: 'special_notify',
    kind: 'special_notify',
    article: 'Art. 13 (2)',
    nameZh: '特殊紧急诉求通报',
    nameEn: 'Notify local government and units of a special/urgent matter',
    startsOn: 'accepted',
    stopsOn: ['notified'],
    limit: { unit: 'wall-clock-minutes', amount: 3 },
    appliesTo: { priorities: [...SPECIAL, ...URGENT] },
  }),
  ...(
    [
      ['special', SPECIAL, '特殊事项', 4, 24, 48, 'Art. 13 (2) 1'],
      ['urgent', URGENT, '特殊紧急事项', 2, 12, 24, 'Art. 13 (2) 2'],
    ] as const
  ).flatMap(([key, priorities, zh, first, progress, result, article]) => [
    row({
      id: `${key}.first_response`,
      kind: 'special_first_response',
      article,
      nameZh: `${zh}初步响应`,
      nameEn: `First response (${key})`,
      startsOn: 'dispatched',
      stopsOn: ['first_response'],
      limit: { unit: 'wall-clock-hours', amount: first },
      appliesTo: { priorities },
    }),
    row({
      id: `${key}.progress`,
      kind: 'special_progress',
      article,
      nameZh: `${zh}处理进度反馈`,
      nameEn: `Progress report (${key})`,
      startsOn: 'dispatched',
      stopsOn: ['progress_reported'],
      limit: { unit: 'wall-clock-hours', amount: progress },
      appliesTo: { priorities },
    }),
    row({
      id: `${key}.result`,
      kind: 'special_result',
      article,
      nameZh: `${zh}处理结果反馈`,
      nameEn: `Result report (${key})`,
      startsOn: 'dispatched',
      stopsOn: ['result_reported'],
      limit: { unit: 'wall-clock-hours', amount: result },
      appliesTo: { priorities },
    }),
  ]),
]);

/** Upper platforms whose tickets are, in principle, not extendable (国家和省转工单). */
export const NATIONAL_OR_PROVINCIAL_PLATFORMS = [
  'national_gov_service',
  'gov_cn',
  'sichuan_gov_service',
] as const;

/** The extension (延期) rule of Art. 13 (1), as data. */
export const EXTENSION_RULE = Object.freeze({
  article: 'Art. 13 (1)',
  /** Request at least this many working days before the due time (应在时限到期前1个工作日申请). */
  noticeWorkingDays: 1,
  /** Each extension at most (原则上延期时限不超过5个工作日). */
  maxWorkingDaysEach: 5,
  /** At most this many extensions (延期次数不超过2次). */
  maxCount: 2,
  notExtendableTypes: ['咨询'] as readonly SlaTicketType[],
  notExtendablePlatforms: NATIONAL_OR_PROVINCIAL_PLATFORMS as readonly string[],
});

/** Default share of the limit after which a running clock is in warning (预警). */
export const DEFAULT_WARNING_SHARE = 0.75;
