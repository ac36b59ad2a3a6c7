import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentUser, hasRole, login, logout, type Me, sipCredentials, toSipLogin } from '../api/auth.ts';
import { createServerBackend } from '../api/server-backend.ts';
import { setLanguage } from '../i18n/index.ts';
import type { Phone } from '../phone/phone.ts';
import { SipJsPhone } from '../phone/sipjs-phone.ts';
import { TicketDesk } from '../tickets/TicketDesk.tsx';
import { AgentWorkspace } from '../ui/AgentWorkspace.tsx';
import { LoginScreen } from '../ui/LoginScreen.tsx';

// The wallboard (and its chart library) is a separate chunk: agents never download it.
const WallboardScreen = lazy(() => import('../ui/WallboardScreen.tsx'));
// The unit portal / center queues and the public KB page are their own chunks too.
const PortalScreen = lazy(() => import('../tickets/portal/PortalScreen.tsx'));
const PublicKbPage = lazy(() => import('../kb/PublicKbPage.tsx'));
const CallRecordsScreen = lazy(() => import('../calls/CallRecordsScreen.tsx'));
const CalendarAdminScreen = lazy(() => import('../admin/CalendarAdminScreen.tsx'));

type Route = 'agent' | 'wallboard' | 'tickets' | 'calls' | 'calendar' | 'kb';
const ROUTES: readonly Route[] = ['wallboard', 'tickets', 'calls', 'calendar', 'kb'];
const routeOf = (hash: string): Route => ROUTES.find((r) => hash.startsWith(`#/${r}`)) ?? 'agent';

/** The tabs, in order, and who sees each (the server checks every request again). */
const TABS: readonly { route: Exclude<Route, 'kb'>; label: string; allowed: (me: Me) => boolean }[] = [
  { route: 'agent', label: 'app.agent', allowed: (me) => hasRole(me, 'agent') },
  {
    route: 'wallboard',
    label: 'app.wallboard',
    allowed: (me) => hasRole(me, 'shift_lead') || hasRole(me, 'admin'),
  },
  { route: 'tickets', label: 'portal.title', allowed: (me) => me.permissions.includes('tickets.read') },
  { route: 'calls', label: 'calls.tab', allowed: (me) => me.permissions.includes('calls.read') },
  {
    route: 'calendar',
    label: 'calendarAdmin.tab',
    allowed: (me) => me.permissions.includes('calendar.manage'),
  },
];

/** The screen for the hash route: that one when the user has it, else their first of agent, wallboard, tickets. */
function screenOf(me: Me | null | undefined, route: Route): Route | null {
  if (!me || route === 'kb') return null;
  const mine = TABS.filter((x) => x.allowed(me)).map((x) => x.route);
  if (route !== 'agent' && mine.includes(route)) return route;
  return (['agent', 'wallboard', 'tickets'] as const).find((r) => mine.includes(r)) ?? null;
}

function useRoute(): [Route, (r: Route) => void] {
  const [route, setRoute] = useState<Route>(() => routeOf(location.hash));
  useEffect(() => {
    const on = () => setRoute(routeOf(location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return [route, (r) => (location.hash = `#/${r}`)];
}

/** Inbound/outbound audio RTP counters and levels of the current call (getStats). */
async function mediaSummary(phone: Phone) {
  const out = {
    inboundPackets: 0,
    outboundPackets: 0,
    inboundLevel: 0,
    codec: '',
    ice: '',
    dtls: '',
    candidates: [] as string[],
  };
  const stats = await phone.stats();
  stats?.forEach((r: Record<string, unknown>) => {
    if (r.type === 'inbound-rtp' && r.kind === 'audio') {
      out.inboundPackets += Number(r.packetsReceived ?? 0);
      out.inboundLevel = Math.max(out.inboundLevel, Number(r.audioLevel ?? 0));
    }
    if (r.type === 'outbound-rtp' && r.kind === 'audio') out.outboundPackets += Number(r.packetsSent ?? 0);
    if (r.type === 'codec' && typeof r.mimeType === 'string') out.codec = r.mimeType;
    if (r.type === 'transport') {
      out.ice = String(r.iceState ?? '');
      out.dtls = String(r.dtlsState ?? '');
    }
    if (r.type === 'local-candidate' || r.type === 'remote-candidate')
      out.candidates.push(`${r.type}:${r.address}:${r.port}`);
  });
  return out;
}

function AgentScreen(props: { me: Me; phone: SipJsPhone }) {
  const phone = props.phone;
  const backend = useMemo(() => createServerBackend(), []);
  useEffect(() => {
    // Support diagnostics (also read by the end-to-end test): media statistics of the current call.
    (globalThis as { hotlineDiagnostics?: unknown }).hotlineDiagnostics = {
      stats: () => mediaSummary(phone),
    };
    let stopped = false;
    sipCredentials()
      .then((c) => (stopped ? undefined : phone.start(toSipLogin(c, props.me.displayName))))
      .catch(() => undefined); // the softphone shows 注册失败 / 麦克风被禁用
    return () => {
      stopped = true;
      void phone.stop();
      backend.close();
    };
  }, [phone, backend, props.me.displayName]);
  return (
    <AgentWorkspace
      agentId={props.me.id}
      canPlayRecordings={props.me.permissions.includes('recordings.play')}
      phone={phone}
      backend={backend}
      ticketSlot={(call, pop) => <TicketDesk call={call} pop={pop} />}
    />
  );
}

export function App() {
  const { t, i18n } = useTranslation();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  // one softphone: the agent screen registers it, the 回访 list dials through it
  const phone = useMemo(() => new SipJsPhone(), []);
  const [route, go] = useRoute();
  useEffect(() => {
    void currentUser().then(setMe);
  }, []);
  const onLogin = useCallback(async (u: string, p: string) => {
    const r = await login(u, p);
    setMe(r.user);
  }, []);
  const isAgent = me ? hasRole(me, 'agent') : false;
  const tabs = me ? TABS.filter((x) => x.allowed(me)) : [];
  const screen = screenOf(me, route);
  return (
    <div className="app">
      <header className="topbar">
        <h1>{t('app.title')}</h1>
        {me && (
          <nav>
            {tabs.map((x) => (
              <button
                key={x.route}
                type="button"
                className={`tab ${screen === x.route ? 'on' : ''}`}
                onClick={() => go(x.route)}
              >
                {t(x.label)}
              </button>
            ))}
          </nav>
        )}
        <span className="spacer" />
        {me && <span className="who">{me.displayName}</span>}
        <button
          type="button"
          className="btn link"
          onClick={() => setLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}
        >
          {t('app.language')}
        </button>
        {me && (
          <button type="button" className="btn link" onClick={() => void logout().then(() => setMe(null))}>
            {t('app.logout')}
          </button>
        )}
      </header>
      {route === 'kb' && (
        <Suspense fallback={null}>
          <PublicKbPage />
        </Suspense>
      )}
      {me === null && route !== 'kb' && <LoginScreen onLogin={onLogin} />}
      {me && screen === 'tickets' && (
        <Suspense fallback={null}>
          <PortalScreen phone={isAgent ? phone : undefined} />
        </Suspense>
      )}
      {me && screen === 'calendar' && (
        <Suspense fallback={null}>
          <CalendarAdminScreen />
        </Suspense>
      )}
      {me && screen === 'calls' && (
        <Suspense fallback={null}>
          <CallRecordsScreen
            canUnmask={me.permissions.includes('pii.unmask')}
            canPlayRecordings={me.permissions.includes('recordings.play')}
          />
        </Suspense>
      )}
      {/* an agent's softphone stays registered while the ticket queues or the call records are open */}
      {me && (screen === 'agent' || ((screen === 'tickets' || screen === 'calls') && isAgent)) && (
        <div style={{ display: screen === 'agent' ? 'contents' : 'none' }}>
          <AgentScreen me={me} phone={phone} />
        </div>
      )}
      {me && screen === 'wallboard' && (
        <Suspense fallback={<p className="muted">{t('wallboard.noData')}</p>}>
          <WallboardScreen />
        </Suspense>
      )}
      {me && screen === null && route !== 'kb' && <p className="alert warn">{t('errors.FORBIDDEN')}</p>}
    </div>
  );
}
