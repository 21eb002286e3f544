// 100,000 generated hostile messages against the protocol check: it never throws, never lets a bad one through,
// and what it lets through is a fresh object of allowed fields only.
import * as assert from 'node:assert/strict';
import { formValueProblem, MAX_DRAFT_FIELD_LENGTH, parseWebviewMessage } from '../../src/setup/contract';
import { CREDITOR_FIELDS, FORM_FIELDS } from '../../src/setup/fields';
import { hostileMessage, seededRandom } from '../fixtures/hostileMessages';

describe('protocol check under fuzzing', () => {
  it('refuses every malformed message and passes only clean copies', function () {
    this.timeout(120_000);
    const random = seededRandom(20261127);
    let refused = 0;
    let accepted = 0;
    for (let i = 0; i < 100_000; i++) {
      const message = hostileMessage(random);
      let parsed: ReturnType<typeof parseWebviewMessage>;
      try {
        parsed = parseWebviewMessage(message);
      } catch (error) {
        assert.fail(`message ${i} threw: ${(error as Error).message}`);
      }
      if (!parsed.ok) {
        refused++;
        assert.ok(parsed.error.length > 0 && parsed.error.length < 300, `message ${i}: a short error`);
        if (parsed.id !== undefined) assert.ok(Number.isSafeInteger(parsed.id) && parsed.id >= 0, `message ${i}: a real id to answer`);
        continue;
      }
      accepted++;
      assert.notEqual(parsed.message, message, 'a copy, not the object received');
      const sent = parsed.message;
      if (sent.type === 'save') {
        for (const key of Reflect.ownKeys(sent.params.changes))
          assert.ok(FORM_FIELDS.includes(key as never), `message ${i}: ${String(key)}`);
        for (const field of FORM_FIELDS) {
          if (Object.hasOwn(sent.params.changes, field)) assert.equal(formValueProblem(field, sent.params.changes[field]), undefined);
        }
      }
      if (sent.type === 'paymentPartSvg') {
        assert.deepEqual(Object.keys(sent.params.creditor).sort(), [...CREDITOR_FIELDS].sort(), `message ${i}`);
        for (const field of CREDITOR_FIELDS)
          assert.ok(typeof sent.params.creditor[field] === 'string' && sent.params.creditor[field].length <= 200);
        assert.ok(['de', 'fr', 'it', 'en'].includes(sent.params.language), `message ${i}: a language`);
        assert.ok(['company', 'person'].includes(sent.params.debtor), `message ${i}: a sample debtor`);
      }
      if (sent.type === 'ignoreCasesFolder') assert.equal(formValueProblem('casesFolder', sent.params.folder), undefined);
      if (sent.type === 'draft' && sent.params.draft) {
        for (const fields of [sent.params.draft.base, sent.params.draft.fields]) {
          assert.deepEqual(Object.keys(fields).sort(), [...FORM_FIELDS].sort());
          for (const field of FORM_FIELDS) assert.ok(typeof fields[field] === 'string' && fields[field].length <= MAX_DRAFT_FIELD_LENGTH);
        }
      }
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype was polluted');
    console.log(`      [fuzz] 100000 messages: ${refused} refused, ${accepted} well-formed accepted`);
    assert.ok(refused > 80_000);
  });
});
