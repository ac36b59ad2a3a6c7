// Every voice prompt the gateway plays, by name, with the Mandarin text spoken by espeak-ng at setup.
// A hotline center replaces the generated files with recorded ones (same names) — including real
// Tibetan (藏语) and Sichuanese (四川话) recordings for the language prompts, which espeak-ng cannot
// speak. Pure data.
import { MAX_SPOKEN_POSITION, MAX_SPOKEN_WAIT_MINUTES } from '../domain/announcements.ts';

export interface SpokenPrompt {
  name: string;
  text: string;
}

/** The language menu is ONE level (no deep IVR): 1 = 藏语 seats, 2 = 四川话 seats, nothing = 普通话. */
export const LANGUAGE_KEYS: Readonly<Record<string, 'bo' | 'sc'>> = { '1': 'bo', '2': 'sc' };

export function spokenPrompts(): SpokenPrompt[] {
  const list: SpokenPrompt[] = [
    { name: 'greeting', text: '您好，欢迎致电甘孜州12345政务服务便民热线。本次通话将被录音。' },
    { name: 'language-menu', text: '藏语服务请按1，四川话服务请按2，普通话请稍候。' },
    { name: 'position-next', text: '您的来电即将接通。' },
    { name: 'position-many', text: '当前排队人数较多。' },
    { name: 'wait-long', text: '预计等待时间较长，请耐心等候。' },
    { name: 'callback-offer', text: '如需挂机后由我们回电，请按井号键，您的排队位置将被保留。' },
    { name: 'callback-saved', text: '已为您登记回电，我们将尽快与您联系，再见。' },
    { name: 'apology', text: '非常抱歉，通话意外中断，正在为您优先转接，请稍候。' },
    { name: 'transfer', text: '正在为您转接，请稍候。' },
    { name: 'closed', text: '很抱歉，暂时无法接通，请稍后再拨。' },
  ];
  for (let n = 1; n <= MAX_SPOKEN_POSITION; n++)
    list.push({ name: `position-${n}`, text: `您前面还有${n}位来电。` });
  for (let m = 1; m <= MAX_SPOKEN_WAIT_MINUTES; m++)
    list.push({ name: `wait-${m}`, text: `预计等待${m}分钟。` });
  return list;
}

/** Non-spoken prompts synthesised with sox. */
export const HOLD_MUSIC = 'hold-music';
