// "Tilbago: Create the 3rd reminder letter" and the API's reminderLetterPdf in the real extension host: the PDF in
// attachments/, never written over, sent with the case, and the creditor settings it needs named when missing.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ReminderLetterError, TilbagoApi } from '../../src/api';
import { CasesTree } from '../../src/cases/tree';
import { TilbagoConfiguration } from '../../src/settings/configuration';
import type { FakeTilbago } from '../fake-tilbago/server.mjs';
import { validCase, writeCaseFolder } from '../fixtures/cases';
import { pdfText, recordMessages, runScripted as run, stopUsingFakeTilbago, useFakeTilbago } from './helpers';
import { CREDITOR_SETTINGS } from '../fixtures/creditor';

const config = () => vscode.workspace.getConfiguration('tilbago');
const Workspace = vscode.ConfigurationTarget.Workspace;

const CREDITOR = CREDITOR_SETTINGS;

const reminders = (invoiceNumber: string) => ({
  invoiceNumber,
  invoiceDate: '2026-08-03',
  amountDue: "CHF 1'234.50",
  reminders: { first: '2026-09-07', second: '2026-10-05' },
});

const sha256 = async (file: string) =>
  createHash('sha256')
    .update(await fs.readFile(file))
    .digest('hex');

describe('the 3rd reminder letter', () => {
  let api: TilbagoApi;
  let fake: FakeTilbago;
  let casesRoot: string;

  const caseFolder = async (name: string, content: object = { ...validCase(), externalRef: name }, withReminders = true) => {
    const folder = await writeCaseFolder(path.join(casesRoot, name), content, { 'facture.pdf': '%PDF-1.4 facture' });
    if (withReminders) await fs.writeFile(path.join(folder, 'reminders.json'), JSON.stringify(reminders('2026-0142'), null, 2));
    return folder;
  };
  const attachments = async (folder: string) => (await fs.readdir(path.join(folder, 'attachments'))).sort();

  before(async () => {
    ({ api, fake, casesRoot } = await useFakeTilbago({ key: 'tb-live-accepted-key-0001', casesFolder: 'letter-cases', timeoutSeconds: 5 }));
    for (const [key, value] of Object.entries(CREDITOR)) await config().update(key, value, Workspace);
  });

  after(async () => {
    for (const key of ['thirdReminder.defaultLanguage', ...Object.keys(CREDITOR)]) await config().update(key, undefined, Workspace);
    await stopUsingFakeTilbago({ fake, casesRoot });
  });

  it('is a contributed command, on the cases view and on case.json', () => {
    const manifest = vscode.extensions.getExtension('swiss-invoicing.tilbago-debt-collection')!.packageJSON;
    assert.ok(manifest.contributes.commands.some((c: { command: string }) => c.command === 'tilbago.createReminderLetter'));
    for (const menu of ['view/item/context', 'editor/title'])
      assert.ok(
        manifest.contributes.menus[menu].some((m: { command: string }) => m.command === 'tilbago.createReminderLetter'),
        menu,
      );
  });

  it('writes the PDF into attachments/, in the debtor’s language, with the debtor and the amount; the view lists it', async () => {
    const folder = await caseFolder('LTR-100');
    const { result, shown } = await run<string>('tilbago.createReminderLetter', {}, vscode.Uri.file(folder));
    assert.equal(result, path.join(folder, 'attachments', '3e-rappel-2026-0142.pdf'));
    assert.match(
      shown.at(-1)!.message,
      /The 3rd reminder letter to Anna Muster is in attachments\/3e-rappel-2026-0142\.pdf; it goes to tilbago/,
    );
    const text = await pdfText(result!);
    assert.match(text, /TROISIÈME ET DERNIER RAPPEL/);
    assert.match(text, /Anna Muster/);
    assert.match(text, /CHF 1'234\.50/);
    assert.match(text, /Muster Informatique SA/);
    assert.doesNotMatch(text, /%[A-Z]+%/);

    const configuration = new TilbagoConfiguration();
    const tree = new CasesTree(configuration, new vscode.EventEmitter<void>().event);
    try {
      const cases = (await Promise.all((await tree.getChildren()).map((stage) => tree.getChildren(stage)))).flat();
      const node = cases.find((n) => tree.getTreeItem(n).label === 'LTR-100');
      assert.ok(node, 'the case is in the view');
      const files = (await tree.getChildren(node)).map((n) => path.basename((tree.getTreeItem(n).resourceUri as vscode.Uri).fsPath));
      assert.ok(files.includes('3e-rappel-2026-0142.pdf'), files.join());
    } finally {
      tree.dispose();
      configuration.dispose();
    }
  });

  it('never writes over a letter: a second run writes -2; submitting sends both with the other attachment', async () => {
    const folder = path.join(casesRoot, 'LTR-100');
    const first = path.join(folder, 'attachments', '3e-rappel-2026-0142.pdf');
    const before = await sha256(first);
    // A case holding a letter asks first.
    const declined = await run<string>('tilbago.createReminderLetter', {}, vscode.Uri.file(path.join(folder, 'case.json')));
    assert.equal(declined.result, undefined);
    assert.match(declined.shown[0]!.detail!, /holds a 3rd reminder letter already: 3e-rappel-2026-0142\.pdf/);
    const { result } = await run<string>(
      'tilbago.createReminderLetter',
      { buttons: ['Make the letter'] },
      vscode.Uri.file(path.join(folder, 'case.json')),
    );
    assert.equal(result, path.join(folder, 'attachments', '3e-rappel-2026-0142-2.pdf'));
    assert.equal(await sha256(first), before, 'the first letter is untouched');
    assert.deepEqual(await attachments(folder), ['3e-rappel-2026-0142-2.pdf', '3e-rappel-2026-0142.pdf', 'facture.pdf']);

    // The letter is made when the 3rd reminder is due: filing right away is before the litigation date, and asks.
    const filed = await run('tilbago.submitCase', { buttons: ['File it now', 'File request'] }, vscode.Uri.file(folder));
    assert.match(filed.shown[0]!.message, /^LTR-100 is not a litigation case yet/);
    assert.equal(filed.result, 'complete');
    const caseId = fake.casesWithRef('LTR-100')[0]!.id;
    const sent = fake.allAttachments().filter((a) => a.caseId === caseId);
    assert.deepEqual(sent.map((a) => a.fileName).sort(), ['3e-rappel-2026-0142-2.pdf', '3e-rappel-2026-0142.pdf', 'facture.pdf']);
    assert.equal(sent.find((a) => a.fileName === '3e-rappel-2026-0142.pdf')!.sha256, before, 'tilbago has the letter as written');
  });

  it('a letter recorded as sent is never written over, even when its file is gone here', async () => {
    const folder = path.join(casesRoot, 'LTR-100');
    await fs.rm(path.join(folder, 'attachments', '3e-rappel-2026-0142.pdf'));
    const second = await sha256(path.join(folder, 'attachments', '3e-rappel-2026-0142-2.pdf'));
    const { result, shown } = await run<string>('tilbago.createReminderLetter', { buttons: ['Make the letter'] }, vscode.Uri.file(folder));
    assert.match(shown[0]!.detail!, /The case is filed at tilbago already: a letter now does not go with the request/);
    assert.equal(result, path.join(folder, 'attachments', '3e-rappel-2026-0142-3.pdf'), 'not the name submission.json records as sent');
    assert.equal(await sha256(path.join(folder, 'attachments', '3e-rappel-2026-0142-2.pdf')), second);
    assert.match(shown.at(-1)!.message, /The case is filed at tilbago already, so it is not sent\./);
  });

  it('a debtor without a language gets the default language’s letter', async () => {
    const { preferredLanguage: _none, ...debtor } = validCase().debtor;
    const folder = await caseFolder('LTR-200', { ...validCase(), externalRef: 'LTR-200', debtor });
    await config().update('thirdReminder.defaultLanguage', 'de', Workspace);
    const { result } = await run<string>('tilbago.createReminderLetter', {}, vscode.Uri.file(folder));
    assert.equal(result, path.join(folder, 'attachments', '3-mahnung-2026-0142.pdf'));
    assert.match(await pdfText(result!), /DRITTE UND LETZTE MAHNUNG/);
  });

  it('shows the letter of a case as a read-only document: the debtor’s language, dates, amount', async () => {
    const folder = await caseFolder('LTR-SHOW', {
      ...validCase(),
      externalRef: 'LTR-SHOW',
      debtor: { ...validCase().debtor, preferredLanguage: 'it' },
    });
    const { result } = await run<vscode.Uri>('tilbago.showReminderLetter', {}, vscode.Uri.file(folder));
    const document = await vscode.workspace.openTextDocument(result!);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), result!.toString(), 'shown in an editor');
    const text = document.getText();
    assert.match(text, /^TERZO E ULTIMO RICHIAMO\n\nGentile Signora Muster,\n/, 'the salutation of the debtor, a woman');
    assert.match(text, /richiami del 07\.09\.2026 e del 05\.10\.2026, la nostra fattura n\. 2026-0142 del 03\.08\.2026/);
    assert.match(text, /CHF 1'234\.50/);
    assert.doesNotMatch(text, /%[A-Z]+%/);
    assert.notEqual(vscode.workspace.fs.isWritableFileSystem(result!.scheme), true, 'read-only: it can be copied, not edited');
    assert.deepEqual(await attachments(folder), ['facture.pdf'], 'nothing written');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('names a missing or invalid creditor setting, offers to open the settings, and writes nothing', async () => {
    const folder = await caseFolder('LTR-300');
    const offered: string[][] = [];
    const attempt = async () => {
      const ui = recordMessages((_message, buttons) => {
        offered.push(buttons);
        return undefined;
      });
      try {
        return { result: await vscode.commands.executeCommand('tilbago.createReminderLetter', vscode.Uri.file(folder)), shown: ui.shown };
      } finally {
        ui.restore();
      }
    };
    await config().update('creditor.account', undefined, Workspace);
    const missing = await attempt();
    assert.equal(missing.result, undefined);
    const error = missing.shown.find((m) => m.level === 'error')!;
    assert.match(
      error.message,
      /No letter was made for "LTR-300": The letter needs the creditor settings .*"tilbago\.creditor\.account" is not set/,
    );
    assert.deepEqual(offered.at(-1), ['Open Settings']);

    await config().update('creditor.account', 'CH45 3199 9123 0008 8901 2', Workspace);
    const wrong = await attempt();
    assert.match(
      wrong.shown.find((m) => m.level === 'error')!.message,
      /"tilbago\.creditor\.account" has wrong IBAN check digits: probably a typing error/,
    );
    assert.deepEqual(await attachments(folder), ['facture.pdf'], 'nothing written');
    await config().update('creditor.account', CREDITOR['creditor.account'], Workspace);
  });

  it('the API gives the PDF’s bytes without writing them, and rejects with a typed error', async () => {
    const folder = await caseFolder('LTR-400');
    const bytes = await api.reminderLetterPdf(vscode.Uri.file(folder));
    assert.equal(Buffer.from(bytes.subarray(0, 5)).toString('latin1'), '%PDF-');
    assert.deepEqual(await attachments(folder), ['facture.pdf'], 'nothing written');

    const bare = await caseFolder('LTR-500', { ...validCase(), externalRef: 'LTR-500' }, false);
    await assert.rejects(api.reminderLetterPdf(vscode.Uri.file(bare)), (error: ReminderLetterError) => {
      assert.equal(error.name, 'TilbagoLetterError');
      assert.equal(error.code, 'noReminders');
      assert.match(error.message, /This case has no reminders\.json/);
      return true;
    });
  });
});
