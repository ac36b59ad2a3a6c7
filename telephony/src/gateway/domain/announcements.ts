// What a waiting caller hears between hold music: position and estimated wait, then (every few
// rounds) the offer to leave a callback number. Returns prompt NAMES (files in the prompts dir,
// see prompts/prompt-catalogue.ts). Pure.

export const MAX_SPOKEN_POSITION = 20;
export const MAX_SPOKEN_WAIT_MINUTES = 15;

export function positionPrompt(position: number): string {
  if (!Number.isFinite(position) || position < 1) return 'position-next';
  return position > MAX_SPOKEN_POSITION ? 'position-many' : `position-${Math.floor(position)}`;
}

export function waitPrompt(estimatedWaitSec: number | undefined): string | undefined {
  if (estimatedWaitSec === undefined || !Number.isFinite(estimatedWaitSec) || estimatedWaitSec < 0)
    return undefined;
  const minutes = Math.max(1, Math.ceil(estimatedWaitSec / 60));
  return minutes > MAX_SPOKEN_WAIT_MINUTES ? 'wait-long' : `wait-${minutes}`;
}

/** The prompts for announcement round `round` (0-based): position, wait, and every `callbackEvery` rounds the callback offer. */
export function announcementRound(
  round: number,
  position: number,
  estimatedWaitSec: number | undefined,
  callbackEvery: number,
): string[] {
  const out = [positionPrompt(position)];
  const w = waitPrompt(estimatedWaitSec);
  if (w) out.push(w);
  if (callbackEvery > 0 && round % callbackEvery === callbackEvery - 1) out.push('callback-offer');
  return out;
}

/** One-level language menu during the greeting (no deep IVR): 1 = 藏语 (Khams), 2 = 四川话. */
export const LANGUAGE_DIGITS: Readonly<Record<string, string>> = {
  '1': 'lang:tibetan-khams',
  '2': 'lang:sichuanese',
};

export function languageSkillFor(digit: string | undefined): string | undefined {
  return digit !== undefined && Object.hasOwn(LANGUAGE_DIGITS, digit) ? LANGUAGE_DIGITS[digit] : undefined;
}
