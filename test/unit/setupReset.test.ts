// Reset to defaults in the setup panel: which values it removes, and which it keeps unless the user asks for everything.
import * as assert from 'node:assert/strict';
import { resetFields } from '../../src/setup/contract';
import { FORM_FIELDS, type FormField } from '../../src/setup/fields';

const setAt = (...fields: FormField[]) =>
  Object.fromEntries(FORM_FIELDS.map((field) => [field, fields.includes(field)])) as Record<FormField, boolean>;

describe('setup panel: Reset to defaults', () => {
  it('resets the delays and letters, and keeps the cases folder and the creditor unless asked', () => {
    const { reset, kept } = resetFields(setAt('daysBeforeCollection', 'letterFr', 'casesFolder', 'creditorName', 'creditorAccount'));
    assert.deepEqual(reset, ['daysBeforeCollection', 'letterFr']);
    assert.deepEqual(kept, ['casesFolder', 'creditorName', 'creditorAccount']);
  });

  it('names only the values set at the target', () => {
    assert.deepEqual(resetFields(setAt()), { reset: [], kept: [] });
    assert.deepEqual(resetFields(setAt('creditorTown')), { reset: [], kept: ['creditorTown'] });
    assert.deepEqual(resetFields(setAt('letterIt')), { reset: ['letterIt'], kept: [] });
  });

  it('keeps every creditor field and the cases folder, and nothing else', () => {
    const { reset, kept } = resetFields(setAt(...FORM_FIELDS));
    assert.deepEqual([...reset, ...kept].sort(), [...FORM_FIELDS].sort());
    assert.ok(kept.every((field) => field === 'casesFolder' || field.startsWith('creditor')));
    assert.ok(reset.every((field) => field !== 'casesFolder' && !field.startsWith('creditor')));
  });
});
