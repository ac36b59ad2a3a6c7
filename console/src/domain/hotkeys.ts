// Keyboard-first: one keymap, matched from a KeyboardEvent-like object. Pure.
export const HOTKEY_ACTIONS = [
  'answer',
  'hangup',
  'mute',
  'hold',
  'ready',
  'notReady',
  'dialpad',
  'emergency',
  'wrapUp',
  'kb',
] as const;
export type HotkeyAction = (typeof HOTKEY_ACTIONS)[number];

export interface KeyLike {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  /** physical key (KeyA …): Alt+letter gives other characters on some layouts */
  code?: string;
}

/** Each action has a function key (headset-friendly) and an Alt chord; labels are shown in the UI. */
export const KEYMAP: Record<HotkeyAction, { fkey?: string; alt: string }> = {
  answer: { fkey: 'F8', alt: 'a' },
  hangup: { fkey: 'F9', alt: 'h' },
  mute: { alt: 'm' },
  hold: { alt: 'o' },
  ready: { fkey: 'F6', alt: 'r' },
  notReady: { fkey: 'F7', alt: 'b' },
  dialpad: { alt: 'd' },
  emergency: { alt: 'e' },
  wrapUp: { alt: 'w' },
  kb: { fkey: 'F3', alt: 'k' },
};

export function matchHotkey(e: KeyLike): HotkeyAction | null {
  if (e.ctrlKey || e.metaKey) return null;
  for (const action of HOTKEY_ACTIONS) {
    const k = KEYMAP[action];
    if (k.fkey && e.key === k.fkey && !e.altKey) return action;
    if (
      e.altKey &&
      !e.shiftKey &&
      (e.code ? e.code === `Key${k.alt.toUpperCase()}` : e.key.toLowerCase() === k.alt)
    ) {
      return action;
    }
  }
  return null;
}

export function hotkeyLabel(action: HotkeyAction): string {
  const k = KEYMAP[action];
  return k.fkey ? `${k.fkey} / Alt+${k.alt.toUpperCase()}` : `Alt+${k.alt.toUpperCase()}`;
}
