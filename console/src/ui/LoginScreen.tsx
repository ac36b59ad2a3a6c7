import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isConsoleError } from '../errors.ts';
import { useFocusOnMount } from './use-focus.ts';

export function LoginScreen(props: { onLogin: (username: string, password: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const userRef = useFocusOnMount<HTMLInputElement>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await props.onLogin(username, password);
    } catch (err) {
      const code = isConsoleError(err) ? err.code : 'SERVER_ERROR';
      setError(code === 'NOT_LOGGED_IN' || code === 'BAD_PAYLOAD' ? 'errors.LOGIN_FAILED' : `errors.${code}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="login panel" onSubmit={submit} aria-label={t('login.title')}>
      <h2>{t('login.title')}</h2>
      <label>
        {t('login.username')}
        <input
          name="username"
          ref={userRef}
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
      </label>
      <label>
        {t('login.password')}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      {error && (
        <p className="alert bad" role="alert">
          {t(error)}
        </p>
      )}
      <button type="submit" className="btn primary" disabled={busy || !username || !password}>
        {busy ? t('login.busy') : t('login.submit')}
      </button>
    </form>
  );
}
