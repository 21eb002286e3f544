// Fills a message's `{0}`, `{1}`… where vscode.l10n.t cannot: in the setup page, and in the clauses of a setting's
// problem (settings/problemClauses.ts), which are made without their values so the page can fill them too.

/** Fills `{0}`, `{1}`… in a string; a placeholder without a value stays as it is. */
export function format(template: string, ...values: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => String(values[Number(index)] ?? whole));
}
