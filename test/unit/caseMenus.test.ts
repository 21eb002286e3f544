// The cases view's menus by stage: package.json's `view/item/context` read as VS Code reads it, for each
// contextValue a case can have (caseMenu).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SubmissionRecord } from '../../src/cases/model/record';
import { type CaseStage, caseMenu } from '../../src/cases/model/stage';
import { isLetterFileName } from '../../src/cases/model/letterFile';

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
const entries: { command: string; when: string; group: string }[] = manifest.contributes.menus['view/item/context'];

/** The commands VS Code shows for an item: `view == tilbago.cases && viewItem == X` or `viewItem =~ /re/`. */
function menuOf(contextValue: string): string[] {
  return entries
    .filter((entry) => {
      const clause = /viewItem (==|=~) (\S+)$/.exec(entry.when);
      assert.ok(clause && entry.when.startsWith('view == tilbago.cases && '), entry.when);
      const [, op, value] = clause;
      return op === '==' ? value === contextValue : new RegExp(value!.slice(1, -1)).test(contextValue);
    })
    .map((entry) => `${entry.group === 'inline' ? 'inline:' : ''}${entry.command.replace('tilbago.', '')}`)
    .sort();
}

const record = { state: 'complete', caseId: 'c-1' } as SubmissionRecord;
const stages: Record<string, CaseStage> = {
  attention: { kind: 'needsAttention', reason: 'files', problems: 2 },
  unsure: { kind: 'needsAttention', reason: 'attempt', problems: 1 },
  ready: { kind: 'ready', since: '2026-11-01' },
  due: { kind: 'thirdReminderDue', since: '2026-11-01' },
  waitingThird: { kind: 'waiting', until: '2026-12-20', for: 'thirdReminder' },
  waitingLitigation: { kind: 'waiting', until: '2026-12-20', for: 'litigation' },
  filed: { kind: 'filed', record },
};
const OPEN = ['openCaseFile', 'openRemindersFile', 'revealCaseFolder'];

describe('the cases view’s menus follow the stage', () => {
  it('a filed case: its files only (no submit, no letter, no case id)', () => {
    assert.deepEqual(menuOf(caseMenu(stages.filed!)), OPEN.sort());
  });
  it('a ready case: Submit, inline too; no letter', () => {
    assert.deepEqual(menuOf(caseMenu(stages.ready!)), ['inline:submitCase', 'submitCase', ...OPEN].sort());
  });
  it('a 3rd reminder due: the letter inline, recording it as sent, showing it, filing early', () => {
    assert.deepEqual(
      menuOf(caseMenu(stages.due!)),
      [
        'inline:createReminderLetter',
        'createReminderLetter',
        'recordThirdReminderSent',
        'showReminderLetter',
        'submitCase',
        ...OPEN,
      ].sort(),
    );
  });
  it('waiting for the 3rd reminder: the letter early; waiting for litigation: filing early only', () => {
    assert.deepEqual(
      menuOf(caseMenu(stages.waitingThird!)),
      ['createReminderLetter', 'recordThirdReminderSent', 'showReminderLetter', 'submitCase', ...OPEN].sort(),
    );
    assert.deepEqual(menuOf(caseMenu(stages.waitingLitigation!)), ['submitCase', ...OPEN].sort());
  });
  it('the case id only after an attempt that may have reached tilbago; never on a case never sent', () => {
    assert.deepEqual(menuOf(caseMenu(stages.unsure!)), ['enterCaseId', 'submitCase', ...OPEN].sort());
    assert.deepEqual(menuOf(caseMenu(stages.attention!)), ['submitCase', ...OPEN].sort());
  });
  it('the groups have menus: Submit all, the due letters, Refresh status, Validate all', () => {
    assert.deepEqual(menuOf('tilbagoStage.ready'), ['inline:submitAllReady', 'submitAllReady', 'validateAllCases'].sort());
    assert.deepEqual(menuOf('tilbagoStage.thirdReminderDue'), ['createDueLetters', 'inline:createDueLetters', 'validateAllCases'].sort());
    assert.deepEqual(menuOf('tilbagoStage.filed'), ['refreshStatus', 'validateAllCases']);
    assert.deepEqual(menuOf('tilbagoStage.needsAttention'), ['validateAllCases']);
  });
  it('the commands that need a case are not in the Command Palette', () => {
    const hidden = manifest.contributes.menus.commandPalette
      .filter((e: { when: string }) => e.when === 'false')
      .map((e: { command: string }) => e.command);
    assert.deepEqual(hidden.sort(), OPEN.map((c) => `tilbago.${c}`).sort());
  });
});

describe('a 3rd reminder letter’s file name', () => {
  it('is told apart from other attachments, in every language, numbered or not', () => {
    for (const name of ['3e-rappel-2026-0142.pdf', '3-mahnung-2026-0142-2.pdf', '3-richiamo.pdf', '3rd-reminder-F-2026-031.pdf']) {
      assert.ok(isLetterFileName(name), name);
    }
    for (const name of ['facture.pdf', '3e-rappel-2026-0142.docx', 'copie-3e-rappel.pdf', '3e-rappel 2026.pdf']) {
      assert.ok(!isLetterFileName(name), name);
    }
  });
});
