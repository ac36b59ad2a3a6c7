// The agent workspace's ticket slot: the ticket form beside the KB panel. Registers the ticket, shows
// 并单 suggestions from the server, then records 即办 / 不予受理 as the follow-up command.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateSuggestion, TicketView } from '../../../server/src/contracts/tickets.ts';
import { type KbApi, kbApi } from '../kb/api.ts';
import { type KbCite, KbPanel } from '../kb/KbPanel.tsx';
import { errorText, type TicketsApi, ticketsApi } from './api.ts';
import { TicketForm } from './TicketForm.tsx';
import {
  type CallContext,
  citeArticle,
  type FormErrors,
  followUp,
  initialForm,
  type TicketFormState,
  toIntake,
  validateForm,
} from './ticket-form.ts';
import { countiesOf, useTicketSetup } from './use-ticket-meta.ts';
import './tickets.css';

interface Pending {
  ticket: TicketView;
  form: TicketFormState;
  duplicates: (DuplicateSuggestion & { no?: string; content?: string })[];
}

export interface TicketDeskProps {
  /** the current call (from the softphone) */
  call?: { callId: string; callerNumber: string } | null;
  /** the screen-pop of that call: county guess, queue priority */
  pop?: { countyGuess?: string; priority?: CallContext['priority'] } | null;
  api?: TicketsApi;
  kb?: KbApi;
}

export function TicketDesk(props: TicketDeskProps) {
  const { t, i18n } = useTranslation();
  const api = props.api ?? ticketsApi;
  const call: CallContext | undefined = props.call
    ? { ...props.call, countyGuess: props.pop?.countyGuess, priority: props.pop?.priority }
    : undefined;
  const setup = useTicketSetup(api);
  const [form, setForm] = useState<TicketFormState>(() => initialForm(call));
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const pristine = useRef(true);

  // A new call fills a pristine form; a half-typed ticket is never overwritten.
  const callId = call?.callId;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new call id resets the form
  useEffect(() => {
    if (callId && pristine.current) setForm(initialForm(call));
  }, [callId]);
  // The screen-pop's county guess arrives after the call: fill it if the agent has not chosen one.
  useEffect(() => {
    if (call?.countyGuess && callId === form.callId && !form.county)
      setForm((f) => ({ ...f, county: call.countyGuess ?? '' }));
  }, [call?.countyGuess, callId, form.callId, form.county]);

  const change = (f: TicketFormState) => {
    pristine.current = false;
    setForm(f);
    setDone(null);
  };
  const reset = () => {
    pristine.current = true;
    setForm(initialForm(call));
    setErrors({});
    setPending(null);
    setFailure(null);
    setTimeout(() => root.current?.querySelector<HTMLInputElement>('.ticket-form input')?.focus(), 0);
  };
  const resetRef = useRef(reset);
  resetRef.current = reset;

  // Alt+N: a new, empty ticket (keyboard-first; the console's keymap leaves N free).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyN' || e.key.toLowerCase() === 'n')) {
        e.preventDefault();
        resetRef.current();
        setDone(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const kbPanel = (cite?: (c: KbCite) => void) => (
    <div className="td-kb">
      <KbPanel api={props.kb ?? kbApi} onCite={cite} callerCounty={form.county || undefined} />
    </div>
  );
  // Without the tickets feature (or while it loads) only the KB panel shows.
  if (!setup) return <div className="ticket-desk">{kbPanel()}</div>;

  const finish = (key: string, no: string) => {
    setDone(t(key, { no }));
    setPending(null);
    pristine.current = true;
    setForm(initialForm());
  };
  const fail = (e: unknown) => setFailure(errorText(e, i18n.language, t));

  const applyFollowUp = async (ticket: TicketView, f: TicketFormState) => {
    const next = followUp(f);
    if (next) await api.command(ticket.id, next.command, next.body);
    finish(
      f.disposition === 'immediate'
        ? 'tickets.form.doneImmediate'
        : f.disposition === 'not_accepted'
          ? 'tickets.form.doneNotAccepted'
          : 'tickets.form.done',
      ticket.no,
    );
  };

  const submit = async () => {
    const e = validateForm(form);
    setErrors(e);
    setFailure(null);
    if (Object.keys(e).length || busy) return;
    setBusy(true);
    try {
      const { ticket, duplicates } = await api.register(toIntake(form));
      if (duplicates.length) {
        const shown = await Promise.all(
          duplicates.slice(0, 5).map(async (d) => {
            const v = await api.get(d.ticketId).catch(() => null);
            return { ...d, no: v?.no, content: v?.intake.content };
          }),
        );
        setPending({ ticket, form, duplicates: shown });
      } else await applyFollowUp(ticket, form);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const merge = async (primaryId: string, no?: string) => {
    if (!pending) return;
    setBusy(true);
    try {
      await api.merge(pending.ticket.id, primaryId);
      finish('tickets.form.doneMerged', no ?? primaryId);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };
  const keep = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      await applyFollowUp(pending.ticket, pending.form);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const onCite = (c: KbCite) => change(citeArticle(form, { id: c.id, title: c.title }, c.snippet));

  return (
    <div className="ticket-desk" ref={root}>
      <div className="td-form">
        {done && (
          <p className="alert ok-bg" role="status">
            {done}
          </p>
        )}
        {failure && (
          <p className="alert bad" role="alert">
            {failure}
          </p>
        )}
        {pending ? (
          <section className="panel duplicates" aria-label={t('tickets.form.duplicates')}>
            <h3>{t('tickets.form.duplicates')}</h3>
            <ul>
              {pending.duplicates.map((d) => (
                <li key={d.ticketId}>
                  <strong>{d.no ?? d.ticketId}</strong>{' '}
                  {d.reasons.map((r) => (
                    <span key={r} className="tag warn">
                      {r === 'same_phone'
                        ? t('tickets.form.samePhone')
                        : t('tickets.form.similarContent', { pct: Math.round(d.similarity * 100) })}
                    </span>
                  ))}
                  <p className="muted">{d.content}</p>
                  <button
                    type="button"
                    className="btn"
                    disabled={busy}
                    onClick={() => void merge(d.ticketId, d.no)}
                  >
                    {t('tickets.form.merge')}
                  </button>
                </li>
              ))}
            </ul>
            <button type="button" className="btn primary" disabled={busy} onClick={() => void keep()}>
              {t('tickets.form.keepSeparate')}
            </button>
          </section>
        ) : (
          <TicketForm
            form={form}
            onChange={change}
            onSubmit={() => void submit()}
            onReset={reset}
            meta={setup.meta}
            counties={countiesOf(setup.units)}
            plainPii={setup.plainPii}
            errors={errors}
            busy={busy}
          />
        )}
      </div>
      {kbPanel(onCite)}
    </div>
  );
}
