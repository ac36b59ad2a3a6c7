// Webhook job body: POST the notification to the unit's endpoint, signed with HMAC-SHA256 over
// `<timestamp>.<body>` using the unit's secret (derived from the configured master secret).
// Only allowed hosts are called; a refused destination is not retried.
import { createHmac } from 'node:crypto';
import { UnrecoverableError } from 'bullmq';
import type { WebhookJob } from './ticket-queues.ts';

export const SIGNATURE_HEADER = 'x-hotline-signature';
export const TIMESTAMP_HEADER = 'x-hotline-timestamp';

export function unitWebhookSecret(masterSecret: string, unitId: string): string {
  return createHmac('sha256', masterSecret).update(`unit-webhook:${unitId}`).digest('hex');
}

export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface WebhookSettings {
  masterSecret: string;
  allowedHosts: readonly string[];
  timeoutMs: number;
}

export async function sendWebhook(settings: WebhookSettings, job: WebhookJob): Promise<{ status: number }> {
  let url: URL;
  try {
    url = new URL(job.url);
  } catch {
    throw new UnrecoverableError(`webhook url is invalid: ${job.url}`);
  }
  if (
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    !settings.allowedHosts.includes(url.hostname)
  )
    throw new UnrecoverableError(`webhook destination ${url.hostname} is not allowed`);
  const body = JSON.stringify({
    event: `ticket.${job.reason}`,
    id: job.id,
    ticketId: job.ticketId,
    unitId: job.unitId,
    seq: job.seq,
  });
  const ts = String(Date.now());
  const res = await fetch(url, {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/json',
      [TIMESTAMP_HEADER]: ts,
      [SIGNATURE_HEADER]: signWebhook(unitWebhookSecret(settings.masterSecret, job.unitId), ts, body),
      'x-hotline-delivery': job.id,
    },
    signal: AbortSignal.timeout(settings.timeoutMs),
    redirect: 'error',
  });
  await res.arrayBuffer();
  if (res.status < 200 || res.status >= 300) throw new Error(`webhook answered ${res.status}`);
  return { status: res.status };
}
