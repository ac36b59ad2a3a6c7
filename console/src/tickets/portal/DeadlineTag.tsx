import { useTranslation } from 'react-i18next';
import { deadlineState, remaining } from '../deadline.ts';

/** Coloured deadline: running (green) / warning (amber) / breached (red), with the time left or over. */
export function DeadlineTag(props: {
  dueAt: string | null;
  startedAt: string | null;
  label?: string;
  now: number;
}) {
  const { t } = useTranslation();
  const state = deadlineState(props.dueAt, props.startedAt, props.now);
  if (!props.dueAt || state === 'none') return null;
  const r = remaining(props.dueAt, props.now);
  return (
    <span className={`deadline dl-${state}`} data-deadline={state} title={t(`tickets.deadline.${state}`)}>
      {props.label ? `${props.label} ` : ''}
      {t(r.overdue ? 'portal.over' : 'portal.left', { d: r.days, h: r.hours, m: r.minutes })}
    </span>
  );
}
