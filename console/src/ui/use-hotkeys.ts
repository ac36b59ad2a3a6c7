import { useEffect, useRef } from 'react';
import { type HotkeyAction, matchHotkey } from '../domain/hotkeys.ts';

/** Global hotkeys: work while typing in the ticket form too (function keys and Alt chords only). */
export function useHotkeys(handlers: Partial<Record<HotkeyAction, () => void>>): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = matchHotkey(e);
      const h = action ? ref.current[action] : undefined;
      if (!h) return;
      e.preventDefault();
      h();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
