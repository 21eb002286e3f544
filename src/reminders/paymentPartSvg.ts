// The QR-bill's payment part as SVG (swissqrbill's SVG output), for the setup panel's preview of the letter.
import { SwissQRBill } from 'swissqrbill/svg';
import type { Language } from '../shared/languages';
import { QR_BILL_LANGUAGES, qrBillData, type Creditor } from './creditor';

export interface PaymentPartInput {
  readonly creditor: Creditor;
  readonly debtor: {
    readonly name: string;
    readonly street: string;
    readonly buildingNumber?: string;
    readonly zip: string;
    readonly city: string;
  };
  readonly amountDueRappen: number;
  /** A QR reference with a QR-IBAN; a creditor reference or '' with an IBAN. */
  readonly reference: string;
  readonly message?: string;
  readonly language: Language;
}

/** The payment part (210 × 105 mm) as the text of an SVG document. @throws when swissqrbill refuses the data. */
export function paymentPartSvg(input: PaymentPartInput): string {
  const { creditor, debtor } = input;
  const bill = new SwissQRBill(
    qrBillData({
      creditor,
      debtor: {
        name: debtor.name,
        address: debtor.street,
        ...(debtor.buildingNumber ? { buildingNumber: debtor.buildingNumber } : {}),
        zip: debtor.zip,
        city: debtor.city,
        country: 'CH',
      },
      amountDueRappen: input.amountDueRappen,
      reference: input.reference,
      message: input.message,
    }),
    { language: QR_BILL_LANGUAGES[input.language] },
  );
  return bill.toString();
}
