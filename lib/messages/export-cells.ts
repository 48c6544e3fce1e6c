// A cell of the message export (pure: tested apart from the streams in ./export.ts).

/** A text cell that a spreadsheet would take for a formula (=, +, -, @, tab, CR first), as plain text. */
export function formulaSafe(value: string | number): string | number {
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
