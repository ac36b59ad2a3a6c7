import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketEventView } from '../../../../server/src/contracts/tickets.ts';
import type { TicketsApi } from '../api.ts';
import { shanghaiTime, timeline } from './timeline.ts';

/** 办理记录: every event of the immutable log, oldest first. `version` reloads it after a command. */
export function TicketTimeline(props: {
  ticketId: string;
  version: number;
  api: TicketsApi;
  unitName: (id: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const [events, setEvents] = useState<TicketEventView[] | null>(null);
  const { api, ticketId, version } = props;
  useEffect(() => {
    let live = true;
    if (version < 0) return;
    api
      .events(ticketId)
      .then((e) => live && setEvents(e))
      .catch(() => live && setEvents([]));
    return () => {
      live = false;
    };
  }, [api, ticketId, version]);
  if (!events) return null;
  return (
    <section className="panel timeline" aria-label={t('portal.timeline')}>
      <h4>{t('portal.timeline')}</h4>
      <ol>
        {timeline(events, props.unitName, (r) => t(`portal.role.${r}`)).map((l) => (
          <li key={l.seq} className={`ev ev-${l.type}`}>
            <time>{shanghaiTime(l.at)}</time>
            <strong>{i18n.exists(`portal.ev.${l.type}`) ? t(`portal.ev.${l.type}`) : l.type}</strong>
            <span className="muted">
              {t(`portal.actor.${l.role}`)}
              {l.unitId && l.role !== 'agent' && l.role !== 'center' ? ` · ${props.unitName(l.unitId)}` : ''}
            </span>
            {l.detail && <span className="ev-detail">{l.detail}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
