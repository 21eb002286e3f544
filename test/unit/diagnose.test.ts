// Where the problems of case.json and reminders.json show in the text: exact lines and columns (zero-based, as
// VS Code's Position counts them).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { diagnose, type FileKind, positionAt } from '../../src/cases/model/diagnose';

const CASE = [
  '{',
  '  "externalRef": "2026-0142",',
  '  "debtor": {',
  '    "company": "Muster SA", "preferredLanguage": "fr",',
  '    "companyUid": "CHE-109.322.551",',
  '    "address": { "street": "Avenue de la Gare", "zip": "1003", "city": "Lausanne" }',
  '  },',
  '  "claim": { "amount": 123450, "reason": "Facture 2026-0142 du 03.08.2026", "collocationClass": "3" }',
  '}',
  '',
].join('\n');

/** Each problem as `line:character+length code path`, in the order of the text. */
function where(text: string, kind: FileKind = 'case'): string[] {
  return diagnose(text, kind).map((problem) => {
    const { line, character } = positionAt(text, problem.offset);
    return `${line}:${character}+${problem.length} ${problem.code}${problem.detail ? `(${problem.detail})` : ''} ${problem.path}`.trim();
  });
}

describe('diagnose: problems placed in the text', () => {
  it('warns of each character of the debtor a QR-bill cannot carry, at its field; letters it can carry pass', () => {
    const named = (company: string, city: string) =>
      CASE.replace('"company": "Muster SA"', `"company": ${JSON.stringify(company)}`).replace(
        '"city": "Lausanne"',
        `"city": ${JSON.stringify(city)}`,
      );
    assert.deepEqual(where(named('Đorđe Marjanović Sàrl', 'Zürich')), []);
    assert.deepEqual(where(named('L’Atelier Sàrl', 'Lausanne')), [], 'a typographic apostrophe has a plain form');
    assert.deepEqual(
      where(named('Бюро ✓', 'Lausanne')).filter((line) => line.includes('qrBillCharacter')),
      [
        '3:15+8 qrBillCharacter(Б) debtor.company',
        '3:15+8 qrBillCharacter(ю) debtor.company',
        '3:15+8 qrBillCharacter(р) debtor.company',
        '3:15+8 qrBillCharacter(о) debtor.company',
        '3:15+8 qrBillCharacter(✓) debtor.company',
      ],
    );
    assert.ok(
      diagnose(named('Бюро', 'Lausanne'), 'case').every((problem) => problem.warning),
      'warnings: tilbago takes the case',
    );
  });

  it('finds nothing in a valid case.json, nor in the sample case; a schedule in reminders.json is an unknown field', () => {
    assert.deepEqual(where(CASE), []);
    const sample = 'sample-workspace/tilbago-cases/2026-0142 Muster SA';
    assert.deepEqual(where(fs.readFileSync(`${sample}/case.json`, 'utf8')), []);
    const reminders = fs.readFileSync(`${sample}/reminders.json`, 'utf8');
    assert.deepEqual(where(reminders, 'reminders'), []);
    const withSchedule = reminders.replace(
      /\n}\s*$/,
      ',\n  "schedule": { "thirdReminderDue": "2026-10-15", "litigationFrom": "2026-10-30" }\n}\n',
    );
    assert.match(withSchedule, /"schedule"/);
    assert.deepEqual(
      where(withSchedule, 'reminders').map((problem) => problem.replace(/^\S+ /, '')),
      ['unknownField schedule'],
    );
  });

  it('a debtor without a language: a warning at the debtor, naming the language the letter would then be in', () => {
    const without = CASE.replace(' "preferredLanguage": "fr",', '');
    assert.deepEqual(where(without), ['2:2+8 noLanguage(fr) debtor']);
    assert.equal(diagnose(without, 'case')[0]?.warning, true);
    assert.deepEqual(where(without.replace('"1003"', '"6900"')), ['2:2+8 noLanguage(it) debtor']);
    assert.deepEqual(
      where(without.replace('"1003"', '"75001"')),
      ['2:2+8 noLanguage(de) debtor', '5:55+7 foreignPostcode debtor.address.zip'],
      'German when the postcode says nothing',
    );
    assert.deepEqual(where(without.replace('"externalRef"', '"letterLanguage": "en", "externalRef"')), [], 'English, on purpose');
    assert.deepEqual(where(CASE.replace('"fr"', '"en"')), ['3:49+4 language debtor.preferredLanguage'], 'an error, not also a warning');
    assert.equal(diagnose(CASE.replace('"fr"', '"en"'), 'case')[0]?.warning, undefined);
  });

  it('a reason that names an invoice without its date: a warning at the reason, saying what to write', () => {
    const reason = (text: string) => CASE.replace('"Facture 2026-0142 du 03.08.2026"', JSON.stringify(text));
    assert.deepEqual(where(reason('Facture')), ['7:41+9 vagueReason(fr) claim.reason']);
    assert.equal(diagnose(reason('Facture'), 'case')[0]?.warning, true, 'tilbago may take it: a warning');
    assert.deepEqual(where(reason('Rechnung 2026-0142')), ['7:41+20 vagueReason(de) claim.reason'], 'a number without a date');
    assert.deepEqual(where(reason('Facture n° 2026-0142 du 03.08.2026')), []);
    const subsidiary = CASE.replace(
      '"collocationClass": "3" }',
      '"collocationClass": "3" },\n  "subsidiaryClaims": [{ "amount": 100, "reason": "Fattura", "collocationClass": "3" }]',
    );
    assert.deepEqual(where(subsidiary), ['8:50+9 vagueReason(it) subsidiaryClaims[0].reason']);
    assert.deepEqual(where(reason('x'.repeat(641))), [`7:41+643 tooLong(640) claim.reason`], 'too long: the error, no warning');
  });

  it('a debtor postcode that is not Swiss: an error at the postcode (tilbago files with Swiss offices); Liechtenstein named', () => {
    const at = (zip: string) => diagnose(CASE.replace('"1003"', JSON.stringify(zip)), 'case');
    assert.deepEqual(where(CASE.replace('"1003"', '"75001"')), ['5:55+7 foreignPostcode debtor.address.zip']);
    assert.equal(at('75001')[0]?.warning, undefined, 'an error: it fails at the office, after the fee');
    assert.deepEqual(where(CASE.replace('"1003"', '"9490"')), ['5:55+6 foreignPostcode(LI) debtor.address.zip']);
    for (const zip of ['1000', '9484', '9499', '9999']) assert.deepEqual(at(zip), [], zip);
    for (const zip of ['0999', '10000', 'CH-1003', '9485', '9498']) assert.equal(at(zip).length, 1, zip);
  });

  it("an interest rate above 5%: a warning at the rate, only if agreed with the debtor; 5% is the law's", () => {
    const rate = (value: string) =>
      CASE.replace(
        '"collocationClass": "3" }',
        `"interestDateFrom": "2026-09-03", "interestRate": ${JSON.stringify(value)}, "collocationClass": "3" }`,
      );
    assert.deepEqual(where(rate('5.0')), []);
    assert.deepEqual(where(rate('4.5')), []);
    assert.deepEqual(where(rate('8.5')), ['7:126+5 interestAboveLegal(8.5) claim.interestRate']);
    assert.equal(diagnose(rate('8.5'), 'case')[0]?.warning, true);
    assert.deepEqual(where(rate('100')), ['7:126+5 interestRate claim.interestRate'], 'not a rate: the error alone');
  });

  it('an invoice more than five years old: a warning at its date, from the day after the fifth anniversary; never an error', () => {
    const reminders = (invoiceDate: string) => JSON.stringify({ invoiceNumber: '2020-0007', invoiceDate, amountDue: 'CHF 80' }, null, 2);
    const on = (invoiceDate: string, today: string) =>
      diagnose(reminders(invoiceDate), 'reminders', today).map((p) => `${p.code}(${p.detail}) ${p.path} ${p.warning}`);
    assert.deepEqual(on('2020-11-02', '2026-12-02'), ['limitation(2020-11-02) invoiceDate true']);
    assert.deepEqual(on('2021-12-02', '2026-12-02'), [], 'the last day is still in time');
    assert.deepEqual(on('2021-12-01', '2026-12-02'), ['limitation(2021-12-01) invoiceDate true']);
    assert.deepEqual(on('2024-02-29', '2029-02-28'), []);
    assert.deepEqual(on('2024-02-29', '2029-03-01'), ['limitation(2024-02-29) invoiceDate true']);
    assert.deepEqual(
      diagnose(reminders('2020-11-02'), 'reminders', '2026-12-02').filter((p) => !p.warning),
      [],
    );
  });

  it("the sample's schema copies are this version's schemas", () => {
    for (const name of ['case.schema.json', 'reminders.schema.json'])
      assert.equal(
        fs.readFileSync(`sample-workspace/tilbago-cases/.schemas/${name}`, 'utf8'),
        fs.readFileSync(`schemas/${name}`, 'utf8'),
        name,
      );
  });

  it('a wrong claim.amount: at the value', () => {
    assert.deepEqual(where(CASE.replace('123450', '12.5')), ['7:23+4 amount claim.amount']);
    assert.deepEqual(where(CASE.replace('123450', '"1234.50"')), ['7:23+9 wrongType(number) claim.amount']);
  });

  it('an unknown field: at its key', () => {
    const text = CASE.replace('"externalRef": "2026-0142",', '"externalRef": "2026-0142", "debitor": { "name": "x" },');
    assert.deepEqual(where(text), ['1:30+9 unknownField debitor']);
    assert.deepEqual(where(CASE.replace('"zip"', '"postcode"')), [
      '5:4+9 required debtor.address.zip',
      '5:48+10 unknownField debtor.address.postcode',
    ]);
  });

  it("a missing debtor: at the file's opening brace; a missing field of an object: at that object's key", () => {
    const lines = CASE.split('\n');
    const noDebtor = [...lines.slice(0, 2), ...lines.slice(7)].join('\n');
    assert.deepEqual(where(noDebtor), ['0:0+1 required debtor']);
    assert.deepEqual(where(CASE.replace(', "reason": "Facture 2026-0142 du 03.08.2026"', '')), ['7:2+7 required claim.reason']);
    // An object with a problem of its own (a natural person without a surname) shows at its key.
    assert.deepEqual(where(CASE.replace('"company": "Muster SA",', '"name": "Anna",').replace(/\s*"companyUid": "[^"]*",/, '')), [
      '2:2+8 personName debtor',
    ]);
  });

  it('an array element: at its value, or its opening brace', () => {
    const text = CASE.replace(
      '"collocationClass": "3" }',
      '"collocationClass": "3" },\n  "subsidiaryClaims": [\n    { "amount": 100, "reason": "Mahngebühr", "collocationClass": "3" },\n    { "amount": 0, "collocationClass": "3" }\n  ]',
    );
    assert.deepEqual(where(text), ['10:4+1 required subsidiaryClaims[1].reason', '10:16+1 amount subsidiaryClaims[1].amount']);
  });

  it('a syntax error in the middle of the file: where the parser finds it, and nothing else is checked', () => {
    const text = CASE.replace('"Muster SA",', '"Muster SA"');
    assert.deepEqual(where(text), ['3:27+19 syntax(CommaExpected)']);
    assert.deepEqual(where(CASE.replace('"zip": "1003"', '"zip": 1003x')), ['5:59+1 syntax(InvalidSymbol)']);
  });

  it('a file that is not JSON at all', () => {
    // Each word the parser cannot read, as VS Code's JSON mode shows them.
    assert.deepEqual(where('Muster SA, CHF 1234.50'), [
      '0:0+6 syntax(InvalidSymbol)',
      '0:7+2 syntax(InvalidSymbol)',
      '0:9+1 syntax(ValueExpected)',
    ]);
    assert.deepEqual(where(''), ['0:0+0 syntax(ValueExpected)']);
    assert.deepEqual(where('[1, 2]'), ['0:0+1 wrongType(object)']);
  });

  it('comments and trailing commas are problems (tilbago reads plain JSON), and the rest is still checked', () => {
    const text = CASE.replace('{\n', '{\n  // the invoice\n').replace(
      '"collocationClass": "3" }',
      '"collocationClass": "3", "amount": 0, }',
    );
    // The second "amount" is the one JSON.parse keeps (and 0 is refused); the first is named as a duplicate.
    assert.deepEqual(where(text), [
      '1:2+14 comment',
      '8:13+8 duplicateKey(amount) claim.amount',
      '8:111+1 amount claim.amount',
      '8:112+1 trailingComma',
    ]);
  });

  it('a file with a byte order mark: read as without, each problem one place further into the text', () => {
    assert.deepEqual(diagnose(`\uFEFF${CASE}`, 'case'), [], 'a valid case.json');
    for (const text of [
      CASE.replace('123450', '12.5').replace('"zip"', '"postcode"'),
      CASE.replace('"Muster SA",', '"Muster SA"'),
      `{ "externalRef": "x" }`,
    ]) {
      const plain = diagnose(text, 'case');
      assert.ok(plain.length > 0);
      assert.deepEqual(
        diagnose(`\uFEFF${text}`, 'case'),
        plain.map((problem) => ({ ...problem, offset: problem.offset + 1 })),
        text,
      );
    }
    const reminders = '{ "invoiceNumber": "1", "amountDue": "CHF 1.00", "reminders": { "first": "2026-09-07", "second": "2026-09-01" } }';
    assert.deepEqual(
      diagnose(`\uFEFF${reminders}`, 'reminders'),
      diagnose(reminders, 'reminders').map((problem) => ({ ...problem, offset: problem.offset + 1 })),
    );
  });

  it('counts lines as VS Code does, with \\r\\n and characters in UTF-16 units', () => {
    const text = CASE.replace('"Muster SA"', '"Müster 😀 SA"').replace('123450', '-1').replaceAll('\n', '\r\n');
    // The emoji is two UTF-16 units: the company's value is 14 long.
    assert.deepEqual(where(text), ['3:15+14 qrBillCharacter(😀) debtor.company', '7:23+2 amount claim.amount']);
    assert.deepEqual(positionAt('a\r\nb\rc\nd', 7), { line: 3, character: 0 });
    assert.deepEqual(positionAt('😀x', 2), { line: 0, character: 2 });
    assert.deepEqual(positionAt('ab', 99), { line: 0, character: 2 });
  });

  it('reminders.json: an order problem at its date, a missing amount at the opening brace', () => {
    const text = [
      '{',
      '  "invoiceNumber": "2026-0142",',
      '  "amountDue": "CHF 1\'234.50",',
      '  "reminders": { "first": "2026-09-07", "second": "2026-09-01" }',
      '}',
    ].join('\n');
    assert.deepEqual(where(text, 'reminders'), ['3:50+12 order(reminders.first) reminders.second']);
    assert.deepEqual(where(text.replace(/\s*"amountDue": "[^"]*",/, ''), 'reminders'), [
      '0:0+1 required amountDue',
      '2:50+12 order(reminders.first) reminders.second',
    ]);
  });

  it('parses a big file once: 20,000 unknown fields, each placed, in a fraction of a second', () => {
    const fields = Array.from({ length: 20_000 }, (_, i) => `"extra${i}": ${i}`).join(',\n  ');
    const text = CASE.replace('{\n', `{\n  ${fields},\n`);
    const started = performance.now();
    const problems = diagnose(text, 'case');
    const took = performance.now() - started;
    assert.equal(problems.length, 20_000);
    assert.deepEqual(positionAt(text, problems.at(-1)!.offset), { line: 20_000, character: 2 });
    assert.ok(took < 2000, `${Math.round(took)} ms`);
  });
});
