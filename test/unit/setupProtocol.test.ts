import * as assert from 'node:assert/strict';
import { parseWebviewMessage } from '../../src/setup/contract';

const values = { daysAfterSecondReminder: 10, daysBeforeCollection: 15, text: 'Madame, Monsieur,\n%NUMERO%', casesFolder: 'Cas tilbago' };
const save = (over: Record<string, unknown> = {}) => ({ type: 'save', requestId: 1, target: 'workspace', values, ...over });

function refused(raw: unknown, pattern: RegExp): void {
  const parsed = parseWebviewMessage(raw);
  assert.equal(parsed.ok, false, JSON.stringify(raw)?.slice(0, 80));
  if (!parsed.ok) assert.match(parsed.error, pattern);
}

describe('setup protocol: messages from the webview', () => {
  it('accepts each well-formed message, returning a fresh copy', () => {
    const messages = [
      { type: 'ready' },
      save(),
      { type: 'reset', requestId: 2, target: 'user' },
      { type: 'selectTarget', target: 'folder:file:///work/a' },
      { type: 'setApiKey' },
      { type: 'removeApiKey' },
      { type: 'testConnection' },
      { type: 'openWalkthrough' },
      { type: 'browseFolder', folder: '' },
      { type: 'checkFolder', folder: '../cases' },
      { type: 'createFolder', folder: '/srv/cases' },
    ];
    for (const message of messages) {
      const parsed = parseWebviewMessage(message);
      assert.ok(parsed.ok, JSON.stringify(message));
      assert.deepEqual(parsed.message, message);
      assert.notEqual(parsed.message, message);
    }
    const parsed = parseWebviewMessage(save());
    assert.ok(parsed.ok && parsed.message.type === 'save' && parsed.message.values !== values, 'values are copied too');
  });

  it('refuses what is not a message', () => {
    for (const raw of [null, undefined, 42, 'save', [], [save()], new Date(), Object.create({ type: 'ready' })])
      refused(raw, /must be an object/);
  });

  it('refuses unknown types and inherited or odd type fields', () => {
    refused({ type: 'runCommand', command: 'workbench.action.terminal.new' }, /unknown message type/);
    refused({ type: 'toString' }, /unknown message type/);
    refused({ type: '__proto__' }, /unknown message type/);
    refused({ type: 42 }, /unknown message type: number/);
    refused({}, /unknown message type/);
  });

  it('refuses missing and extra fields, including prototype keys', () => {
    refused({ type: 'ready', extra: 1 }, /exactly the fields type$/);
    refused({ type: 'save', requestId: 1, target: 'workspace' }, /exactly the fields type, requestId, target, values/);
    refused(JSON.parse('{"type":"ready","__proto__":{"polluted":true}}'), /exactly the fields/);
    refused(save({ constructor: 'x' }), /exactly the fields/);
    refused(save({ values: { ...values, apiKey: 'x' } }), /values must have exactly the fields/);
    refused(
      save({ values: JSON.parse(`{"daysAfterSecondReminder":10,"daysBeforeCollection":15,"text":"","__proto__":{"casesFolder":"x"}}`) }),
      /values must have exactly/,
    );
    const { casesFolder: _, ...missing } = values;
    refused(save({ values: missing }), /values must have exactly/);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('refuses values that cannot be saved as they are: no clamping, no coercion', () => {
    for (const days of [-1, 366, 10.5, Number.NaN, Number.POSITIVE_INFINITY, '10', null, 1e21]) {
      refused(save({ values: { ...values, daysBeforeCollection: days } }), /values\.daysBeforeCollection cannot be saved/);
    }
    refused(save({ values: { ...values, text: 'x'.repeat(10_001) } }), /values\.text cannot be saved: tooLong/);
    refused(save({ values: { ...values, text: 'a\u0000b' } }), /controlCharacters/);
    refused(save({ values: { ...values, text: 42 } }), /wrongType/);
    refused(save({ values: { ...values, casesFolder: 'a\nb' } }), /values\.casesFolder cannot be saved/);
  });

  it('refuses bad request ids, targets and folders', () => {
    for (const requestId of [-1, 1.5, '1', null, 2 ** 53]) refused(save({ requestId }), /requestId/);
    for (const target of ['', 42, null, 'x'.repeat(4097)]) refused(save({ target }), /target/);
    for (const folder of [42, null, 'a\u0007b', 'x'.repeat(4097)]) refused({ type: 'createFolder', folder }, /folder must be/);
  });

  it('keeps error texts short for huge input', () => {
    const parsed = parseWebviewMessage({ type: 'x'.repeat(1_000_000) });
    assert.ok(!parsed.ok && parsed.error.length < 100);
  });
});
