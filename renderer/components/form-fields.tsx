import { cnpWarning } from '../../src/validation/cnp';
import { MenuItem, TextField, type TextFieldProps } from '@mui/material';
import type { FormApi } from './use-form';

type Common<V extends object> = {
  form: FormApi<V>;
  field: keyof V & string;
  label: string;
  required?: boolean;
  helperText?: string;
} & Omit<TextFieldProps, 'form' | 'value' | 'onChange' | 'error' | 'label'>;

/** A text field bound to a form value, showing the validator's message under it. */
export function FormText<V extends object>({ form, field, label, required, helperText, ...rest }: Common<V>) {
  const error = form.visibleError(field);
  const value = form.values[field] as unknown;
  // A CNP typed into a free text (notes, addresses) is personal data: the user is warned.
  const cnp = typeof value === 'string' ? cnpWarning(value) : undefined;
  return (
    <TextField
      {...rest}
      id={`field-${field}`}
      label={label}
      required={required}
      value={(value as string | number | undefined) ?? ''}
      onChange={(e) => form.setField(field, e.target.value as V[typeof field])}
      error={!!error}
      helperText={error ?? cnp ?? helperText}
      slotProps={{ ...rest.slotProps, formHelperText: { sx: !error && cnp ? { color: 'warning.dark' } : undefined } }}
    />
  );
}

/** A date typed as zz.ll.aaaa (the validator accepts dd.mm.yyyy, dd/mm/yyyy and ISO). */
export function FormDate<V extends object>(props: Common<V>) {
  return <FormText {...props} placeholder="zz.ll.aaaa" helperText={props.helperText} slotProps={{ htmlInput: { inputMode: 'numeric' } }} />;
}

export function FormSelect<V extends object>({ form, field, label, options, required, ...rest }: Common<V> & { options: Record<string, string> }) {
  const error = form.visibleError(field);
  return (
    <TextField
      {...rest}
      select
      id={`field-${field}`}
      label={label}
      required={required}
      value={(form.values[field] as unknown as string) ?? ''}
      onChange={(e) => form.setField(field, e.target.value as V[typeof field])}
      error={!!error}
      helperText={error ?? rest.helperText}
    >
      {Object.entries(options).map(([value, text]) => (
        <MenuItem key={value} value={value}>
          {text}
        </MenuItem>
      ))}
    </TextField>
  );
}
