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

export function SelectField({ name, label, options, defaultValue }: { name: string; label: string; options: { value: string; label: string }[]; defaultValue?: string }) {
  const id = useId();
  const state = useFormState();
  const error = state.fields?.[name];
  const value = state.values?.[name] ?? defaultValue;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} key={value ?? ''} defaultValue={value} aria-invalid={error ? true : undefined} aria-describedby={`${id}-error`}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <small id={`${id}-error`} className="field-error">
        {error ?? ''}
      </small>
    </div>
  );
}

/** A group of checkboxes sharing one name, in a fieldset with its legend and error. */
export function CheckboxGroup({ name, legend, options, checked = [] }: { name: string; legend: string; options: { value: string; label: string }[]; checked?: string[] }) {
  const error = useFormState().fields?.[name];
  return (
    <fieldset className="checks" aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value}>
          <input type="checkbox" name={name} value={o.value} defaultChecked={checked.includes(o.value)} /> {o.label}
        </label>
      ))}
      <small className="field-error">{error ?? ''}</small>
    </fieldset>
  );
}
