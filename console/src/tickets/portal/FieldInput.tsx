// One input of a lifecycle command's form, by kind (text, yes/no, unit picker, rating, attachments…).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentUploaded } from '../../../../server/src/contracts/tickets.ts';
import type { OrgUnit, TicketsApi } from '../api.ts';
import type { FieldSpec, Values } from './command-forms.ts';

export interface FieldInputProps {
  spec: FieldSpec;
  values: Values;
  set: (name: string, v: Values[string]) => void;
  units: readonly OrgUnit[];
  ratings: readonly string[];
  api: TicketsApi;
}

export function FieldInput({ spec, values, set, units, ratings, api }: FieldInputProps) {
  const { t } = useTranslation();
  const [uploaded, setUploaded] = useState<AttachmentUploaded[]>([]);
  const [uploading, setUploading] = useState(false);
  const label = `${t(`portal.f.${spec.name}`)}${spec.required ? ' *' : ''}`;
  const v = values[spec.name];
  const str = typeof v === 'string' ? v : '';
  const id = `f-${spec.name}`;
  switch (spec.kind) {
    case 'textarea':
      return (
        <label className="pf">
          {label}
          <textarea id={id} rows={2} value={str} onChange={(e) => set(spec.name, e.target.value)} />
        </label>
      );
    case 'number':
      return (
        <label className="pf">
          {label}
          <input
            id={id}
            type="number"
            min={1}
            max={30}
            value={str}
            onChange={(e) => set(spec.name, e.target.value)}
          />
        </label>
      );
    case 'yesno':
      return (
        <fieldset className="pf pf-inline">
          <legend>{label}</legend>
          {(['yes', 'no'] as const).map((x) => (
            <label key={x} className="check">
              <input
                type="radio"
                name={id}
                checked={v === (x === 'yes')}
                onChange={() => set(spec.name, x === 'yes')}
              />
              {t(x === 'yes' ? 'portal.yes' : 'portal.no_')}
            </label>
          ))}
        </fieldset>
      );
    case 'rating':
      return (
        <fieldset className="pf pf-inline">
          <legend>{label}</legend>
          {ratings.map((r) => (
            <label key={r} className="check">
              <input type="radio" name={id} checked={v === r} onChange={() => set(spec.name, r)} />
              {r}
            </label>
          ))}
        </fieldset>
      );
    case 'select':
      return (
        <label className="pf">
          {label}
          <select id={id} value={str} onChange={(e) => set(spec.name, e.target.value)}>
            <option value="">{t('portal.choose')}</option>
            {spec.options?.map((o) => (
              <option key={o} value={o}>
                {t(`portal.opt.${spec.name}.${o}`)}
              </option>
            ))}
          </select>
        </label>
      );
    case 'unit':
      return (
        <label className="pf">
          {label}
          <select id={id} value={str} onChange={(e) => set(spec.name, e.target.value)}>
            <option value="">{t('portal.choose')}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
      );
    case 'units': {
      const chosen = Array.isArray(v) ? v : [];
      return (
        <fieldset className="pf pf-units">
          <legend>{label}</legend>
          {units.map((u) => (
            <label key={u.id} className="check">
              <input
                type="checkbox"
                checked={chosen.includes(u.id)}
                onChange={(e) =>
                  set(spec.name, e.target.checked ? [...chosen, u.id] : chosen.filter((x) => x !== u.id))
                }
              />
              {u.name}
            </label>
          ))}
        </fieldset>
      );
    }
    case 'attachments':
      return (
        <label className="pf">
          {label}
          <input
            id={id}
            type="file"
            accept="image/*,video/mp4,application/pdf"
            disabled={uploading}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              setUploading(true);
              api
                .upload(file)
                .then((a) => {
                  const next = [...uploaded, a];
                  setUploaded(next);
                  set(
                    spec.name,
                    next.map((x) => x.id),
                  );
                })
                .catch(() => undefined)
                .finally(() => setUploading(false));
            }}
          />
          {uploading && <span className="muted small">{t('portal.uploading')}</span>}
          {uploaded.map((a) => (
            <span key={a.id} className="tag">
              {a.name}
            </span>
          ))}
        </label>
      );
    default:
      return (
        <label className="pf">
          {label}
          <input id={id} value={str} onChange={(e) => set(spec.name, e.target.value)} />
        </label>
      );
  }
}
