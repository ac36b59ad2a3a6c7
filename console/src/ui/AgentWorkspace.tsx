import { type ReactNode, useEffect, useMemo, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentBackend, TodayCounters } from '../api/agent-backend.ts';
import {
  type AgentAction,
  type AgentStatus,
  canDo,
  checkAction,
  type NotReadyReason,
} from '../domain/agent-status.ts';
import { loadDevices, resolveDevices, type StoredDevices, saveDevices } from '../domain/device-choice.ts';
import {
  type EmergencyEvent,
  type EmergencyState,
  emergencyTargets,
  emergencyTransition,
  initialEmergency,
} from '../domain/emergency-bar.ts';
import { HOTKEY_ACTIONS, hotkeyLabel } from '../domain/hotkeys.ts';
import { buildScreenPop, type CallerHistory, type ScreenPop } from '../domain/screen-pop.ts';
import { type CallInfo, formatDuration, phoneControls } from '../domain/softphone-state.ts';
import { ConsoleError } from '../errors.ts';
import type { Phone } from '../phone/phone.ts';
import { DeviceSelect } from './DeviceSelect.tsx';
import { EmergencyBar } from './EmergencyBar.tsx';
import { ScreenPopPanel } from './ScreenPopPanel.tsx';
import { Softphone } from './Softphone.tsx';
import { StatusControl } from './StatusControl.tsx';
import { TransferPanel } from './TransferPanel.tsx';
import { useHotkeys } from './use-hotkeys.ts';
import { useNow } from './use-now.ts';
import { usePhone } from './use-phone.ts';
import { WrapUpForm } from './WrapUpForm.tsx';

function emergencyReducer(s: EmergencyState, e: EmergencyEvent): EmergencyState {
  try {
    return emergencyTransition(s, e);
  } catch {
    return s; // a late or duplicate event from the server: keep the current state
  }
}

export function AgentWorkspace(props: {
  agentId: string;
  /** permission recordings.play: 录音 players in the screen-pop's call history */
  canPlayRecordings?: boolean;
  phone: Phone;
  backend: AgentBackend;
  /** the ticket form + KB panel (console/src/tickets), given the current call and its screen-pop */
  ticketSlot?: (call: CallInfo | null, pop: ScreenPop | null) => ReactNode;
}) {
  const { t } = useTranslation();
  const { phone, backend, agentId } = props;
  const now = useNow();
  const { phone: ps, error } = usePhone(phone);
  const [status, setStatus] = useState<AgentStatus | null>(null);
  const [reason, setReason] = useState<NotReadyReason>('break');
  const [counters, setCounters] = useState<TodayCounters | null>(null);
  const [history, setHistory] = useState<CallerHistory | null>(null);
  const [dialpad, setDialpad] = useState(false);
  const [actionError, setActionError] = useState<ConsoleError | null>(null);
  const [devices, setDevices] = useState<StoredDevices>(() => loadDevices(globalThis.localStorage, agentId));
  const [emergency, dispatchEmergency] = useReducer(emergencyReducer, initialEmergency);
  // The call that needs wrap-up: the last call that ended, until the form is submitted.
  const [wrapCallId, setWrapCallId] = useState<string | null>(null);

  useEffect(() => backend.status?.subscribe(setStatus), [backend]);
  // 签入 once the softphone can take calls: a queue member without a phone would miss every offer.
  const registered = ps.registration === 'registered';
  const offline = status?.kind === 'offline';
  useEffect(() => {
    if (!registered || !offline || !backend.status) return;
    backend.status
      .signIn()
      .then(setStatus)
      .catch((e: unknown) => setActionError(e instanceof ConsoleError ? e : null));
  }, [registered, offline, backend]);
  useEffect(() => backend.counters?.subscribe(setCounters), [backend]);

  useEffect(() => {
    void navigator.mediaDevices
      ?.enumerateDevices?.()
      .then((list) => {
        const d = resolveDevices(loadDevices(globalThis.localStorage, agentId), list);
        setDevices(d);
        return phone.setDevices(d);
      })
      .catch(() => undefined);
  }, [phone, agentId]);

  const call = ps.call;
  const callId = call?.info.callId;
  const callerNumber = call?.info.callerNumber;
  useEffect(() => {
    setHistory(null);
    if (!callId || callerNumber === undefined || !backend.callerHistory) return;
    let live = true;
    backend
      .callerHistory(callId, callerNumber)
      .then((h) => live && setHistory(h))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [callId, callerNumber, backend]);

  const [lastCallId, setLastCallId] = useState<string | null>(null);
  useEffect(() => {
    if (callId) setLastCallId(callId);
    else if (lastCallId && backend.wrapUp) {
      setWrapCallId(lastCallId);
      setLastCallId(null);
    }
  }, [callId, lastCallId, backend]);

  // The three-way call's far party (SIP, from the phone) drives the emergency bar.
  useEffect(
    () =>
      phone.subscribe((e) => {
        if (e.type !== 'third-party') return;
        const map = {
          ringing: { type: 'third-party-ringing' },
          answered: { type: 'third-party-answered' },
          failed: { type: 'third-party-failed', reason: e.reason ?? '' },
          'hung-up': { type: 'third-party-hung-up' },
        } as const;
        dispatchEmergency(map[e.state]);
      }),
    [phone],
  );
  const canThreeWay = typeof phone.startThreeWay === 'function';

  const [masked, setMasked] = useState<Record<string, string>>({});
  useEffect(
    () => backend.offers?.subscribe((o) => setMasked((m) => ({ ...m, [o.callId]: o.maskedNumber }))),
    [backend],
  );
  const pop = useMemo(
    () => (call ? buildScreenPop(call.info, history, call.offeredAt, masked[call.info.callId]) : null),
    [call, history, masked],
  );

  const act = (a: AgentAction) => {
    if (!backend.status || !status) return;
    try {
      checkAction(status, a);
    } catch (e) {
      setActionError(e as ConsoleError);
      return;
    }
    setActionError(null);
    backend.status.act(a).catch((e: unknown) => setActionError(e instanceof ConsoleError ? e : null));
  };

  const onEmergency = (e: EmergencyEvent) => {
    dispatchEmergency(e);
    if (e.type === 'confirm' && emergency.target && phone.startThreeWay) {
      phone.startThreeWay(emergency.target.number).catch(() => {
        dispatchEmergency({ type: 'third-party-failed', reason: 'request' });
      });
    }
    if (e.type === 'leave' && phone.leaveThreeWay) {
      phone
        .leaveThreeWay()
        .then(() => dispatchEmergency({ type: 'left' }))
        .catch(() => undefined);
    }
  };

  const can = phoneControls(ps);
  const quiet = (f: () => Promise<void> | void) => () => void Promise.resolve(f()).catch(() => undefined);
  useHotkeys({
    answer: can.answer ? quiet(() => phone.answer()) : undefined,
    hangup: can.hangup ? quiet(() => phone.hangup()) : undefined,
    mute: can.mute ? quiet(() => phone.setMute(!call?.muted)) : undefined,
    hold: can.hold ? quiet(() => phone.setHold(!call?.held)) : undefined,
    dialpad: () => setDialpad((d) => !d),
    // Alt+E puts the focus on the emergency bar's first line (Tab to the next, Enter to pick, Enter to confirm)
    emergency: canThreeWay
      ? () => document.querySelector<HTMLButtonElement>('.emergency button:not(:disabled)')?.focus()
      : undefined,
    ready: status && canDo(status, 'ready') ? () => act({ type: 'ready' }) : undefined,
    notReady: status && canDo(status, 'not-ready') ? () => act({ type: 'not-ready', reason }) : undefined,
  });

  const onDevices = (d: StoredDevices) => {
    setDevices(d);
    saveDevices(globalThis.localStorage, agentId, d);
    void phone.setDevices(d).catch(() => undefined);
  };

  const targets = useMemo(() => emergencyTargets(backend.utilities ?? []), [backend]);

  return (
    <div className="workspace">
      <aside className="col-left">
        {backend.status && status && (
          <StatusControl status={status} now={now} reason={reason} onReason={setReason} onAction={act} />
        )}
        {actionError && <p className="alert warn">{t(actionError.i18nKey)}</p>}
        {counters && (
          <section className="panel counters" aria-label={t('counters.title')}>
            <div>
              <span className="muted">{t('counters.handled')}</span>
              <strong data-testid="counter-handled">{counters.handled}</strong>
            </div>
            <div>
              <span className="muted">{t('counters.aht')}</span>
              <strong>{formatDuration(counters.avgHandleSec)}</strong>
            </div>
          </section>
        )}
        <Softphone
          phone={phone}
          state={ps}
          error={error}
          now={now}
          showDialpad={dialpad}
          onToggleDialpad={() => setDialpad((d) => !d)}
        >
          <DeviceSelect value={devices} onChange={onDevices} />
        </Softphone>
        <section className="panel hotkeys" aria-label={t('hotkeys.title')}>
          <h4>{t('hotkeys.title')}</h4>
          <ul>
            {HOTKEY_ACTIONS.filter(
              (a) => a !== 'kb' && a !== 'wrapUp' && (a !== 'emergency' || canThreeWay),
            ).map((a) => (
              <li key={a}>
                <kbd>{hotkeyLabel(a)}</kbd> {t(`hotkeys.${a}`)}
              </li>
            ))}
          </ul>
        </section>
      </aside>
      <main className="col-main">
        <ScreenPopPanel pop={pop} canPlayRecordings={props.canPlayRecordings} />
        {typeof phone.transfer === 'function' && call?.phase === 'active' && (
          <TransferPanel phone={phone} callActive />
        )}
        {canThreeWay && (
          <EmergencyBar
            targets={targets}
            state={emergency}
            callActive={call?.phase === 'active'}
            dispatch={onEmergency}
          />
        )}
        {wrapCallId && backend.wrapUp && !call && (
          <WrapUpForm
            key={wrapCallId}
            callId={wrapCallId}
            onSubmit={async (r) => {
              await backend.wrapUp?.(r);
              setWrapCallId(null);
            }}
          />
        )}
        {!call && !wrapCallId && (
          <p className="idle-hint muted">
            {t(`phone.state.${ps.registration === 'registered' ? 'registered' : ps.registration}`)}
          </p>
        )}
        {props.ticketSlot?.(call?.info ?? null, pop)}
      </main>
    </div>
  );
}
