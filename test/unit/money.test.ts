// CHF amounts, printed and read as the Swiss write them.
import * as assert from 'node:assert/strict';
import { formatChf, readChf } from '../../src/shared/money';

describe('CHF amounts', () => {
  it("are Rappen printed as CHF 1'234.50", () => {
    assert.equal(formatChf(123_450), "CHF 1'234.50");
    assert.equal(formatChf(5), 'CHF 0.05');
    assert.equal(formatChf(100_000_000), "CHF 1'000'000.00");
    assert.equal(formatChf(-1_500), 'CHF -15.00');
  });

  it("reads amounts as the Swiss write them: 1'234.50, 1234.50, 100.-, 1234,50", () => {
    for (const [typed, rappen] of [
      ["1'234.50", 123_450],
      ['1234.50', 123_450],
      ['100.-', 10_000],
      ['100.--', 10_000],
      ['980.–', 98_000],
      ['980.—', 98_000],
      ["1'980,–", 198_000],
      ['1234,50', 123_450],
      ['1 234,5', 123_450],
      ['CHF 80', 8_000],
      ['80 CHF', 8_000],
      ['1’000', 100_000],
    ] as const) {
      assert.deepEqual(readChf(typed), { ok: true, rappen }, typed);
    }
  });

  it('says why an amount is refused', () => {
    for (const [typed, problem] of [
      ['', 'empty'],
      ['1,234.50', 'commaThousands'],
      ['1.234,50', 'commaThousands'],
      ['1,234', 'commaThousands'],
      ['12.345', 'tooManyDecimals'],
      ['0', 'notPositive'],
      ['-5', 'notPositive'],
      ['abc', 'notAnAmount'],
      ['1e5', 'notAnAmount'],
      ['1234567890', 'tooLarge'],
    ] as const) {
      assert.deepEqual(readChf(typed), { ok: false, problem }, typed);
    }
  });
});
