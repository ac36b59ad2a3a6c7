// A queue of tickets, earliest deadline first, coloured by deadline state; ↑↓ + Enter to open.
import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DeadlineTag } from './DeadlineTag.tsx';

export interface PortalRow {
  id: string;
  no: string;
  type: string;
  county: string;
  content: string;
  phase: string;
  dueAt: string | null;
  startedAt: string | null;
  dueLabel: string;
  supervisionLevel: number;
}

export function TicketList(props: {
  rows: readonly PortalRow[];
  selected: string | null;
  onSelect: (id: string) => void;
  now: number;
  label: string;
  /** an extra control beside a row (e.g. the 回访 dial button) */
  action?: (row: PortalRow) => ReactNode;
}) {
  const { t } = useTranslation();
  const idx = props.rows.findIndex((r) => r.id === props.selected);
  const onKey = (e: KeyboardEvent) => {
    const next = e.key === 'ArrowDown' ? idx + 1 : e.key === 'ArrowUp' ? idx - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const row = props.rows[Math.max(0, Math.min(props.rows.length - 1, next))];
    if (row) props.onSelect(row.id);
  };
  if (!props.rows.length) return <p className="muted portal-empty">{t('portal.empty')}</p>;
  return (
    <ul className="portal-list" aria-label={props.label} onKeyDown={onKey}>
      {props.rows.map((r) => (
        <li key={r.id}>
          <button
            type="button"
            className={`portal-row ${r.id === props.selected ? 'on' : ''}`}
            aria-current={r.id === props.selected}
            onClick={() => props.onSelect(r.id)}
          >
            <span className="pr-line">
              <strong>{r.no}</strong>
              <span className="tag">{t(`tickets.types.${r.type}`)}</span>
              <span className="muted">{r.county}</span>
              {r.supervisionLevel > 0 && (
                <span className="tag bad">{t('portal.supervision', { level: r.supervisionLevel })}</span>
              )}
            </span>
            <span className="pr-content">{r.content}</span>
            <DeadlineTag dueAt={r.dueAt} startedAt={r.startedAt} label={r.dueLabel} now={props.now} />
          </button>
          {props.action?.(r)}
        </li>
      ))}
    </ul>
  );
}
