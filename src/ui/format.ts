// Dates, times and counts as the display language writes them (not the system's locale, not ISO, not "(s)").
import * as vscode from 'vscode';

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : new Intl.DateTimeFormat(vscode.env.language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** The form of a count's phrase that the display language's plural rules ask for (`one`: 1 in English, 0 and 1 in French). */
export function plural(count: number, forms: { readonly one: string; readonly other: string }): string {
  return new Intl.PluralRules(vscode.env.language).select(count) === 'one' ? forms.one : forms.other;
}
