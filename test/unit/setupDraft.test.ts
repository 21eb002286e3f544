// The setup form's pure logic, outside any browser: the draft of unsaved edits (what is dirty, what Save sends, how
// an outside change is merged), where an unknown placeholder is in words and its fix, and the host client's
// request/reply matching by id.
import * as assert from 'node:assert/strict';
import type { HostMessage, WebviewMessage } from '../../src/setup/contract';
import type { FormValues } from '../../src/setup/fields';
import {
  afterSave,
  changesToSave,
  edit,
  invalidFields,
  isDirty,
  parseDays,
  rebase,
  startDraft,
  WRITTEN_IN_FILE,
  writeIntoFile,
} from '../../webview/draft';
import { connectToHost, HostError } from '../../webview/hostClient';
import { applySuggestion, locateUnknownPlaceholders } from '../../webview/unknownPlaceholders';
import { NO_CREDITOR } from '../fixtures/creditor';

const values: FormValues = {
  daysAfterSecondReminder: 10,
  daysBeforeCollection: 15,
  letterDe: '',
  letterFr: 'Madame,',
  letterIt: '',
  letterEn: '',
  casesFolder: 'cases',
  ...NO_CREDITOR,
};
const state = (over: Partial<FormValues> = {}, target = 'workspace') => ({ target, values: { ...values, ...over } });

describe('setup form: the draft of unsaved edits', () => {
  it('starts clean from the host values; an edit makes it dirty, typing the old value back makes it clean', () => {
    const draft = startDraft(state());
    assert.equal(isDirty(draft), false);
    assert.deepEqual(draft.fields, { ...values, daysAfterSecondReminder: '10', daysBeforeCollection: '15' }, 'the numbers as typed text');
    const edited = edit(draft, 'daysBeforeCollection', '20');
    assert.equal(isDirty(edited), true);
    assert.equal(isDirty(edit(edited, 'daysBeforeCollection', '15')), false);
    assert.equal(edit(draft, 'letterFr', 'Madame,'), draft, 'no change, same object');
  });

  it('the creditor fields are text fields of the draft, checked by the QR-bill rules before Save', () => {
    const draft = edit(edit(startDraft(state()), 'creditorName', 'Muster AG'), 'creditorAccount', 'CH93 0076 2011 6238 5295 7');
    assert.deepEqual(changesToSave(draft), { changes: { creditorName: 'Muster AG', creditorAccount: 'CH93 0076 2011 6238 5295 7' } });
    assert.deepEqual(changesToSave(edit(draft, 'creditorAccount', 'CH93 0076 2011 6238 5295 8')), { invalid: ['creditorAccount'] });
    assert.deepEqual(changesToSave(edit(draft, 'creditorName', 'x'.repeat(71))), { invalid: ['creditorName'] });
    assert.deepEqual(changesToSave(edit(draft, 'creditorCountry', 'DE')), { invalid: ['creditorCountry'] });
    assert.deepEqual(
      rebase(draft, state({ creditorTown: 'Bern' })).draft.fields.creditorTown,
      'Bern',
      'an untouched field follows the file',
    );
  });

  it('Save sends the edited fields only, as values; an edited field that cannot be saved stops it', () => {
    const draft = edit(edit(startDraft(state()), 'daysAfterSecondReminder', ' 12 '), 'letterFr', 'Bonjour %NUMERO%');
    assert.deepEqual(changesToSave(draft), { changes: { daysAfterSecondReminder: 12, letterFr: 'Bonjour %NUMERO%' } });
    assert.deepEqual(changesToSave(startDraft(state())), { changes: {} });
    assert.deepEqual(changesToSave(edit(draft, 'daysBeforeCollection', '400')), { invalid: ['daysBeforeCollection'] });
    assert.deepEqual(changesToSave(edit(draft, 'daysBeforeCollection', '')), { invalid: ['daysBeforeCollection'] });
    assert.deepEqual(changesToSave(edit(draft, 'letterFr', 'x'.repeat(10_001))), { invalid: ['letterFr'] });
    assert.deepEqual(invalidFields({ ...draft.fields, casesFolder: 'a\u0007b', daysAfterSecondReminder: '1.5' }), [
      'daysAfterSecondReminder',
      'casesFolder',
    ]);
    assert.equal(parseDays('007'), 7);
    assert.equal(parseDays('-1'), undefined);
  });

  it('an outside change of a field the user did not edit shows the new value and is never saved back', () => {
    // The reported bug: text edited, a day count changed by hand in settings.json, "Keep my edits", Save.
    const draft = edit(startDraft(state()), 'letterFr', 'Bonjour');
    const { draft: merged, changedOutside, conflicts } = rebase(draft, state({ daysBeforeCollection: 40 }));
    assert.deepEqual(changedOutside, ['daysBeforeCollection']);
    assert.deepEqual(conflicts, []);
    assert.equal(merged.fields.daysBeforeCollection, '40', 'the form shows the hand-made value');
    assert.deepEqual(changesToSave(merged), { changes: { letterFr: 'Bonjour' } }, 'Save writes the edit alone');
  });

  it('an outside change of an edited field is a conflict: the edit stays and is what Save writes', () => {
    const draft = edit(startDraft(state()), 'daysBeforeCollection', '20');
    const rebased = rebase(draft, state({ daysBeforeCollection: 40 }));
    assert.deepEqual(rebased.conflicts, ['daysBeforeCollection']);
    assert.equal(rebased.draft.fields.daysBeforeCollection, '20');
    assert.deepEqual(changesToSave(rebased.draft), { changes: { daysBeforeCollection: 20 } });
    // Someone made the same change by hand: nothing left to save, and no conflict.
    const same = rebase(draft, state({ daysBeforeCollection: 20 }));
    assert.deepEqual(same.conflicts, []);
    assert.equal(isDirty(same.draft), false);
  });

  it('edits kept from an earlier session land on the current values, and on the current target', () => {
    const stored = edit(startDraft(state({}, 'folder:gone')), 'letterFr', 'Bonjour');
    const { draft, changedOutside } = rebase(stored, state({ casesFolder: 'elsewhere' }));
    assert.equal(draft.target, 'workspace');
    assert.deepEqual(changedOutside, ['casesFolder']);
    assert.deepEqual(changesToSave(draft), { changes: { letterFr: 'Bonjour' } });
  });

  it('after Save the saved values are the base; text typed during the save stays an edit', () => {
    const draft = edit(startDraft(state()), 'daysAfterSecondReminder', ' 12 ');
    const saved = afterSave(draft, state({ daysAfterSecondReminder: 12 }), { daysAfterSecondReminder: 12 });
    assert.equal(isDirty(saved), false);
    assert.equal(saved.fields.daysAfterSecondReminder, '12');
    const typedOn = afterSave(edit(draft, 'daysAfterSecondReminder', '123'), state({ daysAfterSecondReminder: 12 }), {
      daysAfterSecondReminder: 12,
    });
    assert.deepEqual(changesToSave(typedOn), { changes: { daysAfterSecondReminder: 123 } });
  });

  it('a broken value in the file can be corrected to the value in effect, which Save then writes', () => {
    // settings.json holds "abc": the host says 10 is in effect; the form shows 10, and nothing is dirty.
    const draft = startDraft(state());
    const marked = writeIntoFile(draft, 'daysAfterSecondReminder');
    assert.equal(marked.base.daysAfterSecondReminder, WRITTEN_IN_FILE);
    assert.equal(isDirty(marked), true);
    assert.deepEqual(changesToSave(marked), { changes: { daysAfterSecondReminder: 10 } });
    // An outside change meanwhile does not undo the choice.
    assert.deepEqual(changesToSave(rebase(marked, state({ daysBeforeCollection: 3 })).draft), { changes: { daysAfterSecondReminder: 10 } });
    assert.equal(isDirty(afterSave(marked, state(), { daysAfterSecondReminder: 10 })), false);
  });
});

describe('setup form: unknown placeholders in words', () => {
  const letter = '%TITRE%,\n\nFacture %NUMMER% du %DATEFACTURE%.\n  \n\n%Montant% à payer, %FOO%';

  it('names the paragraph and the words before, not a line number', () => {
    const { items, total } = locateUnknownPlaceholders(letter, 8);
    assert.equal(total, 3);
    assert.deepEqual(
      items.map(({ text, paragraph, after, suggestion }) => ({ text, paragraph, after, suggestion })),
      [
        { text: '%NUMMER%', paragraph: 2, after: 'Facture', suggestion: 'NUMERO' },
        { text: '%Montant%', paragraph: 3, after: '', suggestion: 'MONTANT' },
        { text: '%FOO%', paragraph: 3, after: '%Montant% à payer,', suggestion: undefined },
      ],
    );
    assert.equal(locateUnknownPlaceholders(letter, 1).items.length, 1);
    const long = locateUnknownPlaceholders(`${'Wortwortwortwortwort '.repeat(3)}%X%`, 8).items[0]!;
    assert.ok(long.after.length <= 40 && long.after.startsWith('…'), long.after);
  });

  it('the suggestion replaces that placeholder only, and only while the text there is unchanged', () => {
    const item = locateUnknownPlaceholders(letter, 8).items[0]!;
    assert.equal(applySuggestion(letter, item), letter.replace('%NUMMER%', '%NUMERO%'));
    assert.equal(applySuggestion(`x${letter}`, item), undefined);
    assert.equal(applySuggestion(letter, locateUnknownPlaceholders(letter, 8).items[2]!), undefined, 'no suggestion, no fix');
  });
});

describe('setup form: the host client', () => {
  function fakeHost() {
    const sent: WebviewMessage[] = [];
    const window = new EventTarget();
    const client = connectToHost((message) => sent.push(message), window);
    const deliver = (data: HostMessage) => window.dispatchEvent(new MessageEvent('message', { data }));
    return { sent, client, deliver };
  }

  it('a request carries a fresh id, and its promise settles with the reply of that id, whatever the order', async () => {
    const { sent, client, deliver } = fakeHost();
    const first = client.request('checkFolder', { folder: 'a' });
    const second = client.request('checkFolder', { folder: 'b' });
    assert.deepEqual(
      sent.map((m) => ('id' in m ? m.id : undefined)),
      [1, 2],
    );
    deliver({ type: 'reply', id: 2, ok: true, value: { kind: 'notSet' } });
    deliver({ type: 'reply', id: 99, ok: true, value: 'nobody asked' });
    deliver({ type: 'reply', id: 1, ok: false, error: 'refused' });
    assert.deepEqual(await second, { kind: 'notSet' });
    await assert.rejects(first, (error) => error instanceof HostError && error.message === 'refused');
  });

  it('notifications go out without an id, and the host’s reach their handler', () => {
    const { sent, client, deliver } = fakeHost();
    client.notify('draft', { draft: null });
    assert.deepEqual(sent, [{ type: 'draft', params: { draft: null } }]);
    const heard: unknown[] = [];
    client.on('apiKey', (params) => heard.push(params));
    deliver({ type: 'apiKey', params: { apiKey: { set: true } } });
    deliver({ type: 'refused', params: { message: 'x' } });
    assert.deepEqual(heard, [{ apiKey: { set: true } }]);
  });
});
