// The setup form's field table (src/setup/fields.ts) is the one place a field is declared: every row must stand for
// a real contributed setting of the right type, and each field and page element must be told apart.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { FORM_FIELD_ROWS, FORM_FIELDS, KEPT_BY_RESET, LETTER_FIELDS } from '../../src/setup/fields';
import { SETTINGS } from '../../src/settings/schema';
import { fieldsOf } from '../../webview/draft';

const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const contributed: Record<string, { type?: string }> = Object.assign(
  {},
  ...manifest.contributes.configuration.map((section: { properties: object }) => section.properties),
);

describe('the setup form’s field table', () => {
  it('every row is a setting the manifest contributes, a day count exactly where the setting is an integer', () => {
    for (const row of FORM_FIELD_ROWS) {
      assert.ok(row.setting in SETTINGS, `${row.field}: ${row.setting} is a setting of schema.ts`);
      const property = contributed[`tilbago.${row.setting}`];
      assert.ok(property, `${row.field}: package.json contributes tilbago.${row.setting}`);
      assert.equal(row.kind === 'days', property.type === 'integer', `${row.field} is a day count exactly when its setting is an integer`);
    }
  });

  it('fields and settings are each named once; each page element edits one field, the four letters share their text box', () => {
    assert.equal(new Set(FORM_FIELDS).size, FORM_FIELDS.length, 'fields unique');
    assert.equal(new Set(FORM_FIELD_ROWS.map((row) => row.setting)).size, FORM_FIELD_ROWS.length, 'settings unique');
    const byId = new Map<string, string[]>();
    for (const row of FORM_FIELD_ROWS) byId.set(row.domId, [...(byId.get(row.domId) ?? []), row.field]);
    for (const [id, fields] of byId) {
      if (id === 'letter-text') assert.deepEqual(fields.sort(), Object.values(LETTER_FIELDS).sort());
      else assert.equal(fields.length, 1, `${id} edits ${fields.join(', ')}`);
    }
  });

  it('Reset keeps the cases folder and the creditor, and puts the delays and letters back', () => {
    assert.deepEqual(
      [...KEPT_BY_RESET].sort(),
      FORM_FIELD_ROWS.filter((row) => row.section === 'creditor' || row.field === 'casesFolder')
        .map((row) => row.field)
        .sort(),
    );
  });

  it('the draft holds every field as text, a day count as its digits', () => {
    const values = Object.fromEntries(FORM_FIELD_ROWS.map((row) => [row.field, row.kind === 'days' ? 21 : `${row.field} value`]));
    const draft = fieldsOf(values as never);
    assert.deepEqual(Object.keys(draft).sort(), [...FORM_FIELDS].sort());
    assert.equal(draft.daysBeforeCollection, '21');
    assert.equal(draft.creditorTown, 'creditorTown value');
  });
});
