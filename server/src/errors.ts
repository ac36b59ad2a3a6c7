// The ONE error catalogue of server/: code → HTTP status + zh-CN and English messages.
// Add codes additively (keep them grouped by feature). Throw `new AppError('CODE')` anywhere;
// the error handler (http/error-handler.ts) turns it into the JSON body of contracts/errors.ts.

export const ERRORS = {
  // generic
  VALIDATION_FAILED: { status: 400, zh: '请求参数不正确', en: 'The request is invalid' },
  BAD_REQUEST: { status: 400, zh: '请求格式错误', en: 'The request is malformed' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  FORBIDDEN: { status: 403, zh: '无权执行此操作', en: 'You are not allowed to do this' },
  CSRF_INVALID: { status: 403, zh: '安全令牌无效，请刷新页面', en: 'Invalid CSRF token; reload the page' },
  NOT_FOUND: { status: 404, zh: '对象不存在', en: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  CONFLICT: { status: 409, zh: '数据冲突', en: 'Conflict with the current state' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '请求内容过大', en: 'Payload too large' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  INTERNAL: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
  UNAVAILABLE: { status: 503, zh: '服务暂不可用', en: 'Service unavailable' },
  // auth
  LOGIN_FAILED: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    status: 423,
    zh: '登录失败次数过多，账号已临时锁定',
    en: 'Too many failed logins; account temporarily locked',
  },
  ACCOUNT_DISABLED: { status: 403, zh: '账号已停用', en: 'Account disabled' },
  PASSWORD_WRONG: { status: 400, zh: '原密码错误', en: 'Current password is wrong' },
  PASSWORD_WEAK: {
    status: 400,
    zh: '新密码强度不足（至少10位，含字母和数字）',
    en: 'New password too weak (10+ characters, letters and digits)',
  },
  NOT_AN_AGENT: { status: 403, zh: '当前账号不是话务员', en: 'This account is not an agent' },
  // users / org
  USERNAME_TAKEN: { status: 409, zh: '用户名已存在', en: 'Username already exists' },
  ORG_UNIT_UNKNOWN: { status: 400, zh: '所属单位不存在', en: 'Unknown organisation unit' },
  // privacy
  UNMASK_REASON_REQUIRED: {
    status: 400,
    zh: '查看完整个人信息须填写理由',
    en: 'A reason is required to view personal data',
  },
  // queue / agent state
  QUEUE_UNAVAILABLE: { status: 503, zh: '排队服务不可用', en: 'Call distributor unavailable' },
  AGENT_NOT_SIGNED_IN: { status: 409, zh: '坐席尚未签入', en: 'Agent is not signed in to the queue' },
  AGENT_STATE_REJECTED: {
    status: 409,
    zh: '坐席状态不允许此操作',
    en: 'Agent state does not allow this change',
  },
  // working calendar / SLA clocks (src/calendar, src/sla; thrown as CalendarSlaError from src/sla/errors.ts)
  CALENDAR_INVALID_INSTANT: {
    status: 400,
    zh: '时间格式不正确（ISO 8601，例如 2026-09-30T16:00:00+08:00）',
    en: 'Not a valid instant (ISO 8601, e.g. 2026-09-30T16:00:00+08:00)',
  },
  CALENDAR_INVALID_DATE: {
    status: 400,
    zh: '日期格式不正确（YYYY-MM-DD）',
    en: 'Not a valid calendar date (YYYY-MM-DD)',
  },
  CALENDAR_INVALID_AMOUNT: {
    status: 400,
    zh: '时长必须是不小于0的数字',
    en: 'Amount must be a finite number ≥ 0',
  },
  CALENDAR_INVALID_OFFICE_HOURS: {
    status: 400,
    zh: '办公时间须为按顺序、不重叠的 HH:MM-HH:MM 时段',
    en: 'Office hours must be sorted, non-overlapping HH:MM-HH:MM intervals',
  },
  CALENDAR_INVALID_ARRANGEMENT: {
    status: 400,
    zh: '节假日安排表格式不正确',
    en: 'Holiday arrangement table is malformed',
  },
  CALENDAR_INVALID_CONFIG: {
    status: 400,
    zh: '工作日历配置不正确',
    en: 'Working calendar configuration is invalid',
  },
  CALENDAR_OUT_OF_RANGE: {
    status: 422,
    zh: '时间超出工作日历范围',
    en: 'Instant is outside the range the working calendar covers',
  },
  SLA_UNKNOWN_CLOCK: { status: 400, zh: '未知的时限', en: 'Unknown SLA clock' },
  SLA_INVALID_CLOCK_INPUT: { status: 400, zh: '时限计算参数不正确', en: 'SLA clock input is invalid' },
  SLA_EXTENSION_REFUSED: { status: 409, zh: '延期申请不予批准', en: 'Extension (延期) request refused' },
  // tickets (server/src/tickets; the rule-specific message is in details.message / details.rule)
  TICKET_INVALID_PAYLOAD: {
    status: 400,
    zh: '工单内容不完整或不正确',
    en: 'The ticket data is incomplete or invalid',
  },
  TICKET_ILLEGAL_TRANSITION: {
    status: 409,
    zh: '工单当前状态不允许此操作',
    en: "Not allowed in the ticket's current state",
  },
  TICKET_ROLE_FORBIDDEN: {
    status: 403,
    zh: '您的角色不能执行此工单操作',
    en: 'Your role may not do this to a ticket',
  },
  TICKET_NOT_YOUR_UNIT: { status: 403, zh: '该工单不由您的单位办理', en: "This ticket is not your unit's" },
  TICKET_RULE_VIOLATION: {
    status: 422,
    zh: '不符合热线运行管理办法的规定',
    en: 'Against the hotline regulation',
  },
  TICKET_NOT_FOUND: { status: 404, zh: '工单不存在', en: 'No such ticket' },
  TICKET_VERSION_CONFLICT: {
    status: 409,
    zh: '工单已被更新，请刷新后重试',
    en: 'The ticket changed meanwhile; reload and retry',
  },
  TICKET_ATTACHMENT_REJECTED: {
    status: 415,
    zh: '附件类型或大小不符合要求',
    en: 'Attachment type or size not allowed',
  },
  // knowledge base (src/kb)
  KB_ARTICLE_NOT_FOUND: { status: 404, zh: '知识条目不存在', en: 'No such knowledge-base article' },
  KB_VERSION_NOT_FOUND: { status: 404, zh: '该版本不存在', en: 'No such version of the article' },
  KB_NOT_EDITABLE: {
    status: 409,
    zh: '只有草稿可以修改，请先退回修订',
    en: 'Only drafts can be edited; revise first',
  },
  KB_ILLEGAL_TRANSITION: {
    status: 409,
    zh: '知识条目当前状态不允许此操作',
    en: "Not allowed in the article's state",
  },
  KB_NOT_ALLOWED: {
    status: 403,
    zh: '只有提供单位或知识库编辑可以执行此操作',
    en: 'Only the owner unit or an editor may',
  },
  KB_COMMENT_REQUIRED: { status: 400, zh: '请填写意见或理由', en: 'A comment is required' },
  KB_UNKNOWN_COUNTY: { status: 400, zh: '适用地区不是甘孜州的县（市）', en: 'Unknown county' },
  KB_UNKNOWN_UNIT: { status: 400, zh: '单位不存在', en: 'Unknown unit' },
  KB_CORRECTION_NOT_FOUND: { status: 404, zh: '纠错记录不存在', en: 'No such correction' },
  KB_CORRECTION_CLOSED: { status: 409, zh: '该纠错已处理', en: 'This correction is already closed' },
  KB_REGISTRATION_NOT_FOUND: { status: 404, zh: '政策预登记不存在', en: 'No such policy registration' },
  KB_RELEASE_DATE_PAST: {
    status: 400,
    zh: '发布日期不能早于今天',
    en: 'The release date cannot be in the past',
  },
  KB_IMPORT_NOT_FOUND: { status: 404, zh: '导入任务不存在', en: 'No such import job' },
  KB_IMPORT_INVALID: { status: 400, zh: '导入文件格式不正确', en: 'The import file is malformed' },
  // call recordings (src/recordings)
  RECORDING_NOT_FOUND: {
    status: 404,
    zh: '该通话没有录音，或录音已超过保存期限被删除',
    en: 'No recording for this call, or it was deleted after its retention period',
  },
  RECORDING_NOT_PLAYABLE: {
    status: 422,
    zh: '该录音无法转换为可播放的音频',
    en: 'This recording has no playable audio',
  },
  RECORDING_RANGE_NOT_SATISFIABLE: {
    status: 416,
    zh: '请求的录音片段超出范围',
    en: 'The requested byte range is outside the recording',
  },
  RECORDING_NOT_YOURS: {
    status: 403,
    zh: '话务员只能收听本人接听的通话录音',
    en: 'Agents may only play recordings of calls they answered',
  },
  CALL_NOT_YOURS: {
    status: 403,
    zh: '话务员只能查看本人接听的通话号码',
    en: 'Agents may only unmask the numbers of calls they answered',
  },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

export class AppError extends Error {
  override name = 'AppError';
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: Record<string, unknown>,
  ) {
    super(`${code}: ${ERRORS[code].en}`);
    this.status = ERRORS[code].status;
  }
}

/** The message of anything thrown (an Error's message, else its string form), for logs and stored errors. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
