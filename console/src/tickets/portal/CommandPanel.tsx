// The lifecycle commands this user may run on the ticket now (from the server's allowedCommands):
// one button each; a command with inputs opens its form (required fields per type, Art. 14).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketView } from '../../../../server/src/contracts/tickets.ts';
import { errorText, type OrgUnit, type TicketMeta, type TicketsApi } from '../api.ts';
import { countyOfficesOf, departmentsOf } from '../use-ticket-meta.ts';
import { buildBody, commandSpec, type FieldSpec, relevantCommands, type Values } from './command-forms.ts';
import { FieldInput } from './FieldInput.tsx';

export function CommandPanel(props: {
  ticket: TicketView;
  meta: TicketMeta;
  units: readonly OrgUnit[];
  /** the user's own org unit (a unit's assignment decides which commands make sense) */
  orgUnitId: string;
  api: TicketsApi;
  onDone: (t: TicketView, command: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const [values, setValues] = useState<Values>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const commands = relevantCommands(props.ticket, props.orgUnitId);
  if (!commands.length) return null;

  const unitsFor = (f: FieldSpec): readonly OrgUnit[] => {
    if (f.units === 'county_offices') return countyOfficesOf(props.units);
    if (f.units === 'returning') {
      const ids = props.ticket.assignments
        .filter((a) => a.status === 'return_signed' || a.status === 'return_requested')
        .map((a) => a.unitId);
      return props.units.filter((u) => ids.includes(u.id));
    }
    return departmentsOf(props.units);
  };

  const run = async (command: string, body: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    try {
      const next = await props.api.command(props.ticket.id, command, body);
      setOpen(null);
      setValues({});
      props.onDone(next, command);
    } catch (e) {
      setError(errorText(e, i18n.language, t));
    } finally {
      setBusy(false);
    }
  };

  const click = (command: string) => {
    const spec = commandSpec(command, props.ticket, props.meta.replyRequirements);
    if (!spec.fields.length) return void run(command, {});
    setOpen(open === command ? null : command);
    setValues(command === 'dispatched' ? { mode: 'single' } : {});
    setError(null);
  };

  const spec = open ? commandSpec(open, props.ticket, props.meta.replyRequirements) : null;
  return (
    <section className="panel commands" aria-label={t('portal.actions')}>
      <div className="row">
        {commands.map((c) => {
          const s = commandSpec(c, props.ticket, props.meta.replyRequirements);
          return (
            <button
              key={c}
              type="button"
              className={`btn ${s.tone === 'primary' ? 'primary' : s.tone === 'danger' ? 'danger-outline' : ''} ${open === c ? 'pressed' : ''}`}
              disabled={busy}
              onClick={() => click(c)}
            >
              {t(`portal.cmd.${c}`)}
            </button>
          );
        })}
      </div>
      {error && (
        <p className="alert bad" role="alert">
          {error}
        </p>
      )}
      {open && spec && (
        <form
          className="command-form"
          aria-label={t(`portal.cmd.${open}`)}
          onSubmit={(e) => {
            e.preventDefault();
            const r = buildBody(open, spec, values);
            if (!r.ok) {
              setError(t('portal.missing', { fields: r.missing.map((m) => t(`portal.f.${m}`)).join('、') }));
              return;
            }
            void run(open, r.body);
          }}
        >
          {spec.fields
            .filter((f) => !f.when || f.when(values))
            .map((f) => (
              <FieldInput
                key={f.name}
                spec={f}
                values={values}
                set={(name, v) => setValues((old) => ({ ...old, [name]: v }))}
                units={unitsFor(f)}
                ratings={props.meta.ratings}
                api={props.api}
              />
            ))}
          <div className="row">
            <button type="submit" className="btn primary" disabled={busy}>
              {t('portal.send')}：{t(`portal.cmd.${open}`)}
            </button>
            <button type="button" className="btn" onClick={() => setOpen(null)}>
              {t('portal.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
