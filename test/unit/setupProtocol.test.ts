import * as assert from 'node:assert/strict';
import { checkDraft, editedFields, MAX_DRAFT_FIELD_LENGTH, parseWebviewMessage } from '../../src/setup/contract';
import { SAMPLE_CREDITOR } from '../fixtures/creditor';

const creditor = SAMPLE_CREDITOR;
const changes = {
  daysAfterSecondReminder: 10,
  daysBeforeCollection: 15,
  letterDe: 'Sehr geehrte Damen und Herren',
  letterFr: 'Madame, Monsieur,\n%NUMERO%',
  letterIt: '',
  letterEn: '',
  casesFolder: 'Cas tilbago',
  ...creditor,
};
const save = (params: Record<string, unknown> = {}, over: Record<string, unknown> = {}) => ({
  type: 'save',
  id: 1,
  params: { target: 'workspace', changes, ...params },
  ...over,
});
const fields = {
  daysAfterSecondReminder: '10',
  daysBeforeCollection: '15',
  letterDe: '',
  letterFr: '',
  letterIt: '',
  letterEn: '',
  casesFolder: '',
  ...creditor,
};
const draft = { target: 'workspace', base: fields, fields: { ...fields, letterFr: 'Bonjour' } };

function refused(raw: unknown, pattern: RegExp): ReturnType<typeof parseWebviewMessage> {
  const parsed = parseWebviewMessage(raw);
  assert.equal(parsed.ok, false, JSON.stringify(raw)?.slice(0, 80));
  if (!parsed.ok) assert.match(parsed.error, pattern);
  return parsed;
}

describe('setup protocol: messages from the webview', () => {
  it('accepts each well-formed request and notification, returning a fresh copy', () => {
    const messages = [
      { type: 'ready', id: 0, params: {} },
      save(),
      save({ changes: {} }),
      save({ changes: { letterEn: '' } }),
      { type: 'reset', id: 2, params: { target: 'user' } },
      { type: 'selectTarget', id: 3, params: { target: 'folder:file:///home/user/invoices' } },
      { type: 'setApiKey', id: 4, params: {} },
      { type: 'removeApiKey', id: 5, params: {} },
      { type: 'testConnection', id: 6, params: {} },
      { type: 'openWalkthrough', id: 7, params: {} },
      { type: 'browseFolder', id: 8, params: { folder: '' } },
      { type: 'checkFolder', id: 9, params: { folder: '../cases' } },
      { type: 'createFolder', id: 10, params: { folder: '/srv/cases' } },
      { type: 'ignoreCasesFolder', id: 11, params: { folder: 'cases' } },
      { type: 'paymentPartSvg', id: 12, params: { creditor, language: 'fr', debtor: 'company' } },
      {
        type: 'paymentPartSvg',
        id: 13,
        params: { creditor: { ...creditor, creditorAccount: 'CH00 wrong', creditorName: '' }, language: 'de', debtor: 'person' },
      },
      { type: 'draft', params: { draft } },
      { type: 'draft', params: { draft: null } },
    ];
    for (const message of messages) {
      const parsed = parseWebviewMessage(message);
      assert.ok(parsed.ok, JSON.stringify(message));
      assert.deepEqual(parsed.message, message);
      assert.notEqual(parsed.message, message);
      assert.notEqual(parsed.message.params, message.params, 'the parameters are copied too');
    }
    const parsed = parseWebviewMessage(save());
    assert.ok(parsed.ok && parsed.message.type === 'save' && parsed.message.params.changes !== changes, 'nested objects too');
  });

  it('refuses what is not a message', () => {
    for (const raw of [null, undefined, 42, 'save', [], [save()], new Date(), Object.create({ type: 'ready' })])
      refused(raw, /must be an object/);
  });

  it('refuses unknown types and inherited or odd type fields', () => {
    refused({ type: 'runCommand', id: 1, params: { command: 'workbench.action.terminal.new' } }, /unknown message type/);
    refused({ type: 'toString' }, /unknown message type/);
    refused({ type: '__proto__' }, /unknown message type/);
    refused({ type: 'reply', id: 1, ok: true, value: 1 }, /unknown message type/);
    refused({ type: 42 }, /unknown message type: number/);
    refused({}, /unknown message type/);
  });

  it('refuses missing and extra fields, in the envelope and in the parameters, including prototype keys', () => {
    refused({ type: 'ready', id: 1 }, /exactly the fields type, id, params$/);
    refused({ type: 'ready', params: {} }, /exactly the fields type, id, params$/);
    refused({ type: 'draft', id: 1, params: { draft: null } }, /exactly the fields type, params$/);
    refused({ type: 'ready', id: 1, params: { extra: 1 } }, /ready: params must have no fields/);
    refused(JSON.parse('{"type":"ready","id":1,"params":{},"__proto__":{"polluted":true}}'), /exactly the fields/);
    refused(save({}, { constructor: 'x' }), /exactly the fields/);
    refused(save({ apiKey: 'x' }), /save: params must have exactly the fields target, changes/);
    refused(save({ changes: { ...changes, apiKey: 'x' } }), /params\.changes must have only fields among/);
    refused(save({ changes: JSON.parse('{"letterEn":"","__proto__":{"casesFolder":"x"}}') }), /params\.changes must have only/);
    refused({ type: 'draft', params: { draft: { ...draft, base: { ...fields, extra: '' } } } }, /params\.draft\.base must have exactly/);
    const { target: _, ...noTarget } = draft;
    refused({ type: 'draft', params: { draft: noTarget } }, /params\.draft must have exactly the fields target, base, fields/);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('refuses values that cannot be saved as they are: no clamping, no coercion', () => {
    for (const days of [-1, 366, 10.5, Number.NaN, Number.POSITIVE_INFINITY, '10', null, 1e21, undefined]) {
      refused(save({ changes: { daysBeforeCollection: days } }), /save: params\.changes\.daysBeforeCollection cannot be saved/);
    }
    refused(save({ changes: { letterEn: 'x'.repeat(10_001) } }), /params\.changes\.letterEn cannot be saved: tooLong/);
    refused(save({ changes: { letterIt: 'x'.repeat(10_001) } }), /params\.changes\.letterIt cannot be saved: tooLong/);
    refused(save({ changes: { letterDe: 'a\u0001b' } }), /params\.changes\.letterDe cannot be saved: controlCharacters/);
    refused(save({ changes: { letterEn: 'a\u0000b' } }), /controlCharacters/);
    refused(save({ changes: { letterEn: 42 } }), /wrongType/);
    refused(save({ changes: { casesFolder: 'a\nb' } }), /params\.changes\.casesFolder cannot be saved/);
  });

  it('refuses bad request ids, targets, folders and drafts; a refused request keeps its id for the answer', () => {
    for (const id of [-1, 1.5, '1', null, 2 ** 53]) refused(save({}, { id }), /id must be a whole number/);
    for (const target of ['', 42, null, 'x'.repeat(4097)]) {
      const parsed = refused(save({ target }), /params\.target must be a string of 1 to 4096 characters/);
      assert.equal(!parsed.ok && parsed.id, 1);
    }
    for (const folder of [42, null, 'a\u0007b', 'x'.repeat(4097)]) {
      refused({ type: 'createFolder', id: 1, params: { folder } }, /params\.folder must be a path/);
      refused({ type: 'ignoreCasesFolder', id: 1, params: { folder } }, /params\.folder must be a path/);
    }
    refused(
      { type: 'draft', params: { draft: { ...draft, fields: { ...fields, letterEn: 42 } } } },
      /params\.draft\.fields\.letterEn must be a string/,
    );
    const huge = 'x'.repeat(MAX_DRAFT_FIELD_LENGTH + 1);
    refused({ type: 'draft', params: { draft: { ...draft, fields: { ...fields, letterEn: huge } } } }, /params\.draft\.fields\.letterEn/);
  });

  it('keeps error texts short for huge input', () => {
    const parsed = parseWebviewMessage({ type: 'x'.repeat(1_000_000) });
    assert.ok(!parsed.ok && parsed.error.length < 100);
  });

  it('a draft read back from storage is checked the same way; its edits are the fields that differ from their base', () => {
    assert.ok(checkDraft(draft).ok);
    assert.deepEqual(editedFields(draft), ['letterFr']);
    for (const stored of [undefined, null, 'x', { ...draft, fields: undefined }, { ...draft, target: '' }])
      assert.equal(checkDraft(stored).ok, false);
  });

  it('checks the payment part request: every creditor field as text of at most 200 characters, one of the four languages, a sample debtor', () => {
    const payment = (params: Record<string, unknown>) => ({
      type: 'paymentPartSvg',
      id: 7,
      params: { creditor, language: 'de', debtor: 'person', ...params },
    });
    refused(payment({ debtor: 'robot' }), /params\.debtor must be one of company, person/);
    refused(payment({ language: 'es' }), /params\.language must be one of de, fr, it, en/);
    refused(payment({ language: undefined }), /params\.language must be one of/);
    refused(
      payment({ creditor: { ...creditor, creditorName: 'x'.repeat(201) } }),
      /params\.creditor\.creditorName must be a string of 0 to 200/,
    );
    refused(payment({ creditor: { ...creditor, creditorAccount: 42 } }), /params\.creditor\.creditorAccount must be a string/);
    refused(payment({ creditor: { ...creditor, extra: '' } }), /params\.creditor must have exactly the fields/);
    const { creditorTown: _, ...withoutTown } = creditor;
    refused(payment({ creditor: withoutTown }), /params\.creditor must have exactly the fields/);
    refused(
      { ...payment({}), params: { creditor, language: 'de', debtor: 'company', svg: '<svg/>' } },
      /params must have exactly the fields creditor, language/,
    );
  });

  it('refuses a save of creditor values the QR-bill does not take, naming why', () => {
    refused(save({ changes: { creditorAccount: 'CH93 0076 2011 6238 5295 8' } }), /creditorAccount cannot be saved: ibanCheckDigit/);
    refused(save({ changes: { creditorAccount: 'DE89 3704 0044 0532 0130 00' } }), /creditorAccount cannot be saved: ibanCountry/);
    refused(save({ changes: { creditorName: 'x'.repeat(71) } }), /creditorName cannot be saved: tooLong/);
    refused(save({ changes: { creditorCountry: 'DE' } }), /creditorCountry cannot be saved: notAChoice/);
    refused(save({ changes: { creditorIbanReference: 'qrReference' } }), /creditorIbanReference cannot be saved: notAChoice/);
    assert.ok(parseWebviewMessage(save({ changes: { creditorAccount: '', creditorName: 'x'.repeat(70) } })).ok, 'empty: not set; 70: fits');
  });
});
