// A PDF read back as a user's tools read it: its text as a reader's copy-and-paste gives it, and each page
// rendered to pixels (pdf.js, @napi-rs/canvas) and scanned for the QR-bill's code as a banking app does (ZXing,
// zxing-wasm; zbar reads no swissqrbill code at all), its payload split into the Swiss Payments Code's fields.
import * as fs from 'node:fs';
import { extractText, getDocumentProxy, renderPageAsImage } from 'unpdf';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

// The WebAssembly from node_modules: without it, zxing-wasm would fetch it from a CDN.
prepareZXingModule({ overrides: { wasmBinary: fs.readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm')) } });

/** An address of the payload: name, street, building number, postcode, town, country (address type S). */
export interface QrAddress {
  readonly name: string;
  readonly street: string;
  readonly buildingNumber: string;
  readonly zip: string;
  readonly city: string;
  readonly country: string;
}

/** The payload of a QR-bill's code, one field a line (Swiss Implementation Guidelines, version 0200). */
export interface QrPayload {
  readonly account: string;
  readonly creditor: QrAddress;
  readonly amount: string;
  readonly currency: string;
  readonly debtor: QrAddress;
  readonly referenceType: string;
  readonly reference: string;
  /** Ustrd, the unstructured message. */
  readonly message: string;
  /** StrdBkgInf, the billing information after "EPD"; '' when the line is absent. */
  readonly billInformation: string;
  readonly lines: readonly string[];
}

export interface PdfPage {
  /** The page's text, whitespace collapsed. */
  readonly text: string;
  /** Its height in millimetres (297 for A4, 105 for a payment part on a page of its own). */
  readonly heightMm: number;
  /** The payload of the QR code on the page, if ZXing finds one. */
  readonly qr?: QrPayload;
}

export interface PdfReadBack {
  /** All pages' text, whitespace collapsed. */
  readonly text: string;
  readonly pages: readonly PdfPage[];
}

function address(lines: readonly string[], at: number): QrAddress {
  const [name = '', street = '', buildingNumber = '', zip = '', city = '', country = ''] = lines.slice(at, at + 6);
  return { name, street, buildingNumber, zip, city, country };
}

/** The payload's lines as fields; throws when it is not a Swiss Payments Code. */
export function parseQrPayload(text: string): QrPayload {
  const lines = text.split(/\r?\n/);
  if (lines[0] !== 'SPC' || lines[1] !== '0200' || lines[4] !== 'S' || lines[30] !== 'EPD')
    throw new Error(`not a QR-bill payload: ${JSON.stringify(text)}`);
  const line = (n: number) => lines[n] ?? '';
  return {
    account: line(3),
    creditor: address(lines, 5),
    amount: line(18),
    currency: line(19),
    debtor: address(lines, 21),
    referenceType: line(27),
    reference: line(28),
    message: line(29),
    billInformation: line(31),
    lines,
  };
}

/** Every page of `pdf`: its text, its height, and its QR-bill payload if it has one. */
export async function readPdf(pdf: Uint8Array): Promise<PdfReadBack> {
  const document = await getDocumentProxy(pdf.slice());
  const { text: texts } = await extractText(document, { mergePages: false });
  const pages: PdfPage[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const [, , , height = 0] = (await document.getPage(n)).view;
    // 2 pixels a point (144 dpi): a QR-bill module (about 0.9 mm) is some 5 pixels wide.
    const png = await renderPageAsImage(pdf.slice(), n, { scale: 2, canvasImport: () => import('@napi-rs/canvas') });
    const [code] = await readBarcodes(new Uint8Array(png), { formats: ['QRCode'] });
    pages.push({
      text: (texts[n - 1] ?? '').replace(/\s+/g, ' ').trim(),
      heightMm: Math.round((height * 25.4) / 72),
      ...(code ? { qr: parseQrPayload(code.text) } : {}),
    });
  }
  return { text: pages.map((page) => page.text).join(' '), pages };
}

/** The payloads of the PDF's QR codes, in page order. */
export function qrCodes(read: PdfReadBack): QrPayload[] {
  return read.pages.flatMap((page) => (page.qr ? [page.qr] : []));
}
