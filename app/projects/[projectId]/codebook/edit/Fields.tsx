'use client';
/* Labelled inputs bound to a path of the draft, each showing its own validation problems. */
import { useContext, type ReactNode } from 'react';
import type { Localized } from '@/lib/codebook/model';
import { problemText } from '../messages';
import { fieldId, ItemProblemsContext, useEditor } from './EditorContext';
import type { Path } from './draft';

interface FieldProps {
  itemKey: string;
  field: string;
  path: Path;
  label: string;
  hint?: string;
}

/** Sets a value (read from the event now, not when React runs the update). */
function set(edit: (path: Path, fn: (old: unknown) => unknown) => void, path: Path, value: unknown) {
  edit(path, () => value);
}

function useFieldMeta(itemKey: string, field: string, hint?: string) {
  const { tr } = useEditor();
  const id = fieldId(itemKey, field);
  const problems = useContext(ItemProblemsContext).filter((p) => p.target?.field === field);
  const error = problems.map((p) => problemText(tr, p)).join(' ');
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return { id, error, describedBy };
}

function FieldShell({ id, label, hint, error, children, className }: { id: string; label: string; hint?: string; error: string; children: ReactNode; className?: string }) {
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} className="field-error">
          {error}
        </small>
      )}
    </div>
  );
}

export function TextField({ itemKey, field, path, label, hint, value, multiline, className }: FieldProps & { value: string; multiline?: boolean; className?: string }) {
  const { edit } = useEditor();
  const { id, error, describedBy } = useFieldMeta(itemKey, field, hint);
  const common = { id, value, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy };
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={className}>
      {multiline ? (
        <textarea {...common} rows={2} onChange={(e) => set(edit, path, e.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(e) => set(edit, path, e.target.value)} />
      )}
    </FieldShell>
  );
}

/** A whole number; an empty or partial entry is kept as NaN, which validation reports. */
export function NumberField({ itemKey, field, path, label, hint, value }: FieldProps & { value: number }) {
  const { edit } = useEditor();
  const { id, error, describedBy } = useFieldMeta(itemKey, field, hint);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className="number">
      <input
        id={id}
        type="number"
        step={1}
        value={Number.isFinite(value) ? value : ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => set(edit, path, e.target.value === '' ? Number.NaN : Number(e.target.value))}
      />
    </FieldShell>
  );
}

export function SelectField({ itemKey, field, path, label, hint, value, options }: FieldProps & { value: string; options: { value: string; label: string }[] }) {
  const { edit } = useEditor();
  const { id, error, describedBy } = useFieldMeta(itemKey, field, hint);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <select id={id} value={value} aria-invalid={error ? true : undefined} aria-describedby={describedBy} onChange={(e) => set(edit, path, e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** The English and Dutch text of one bilingual field, side by side. */
export function PairFields({ itemKey, field, path, labels, value, multiline }: { itemKey: string; field: string; path: Path; labels: [string, string]; value: Localized; multiline?: boolean }) {
  return (
    <div className="pair">
      <TextField itemKey={itemKey} field={`${field}.en`} path={[...path, 'en']} label={labels[0]} value={value.en} multiline={multiline} />
      <TextField itemKey={itemKey} field={`${field}.nl`} path={[...path, 'nl']} label={labels[1]} value={value.nl} multiline={multiline} />
    </div>
  );
}
