// Times in the Swiss form, and counts as the display language writes them (not the system's locale, not ISO, not "(s)").
import * as vscode from 'vscode';
import { languageOf } from '../shared/languages';

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : new Intl.DateTimeFormat(`${languageOf(vscode.env.language)}-CH`, SWISS_DATE_TIME).format(date);
}

/** The Swiss form in every display language, 02.12.2026, 00:38: the dates beside it are written so too. */
const SWISS_DATE_TIME: Intl.DateTimeFormatOptions = {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
};

/** The form of a count's phrase that the display language's plural rules ask for (`one`: 1 in English, 0 and 1 in French). */
export function plural(count: number, forms: { readonly one: string; readonly other: string }): string {
  return new Intl.PluralRules(vscode.env.language).select(count) === 'one' ? forms.one : forms.other;
}
