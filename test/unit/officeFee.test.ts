// The fee the creditor advances to the debt collection office for the payment order (GebV SchKG art. 16, with the
// postage the offices add), at every boundary of the table: "up to CHF 100" holds 100.00, and 100.01 is the next row.
import * as assert from 'node:assert/strict';
import { estimatedOfficeFee, OFFICE_FEE_BASIS, paymentOrderFee } from '../../src/cases/model/officeFee';
import { formatChf } from '../../src/shared/money';

const chf = (rappen: number) => formatChf(estimatedOfficeFee(rappen));

describe('the office fee for a payment order', () => {
  it('follows GebV SchKG art. 16 at every boundary, postage included as the offices publish it', () => {
    const rows: [claimedRappen: number, total: string][] = [
      [1, 'CHF 20.30'],
      [10_000, 'CHF 20.30'],
      [10_001, 'CHF 33.30'],
      [50_000, 'CHF 33.30'],
      [50_001, 'CHF 53.30'],
      [100_000, 'CHF 53.30'],
      [100_001, 'CHF 73.30'],
      [1_000_000, 'CHF 73.30'],
      [1_000_001, 'CHF 103.30'],
      [10_000_000, 'CHF 103.30'],
      [10_000_001, 'CHF 203.30'],
      [100_000_000, 'CHF 203.30'],
      [100_000_001, 'CHF 413.30'],
      [99_999_999_999, 'CHF 413.30'],
    ];
    assert.deepEqual(
      rows.map(([claimed]) => [claimed, chf(claimed)]),
      rows,
    );
  });

  it('is the fee of the ordinance plus the same postage in every row', () => {
    assert.deepEqual(
      [10_000, 50_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 100_000_001].map(paymentOrderFee),
      [700, 2_000, 4_000, 6_000, 9_000, 19_000, 40_000],
    );
    assert.equal(estimatedOfficeFee(123_450) - paymentOrderFee(123_450), OFFICE_FEE_BASIS.postageRappen);
  });

  it('refuses what is not an amount claimed, rather than guess a fee', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) assert.throws(() => estimatedOfficeFee(bad), RangeError, String(bad));
  });

  it('names its sources and the day they were checked', () => {
    assert.match(OFFICE_FEE_BASIS.ordinance, /GebV SchKG.*art\. 16/);
    assert.ok(OFFICE_FEE_BASIS.sources.some((source: string) => source.includes('lawbrary.ch')));
    assert.match(OFFICE_FEE_BASIS.checkedOn, /^\d{4}-\d{2}-\d{2}$/);
    assert.match(OFFICE_FEE_BASIS.tilbagoPrices, /^https:\/\/tilbago\.ch/);
  });
});
