// One ticket: facts, requester (masked / withheld per role by the server), assignments with their
// 签收 state, answers, extensions, the commands this user may run, and the timeline.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketView } from '../../../../server/src/contracts/tickets.ts';
import { RecordingList } from '../../recordings/RecordingPlayer.tsx';
import { errorText, type OrgUnit, type TicketMeta, type TicketsApi } from '../api.ts';
import { flattenCategories } from '../ticket-form.ts';
import { CommandPanel } from './CommandPanel.tsx';
import { DeadlineTag } from './DeadlineTag.tsx';
import { TicketTimeline } from './TicketTimeline.tsx';
import { shanghaiTime } from './timeline.ts';

export function TicketDetail(props: {
  ticketId: string;
  meta: TicketMeta;
  units: readonly OrgUnit[];
  orgUnitId: string;
  api: TicketsApi;
  now: number;
  /** permission recordings.play: show the 录音 players of the ticket's calls */
  canPlayRecordings?: boolean;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [ticket, setTicket] = useState<TicketView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const { api, ticketId } = props;
  useEffect(() => {
    let live = true;
    setTicket(null);
    setFlash(null);
    api
      .get(ticketId)
      .then((v) => live && setTicket(v))
      .catch((e: unknown) => live && setError(errorText(e, i18n.language, t)));
    return () => {
      live = false;
    };
  }, [api, ticketId, i18n.language, t]);
  if (error) return <p className="alert bad">{error}</p>;
  if (!ticket) return null;
  const unitName = (id: string) => props.units.find((u) => u.id === id)?.name ?? id;
  const category = flattenCategories(props.meta.categories, i18n.language).find(
    (c) => c.id === ticket.intake.categoryId,
  );
  const r = ticket.intake.requester;
  const pendingSign = ticket.assignments.find((a) => a.status === 'dispatched');
  return (
    <article className="ticket-detail" aria-label={`${t('portal.no')} ${ticket.no}`}>
      <header className="panel td-header">
        <div className="row">
          <h3>
            {t('portal.no')} {ticket.no}
          </h3>
          <span className="tag" data-testid="ticket-phase">
            {t(`tickets.phase.${ticket.phase}`)}
          </span>
          <span className="tag">{t(`tickets.types.${ticket.intake.type}`)}</span>
          {ticket.intake.priority !== 'normal' && (
            <span className={`tag ${ticket.intake.priority === '特殊紧急事项' ? 'bad' : 'warn'}`}>
              {t(`tickets.priorities.${ticket.intake.priority}`)}
            </span>
          )}
          {ticket.supervisionLevel > 0 && (
            <span className="tag bad">{t('portal.supervision', { level: ticket.supervisionLevel })}</span>
          )}
          {ticket.phase === 'handling' && (
            <DeadlineTag
              dueAt={pendingSign ? pendingSign.signDueAt : (ticket.completionDueAt ?? null)}
              startedAt={pendingSign ? pendingSign.dispatchedAt : (ticket.dispatchedAt ?? null)}
              label={pendingSign ? t('portal.dueSign') : t('portal.dueComplete')}
              now={props.now}
            />
          )}
          {ticket.phase === 'registered' && (
            <DeadlineTag
              dueAt={ticket.dispatchDueAt}
              startedAt={ticket.createdAt}
              label={t('portal.dueDispatch')}
              now={props.now}
            />
          )}
        </div>
        <dl className="facts td-facts">
          <dt>{t('portal.requester')}</dt>
          <dd>
            {r.withheld
              ? t('portal.withheld')
              : r.anonymous
                ? t('portal.anonymous')
                : [r.name, r.phone].filter(Boolean).join(' · ') || '—'}
          </dd>
          <dt>{t('portal.county')}</dt>
          <dd>
            {[ticket.intake.location.county, ticket.intake.location.township, ticket.intake.location.address]
              .filter(Boolean)
              .join(' ')}
          </dd>
          <dt>{t('portal.category')}</dt>
          <dd>{category?.label ?? ticket.intake.categoryId}</dd>
          <dt>{t('portal.createdAt')}</dt>
          <dd>{shanghaiTime(ticket.createdAt)}</dd>
          <dt>{t('portal.content')}</dt>
          <dd className="td-content">{ticket.intake.content}</dd>
          {ticket.instruction && (
            <>
              <dt>{t('portal.f.instruction')}</dt>
              <dd>{ticket.instruction}</dd>
            </>
          )}
          {ticket.immediate && (
            <>
              <dt>{t('portal.immediate')}</dt>
              <dd>
                {ticket.immediate.answer}
                {ticket.immediate.kbArticleId && (
                  <span className="tag">
                    {t('portal.citedArticle')} {ticket.immediate.kbArticleId}
                  </span>
                )}
              </dd>
            </>
          )}
          {ticket.notAccepted && (
            <>
              <dt>{t('portal.notAccepted')}</dt>
              <dd>
                {ticket.notAccepted.reasonCode}. {ticket.notAccepted.guidance}
              </dd>
            </>
          )}
        </dl>
        {props.canPlayRecordings && (
          <RecordingList callIds={[...ticket.intake.callIds, ...ticket.intake.recordingIds]} />
        )}
        {ticket.assignments.length > 0 && (
          <table className="assignments">
            <caption>{t('portal.assignments')}</caption>
            <tbody>
              {ticket.assignments.map((a) => (
                <tr key={`${a.unitId}-${a.dispatchedAt}-${a.status}`}>
                  <td>{unitName(a.unitId)}</td>
                  <td>{t(`portal.role.${a.role}`)}</td>
                  <td className={`as-${a.status}`}>{t(`portal.astatus.${a.status}`)}</td>
                  <td className="muted">{a.signedAt ? shanghaiTime(a.signedAt) : ''}</td>
                  <td className="muted">{a.returnRequest?.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {ticket.replies.length > 0 && (
          <div className="replies">
            <h4>{t('portal.replies')}</h4>
            {ticket.replies.map((rep) => (
              <p key={rep.at}>
                <span className="muted">
                  {shanghaiTime(rep.at)} {unitName(rep.unitId)}：
                </span>
                {String(rep.content.summary ?? '')}
                {rep.content.policyBasis ? ` · ${String(rep.content.policyBasis)}` : ''}
              </p>
            ))}
          </div>
        )}
        {ticket.extensions.length > 0 && (
          <p>
            {t('portal.extensions')}：
            {ticket.extensions.map((x) => (
              <span key={x.requestedAt} className="tag">
                {x.days} · {x.reason} · {t(`portal.ext.${x.status}`)}
              </span>
            ))}
          </p>
        )}
      </header>
      {flash && (
        <p className="alert ok-bg" role="status">
          {flash}
        </p>
      )}
      <CommandPanel
        ticket={ticket}
        meta={props.meta}
        units={props.units}
        orgUnitId={props.orgUnitId}
        api={api}
        onDone={(next, command) => {
          setTicket({ ...next, no: next.no || ticket.no });
          setFlash(t('portal.done', { cmd: t(`portal.cmd.${command}`) }));
          props.onChanged();
        }}
      />
      <TicketTimeline ticketId={ticket.id} version={ticket.version} api={api} unitName={unitName} />
    </article>
  );
}
