// What the creditor advances to the debt collection office when a request is filed: the fee for the payment order
// by the amount claimed (GebV SchKG art. 16), and the postage the office adds for serving it. The debtor owes it in
// the end, but the creditor pays it first. An estimate: some offices charge the postage at the 2024
// postal rates (up to CHF 0.70 more), and tilbago's own price per filing comes on top (its price list).

/** The table and where it comes from, named wherever a fee is shown. */
export const OFFICE_FEE_BASIS = {
  ordinance: 'GebV SchKG (SR 281.35), art. 16',
  sources: [
    'https://lawbrary.ch (GebV SchKG art. 16)',
    'https://betreibungsamt-andelfingen.ch/gebühren',
    'https://schkg-be.ch/formulare-gebuehren/kostenvorschuesse',
  ],
  /** When these figures were collected from the sources (the project's domain notes). */
  checkedOn: '2026-12-02',
  /** The totals the offices publish are the fee plus CHF 13.30 in every row. */
  postageRappen: 1_330,
  /** tilbago's own price per filing is its own, not known here. */
  tilbagoPrices: 'https://tilbago.ch',
} as const;

/** Up to how many Rappen claimed (inclusive), which fee in Rappen; the last row is for anything above. */
const PAYMENT_ORDER_FEES: readonly (readonly [upToRappen: number, feeRappen: number])[] = [
  [10_000, 700],
  [50_000, 2_000],
  [100_000, 4_000],
  [1_000_000, 6_000],
  [10_000_000, 9_000],
  [100_000_000, 19_000],
  [Number.POSITIVE_INFINITY, 40_000],
];

/** The fee of the ordinance for a payment order, without the postage. */
export function paymentOrderFee(claimedRappen: number): number {
  if (!Number.isSafeInteger(claimedRappen) || claimedRappen <= 0) throw new RangeError(`not an amount claimed in Rappen: ${claimedRappen}`);
  return PAYMENT_ORDER_FEES.find(([upTo]) => claimedRappen <= upTo)![1];
}

/** About what the office asks the creditor to advance for a request of this amount: the fee and the postage. */
export function estimatedOfficeFee(claimedRappen: number): number {
  return paymentOrderFee(claimedRappen) + OFFICE_FEE_BASIS.postageRappen;
}
