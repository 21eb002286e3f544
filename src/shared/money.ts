// Amounts are whole Rappen (1/100 CHF), as tilbago counts them: no floating-point cents.

/** `CHF 1'234.50`, with the Swiss thousands separator. */
export function formatChf(rappen: number): string {
  const sign = rappen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(rappen));
  const francs = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, "'");
  return `CHF ${sign}${francs}.${String(abs % 100).padStart(2, '0')}`;
}

export type AmountReading =
  | { readonly ok: true; readonly rappen: number }
  | {
      readonly ok: false;
      /**
       * `empty`; `notAnAmount`; `commaThousands`: a comma or a point used between thousands (1,234.50 or 1.234,50),
       * where the Swiss write an apostrophe; `tooManyDecimals`: more than the two digits of Rappen; `notPositive`;
       * `tooLarge`.
       */
      readonly problem: 'empty' | 'notAnAmount' | 'commaThousands' | 'tooManyDecimals' | 'notPositive' | 'tooLarge';
    };

/**
 * A CHF amount as the Swiss write it: `1'234.50`, `1234.50`, `1 234,50`, `CHF 80`, and whole francs with a dash,
 * `100.-`, `980.–` or `980.—` (the en or em dash of typeset prices). Apostrophes and spaces group thousands; a
 * point or a comma separates the Rappen.
 */
export function readChf(text: string): AmountReading {
  const cleaned = text
    .trim()
    .replace(/^CHF\s*/i, '')
    .replace(/\s*(?:CHF|Fr\.)$/i, '')
    .replace(/['’\s]/g, '')
    .replace(/[.,](?:-{1,2}|[–—])$/, '');
  if (cleaned === '') return { ok: false, problem: 'empty' };
  if (cleaned.startsWith('-')) return { ok: false, problem: 'notPositive' };
  if (/^\d{1,3}([.,])\d{3}[.,]\d{1,2}$/.test(cleaned) || /^\d{1,3}(,\d{3})+$/.test(cleaned))
    return { ok: false, problem: 'commaThousands' };
  if (/^\d+[.,]\d{3,}$/.test(cleaned)) return { ok: false, problem: 'tooManyDecimals' };
  const match = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(cleaned);
  if (!match) return { ok: false, problem: 'notAnAmount' };
  if (match[1]!.replace(/^0+/, '').length > 9) return { ok: false, problem: 'tooLarge' };
  const rappen = Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
  return rappen > 0 ? { ok: true, rappen } : { ok: false, problem: 'notPositive' };
}
