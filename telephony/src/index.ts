// Public entry of the telephony workspace.

export type { DrachtioTarget, SipdConfig, SipdConfigInput, TelephonyConfig } from './config.ts';
export { loadTelephonyConfig, parseSipdConfig } from './config.ts';
export type { TelephonyErrorCode } from './errors.ts';
export { CATALOGUE, isTelephonyError, TelephonyError } from './errors.ts';
export type { SipdHandle } from './sipd/start-sipd.ts';
export { startSipd } from './sipd/start-sipd.ts';
