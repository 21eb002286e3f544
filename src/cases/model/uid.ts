// The Swiss company number (IDE/UID, eCH-0097): "CHE" and 9 digits, the last a mod-11 check digit.

export type UidCheck =
  | { readonly ok: true; readonly normalized: string }
  | { readonly ok: false; readonly problem: 'format' }
  | { readonly ok: false; readonly problem: 'checkDigit'; readonly expected: number; readonly normalized: string }
  | { readonly ok: false; readonly problem: 'noValidCheckDigit' };

const WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4];

/** Accepts `CHE-123.456.788`, `CHE123456788` and the same with spaces or another case; says what is wrong otherwise. */
export function checkUid(input: string): UidCheck {
  const compact = input.toUpperCase().replace(/[\s.-]/g, '');
  const match = /^CHE(\d{9})$/.exec(compact);
  if (!match) return { ok: false, problem: 'format' };
  const digits = match[1]!.split('').map(Number);
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * digits[i]!, 0);
  const check = (11 - (sum % 11)) % 11;
  if (check === 10) return { ok: false, problem: 'noValidCheckDigit' };
  const normalized = formatUid(match[1]!);
  if (check !== digits[8]) return { ok: false, problem: 'checkDigit', expected: check, normalized };
  return { ok: true, normalized };
}

/**
 * The UID of a VAT number as invoices print it, `CHE-123.456.788 MWST` (`TVA`, `IVA`: the suffix the Federal Tax
 * Administration prescribes in German, French or Italian): the text without the suffix; any other text unchanged.
 */
export function withoutVatSuffix(input: string): string {
  return input.replace(/\s*(?:MWST|TVA|IVA)\s*$/i, '');
}

function formatUid(nineDigits: string): string {
  return `CHE-${nineDigits.slice(0, 3)}.${nineDigits.slice(3, 6)}.${nineDigits.slice(6)}`;
}
