// 通话记录 through the server (server/src/contracts/calls.ts): one page of the history, and the audited
// unmasking of one call's numbers.
import type { CallList, CallRecord } from '../../../server/src/contracts/calls.ts';
import { api } from '../api/http.ts';

export type { CallList, CallRecord };

export interface CallsApi {
  list(query: string): Promise<CallList>;
  unmask(callId: string, reason: string): Promise<CallRecord>;
}

export const callsApi: CallsApi = {
  list: (query) => api<CallList>('GET', `/api/calls?${query}`),
  unmask: (callId, reason) =>
    api<CallRecord>('POST', `/api/calls/${encodeURIComponent(callId)}/unmask`, { reason }),
};
