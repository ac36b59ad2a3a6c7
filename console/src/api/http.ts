// Thin HTTP adapter: same-origin fetch with the session cookie and the CSRF header on writes.
// Errors come back as ConsoleError with the server's code and localised messages.
import { config } from '../config.ts';
import { ConsoleError } from '../errors.ts';

export const CSRF_HEADER = 'x-csrf-token';
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export interface ServerErrorDetail {
  serverCode?: string;
  status: number;
  messages?: { 'zh-CN': string; en: string };
  [k: string]: unknown;
}

function toError(status: number, body: unknown): ConsoleError {
  const err = (body as { error?: { code?: string; messages?: ServerErrorDetail['messages'] } } | null)?.error;
  const detail: ServerErrorDetail = { status, serverCode: err?.code, messages: err?.messages };
  if (status === 401) return new ConsoleError('NOT_LOGGED_IN', detail);
  if (status === 403) return new ConsoleError('FORBIDDEN', detail);
  if (status >= 500) return new ConsoleError('SERVER_ERROR', detail);
  return new ConsoleError('BAD_PAYLOAD', detail);
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers[CSRF_HEADER] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`${config.apiBase}${path}`, {
      method,
      headers,
      credentials: 'include',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ConsoleError('NETWORK', { message: (e as Error).message });
  }
  const text = await res.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new ConsoleError('BAD_PAYLOAD', { status: res.status, what: 'non-JSON response' });
    }
  }
  if (!res.ok) throw toError(res.status, parsed);
  return parsed as T;
}
