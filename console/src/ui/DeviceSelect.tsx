import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaDeviceLike, StoredDevices } from '../domain/device-choice.ts';

/** Microphone and speaker pickers (the speaker uses setSinkId on the ring and call audio). */
export function DeviceSelect(props: { value: StoredDevices; onChange: (d: StoredDevices) => void }) {
  const { t } = useTranslation();
  const [devices, setDevices] = useState<MediaDeviceLike[]>([]);
  useEffect(() => {
    const md = navigator.mediaDevices;
    if (!md?.enumerateDevices) return;
    const load = () =>
      void md
        .enumerateDevices()
        .then((list) => setDevices(list))
        .catch(() => undefined);
    load();
    md.addEventListener?.('devicechange', load);
    return () => md.removeEventListener?.('devicechange', load);
  }, []);
  const pick = (kind: string, label: string, key: keyof StoredDevices) => (
    <label className="device">
      {label}
      <select
        value={props.value[key] ?? ''}
        onChange={(e) => props.onChange({ ...props.value, [key]: e.target.value || undefined })}
      >
        <option value="">—</option>
        {devices
          .filter((d) => d.kind === kind && d.deviceId)
          .map((d, i) => (
            <option key={d.deviceId} value={d.deviceId}>
              {d.label || `${label} ${i + 1}`}
            </option>
          ))}
      </select>
    </label>
  );
  return (
    <div className="devices">
      {pick('audioinput', t('phone.mic'), 'micId')}
      {pick('audiooutput', t('phone.speaker'), 'speakerId')}
    </div>
  );
}
