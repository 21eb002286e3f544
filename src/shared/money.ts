// Amounts are whole Rappen (1/100 CHF), as tilbago counts them: no floating-point cents.

/** `CHF 1'234.50`, with the Swiss thousands separator. */
export function formatChf(rappen: number): string {
  const sign = rappen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(rappen));
  const francs = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, "'");
  return `CHF ${sign}${francs}.${String(abs % 100).padStart(2, '0')}`;
}
