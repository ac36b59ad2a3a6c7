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

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
