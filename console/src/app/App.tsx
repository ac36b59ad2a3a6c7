import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentUser, hasRole, login, logout, type Me, sipCredentials, toSipLogin } from '../api/auth.ts';
import { createServerBackend } from '../api/server-backend.ts';
import { setLanguage } from '../i18n/index.ts';
import { SipJsPhone } from '../phone/sipjs-phone.ts';
import { AgentWorkspace } from '../ui/AgentWorkspace.tsx';
import { LoginScreen } from '../ui/LoginScreen.tsx';

// The wallboard (and its chart library) is a separate chunk: agents never download it.
const WallboardScreen = lazy(() => import('../ui/WallboardScreen.tsx'));

type Route = 'agent' | 'wallboard';
const routeOf = (hash: string): Route => (hash.startsWith('#/wallboard') ? 'wallboard' : 'agent');

function useRoute(): [Route, (r: Route) => void] {
  const [route, setRoute] = useState<Route>(() => routeOf(location.hash));
  useEffect(() => {
    const on = () => setRoute(routeOf(location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return [route, (r) => (location.hash = `#/${r}`)];
}

function AgentScreen(props: { me: Me }) {
  const phone = useMemo(() => new SipJsPhone(), []);
  const backend = useMemo(() => createServerBackend(), []);
  useEffect(() => {
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
  return <AgentWorkspace agentId={props.me.id} phone={phone} backend={backend} />;
}

export function App() {
  const { t, i18n } = useTranslation();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [route, go] = useRoute();
  useEffect(() => {
    void currentUser().then(setMe);
  }, []);
  const onLogin = useCallback(async (u: string, p: string) => {
    const r = await login(u, p);
    setMe(r.user);
  }, []);
  const isAgent = me ? hasRole(me, 'agent') : false;
  const isLead = me ? hasRole(me, 'shift_lead') || hasRole(me, 'admin') : false;
  const screen: Route | null = !me
    ? null
    : route === 'wallboard' && isLead
      ? 'wallboard'
      : isAgent
        ? 'agent'
        : isLead
          ? 'wallboard'
          : null;
  return (
    <div className="app">
      <header className="topbar">
        <h1>{t('app.title')}</h1>
        {me && (
          <nav>
            {isAgent && (
              <button
                type="button"
                className={`tab ${screen === 'agent' ? 'on' : ''}`}
                onClick={() => go('agent')}
              >
                {t('app.agent')}
              </button>
            )}
            {isLead && (
              <button
                type="button"
                className={`tab ${screen === 'wallboard' ? 'on' : ''}`}
                onClick={() => go('wallboard')}
              >
                {t('app.wallboard')}
              </button>
            )}
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
      {me === null && <LoginScreen onLogin={onLogin} />}
      {me && screen === 'agent' && <AgentScreen me={me} />}
      {me && screen === 'wallboard' && (
        <Suspense fallback={<p className="muted">{t('wallboard.noData')}</p>}>
          <WallboardScreen />
        </Suspense>
      )}
      {me && screen === null && <p className="alert warn">{t('errors.FORBIDDEN')}</p>}
    </div>
  );
}
