'use client';
/*
 * The one form kit: a form bound to a server action, labelled fields with their own
 * error text (aria-describedby), and a submit button that shows pending state without
 * shifting the layout.
 */
import { createContext, useActionState, useContext, useId, type ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import type { ActionState } from '@/app/_server/action-result';

const FormStateContext = createContext<ActionState>({ ok: false });

export function ActionForm({
  action,
  children,
  className,
  label,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  children: ReactNode;
  className?: string;
  label?: string;
}) {
  const [state, formAction] = useActionState(action, { ok: false });
  return (
    <FormStateContext.Provider value={state}>
      <form action={formAction} className={className} aria-label={label} noValidate>
        {children}
        <p role="status" aria-live="polite" className={state.ok ? 'form-message ok' : 'form-message error'}>
          {state.message ?? ''}
        </p>
      </form>
    </FormStateContext.Provider>
  );
}

export function useFormState(): ActionState {
  return useContext(FormStateContext);
}

export function Field({
  name,
  label,
  type = 'text',
  required,
  defaultValue,
  hint,
  autoComplete,
  min,
  step,
  multiline,
}: {
  name: string;
  label: string;
  type?: string;
  required?: boolean;
  defaultValue?: string | number;
  hint?: string;
  autoComplete?: string;
  min?: number;
  step?: number | string;
  multiline?: boolean;
}) {
  const id = useId();
  const state = useFormState();
  const error = state.fields?.[name];
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const value = state.values?.[name] ?? defaultValue;
  const common = { id, name, required, defaultValue: value, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} key={String(value ?? '')} rows={2} />
      ) : (
        <input {...common} key={String(value ?? '')} type={type} autoComplete={autoComplete} min={min} step={step} />
      )}
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      <small id={`${id}-error`} className="field-error">
        {error ?? ''}
      </small>
    </div>
  );
}

export function FieldError({ name }: { name: string }) {
  const error = useFormState().fields?.[name];
  return <small className="field-error">{error ?? ''}</small>;
}

export function SubmitButton({ children, className }: { children: ReactNode; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className ?? 'primary'} aria-disabled={pending} disabled={pending}>
      {children}
    </button>
  );
}

export function SelectField({ name, label, options, defaultValue, hint }: { name: string; label: string; options: { value: string; label: string }[]; defaultValue?: string; hint?: string }) {
  const id = useId();
  const state = useFormState();
  const error = state.fields?.[name];
  const value = state.values?.[name] ?? defaultValue;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} key={value ?? ''} defaultValue={value} aria-invalid={error ? true : undefined} aria-describedby={hint ? `${id}-hint ${id}-error` : `${id}-error`}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      <small id={`${id}-error`} className="field-error">
        {error ?? ''}
      </small>
    </div>
  );
}

/** A short status after an option's label, e.g. "calibrated". */
export interface Badge {
  text: string;
  tone: 'ok' | 'no' | 'info';
}

/** A group of checkboxes sharing one name, in a fieldset with its legend and error; after a refused submit it shows what was ticked. */
export function CheckboxGroup({ name, legend, options, checked = [], empty }: { name: string; legend: string; options: { value: string; label: string; badge?: Badge }[]; checked?: string[]; empty?: string }) {
  const id = useId();
  const state = useFormState();
  const error = state.fields?.[name];
  const ticked = state.values ? (state.values[name] ?? '').split('\n').filter(Boolean) : checked;
  return (
    <fieldset className="checks" aria-describedby={`${id}-error`} aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      {options.length === 0 && empty ? (
        <p className="hint">{empty}</p>
      ) : (
        options.map((o) => (
          <label key={`${o.value}:${ticked.includes(o.value)}`}>
            <input type="checkbox" name={name} value={o.value} defaultChecked={ticked.includes(o.value)} /> {o.label}
            {o.badge && <span className={`badge ${o.badge.tone}`}>{o.badge.text}</span>}
          </label>
        ))
      )}
      <small id={`${id}-error`} className="field-error">
        {error ?? ''}
      </small>
    </fieldset>
  );
}

/** One yes/no choice with a one-line explanation. */
export function CheckboxField({ name, label, hint, defaultChecked = false }: { name: string; label: string; hint?: string; defaultChecked?: boolean }) {
  const id = useId();
  const state = useFormState();
  const checked = state.values ? state.values[name] === 'on' : defaultChecked;
  return (
    <div className="check-field">
      <input type="checkbox" id={id} name={name} key={String(checked)} defaultChecked={checked} aria-describedby={hint ? `${id}-hint` : undefined} />
      <div>
        <label htmlFor={id}>{label}</label>
        {hint && (
          <small id={`${id}-hint`} className="hint">
            {hint}
          </small>
        )}
      </div>
    </div>
  );
}

