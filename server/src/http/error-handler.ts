// Maps every thrown error to the catalogue (errors.ts): AppError as declared, schema validation
// errors to 400 VALIDATION_FAILED with field-level messages, other client errors (bad JSON, wrong
// content type, rate limit) to their 4xx code; anything else is a logged 500 INTERNAL.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiErrorBody, FieldError } from '../contracts/errors.ts';
import { AppError, ERRORS, type ErrorCode } from '../errors.ts';
import { type AjvLikeError, toFieldErrors } from './validation-messages.ts';

export function pickLanguage(acceptLanguage: string | undefined): 'zh-CN' | 'en' {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

export function errorBody(
  req: FastifyRequest,
  code: ErrorCode,
  fields?: FieldError[],
  details?: Record<string, unknown>,
): ApiErrorBody {
  const e = ERRORS[code];
  const lang = pickLanguage(req.headers['accept-language']);
  return {
    error: {
      code,
      status: e.status,
      messageKey: `errors.${code}`,
      message: lang === 'en' ? e.en : e.zh,
      messages: { 'zh-CN': e.zh, en: e.en },
      ...(fields ? { fields } : {}),
      ...(details ? { details } : {}),
      requestId: String(req.id),
    },
  };
}

function codeForClientError(err: FastifyError): ErrorCode {
  const status = err.statusCode ?? 500;
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 404) return 'NOT_FOUND';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  return 'BAD_REQUEST';
}

export function sendError(
  req: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  fields?: FieldError[],
  details?: Record<string, unknown>,
) {
  return reply
    .code(ERRORS[code].status)
    .type('application/json')
    .send(errorBody(req, code, fields, details));
}

export function errorHandler(err: FastifyError | AppError | Error, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) {
    if (err.code === 'ACCOUNT_LOCKED' && typeof err.details?.retryAfterSeconds === 'number')
      reply.header('retry-after', String(err.details.retryAfterSeconds));
    return sendError(req, reply, err.code, undefined, err.details);
  }
  const fe = err as FastifyError;
  if (fe.validation) {
    const fields = toFieldErrors(fe.validationContext ?? 'body', fe.validation as unknown as AjvLikeError[]);
    return sendError(req, reply, 'VALIDATION_FAILED', fields);
  }
  const status = fe.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    req.log.info({ err: fe }, 'client error');
    return sendError(req, reply, codeForClientError(fe));
  }
  req.log.error({ err }, 'unhandled error');
  return sendError(req, reply, 'INTERNAL');
}
