import { useEffect, useRef } from 'react';

/** Keyboard-first: puts the caret where the agent's next keystroke belongs when a form appears. */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
