// A filter of a search form (a plain GET form: the address keeps the view, and it works without
// JavaScript): «Все» first, then the choices.
export function FilterSelect({ id, name, label, value, options, compact = false }: {
  id: string;
  name: string;
  label: string;
  value?: string;
  options: ReadonlyArray<readonly [value: string, label: string]>;
  /** The denser look of a long filter panel. */
  compact?: boolean;
}) {
  return (
    <div>
      <label htmlFor={id} className={`field-label${compact ? " text-sm" : ""}`}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""} className={`field-input${compact ? " py-2" : ""}`}>
        <option value="">Все</option>
        {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
    </div>
  );
}
