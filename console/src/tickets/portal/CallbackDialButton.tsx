// 回访 one-click dialing: fetch a short-lived grant from the server (POST /api/tickets/:id/callback-grant)
// and place the call through the softphone with it; the gateway refuses any other number.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Phone } from '../../phone/phone.ts';
import { errorText, type TicketsApi } from '../api.ts';

export type CallbackDialer = Required<Pick<Phone, 'dialCallback'>>;

export function CallbackDialButton(props: {
  ticketId: string;
  no: string;
  /** masked requester as the list shows it (the softphone displays this, never the raw number) */
  label: string;
  api: Pick<TicketsApi, 'callbackGrant'>;
  phone: CallbackDialer;
}) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const dial = async () => {
    setBusy(true);
    setStatus(null);
    try {
      const g = await props.api.callbackGrant(props.ticketId);
      await props.phone.dialCallback({
        dialUri: g.dialUri,
        grant: g.grant,
        ticketId: g.ticketId,
        label: props.label,
      });
      setStatus({ ok: true, text: t('portal.callbacks.dialing', { no: props.no }) });
    } catch (e) {
      setStatus({ ok: false, text: errorText(e, i18n.language, t) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="callback-dial">
      <button type="button" className="btn primary" disabled={busy} onClick={() => void dial()}>
        {t('portal.callbacks.dial')}
      </button>
      {status && (
        <span role="status" className={status.ok ? 'muted' : 'alert bad'}>
          {status.text}
        </span>
      )}
    </span>
  );
}
