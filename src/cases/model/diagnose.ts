// The problems of a `case.json` or `reminders.json` as an editor shows them: each with where it is in the text
// (`offset`, `length`, in UTF-16 units as editors count), beside the validator's path, code and detail. The text is
// parsed once (jsonc-parser keeps the offsets JSON.parse loses) into a map from JSON path to node, so a file with
// many problems costs one pass. These files are plain JSON for tilbago: comments and trailing commas are problems.
import { createScanner, getNodeValue, type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { regionalLanguage } from '../../shared/postcodeLanguage';
import { today as todayIso, type IsoDate, isIsoDate } from '../../shared/dates';
import { checkCase, isObject, type CaseProblemCode } from './caseFile';
import { isAboveLegalRate, mayBeTimeBarred } from './claimLaw';
import { vagueReason } from './claimReason';
import { checkReminders, type RemindersProblemCode } from './remindersFile';
import { refusedCharacters } from '../../reminders/qrText';

export type FileKind = 'case' | 'reminders';

export type DiagnosisCode =
  | CaseProblemCode
  | RemindersProblemCode
  /** Not JSON here; `detail` is jsonc-parser's name for it (`CommaExpected`, `InvalidSymbol`…). */
  | 'syntax'
  | 'comment'
  | 'trailingComma'
  /** A key given twice in one object; JSON.parse keeps the last one, this is an earlier one. `detail`: the key. */
  | 'duplicateKey'
  /**
   * A warning: the debtor has no `preferredLanguage` and the case no `letterLanguage`; tilbago takes the case, but
   * the letter's language is guessed. `detail`: the language of the debtor's postcode, or `de`.
   */
  | 'noLanguage'
  /**
   * A warning: a claim's reason is only the word for an invoice, perhaps with its number, which art. 67 SchKG does not
   * take for the claim's title. `detail`: the language of that word, for an example of what to write.
   */
  | 'vagueReason'
  /** A warning: a character of the debtor's name or address that a QR-bill cannot carry, so no letter can be made. `detail`: it. */
  | 'qrBillCharacter'
  /** A warning: a claim's interest rate above the law's 5%, owed only if agreed with the debtor. `detail`: the rate. */
  | 'interestAboveLegal'
  /**
   * A warning in reminders.json: the invoice is more than five years old, and many trade claims are time-barred
   * then (art. 128 OR). Never an error: others run ten years (art. 127), and the creditor knows which. `detail`: the
   * invoice date.
   */
  | 'limitation';

export interface PlacedProblem {
  /** The validator's JSON path (`claim.amount`); empty for the whole file and for syntax problems. */
  readonly path: string;
  readonly code: DiagnosisCode;
  readonly detail?: string;
  readonly offset: number;
  readonly length: number;
  /** Only a warning: the file can be used as it is. Every other problem is an error. */
  readonly warning?: true;
}

// jsonc-parser's token kinds (its enums are `const enum`s, which isolated modules cannot read).
const CLOSE_BRACE = 2;
const CLOSE_BRACKET = 4;
const COMMA = 5;
const LINE_COMMENT = 12;
const BLOCK_COMMENT = 13;
const LINE_BREAK = 14;
const TRIVIA = 15;
const EOF = 17;

interface Located {
  /** The value at the path. */
  readonly node: Node;
  /** Its property key, when it is the value of a property. */
  readonly key?: Node;
}

/** Checks the text of a `case.json` or a `reminders.json` and places every problem in it; `today` for the limitation. */
export function diagnose(text: string, kind: FileKind, today: IsoDate = todayIso()): PlacedProblem[] {
  // A byte order mark is no problem (JSON.parse is given the text without it too), but jsonc-parser takes it for a
  // symbol: the text after it is diagnosed, and each problem placed where it is in the text as given.
  if (text.charCodeAt(0) === 0xfeff)
    return diagnose(text.slice(1), kind, today).map((problem) => ({ ...problem, offset: problem.offset + 1 }));
  const problems: PlacedProblem[] = [];
  const errors: ParseError[] = [];
  // Comments and trailing commas are tolerated by the parse (so the rest is still checked) and reported below.
  const root = parseTree(text, errors, { disallowComments: false, allowTrailingComma: true, allowEmptyContent: false });
  for (const error of errors) {
    problems.push({ path: '', code: 'syntax', detail: printParseErrorCode(error.error), offset: error.offset, length: error.length });
  }
  problems.push(...commentsAndTrailingCommas(text));
  if (errors.length === 0 && root !== undefined) {
    const located = new Map<string, Located>();
    mapPaths(root, '', undefined, located, problems);
    const value: unknown = getNodeValue(root);
    const checked = kind === 'case' ? checkCase(value) : checkReminders(value);
    if (!checked.ok) {
      for (const problem of checked.problems) problems.push({ ...problem, ...place(problem.path, problem.code, located) });
    }
    const refused = new Set(checked.ok ? [] : checked.problems.map((problem) => problem.path));
    const warnings =
      kind === 'case'
        ? [noLanguage(value), ...vagueReasons(value), ...qrBillCharacters(value), ...ratesAboveLegal(value, refused)]
        : [limitation(value, refused, today)];
    for (const warning of warnings)
      if (warning) problems.push({ ...warning, ...place(warning.path, warning.code, located), warning: true });
  }
  return problems.sort((a, b) => a.offset - b.offset);
}

/**
 * The problems that keep a file from being used as it is: the errors of `diagnose`, its warnings left out. The one
 * count of problems the cases view, the commands' messages and the Problems panel share.
 */
export function blockingProblems(text: string, kind: FileKind): PlacedProblem[] {
  return diagnose(text, kind).filter((problem) => !problem.warning);
}

/** A debtor without a language, and the one its letter would then be in without a setting. */
function noLanguage(value: unknown): { path: string; code: 'noLanguage'; detail: string } | undefined {
  if (!isObject(value) || !isObject(value.debtor) || value.letterLanguage !== undefined || value.debtor.preferredLanguage !== undefined)
    return undefined;
  const address = value.debtor.address;
  const zip = isObject(address) && typeof address.zip === 'string' ? address.zip : undefined;
  return { path: 'debtor', code: 'noLanguage', detail: regionalLanguage(zip) };
}

/** The claims of a case.json that may not be valid, each with its path. */
function claimsOf(value: unknown): [string, unknown][] {
  if (!isObject(value)) return [];
  return [
    ['claim', value.claim],
    ...(Array.isArray(value.subsidiaryClaims)
      ? value.subsidiaryClaims.map((claim, i): [string, unknown] => [`subsidiaryClaims[${i}]`, claim])
      : []),
  ];
}

/** Each claim whose reason names an invoice without its date. */
function vagueReasons(value: unknown): { path: string; code: 'vagueReason'; detail: string }[] {
  return claimsOf(value).flatMap(([path, claim]) => {
    const language = isObject(claim) && typeof claim.reason === 'string' ? vagueReason(claim.reason) : undefined;
    return language ? [{ path: `${path}.reason`, code: 'vagueReason' as const, detail: language }] : [];
  });
}

/** Each claim's rate above 5%; a rate that is refused is an error, not also a warning. */
function ratesAboveLegal(value: unknown, refused: ReadonlySet<string>): { path: string; code: 'interestAboveLegal'; detail: string }[] {
  return claimsOf(value).flatMap(([path, claim]) => {
    const at = `${path}.interestRate`;
    const rate = isObject(claim) && typeof claim.interestRate === 'string' && !refused.has(at) ? claim.interestRate : undefined;
    return rate !== undefined && isAboveLegalRate(rate) ? [{ path: at, code: 'interestAboveLegal' as const, detail: rate }] : [];
  });
}

/** The invoice date of a reminders.json, when its claim may be time-barred by now. */
function limitation(value: unknown, refused: ReadonlySet<string>, today: IsoDate) {
  const invoiceDate = isObject(value) && !refused.has('invoiceDate') ? value.invoiceDate : undefined;
  return isIsoDate(invoiceDate) && mayBeTimeBarred(invoiceDate, today)
    ? { path: 'invoiceDate', code: 'limitation' as const, detail: invoiceDate }
    : undefined;
}

/** The debtor's texts that the letter's QR-bill carries. */
const QR_BILL_TEXTS = ['company', 'name', 'surname', 'title', 'contactPerson'] as const;
const QR_BILL_ADDRESS_TEXTS = ['street', 'streetnumber', 'zip', 'city', 'pob'] as const;

/** Each character of the debtor's name and address a QR-bill cannot carry, by the same rule as the letter (qrText.ts). */
function qrBillCharacters(value: unknown): { path: string; code: 'qrBillCharacter'; detail: string }[] {
  if (!isObject(value) || !isObject(value.debtor)) return [];
  const { debtor } = value;
  const texts: [string, unknown][] = [
    ...QR_BILL_TEXTS.map((field): [string, unknown] => [`debtor.${field}`, debtor[field]]),
    ...(isObject(debtor.address)
      ? QR_BILL_ADDRESS_TEXTS.map((field): [string, unknown] => [
          `debtor.address.${field}`,
          (debtor.address as Record<string, unknown>)[field],
        ])
      : []),
  ];
  return texts.flatMap(([path, text]) =>
    typeof text === 'string'
      ? refusedCharacters(text).map((character) => ({ path, code: 'qrBillCharacter' as const, detail: character }))
      : [],
  );
}

/** Comments and commas before a closing `}` or `]`, which JSON does not allow. */
function commentsAndTrailingCommas(text: string): PlacedProblem[] {
  const found: PlacedProblem[] = [];
  const scanner = createScanner(text, false);
  let comma: number | undefined;
  for (let token = scanner.scan(); token !== EOF; token = scanner.scan()) {
    if (token === LINE_COMMENT || token === BLOCK_COMMENT) {
      found.push({ path: '', code: 'comment', offset: scanner.getTokenOffset(), length: scanner.getTokenLength() });
      continue;
    }
    if (token === LINE_BREAK || token === TRIVIA) continue;
    if ((token === CLOSE_BRACE || token === CLOSE_BRACKET) && comma !== undefined)
      found.push({ path: '', code: 'trailingComma', offset: comma, length: 1 });
    comma = token === COMMA ? scanner.getTokenOffset() : undefined;
  }
  return found;
}

/** Records the node at every path, spelled as the validators spell it (`a.b`, `a[2].b`); a repeated key's last value wins, as in JSON.parse. */
function mapPaths(node: Node, path: string, key: Node | undefined, located: Map<string, Located>, problems: PlacedProblem[]): void {
  located.set(path, key ? { node, key } : { node });
  if (node.type === 'object') {
    const seen = new Map<string, Node>();
    for (const property of node.children ?? []) {
      const [keyNode, value] = property.children ?? [];
      if (keyNode === undefined || value === undefined) continue;
      const name = String(keyNode.value);
      const earlier = seen.get(name);
      if (earlier)
        problems.push({ path: join(path, name), code: 'duplicateKey', detail: name, offset: earlier.offset, length: earlier.length });
      seen.set(name, keyNode);
      mapPaths(value, join(path, name), keyNode, located, problems);
    }
  } else if (node.type === 'array') {
    for (const [i, item] of (node.children ?? []).entries()) mapPaths(item, `${path}[${i}]`, undefined, located, problems);
  }
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/**
 * Where a problem shows: an unknown field at its key; a scalar at its value; an object or an array (a person without
 * a name, too many claims) at its key, or its opening brace when it has none; a missing field at the key of the
 * object that lacks it, or that object's opening brace (the whole file's, for a missing top-level field).
 */
function place(path: string, code: string, located: Map<string, Located>): { offset: number; length: number } {
  const found = located.get(path);
  if (found) {
    if (code === 'unknownField' && found.key) return span(found.key);
    if (found.node.type !== 'object' && found.node.type !== 'array') return span(found.node);
    return found.key ? span(found.key) : { offset: found.node.offset, length: 1 };
  }
  for (let parent = parentPath(path); parent !== undefined; parent = parentPath(parent)) {
    const enclosing = located.get(parent);
    if (enclosing) return enclosing.key ? span(enclosing.key) : { offset: enclosing.node.offset, length: 1 };
  }
  return { offset: 0, length: 0 };
}

const span = (node: Node) => ({ offset: node.offset, length: node.length });

/** `a.b[2].c` → `a.b[2]` → `a.b` → `a` → `` → undefined. */
function parentPath(path: string): string | undefined {
  if (path === '') return undefined;
  const index = /\[\d+\]$/.test(path) ? path.lastIndexOf('[') : path.lastIndexOf('.');
  return index < 0 ? '' : path.slice(0, index);
}

/** The zero-based line and character (UTF-16 units) of `offset`, as editors count them: `\n`, `\r\n` and `\r` end a line. */
export function positionAt(text: string, offset: number): { readonly line: number; readonly character: number } {
  return lineMap(text)(offset);
}

/** `positionAt` for many offsets in one text: the line starts are found once, each offset then by bisection. */
export function lineMap(text: string): (offset: number) => { readonly line: number; readonly character: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 && text.charCodeAt(i + 1) === 10) continue;
    if (ch === 10 || ch === 13) starts.push(i + 1);
  }
  return (offset) => {
    const end = Math.max(0, Math.min(offset, text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= end) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: end - starts[low]! };
  };
}
