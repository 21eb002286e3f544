// The 3rd reminder sent, in the real extension host: the day recorded in reminders.json moves the case to Waiting;
// a letter follows the case's stage; the letters of all due cases at once, with one print PDF; letters are never
// written through a link, nor while a submission runs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CasesTree, type Node } from '../../src/cases/tree';
import { acquireCaseLock } from '../../src/cases/model/caseLock';
import { TilbagoConfiguration } from '../../src/settings/configuration';
import { addDays, formatSwissDate, today } from '../../src/shared/dates';
import { validCase, writeCaseFolder } from '../fixtures/cases';
import { activateExtension, pdfPages, runScripted as run, scriptUi, stub, waitFor, workspaceFolder } from './helpers';
import { CREDITOR_SETTINGS } from '../fixtures/creditor';

const config = () => vscode.workspace.getConfiguration('tilbago');
const Workspace = vscode.ConfigurationTarget.Workspace;

const CREDITOR = CREDITOR_SETTINGS;

/** A 2nd reminder long ago, no 3rd: the 3rd reminder is due. */
const dueReminders = (invoiceNumber: string) =>
  `{\n  "invoiceNumber": "${invoiceNumber}",\n  "invoiceDate": "2026-08-03",\n  "amountDue": "CHF 1'234.50",\n  "reminders": { "first": "2026-09-07", "second": "2026-10-05" }\n}\n`;

describe('the 3rd reminder, sent', () => {
  let casesRoot: string;
  /** What a PDF opened for the user asked of the workbench: recorded, not downloaded in the test's browser. */
  const downloads: unknown[][] = [];
  let commands: { restore(): void } | undefined;
  const day = today();

  const caseFolder = async (name: string, debtor: object = {}) => {
    const folder = await writeCaseFolder(
      path.join(casesRoot, name),
      { ...validCase(), externalRef: name, debtor: { ...validCase().debtor, ...debtor } },
      { 'facture.pdf': '%PDF-1.4 facture' },
    );
    await fs.writeFile(path.join(folder, 'reminders.json'), dueReminders(name));
    return folder;
  };
  const third = async (folder: string) => JSON.parse(await fs.readFile(path.join(folder, 'reminders.json'), 'utf8')).reminders.third;
  const attachments = async (folder: string) => (await fs.readdir(path.join(folder, 'attachments'))).sort();

  /** The view's cases with their group and description, as the user sees them. */
  async function viewed(): Promise<Map<string, { group: string; description: string; contextValue: string; tooltip: string }>> {
    const configuration = new TilbagoConfiguration();
    const tree = new CasesTree(configuration, new vscode.EventEmitter<void>().event);
    try {
      const seen = new Map<string, { group: string; description: string; contextValue: string; tooltip: string }>();
      for (const group of await tree.getChildren()) {
        for (const node of await tree.getChildren(group)) {
          const item = tree.getTreeItem(node as Node);
          seen.set(String(item.label), {
            group: String(tree.getTreeItem(group).label),
            description: String(item.description),
            contextValue: String(item.contextValue),
            // As the user reads it: Markdown's escapes taken out.
            tooltip: (item.tooltip as vscode.MarkdownString).value.replace(/\\(.)/g, '$1'),
          });
        }
      }
      return seen;
    } finally {
      tree.dispose();
      configuration.dispose();
    }
  }

  before(async () => {
    await activateExtension();
    const execute = vscode.commands.executeCommand;
    commands = stub(vscode.commands, 'executeCommand', (async (command: string, ...args: unknown[]) => {
      if (command === 'explorer.download' || command === 'revealInExplorer') return void downloads.push([command, ...args]);
      return execute.call(vscode.commands, command, ...args);
    }) as any);
    casesRoot = path.join(workspaceFolder().uri.fsPath, 'sent-cases');
    await fs.rm(casesRoot, { recursive: true, force: true });
    await fs.mkdir(casesRoot, { recursive: true });
    await config().update('casesFolder', 'sent-cases', Workspace);
    for (const [key, value] of Object.entries(CREDITOR)) await config().update(key, value, Workspace);
  });

  after(async () => {
    commands?.restore();
    for (const key of ['casesFolder', ...Object.keys(CREDITOR)]) await config().update(key, undefined, Workspace);
    await fs.rm(casesRoot, { recursive: true, force: true });
  });

  it('after the letter, "Sent today" records the day in reminders.json and the case moves to Waiting', async () => {
    const folder = await caseFolder('SENT-100');
    assert.equal((await viewed()).get('SENT-100')?.group, '3rd reminder due');
    const { result, shown } = await run<string>(
      'tilbago.createReminderLetter',
      { buttons: [`Sent today (${formatSwissDate(day)})`] },
      vscode.Uri.file(folder),
    );
    assert.equal(result, path.join(folder, 'attachments', '3e-rappel-SENT-100.pdf'));
    const question = shown.find((m) => /When does it go out\?/.test(m.message))!;
    assert.deepEqual(question.buttons, [`Sent today (${formatSwissDate(day)})`, 'Another day…', 'Open letter']);
    assert.equal(await waitFor('the day recorded', async () => (await third(folder)) ?? undefined), day);
    const litigationFrom = addDays(day, config().get<number>('thirdReminder.daysBeforeCollection')!);
    const inView = (await viewed()).get('SENT-100')!;
    assert.equal(inView.group, 'Waiting');
    assert.match(inView.description, new RegExp(`litigation from ${formatSwissDate(litigationFrom).replace(/\./g, '\\.')}`));
    // The tooltip: the reminders sent, and what comes next.
    assert.ok(inView.tooltip.includes(`3rd reminder ${formatSwissDate(day)}`), inView.tooltip);
    assert.ok(inView.tooltip.includes(`*Next: it can go to tilbago from ${formatSwissDate(litigationFrom)}.*`), inView.tooltip);
  });

  it('a letter for a case whose 3rd reminder went out, or that holds one, asks first and names both', async () => {
    const folder = path.join(casesRoot, 'SENT-100');
    const declined = await run<string>('tilbago.createReminderLetter', {}, vscode.Uri.file(folder));
    assert.equal(declined.result, undefined);
    const asked = declined.shown.find((m) => m.modal)!;
    assert.match(asked.message, /Make another 3rd reminder letter for SENT-100\?/);
    assert.match(
      asked.detail!,
      new RegExp(`Its 3rd reminder went out on ${formatSwissDate(day).replace(/\./g, '\\.')} \\(reminders\\.json\\)`),
    );
    assert.match(asked.detail!, /attachments\/ holds a 3rd reminder letter already: 3e-rappel-SENT-100\.pdf \(made /);
    assert.deepEqual(await attachments(folder), ['3e-rappel-SENT-100.pdf', 'facture.pdf'], 'nothing written');

    const made = await run<string>('tilbago.createReminderLetter', { buttons: ['Make the letter'] }, vscode.Uri.file(folder));
    assert.equal(made.result, path.join(folder, 'attachments', '3e-rappel-SENT-100-2.pdf'));
  });

  it('Record the 3rd reminder as sent: another day typed, a recorded day replaced only when confirmed', async () => {
    const folder = await caseFolder('SENT-200');
    const earlier = addDays(day, -3);
    const typed = await run<string>(
      'tilbago.recordThirdReminderSent',
      { buttons: ['Another day…'], inputs: [formatSwissDate(earlier)] },
      vscode.Uri.file(folder),
    );
    assert.equal(typed.result, earlier);
    assert.equal(await third(folder), earlier);

    const kept = await run<string>(
      'tilbago.recordThirdReminderSent',
      { buttons: [`Sent today (${formatSwissDate(day)})`] },
      vscode.Uri.file(folder),
    );
    assert.equal(kept.result, undefined);
    assert.match(
      kept.shown.find((m) => m.modal)!.message,
      new RegExp(`says the 3rd reminder went out on ${formatSwissDate(earlier).replace(/\./g, '\\.')}`),
    );
    assert.equal(await third(folder), earlier, 'kept without a yes');

    const replaced = await run<string>(
      'tilbago.recordThirdReminderSent',
      { buttons: [`Sent today (${formatSwissDate(day)})`, `Replace with ${formatSwissDate(day)}`] },
      vscode.Uri.file(folder),
    );
    assert.equal(replaced.result, day);
    assert.equal(await third(folder), day);
    // One edit: the rest of the file as it was written.
    assert.equal(
      await fs.readFile(path.join(folder, 'reminders.json'), 'utf8'),
      dueReminders('SENT-200').replace('"second": "2026-10-05" }', `"second": "2026-10-05", "third": "${day}" }`),
    );
  });

  it('refuses to write through an attachments link, or into an attachments file, and says what to do', async () => {
    const linked = await caseFolder('SENT-LINK');
    const outside = path.join(casesRoot, '..', 'sent-outside');
    await fs.mkdir(outside, { recursive: true });
    await fs.rm(path.join(linked, 'attachments'), { recursive: true });
    await fs.symlink(outside, path.join(linked, 'attachments'));
    const viaLink = await run<string>('tilbago.createReminderLetter', {}, vscode.Uri.file(linked));
    assert.equal(viaLink.result, undefined);
    assert.match(
      viaLink.shown.find((m) => m.level === 'error')!.message,
      /No letter was made for "SENT-LINK": attachments is a symbolic link: a letter written through it would land outside the case\. Replace it with a real folder/,
    );
    assert.deepEqual(await fs.readdir(outside), [], 'nothing written outside the case');
    await fs.rm(outside, { recursive: true });

    const file = await caseFolder('SENT-FILE');
    await fs.rm(path.join(file, 'attachments'), { recursive: true });
    await fs.writeFile(path.join(file, 'attachments'), 'not a folder');
    const intoFile = await run<string>('tilbago.createReminderLetter', {}, vscode.Uri.file(file));
    assert.match(intoFile.shown.find((m) => m.level === 'error')!.message, /attachments is a file, not a folder\. Rename it/);
    assert.equal(await fs.readFile(path.join(file, 'attachments'), 'utf8'), 'not a folder');
  });

  it('no letter while a submission holds the case; a crashed write’s temporary file is cleaned up by the next', async () => {
    const folder = await caseFolder('SENT-BUSY');
    const lock = await acquireCaseLock(folder, 'submit');
    assert.equal(lock.kind, 'acquired');
    try {
      const busy = await run<string>('tilbago.createReminderLetter', {}, vscode.Uri.file(folder));
      assert.equal(busy.result, undefined);
      assert.match(
        busy.shown.find((m) => m.level === 'error')!.message,
        /A submission of this case is running .* Make the letter once it has finished\./,
      );
    } finally {
      if (lock.kind === 'acquired') await lock.lock.release();
    }
    const leftover = path.join(folder, 'attachments', '.3e-rappel-SENT-BUSY.pdf.4242.0a1b2c3d.tmp');
    await fs.writeFile(leftover, 'half a letter');
    const made = await run<string>('tilbago.createReminderLetter', {}, vscode.Uri.file(folder));
    assert.ok(made.result);
    assert.deepEqual(await attachments(folder), ['3e-rappel-SENT-BUSY.pdf', 'facture.pdf'], 'the leftover is gone');
  });

  it('a misshapen placeholder in the letter text refuses the letter, naming it, and offers the setup panel', async () => {
    const folder = await caseFolder('SENT-TYPO');
    await config().update('thirdReminder.frenchLetter', 'Madame, votre facture %NUMERO% du %DATE-FACTURE% reste due.', Workspace);
    try {
      const ui = scriptUi({ buttons: [] });
      let result: unknown;
      try {
        result = await vscode.commands.executeCommand('tilbago.createReminderLetter', vscode.Uri.file(folder));
      } finally {
        ui.restore();
      }
      assert.equal(result, undefined);
      const error = ui.shown.find((m) => m.level === 'error')!;
      assert.match(error.message, /No letter was made for "SENT-TYPO": .*%DATE-FACTURE%/);
      assert.deepEqual(error.buttons, ['Open setup']);
      assert.deepEqual(await attachments(folder), ['facture.pdf'], 'nothing written');
    } finally {
      await config().update('thirdReminder.frenchLetter', undefined, Workspace);
    }
  });

  it('the letters of 20 due cases at once: 20 PDFs in their cases, one print PDF in the view’s order, one day recorded for all', async () => {
    await fs.rm(casesRoot, { recursive: true, force: true });
    await fs.mkdir(casesRoot, { recursive: true });
    const names = Array.from({ length: 20 }, (_, i) => `BULK-${String(i + 1).padStart(2, '0')}`);
    const folders: string[] = [];
    for (const [i, name] of names.entries()) folders.push(await caseFolder(name, { name: `Anna${i + 1}`, surname: 'Muster' }));
    // Kept until the day is recorded: the question for it comes after the command has ended.
    const ui = scriptUi({ picks: [names.join('|')], buttons: ['Make 20 letters', `Sent today (${formatSwissDate(day)})`] });
    let summary: { made: string[]; failed: string[]; printFile?: string } | undefined;
    try {
      summary = await vscode.commands.executeCommand('tilbago.createDueLetters');
      await waitFor(
        'every day recorded',
        async () => ((await Promise.all(folders.map(third))).every((d) => d === day) ? true : undefined),
        20_000,
      );
    } finally {
      ui.restore();
    }
    const shown = ui.shown;
    assert.ok(summary);
    assert.deepEqual(summary.failed, []);
    assert.deepEqual(summary.made, folders);
    const confirmation = shown.find((m) => m.modal)!;
    assert.match(confirmation.message, /Make the 3rd reminders of 20 cases, CHF 24'690\.00 in all\?/);
    for (const folder of folders) assert.deepEqual(await attachments(folder), [`3e-rappel-${path.basename(folder)}.pdf`, 'facture.pdf']);

    assert.equal(summary.printFile, path.join(casesRoot, `3rd-reminders-${day}.pdf`));
    const pages = await pdfPages(summary.printFile!);
    const firstPages = pages.flatMap((text, page) => (/TROISIÈME ET DERNIER RAPPEL/.test(text) ? [page] : []));
    assert.equal(firstPages.length, 20, 'each letter from a page of its own');
    const order = firstPages.map((page) => /Anna(\d+) Muster/.exec(pages[page]!)?.[1]);
    assert.deepEqual(
      order,
      names.map((_, i) => String(i + 1)),
      'in the view’s order',
    );
    assert.deepEqual(downloads.at(-1), ['explorer.download'], 'opened at the end');
    assert.deepEqual(
      (await fs.readdir(casesRoot)).filter((n) => n.endsWith('.tmp')),
      [],
      'no temporary file left',
    );
    for (const name of names) assert.equal((await viewed()).get(name)?.group, 'Waiting');
  });

  it('names the cases without a letter at the end, and makes the others', async () => {
    const broken = await caseFolder('BULK-00');
    // No letter or digit to make the payment reference from: this case's letter cannot be made.
    await fs.writeFile(path.join(broken, 'reminders.json'), dueReminders('--'));
    const fine = await caseFolder('BULK-99');
    const { result, shown } = await run<{ made: string[]; failed: string[] }>('tilbago.createDueLetters', {
      picks: ['BULK-00|BULK-99'],
      buttons: ['Make 2 letters'],
    });
    assert.deepEqual(result?.made, [fine]);
    assert.equal(result?.failed.length, 1);
    assert.match(result!.failed[0]!, /^BULK-00: The invoice number "--" has no letter or digit to make the payment reference from\./);
    assert.match(
      shown.at(-1)!.message,
      /^Made: 1 letter, all in 3rd-reminders-\d{4}-\d{2}-\d{2}-2\.pdf for printing\. Not made: BULK-00: The invoice number "--" .*\. When do they go out\?$/,
    );
  });
});
