import { useTranslation } from 'react-i18next';
import {
  type EmergencyEvent,
  type EmergencyState,
  type EmergencyTarget,
  emergencyEnabled,
} from '../domain/emergency-bar.ts';
import { useFocusOnMount } from './use-focus.ts';

/** One click + confirm for a three-way call; the third party's state; "leave call" hands over. */
export function EmergencyBar(props: {
  targets: readonly EmergencyTarget[];
  state: EmergencyState;
  callActive: boolean;
  dispatch: (e: EmergencyEvent) => void;
}) {
  const { t } = useTranslation();
  const { state, dispatch } = props;
  const label = (x: EmergencyTarget) => (x.labelKey ? t(x.labelKey) : `${x.number} ${x.label ?? ''}`);
  const enabled = emergencyEnabled(props.callActive, state);
  return (
    <section className="panel emergency" aria-label={t('emergency.title')}>
      <span className="emergency-title">{t('emergency.title')}</span>
      {props.targets.map((x) => (
        <button
          type="button"
          key={x.number}
          className={`btn ${x.kind === 'emergency' ? 'danger' : ''}`}
          disabled={!enabled}
          onClick={() => dispatch({ type: 'pick', target: x })}
        >
          {label(x)}
        </button>
      ))}
      {state.phase === 'confirming' && state.target && (
        <Confirm
          text={t('emergency.confirm', { target: label(state.target) })}
          yes={t('emergency.yes')}
          no={t('emergency.no')}
          onYes={() => dispatch({ type: 'confirm' })}
          onNo={() => dispatch({ type: 'cancel' })}
        />
      )}
      {state.phase !== 'idle' && state.phase !== 'confirming' && (
        <span className={`tag e-${state.phase}`} data-testid="emergency-phase">
          {state.target ? `${state.target.number} · ` : ''}
          {t(`emergency.phase.${state.phase}`)}
        </span>
      )}
      {state.phase === 'three-way' && (
        <button type="button" className="btn" onClick={() => dispatch({ type: 'leave' })}>
          {t('emergency.leave')}
        </button>
      )}
    </section>
  );
}

/** The confirm step: focus lands on 确认 so Enter confirms and Tab+Enter cancels. */
function Confirm(props: { text: string; yes: string; no: string; onYes: () => void; onNo: () => void }) {
  const ref = useFocusOnMount<HTMLButtonElement>();
  return (
    <span className="confirm" role="alertdialog">
      {props.text}
      <button type="button" className="btn danger" ref={ref} onClick={props.onYes}>
        {props.yes}
      </button>
      <button type="button" className="btn" onClick={props.onNo}>
        {props.no}
      </button>
    </span>
  );
}
