// Pure: turn JSON-schema (ajv) validation errors into field-level messages in zh-CN and English.
import type { FieldError } from '../contracts/errors.ts';

export interface AjvLikeError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

type Tpl = (p: Record<string, unknown>) => { zh: string; en: string };

const TEMPLATES: Record<string, Tpl> = {
  required: () => ({ zh: '必填', en: 'is required' }),
  type: (p) => ({ zh: `类型应为 ${String(p.type)}`, en: `must be ${String(p.type)}` }),
  minLength: (p) => ({ zh: `长度至少为 ${p.limit}`, en: `must be at least ${p.limit} characters` }),
  maxLength: (p) => ({ zh: `长度不能超过 ${p.limit}`, en: `must be at most ${p.limit} characters` }),
  minimum: (p) => ({ zh: `不能小于 ${p.limit}`, en: `must be >= ${p.limit}` }),
  maximum: (p) => ({ zh: `不能大于 ${p.limit}`, en: `must be <= ${p.limit}` }),
  minItems: (p) => ({ zh: `至少 ${p.limit} 项`, en: `must have at least ${p.limit} items` }),
  maxItems: (p) => ({ zh: `至多 ${p.limit} 项`, en: `must have at most ${p.limit} items` }),
  pattern: () => ({ zh: '格式不正确', en: 'has the wrong format' }),
  format: (p) => ({ zh: `格式应为 ${String(p.format)}`, en: `must be a valid ${String(p.format)}` }),
  enum: (p) => ({
    zh: `取值应为：${(p.allowedValues as unknown[] | undefined)?.join('、') ?? ''}`,
    en: `must be one of: ${(p.allowedValues as unknown[] | undefined)?.join(', ') ?? ''}`,
  }),
  const: (p) => ({ zh: `取值应为 ${String(p.allowedValue)}`, en: `must be ${String(p.allowedValue)}` }),
  additionalProperties: (p) => ({
    zh: `不允许的字段 ${String(p.additionalProperty)}`,
    en: `unknown field ${String(p.additionalProperty)}`,
  }),
  anyOf: () => ({ zh: '取值不符合任何允许的形式', en: 'does not match any allowed form' }),
};

function fieldPath(context: string, e: AjvLikeError): string {
  const parts = e.instancePath.split('/').filter(Boolean);
  if (e.keyword === 'required' && typeof e.params.missingProperty === 'string')
    parts.push(e.params.missingProperty);
  if (e.keyword === 'additionalProperties' && typeof e.params.additionalProperty === 'string')
    parts.push(e.params.additionalProperty);
  return [context, ...parts].join('.');
}

export function toFieldErrors(context: string, errors: readonly AjvLikeError[]): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const tpl = TEMPLATES[e.keyword];
    const t = tpl ? tpl(e.params) : { zh: '取值不正确', en: e.message ?? 'is invalid' };
    const field = fieldPath(context, e);
    const key = `${field}|${e.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      field,
      rule: e.keyword,
      messageKey: `validation.${e.keyword}`,
      messages: { 'zh-CN': t.zh, en: t.en },
    });
  }
  return out;
}
