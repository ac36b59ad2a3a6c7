// Category search over the configurable tree: type, ↑↓, Enter. Keyboard-first combobox.
import { type KeyboardEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategoryNode } from '../../../server/src/contracts/tickets.ts';
import { flattenCategories, searchCategories } from './ticket-form.ts';

export function CategoryPicker(props: {
  tree: readonly CategoryNode[];
  value: string;
  onChange: (id: string) => void;
  error?: string;
}) {
  const { t, i18n } = useTranslation();
  const options = useMemo(() => flattenCategories(props.tree, i18n.language), [props.tree, i18n.language]);
  const chosen = options.find((o) => o.id === props.value);
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const [sel, setSel] = useState(0);
  const matches = useMemo(() => searchCategories(options, q), [options, q]);
  const pick = (id: string) => {
    props.onChange(id);
    setQ('');
    setOpen(false);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      setOpen(true);
      setSel((s) => Math.min(s + 1, matches.length - 1));
    } else if (e.key === 'ArrowUp') setSel((s) => Math.max(s - 1, 0));
    else if (e.key === 'Enter' && open && matches[sel]) pick(matches[sel].id);
    else if (e.key === 'Escape') setOpen(false);
    else return;
    e.preventDefault();
  };
  return (
    <div className="combo">
      <input
        role="combobox"
        aria-expanded={open}
        aria-controls="category-options"
        aria-label={t('tickets.form.category')}
        placeholder={chosen ? chosen.label : t('tickets.form.categorySearch')}
        className={chosen ? 'has-value' : ''}
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
          setSel(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKey}
      />
      {open && (
        <div className="combo-list" id="category-options" role="listbox">
          {matches.length === 0 && <div className="muted">{t('tickets.form.categoryNone')}</div>}
          {matches.map((m, i) => (
            <div
              key={m.id}
              role="option"
              tabIndex={-1}
              aria-selected={i === sel}
              className={i === sel ? 'sel' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(m.id);
              }}
            >
              {m.label}
            </div>
          ))}
        </div>
      )}
      {chosen && (
        <span className="combo-value" data-testid="category-value">
          {chosen.label}
        </span>
      )}
      {props.error && <span className="field-error">{t(props.error)}</span>}
    </div>
  );
}
