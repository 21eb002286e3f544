// schemas/*.schema.json are the contract developers write case.json and reminders.json against: for every field,
// generated samples (wrong types, blank, too long, control characters, missing, bad enums, unreal dates, unknown
// fields) must be accepted or refused alike by the schema (through ajv) and by the extension's validators.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import Ajv from 'ajv';
import { checkCase, MAIN_REASON_MAX, MAX_CLAIMS, SUBSIDIARY_REASON_MAX } from '../../src/cases/model/caseFile';
import { CASE_SCHEMA_URL, REMINDERS_SCHEMA_URL } from '../../src/cases/model/files';
import { AMOUNT_DUE_TEXT, checkReminders } from '../../src/cases/model/remindersFile';
import { isIsoDate } from '../../src/shared/dates';

type Json = Record<string, any>;

const caseSchema = JSON.parse(fs.readFileSync('schemas/case.schema.json', 'utf8'));
const remindersSchema = JSON.parse(fs.readFileSync('schemas/reminders.schema.json', 'utf8'));

function compile(schema: object) {
  // VS Code's own keywords are annotations for ajv; strict mode otherwise (a typo in a keyword fails the test).
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
  ajv.addVocabulary(['patternErrorMessage', 'deprecationMessage']);
  return ajv.compile(schema);
}

const DELETE = Symbol('delete');
type Path = readonly (string | number)[];

function withValue(base: Json, path: Path, value: unknown): unknown {
  const copy = structuredClone(base);
  let at: any = copy;
  for (const segment of path.slice(0, -1)) at = at[segment];
  const last = path.at(-1)!;
  if (value === DELETE) delete at[last];
  else at[last] = value;
  return copy;
}

const show = (value: unknown) => (value === DELETE ? '(missing)' : (JSON.stringify(value)?.slice(0, 60) ?? String(value)));

/** Resolves `$ref: '#/definitions/x'`. */
const resolve = (schema: Json, node: Json): Json => (node.$ref ? schema.definitions[node.$ref.split('/').pop()] : node);

const EMOJI = '😀';
const TYPE_SAMPLES: unknown[] = [null, 0, 1, -1, 1.5, true, false, [], {}, 'x', '1'];

/** Samples any string field gets, sized by its maxLength (counted in characters, an emoji being one). */
function stringSamples(max: number | undefined): unknown[] {
  const samples: unknown[] = [
    '',
    ' ',
    '   ',
    ' x ',
    'a\tb',
    'a\nb',
    'a\u0000b',
    'a\u0085b',
    'a\u007fb',
    '\u00a0',
    'a\u00a0b',
    'x\u2028y',
    `${EMOJI}x`,
  ];
  if (max !== undefined) {
    samples.push('x'.repeat(max), 'x'.repeat(max + 1), EMOJI.repeat(max), `${EMOJI.repeat(max)}x`, ` ${'x'.repeat(max - 1)}`);
  }
  return samples;
}

const INTEGER_SAMPLES = [0, 1, -1, 2, 1.5, 123_450, 2 ** 53 - 1, 2 ** 53, -(2 ** 53 - 1), -(2 ** 53), 1e300, '123450'];

const DATE_SAMPLES = [
  '2026-09-03',
  '2024-02-29',
  '2000-02-29',
  '2400-02-29',
  '2023-02-29',
  '1900-02-29',
  '2100-02-29',
  '2026-04-30',
  '2026-04-31',
  '2026-12-31',
  '2026-13-01',
  '2026-00-10',
  '2026-01-00',
  '2026-01-32',
  '0099-01-01',
  '0100-01-01',
  '0000-01-01',
  '9999-12-31',
  '2026-9-3',
  '03.09.2026',
  '2026-09-03T00:00:00Z',
  ' 2026-09-03',
  '20260903',
];

/** Field-specific samples, by the field's name. */
const FIELD_SAMPLES: Record<string, unknown[]> = {
  email: ['anna@example.ch', 'a@b.ch', 'a@b', 'a b@c.ch', 'a@@b.ch', '@b.ch', 'a@b.', `${'x'.repeat(249)}@b.ch`, `${'x'.repeat(250)}@b.ch`],
  phone1: [
    '+41 21 123 45 67',
    '12345',
    '1234',
    '+41(0)21/123.45-67',
    '     ',
    '++12345',
    'abcde',
    '1'.repeat(40),
    '1'.repeat(41),
    '\u00a012345',
  ],
  companyUid: [
    'CHE-109.322.551',
    'CHE109322551',
    'che-109.322.551',
    'CHE 109 322 551',
    ' CHE-109.322.551',
    'CHE-100.155.212',
    'CHE-1093.22.551',
    'CHE-109.322.55',
    'CHE-109.322.5511',
    'CHF-109.322.551',
    'CHE\t109322551',
    'C.H.E-1-0-9-3-2-2-5-5-1',
    'CHE-10932255X',
  ],
  dateOfBirth: [
    ...DATE_SAMPLES,
    '01.04.1980',
    '1980',
    '0000',
    '29.02.2000',
    '29.02.1900',
    '31.04.1980',
    '1.4.1980',
    '80',
    '19800',
    '01.04.0099',
    '01.04.0100',
  ],
  nationality: ['CH', 'ch', 'Ch', 'CHE', 'C', '12', 'ÄÖ'],
  // Swiss for the debtor (not Liechtenstein's 9485–9498); the creditor's is not checked.
  zip: ['1000', '9999', '9484', '9499', '9485', '9490', '9498', '0999', '999', '10000', 'CH-1003', ' 1003', '75001'],
  sex: ['M', 'F', 'U', 'm', 'X', 'MF'],
  preferredLanguage: ['de', 'fr', 'it', 'en', 'DE', 'rm'],
  letterLanguage: ['de', 'fr', 'it', 'en', 'EN', 'rm'],
  interestRate: ['0', '5', '5.0', '99.99999', '99.999999', '100', '5,0', '.5', '5.', '-1', '05.00000', ' 5.0', '1e1'],
  collocationClass: ['1', '2', '3', '4', '0', 3, ' 3'],
  interestDateFrom: DATE_SAMPLES,
  amount: INTEGER_SAMPLES,
  certificateOfLoss: [true, false, 'true', 0],
  isRegistered: [true, false, 'false', 1],
};
for (const key of ['phone2', 'phone3', 'fax']) FIELD_SAMPLES[key] = FIELD_SAMPLES.phone1!;

/** The validator's extra rule the schema cannot say: a UID's mod-11 check digit. Schema accepts, validator refuses. */
const CHECK_DIGIT_WRONG = ['CHE-123.456.789', 'CHE-109.322.552'];

const fullClaim = (externalRef: unknown) => ({
  externalRef,
  amount: 123_450,
  reason: 'Facture 2026-0142 du 03.08.2026',
  interestDateFrom: '2026-09-03',
  interestRate: '5.0',
  collocationClass: '3',
});

/** A case with every field filled in: a natural person as debtor, a legal person as creditor. */
const fullCase = (): Json => ({
  $schema: CASE_SCHEMA_URL,
  externalRef: 'INV-2026-0142',
  certificateOfLoss: false,
  responsiblePerson: { email: 'compta@example.ch' },
  payeeReference: 'PR-1',
  debtor: {
    externalRef: 'C-17',
    name: 'Anna',
    surname: 'Muster',
    nameAddon: 'c/o Meier',
    title: 'Dr.',
    sex: 'F',
    dateOfBirth: '1980-04-01',
    birthName: 'Meier',
    nationality: 'CH',
    preferredLanguage: 'fr',
    email: 'anna@example.ch',
    phone1: '+41 21 123 45 67',
    phone2: '021 123 45 68',
    phone3: '079 123 45 69',
    fax: '021 123 45 70',
    address: { street: 'Rue du Lac', streetnumber: '12', zip: '1003', city: 'Lausanne', pob: 'Case postale 5' },
  },
  creditor: {
    externalRef: 'S-1',
    company: 'Exemple Sàrl',
    companyUid: 'CHE-100.155.212',
    legalSeat: 'Genève',
    contactPerson: 'M. Dupont',
    isRegistered: true,
    name: 'Jean',
    surname: 'Dupont',
    nameAddon: 'Direction',
    title: 'M.',
    sex: 'M',
    dateOfBirth: '01.02.1970',
    birthName: 'Dupont',
    nationality: 'FR',
    preferredLanguage: 'de',
    email: 'info@exemple.ch',
    phone1: '+41 22 000 00 00',
    phone2: '022 000 00 01',
    phone3: '022 000 00 02',
    fax: '022 000 00 03',
    address: { street: 'Rue du Rhône', streetnumber: '1', zip: '1204', city: 'Genève', pob: 'CP 1' },
  },
  claim: fullClaim(1),
  subsidiaryClaims: [fullClaim('A-2')],
});

const fullReminders = (): Json => ({
  $schema: REMINDERS_SCHEMA_URL,
  invoiceNumber: '2026-0142',
  invoiceDate: '2024-01-10',
  dueDate: '2024-01-10',
  amountDue: "CHF 1'234.50",
  reminders: { first: '2024-02-10', second: '2024-03-10', third: '2024-04-10' },
});

/** The reminders' valid samples keep the dates in order (an order the schema cannot check; see remindersFile.test). */
const REMINDER_DATES: Record<string, unknown[]> = {
  invoiceDate: ['2000-02-29', '1999-12-31', '2024-01-10', ...DATE_SAMPLES.filter((d) => !isIsoDate(d) || d <= '2024-01-10')],
  dueDate: ['2024-01-10', '2024-01-31', '2024-02-10', ...DATE_SAMPLES.filter((d) => !isIsoDate(d))],
  first: ['2024-02-29', '2024-01-10', '2024-03-10', '2023-02-29', '2024-02-30', '2024-2-10', '10.02.2024', '2024-02-10 '],
  second: ['2024-02-29', '2024-03-31', '2024-04-10', '2024-03-32', '2024-04-31', '2024-03-10T00:00'],
  third: ['2024-12-31', '2400-02-29', '9999-12-31', '2100-02-29', '2024-06-31', '10000-01-01'],
};

const AMOUNT_DUE_SAMPLES = [
  "CHF 1'234.50",
  '1234.50',
  "1'234",
  'CHF 80',
  '0.50',
  'CHF 0.05',
  "999'999'999.99",
  '999999999.99',
  '1000000000.00',
  "1'000'000'000",
  'CHF 0.00',
  '0',
  '0.00',
  '1,234.50',
  '1234,50',
  '12.5',
  '12.345',
  "CHF1'234.50",
  'chf 80',
  "1'23.50",
  "12'34",
  '01.50',
  '-5',
  '100.-',
  "CHF 1'234.50 ",
  '80 CHF',
  ...INTEGER_SAMPLES,
  99_999_999_999,
  100_000_000_000,
];

interface Sample {
  readonly path: Path;
  readonly value: unknown;
}

/** Every field under `node` (the schema of the object at `path` in `base`), and the samples each gets. */
function samplesOf(
  schema: Json,
  node: Json,
  base: Json,
  path: Path,
  special: (name: string, path: Path) => unknown[] | undefined,
): Sample[] {
  const samples: Sample[] = [];
  const object = resolve(schema, node);
  samples.push({ path: [...path, 'unknownField'], value: 'x' }, { path: [...path, 'debitor'], value: {} });
  for (const [name, raw] of Object.entries<Json>(object.properties)) {
    const field = resolve(schema, raw);
    const at = [...path, name];
    let here: any = base;
    for (const segment of at) here = here?.[segment];
    samples.push({ path: at, value: DELETE }, ...TYPE_SAMPLES.map((value) => ({ path: at, value })));
    const types = [field.type].flat();
    if (types.includes('string') || field.type === undefined)
      samples.push(...stringSamples(field.maxLength).map((value) => ({ path: at, value })));
    if (types.includes('integer')) samples.push(...INTEGER_SAMPLES.map((value) => ({ path: at, value })));
    for (const value of field.enum ?? []) samples.push({ path: at, value }, { path: at, value: ` ${value}` });
    for (const value of special(name, at) ?? []) samples.push({ path: at, value });
    if (field.type === 'object') samples.push(...samplesOf(schema, field, base, at, special));
    if (field.type === 'array') {
      samples.push({ path: at, value: [] }, { path: at, value: [null] }, { path: at, value: ['x'] });
      if (field.maxItems !== undefined) {
        samples.push(
          { path: at, value: Array(field.maxItems).fill(here[0]) },
          { path: at, value: Array(field.maxItems + 1).fill(here[0]) },
        );
      }
      samples.push(...samplesOf(schema, field.items, base, [...at, 0], special));
    }
  }
  return samples;
}

function compare(
  name: string,
  schema: Json,
  base: Json,
  samples: readonly Sample[],
  check: (raw: unknown) => { ok: boolean; problems?: readonly { path: string; code: string }[] },
) {
  const validate = compile(schema);
  assert.equal(validate(base), true, `the full ${name} is valid by the schema: ${JSON.stringify(validate.errors)}`);
  assert.equal(check(base).ok, true, `the full ${name} is valid by the validator: ${JSON.stringify(check(base))}`);
  const disagreements: string[] = [];
  let accepted = 0;
  let refused = 0;
  for (const { path, value } of samples) {
    const sample = withValue(base, path, value);
    const bySchema = validate(sample) === true;
    const checked = check(sample);
    if (bySchema !== checked.ok) {
      disagreements.push(
        `${path.join('.')} = ${show(value)}: schema ${bySchema ? 'accepts' : `refuses (${validate.errors?.map((e) => `${e.instancePath} ${e.message}`).join('; ')})`}, validator ${checked.ok ? 'accepts' : `refuses (${checked.problems?.map((p) => `${p.path}:${p.code}`).join(', ')})`}`,
      );
    }
    checked.ok ? accepted++ : refused++;
  }
  console.log(`      ${name}: ${samples.length} samples, ${accepted} accepted and ${refused} refused by both`);
  assert.deepEqual(disagreements, [], `${disagreements.length} disagreements`);
  return { accepted, refused };
}

describe('the schemas agree with the validators', () => {
  it('case.json: every field, every sample, accepted or refused alike', () => {
    const base = fullCase();
    // Every field is filled in somewhere, so taking it away or changing it is a real test (the natural-person debtor
    // has no company fields; the creditor has them all).
    assert.deepEqual(Object.keys(base.creditor).sort(), Object.keys(caseSchema.definitions.person.properties).sort());
    const samples = samplesOf(caseSchema, caseSchema, base, [], (name) => FIELD_SAMPLES[name]);
    samples.push(
      { path: ['claim', 'externalRef'], value: 'A-1' },
      { path: ['claim', 'externalRef'], value: 'x'.repeat(101) },
      { path: ['subsidiaryClaims'], value: [] },
      { path: ['responsiblePerson'], value: {} },
      // A legal person needs no name; a natural person (no company) needs both name and surname.
      { path: ['creditor'], value: { company: 'X AG', address: base.creditor.address } },
      { path: ['creditor'], value: { name: 'Jean', address: base.creditor.address } },
      { path: ['creditor'], value: { name: 'Jean', surname: 'Dupont', address: base.creditor.address } },
      { path: ['debtor', 'company'], value: 'Muster SA' },
    );
    const { accepted, refused } = compare('case.json', caseSchema, base, samples, checkCase);
    assert.ok(accepted > 100 && refused > 500, 'the samples are both accepted and refused');
  });

  it("case.json: the payment-order form's limits are the validator's constants", () => {
    const { claim, subsidiaryClaim } = caseSchema.definitions;
    assert.equal(claim.properties.reason.maxLength, MAIN_REASON_MAX);
    assert.equal(caseSchema.properties.subsidiaryClaims.items.$ref, '#/definitions/subsidiaryClaim');
    assert.equal(subsidiaryClaim.properties.reason.maxLength, SUBSIDIARY_REASON_MAX);
    assert.equal(caseSchema.properties.subsidiaryClaims.maxItems, MAX_CLAIMS - 1);
    // A subsidiary claim is a claim but for its reason's length.
    assert.deepEqual(
      { ...subsidiaryClaim, description: '', properties: { ...subsidiaryClaim.properties, reason: {} } },
      { ...claim, description: '', properties: { ...claim.properties, reason: {} } },
    );
  });

  it('case.json: a file that is not an object is refused by both', () => {
    const validate = compile(caseSchema);
    for (const value of [null, [], 'case', 42, true]) {
      assert.equal(validate(value), false, JSON.stringify(value));
      assert.equal(checkCase(value).ok, false, JSON.stringify(value));
    }
  });

  it("case.json: the debtor's Swiss postcode is the rule of postcodeLanguage.ts, for the debtor alone", () => {
    const validate = compile(caseSchema);
    const debtorZip = (zip: string) => withValue(fullCase(), ['debtor', 'address', 'zip'], zip);
    const creditorZip = (zip: string) => withValue(fullCase(), ['creditor', 'address', 'zip'], zip);
    assert.equal(validate(debtorZip('75001')), false);
    assert.equal(validate(creditorZip('75001')), true, 'a creditor abroad is a representative’s business');
    assert.deepEqual(checkCase(debtorZip('9490')), {
      ok: false,
      problems: [{ path: 'debtor.address.zip', code: 'foreignPostcode', detail: 'LI' }],
    });
  });

  it("case.json: a UID's check digit is checked by the validator only, as the schema says", () => {
    const validate = compile(caseSchema);
    for (const uid of CHECK_DIGIT_WRONG) {
      const sample = withValue(fullCase(), ['creditor', 'companyUid'], uid);
      assert.equal(validate(sample), true, uid);
      assert.deepEqual(checkCase(sample), {
        ok: false,
        problems: [{ path: 'creditor.companyUid', code: 'uidCheckDigit', detail: uid.endsWith('789') ? '8' : '1' }],
      });
    }
    assert.match(caseSchema.definitions.person.properties.companyUid.description, /check digit, which the extension checks/);
  });

  it('reminders.json: every field, every sample, accepted or refused alike', () => {
    const base = fullReminders();
    const samples = samplesOf(remindersSchema, remindersSchema, base, [], (name) =>
      name === 'amountDue' ? AMOUNT_DUE_SAMPLES : REMINDER_DATES[name],
    );
    samples.push(
      // Only the earlier reminders: a second needs a first, a third a second.
      { path: ['reminders'], value: {} },
      { path: ['reminders'], value: { first: '2024-02-10' } },
      { path: ['reminders'], value: { second: '2024-03-10' } },
      { path: ['reminders'], value: { first: '2024-02-10', third: '2024-04-10' } },
      // No file holds a schedule: it is computed, so a schedule is an unknown field.
      { path: ['schedule'], value: 'soon' },
      { path: ['schedule'], value: { thirdReminderDue: 'never' } },
    );
    const { accepted, refused } = compare('reminders.json', remindersSchema, base, samples, checkReminders);
    assert.ok(accepted > 30 && refused > 100, 'the samples are both accepted and refused');
  });

  it('reminders.json: a file that is not an object is refused by both', () => {
    const validate = compile(remindersSchema);
    for (const value of [null, [], 'reminders', 42]) {
      assert.equal(validate(value), false, JSON.stringify(value));
      assert.equal(checkReminders(value).ok, false, JSON.stringify(value));
    }
  });

  it('both schemas are draft-07, allow $schema, refuse unknown fields, and have an English title and a description on every field', () => {
    for (const schema of [caseSchema, remindersSchema]) {
      assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
      assert.ok(schema.title && schema.description);
      assert.ok(schema.properties.$schema);
      const objects = [schema, ...Object.values<Json>(schema.definitions ?? {})];
      for (const object of objects) {
        for (const [name, field] of Object.entries<Json>(object.properties ?? {})) {
          if (field.type === 'object') objects.push(field);
          assert.ok(field.description || field.$ref, `${name} has a description`);
        }
        if (object.properties) assert.equal(object.additionalProperties, false, object.title ?? object.description);
      }
    }
    assert.equal(remindersSchema.properties.amountDue.pattern, AMOUNT_DUE_TEXT.source, 'one pattern for the amount due');
    assert.equal(caseSchema.$id, CASE_SCHEMA_URL);
    assert.equal(remindersSchema.$id, REMINDERS_SCHEMA_URL);
  });
});
