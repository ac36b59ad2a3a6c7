// Headset selection remembered per agent: pick the remembered device when it is still plugged in,
// otherwise the system default. Pure; storage is passed in.
export interface MediaDeviceLike {
  deviceId: string;
  kind: string;
  label: string;
}
export interface StoredDevices {
  micId?: string;
  speakerId?: string;
}

export const deviceStorageKey = (agentId: string) => `hotline.devices.${agentId}`;

export function loadDevices(storage: Pick<Storage, 'getItem'> | undefined, agentId: string): StoredDevices {
  try {
    const raw = storage?.getItem(deviceStorageKey(agentId));
    const v = raw ? (JSON.parse(raw) as unknown) : null;
    if (!v || typeof v !== 'object') return {};
    const o = v as Record<string, unknown>;
    return {
      micId: typeof o.micId === 'string' ? o.micId : undefined,
      speakerId: typeof o.speakerId === 'string' ? o.speakerId : undefined,
    };
  } catch {
    return {};
  }
}

export function saveDevices(
  storage: Pick<Storage, 'setItem'> | undefined,
  agentId: string,
  d: StoredDevices,
): void {
  try {
    storage?.setItem(deviceStorageKey(agentId), JSON.stringify(d));
  } catch {
    /* private mode: the choice lasts for this page only */
  }
}

export function resolveDevices(stored: StoredDevices, devices: readonly MediaDeviceLike[]): StoredDevices {
  const has = (kind: string, id?: string) =>
    id !== undefined && devices.some((d) => d.kind === kind && d.deviceId === id);
  return {
    micId: has('audioinput', stored.micId) ? stored.micId : undefined,
    speakerId: has('audiooutput', stored.speakerId) ? stored.speakerId : undefined,
  };
}
