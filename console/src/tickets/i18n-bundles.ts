// The ticket, knowledge-base, recording and call-record screens' messages, merged into the console's i18n instance by one
// line in i18n/index.ts (each screen keeps its own message file).
import { CALENDAR_ADMIN_MESSAGES } from '../admin/messages.ts';
import { CALL_RECORD_MESSAGES } from '../calls/messages.ts';
import { KB_MESSAGES } from '../kb/messages.ts';
import { RECORDING_MESSAGES } from '../recordings/messages.ts';
import { TICKET_FORM_MESSAGES } from './messages.ts';
import { PORTAL_MESSAGES } from './portal/messages.ts';

type Bundle = { readonly 'zh-CN': object; readonly en: object };
export const MESSAGE_BUNDLES: readonly Bundle[] = [
  TICKET_FORM_MESSAGES,
  PORTAL_MESSAGES,
  KB_MESSAGES,
  RECORDING_MESSAGES,
  CALL_RECORD_MESSAGES,
  CALENDAR_ADMIN_MESSAGES,
];

export function addMessageBundles(i18n: {
  addResourceBundle(lng: string, ns: string, res: object, deep?: boolean, overwrite?: boolean): unknown;
}): void {
  for (const b of MESSAGE_BUNDLES)
    for (const lng of ['zh-CN', 'en'] as const)
      i18n.addResourceBundle(lng, 'translation', b[lng], true, false);
}
