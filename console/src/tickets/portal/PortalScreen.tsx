// 工单办理 (lazy chunk): handling units' inbox by deadline; the center's dispatch (转办), handling,
// review (审核), decision and callback (回访) queues; the ticket detail with its commands and timeline.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketSummary } from '../../../../server/src/contracts/tickets.ts';
import { useNow } from '../../ui/use-now.ts';
import { errorText, type TicketQuery, type TicketsApi, ticketsApi } from '../api.ts';
import { nextDue, sortByDeadline } from '../deadline.ts';
import { useTicketSetup } from '../use-ticket-meta.ts';
import { CallbackDialButton, type CallbackDialer } from './CallbackDialButton.tsx';
import { TicketDetail } from './TicketDetail.tsx';
import { type PortalRow, TicketList } from './TicketList.tsx';
import { useUnitNotifications } from './use-unit-notifications.ts';
import '../tickets.css';
import './portal.css';

export type PortalTab =
  | 'inbox'
  | 'dispatch'
  | 'escalated'
  | 'handling'
  | 'review'
  | 'decision'
  | 'callbacks'
  | 'all';

const UNIT_ROLES = ['unit_staff', 'unit_leader', 'county_office'];
const CENTER_ROLES = ['dispatcher', 'shift_lead', 'authority'];

/** Which queues a user gets, by role. */
export function tabsFor(roles: readonly string[]): PortalTab[] {
  const tabs = new Set<PortalTab>();
  if (roles.some((r) => UNIT_ROLES.includes(r))) tabs.add('inbox');
  if (roles.some((r) => CENTER_ROLES.includes(r)))
    for (const x of ['dispatch', 'escalated', 'handling', 'review', 'decision'] as const) tabs.add(x);
  if (roles.some((r) => ['agent', 'dispatcher', 'shift_lead'].includes(r))) tabs.add('callbacks');
  tabs.add('all');
  return [...tabs];
}

const QUERY: Record<Exclude<PortalTab, 'callbacks'>, TicketQuery> = {
  inbox: { phase: ['handling'], order: 'deadline' },
  dispatch: { phase: ['registered'], order: 'deadline' },
  escalated: { phase: ['escalated'], order: 'created' },
  handling: { phase: ['handling'], order: 'deadline' },
  review: { phase: ['awaiting_review'], order: 'deadline' },
  decision: { phase: ['awaiting_decision'], order: 'deadline' },
  all: { order: 'created' },
};

export default function PortalScreen(props: { api?: TicketsApi; phone?: Partial<CallbackDialer> }) {
  const { t, i18n } = useTranslation();
  const api = props.api ?? ticketsApi;
  const setup = useTicketSetup(api);
  const now = useNow(30_000);
  const tabs = useMemo(() => (setup ? tabsFor(setup.roles) : []), [setup]);
  const [tab, setTab] = useState<PortalTab | null>(null);
  const [rows, setRows] = useState<PortalRow[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  // choosing a ticket (again) or refreshing re-reads it: others may have acted on it meanwhile
  const [nonce, setNonce] = useState(0);
  const select = (id: string) => {
    setSelected(id);
    setNonce((n) => n + 1);
  };
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const current = tab ?? tabs[0] ?? null;

  const dueLabel = useCallback(
    (s: TicketSummary) => {
      const k = nextDue(s).kind;
      return t(
        k === 'sign' ? 'portal.dueSign' : k === 'dispatch' ? 'portal.dueDispatch' : 'portal.dueComplete',
      );
    },
    [t],
  );

  const load = useCallback(async () => {
    if (!current) return;
    setError(null);
    try {
      if (current === 'callbacks') {
        const tasks = await api.callbacks();
        setRows(
          tasks.map((c) => ({
            id: c.ticketId,
            no: c.no,
            type: c.type,
            county: t('portal.callbacks.round', { n: c.round }),
            content: c.requesters.map((r) => r.phone ?? r.name ?? '').join('、'),
            phase: 'awaiting_callback',
            dueAt: c.autoCloseAt,
            startedAt: c.openedAt,
            dueLabel: t('tickets.due'),
            supervisionLevel: 0,
          })),
        );
        return;
      }
      const q = QUERY[current];
      const list = await api.list({ ...q, limit: 100 });
      const items = q.order === 'deadline' ? sortByDeadline(list.items) : list.items;
      setRows(
        items.map((s) => ({
          id: s.id,
          no: s.no,
          type: s.type,
          county: s.county,
          content: s.content,
          phase: s.phase,
          dueAt: ['handling', 'registered'].includes(s.phase) ? nextDue(s).dueAt : null,
          startedAt: s.createdAt,
          dueLabel: dueLabel(s),
          supervisionLevel: s.supervisionLevel,
        })),
      );
    } catch (e) {
      setError(errorText(e, i18n.language, t));
    }
  }, [api, current, t, i18n.language, dueLabel]);

  useEffect(() => {
    void load();
    // queues change as others work: refresh every minute besides the live notifications
    const timer = setInterval(() => void load(), 60_000);
    return () => clearInterval(timer);
  }, [load]);

  useUnitNotifications(setup ? setup.permissions.includes('tickets.notifications') : false, (n) => {
    setNotice(
      t('portal.notice', {
        no: n.ticketNo ?? n.ticketId,
        reason: i18n.exists(`portal.ev.${n.reason}`) ? t(`portal.ev.${n.reason}`) : n.reason,
      }),
    );
    void load();
  });

  if (setup === false) return <p className="alert warn">{t('errors.FORBIDDEN')}</p>;
  if (!setup || !current) return null;
  return (
    <div className="portal">
      <aside className="portal-side">
        <nav className="portal-tabs" aria-label={t('portal.title')}>
          {tabs.map((x) => (
            <button
              key={x}
              type="button"
              className={`btn ${x === current ? 'primary' : ''}`}
              onClick={() => {
                setSelected(null);
                if (x === current) void load();
                else setTab(x);
              }}
            >
              {t(`portal.tabs.${x}`)}
            </button>
          ))}
          <button
            type="button"
            className="btn link"
            onClick={() => {
              setNonce((n) => n + 1);
              void load();
            }}
          >
            {t('portal.refresh')}
          </button>
        </nav>
        {error && <p className="alert bad">{error}</p>}
        {notice && (
          <p className="alert warn" role="status" data-testid="unit-notice">
            {notice}
          </p>
        )}
        <TicketList
          rows={rows}
          selected={selected}
          onSelect={select}
          now={now}
          label={t(`portal.tabs.${current}`)}
          action={
            current === 'callbacks' && props.phone?.dialCallback
              ? (r) => (
                  <CallbackDialButton
                    ticketId={r.id}
                    no={r.no}
                    label={r.content}
                    api={api}
                    phone={props.phone as CallbackDialer}
                  />
                )
              : undefined
          }
        />
      </aside>
      <main className="portal-main">
        {selected ? (
          <TicketDetail
            key={`${selected}#${nonce}`}
            ticketId={selected}
            meta={setup.meta}
            units={setup.units}
            orgUnitId={setup.orgUnitId}
            api={api}
            now={now}
            canPlayRecordings={setup.permissions.includes('recordings.play')}
            onChanged={() => void load()}
          />
        ) : (
          <p className="muted idle-hint">{t('portal.pick')}</p>
        )}
      </main>
    </div>
  );
}
