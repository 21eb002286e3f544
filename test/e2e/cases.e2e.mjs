// End to end, as a person files a case: the Explorer's "tilbago cases" view in the real workbench, the inline
// Submit icon of a case, and VS Code's own modal dialog before anything goes to tilbago (a fake one, started
// here). The workbench hides notification toasts in this mode; modal dialogs are shown, which this checks. Then a
// new case through New case's steps, its language proposed from the postcode, and its files on disk.
// Usage: node test/e2e/cases.e2e.mjs (after a build); it prints `N passed, N failed`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { newRunFolder, ROOT } from '../runner/vscode-web.mjs';
import {
  expectText,
  quickInputRow,
  runCommand,
  runWhenStarted,
  runWithFakeTilbago,
  SCREENSHOTS,
  setApiKeyFromPalette,
} from './workbench.mjs';

const KEY = 'tb-e2e-cases-view-0003';
// The sample workspace's one case folder.
const CASE = {
  folder: '2026-0142 Muster SA',
  ref: '2026-0142',
  debtor: 'Muster SA',
  amount: "CHF 1'234.50",
  attachment: 'facture-2026-0142.pdf',
};

export async function runCasesE2e() {
  const { runDir, workspace } = newRunFolder('e2e-cases');
  fs.cpSync(path.join(ROOT, 'sample-workspace'), workspace, { recursive: true });
  const caseFolder = path.join(workspace, 'tilbago-cases', CASE.folder);
  // Another project's case.json, outside the cases folder: not the extension's to offer to file.
  fs.mkdirSync(path.join(workspace, 'other-project'), { recursive: true });
  fs.writeFileSync(path.join(workspace, 'other-project', 'case.json'), '{ "name": "another tool" }\n');
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  let fake;
  let page;

  const casesView = () => page.locator('.pane').filter({ has: page.locator('.pane-header[aria-label="tilbago cases Section"]') });
  const caseRow = () => casesView().locator('.monaco-list-row').filter({ hasText: CASE.folder });
  const dialog = () => page.locator('.monaco-dialog-box');
  const caseRequests = () => fake.requests.filter((r) => r.method === 'PUT' && r.path === 'case');

  /** Hover the case's row, click its inline Submit icon, and wait for the question before filing. */
  async function submitFromView() {
    await caseRow().hover();
    await caseRow().locator('.action-label[aria-label="Submit debt-collection request"]').click();
    await dialog().waitFor({ state: 'visible', timeout: 15_000 });
    await expectText(dialog().locator('.dialog-message-text'), /^File a debt-collection request at tilbago\?/, 'the question');
  }

  const quickInput = () => page.locator('.quick-input-widget');
  /** Waits for New case's step that says `prompt`, types `answer` (or keeps the value proposed) and goes on. */
  async function answerStep(prompt, answer) {
    await expectText(quickInput(), prompt, 'the step');
    if (answer !== undefined) await quickInput().locator('.quick-input-box input').fill(answer);
    await page.keyboard.press('Enter');
  }

  /** The labels of a row's context menu, as the workbench shows them (the menu is closed again). */
  async function menuOf(row) {
    await row.click({ button: 'right' });
    const menu = page.locator('.context-view .monaco-menu');
    await menu.waitFor({ timeout: 10_000 });
    const labels = (await menu.locator('.action-label').allInnerTexts()).map((label) => label.trim()).filter(Boolean);
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
    return labels;
  }

  function expectMenu(labels, present, absent, what) {
    const missing = present.filter((label) => !labels.includes(label));
    const wrong = absent.filter((label) => labels.includes(label));
    if (missing.length || wrong.length)
      throw new Error(`${what}: [${labels.join(', ')}] lacks [${missing.join(', ')}], has [${wrong.join(', ')}]`);
  }

  const dueFolder = path.join(workspace, 'tilbago-cases', '2026-0160 Dupont SA');
  const dueRow = () => casesView().locator('.monaco-list-row').filter({ hasText: '2026-0160 Dupont SA' });

  async function clickDialogButton(title) {
    await dialog()
      .locator('.dialog-buttons .monaco-button', { hasText: new RegExp(`^${title}$`) })
      .click();
    await dialog().waitFor({ state: 'hidden' });
  }

  const steps = [
    {
      name: 'palette → "Tilbago: Set API key" stores the key',
      run: () => setApiKeyFromPalette(page, KEY),
    },
    {
      name: 'the Explorer\'s "tilbago cases" view lists the case under its Rappel 3 stage, ready since its litigation date',
      run: async () => {
        await runCommand(page, 'Explorer: Focus on tilbago cases View');
        await expectText(
          casesView().locator('.monaco-list-row', { hasText: 'Ready for tilbago' }),
          /Ready for tilbago\s*1 case/,
          'the stage row with its count',
          20_000,
        );
        await expectText(caseRow(), new RegExp(`${CASE.folder}\\s*litigation since 30\\.10\\.2026`), 'the case row', 20_000);
      },
    },
    {
      name: 'expanding the case lists its files (case.json, the attachment), and they stay after the view refreshes',
      run: async () => {
        await caseRow().click();
        const child = (name) => casesView().locator('.monaco-list-row', { hasText: name });
        await child('case.json').waitFor({ timeout: 15_000 });
        await child(CASE.attachment).waitFor({ timeout: 15_000 });
        // A change in the case folder refreshes the view: the case stays expanded, its files listed.
        fs.writeFileSync(path.join(caseFolder, 'attachments', 'note.pdf'), '%PDF note');
        await child('note.pdf').waitFor({ timeout: 15_000 });
        await child('case.json').waitFor({ timeout: 5_000 });
        fs.rmSync(path.join(caseFolder, 'attachments', 'note.pdf'));
        await child('note.pdf').waitFor({ state: 'detached', timeout: 15_000 });
        await caseRow().click();
      },
    },
    {
      name: "its inline Submit icon opens a modal naming the debtor, the amount, the attachment and the fake tilbago's host",
      run: async () => {
        await submitFromView();
        const detail = dialog().locator('.dialog-message-detail');
        for (const named of [
          `Debtor: ${CASE.debtor}`,
          `Amount: ${CASE.amount}`,
          `Other attachments: ${CASE.attachment}`,
          `To: tilbago at 127.0.0.1:${fake.port}`,
        ]) {
          await expectText(detail, new RegExp(named.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'the dialog detail');
        }
        await page.mouse.move(0, 0);
        await page.screenshot({ path: path.join(SCREENSHOTS, 'submit-confirmation.png') });
      },
    },
    {
      name: 'Cancel: tilbago received no request to create a case, and the folder has no record',
      run: async () => {
        await clickDialogButton('Cancel');
        // The command ends once the dialog is answered; give a request that should not come the time to come.
        await page.waitForTimeout(1000);
        if (caseRequests().length) throw new Error(`requests: ${JSON.stringify(fake.requests)}`);
        if (fs.existsSync(path.join(caseFolder, 'submission.json'))) throw new Error('submission.json was written');
        await expectText(caseRow(), /litigation since 30\.10\.2026/, 'the case row');
      },
    },
    {
      name: 'Enter right after the question opens files nothing: the focused first button opens case.json for review',
      run: async () => {
        await submitFromView();
        await page.keyboard.press('Enter');
        await dialog().waitFor({ state: 'hidden' });
        await page.locator('.tab.active', { hasText: 'case.json' }).waitFor({ timeout: 10_000 });
        await page.waitForTimeout(1000);
        if (caseRequests().length) throw new Error(`requests: ${JSON.stringify(fake.requests)}`);
        if (fs.existsSync(path.join(caseFolder, 'submission.json'))) throw new Error('submission.json was written');
      },
    },
    {
      name: "the editor's Submit button shows for a case's case.json, not for another project's case.json",
      run: async () => {
        const submitButton = () => page.locator('.editor-actions .action-label[aria-label^="Submit debt-collection request"]');
        await submitButton().waitFor({ timeout: 10_000 });
        await page.keyboard.press('Control+P');
        await page.keyboard.type('other-project/case.json');
        await page.waitForTimeout(500);
        await page.keyboard.press('Enter');
        await page.locator('.tab.active', { hasText: 'other-project' }).waitFor({ timeout: 10_000 });
        await page.waitForTimeout(1000);
        if (await submitButton().count()) throw new Error("the Submit button is offered for another project's case.json");
        await runCommand(page, 'View: Close All Editors');
      },
    },
    {
      name: 'again, "File request": tilbago holds the case with its attachment, and the view shows it filed',
      run: async () => {
        await submitFromView();
        await clickDialogButton('File request');
        // It moves to the filed cases, a group folded away: the work left to do comes first.
        const filedGroup = casesView().locator('.monaco-list-row', { hasText: 'Filed at tilbago' });
        await expectText(filedGroup, /Filed at tilbago\s*1 case/, 'the filed group', 20_000);
        await filedGroup.click();
        await expectText(caseRow(), new RegExp(`${CASE.folder}\\s*filed`), 'the case row', 20_000);
        const filed = fake.casesWithRef(CASE.ref);
        if (filed.length !== 1 || caseRequests().length !== 1)
          throw new Error(`tilbago holds ${filed.length} case(s) after ${caseRequests().length} request(s)`);
        const names = filed[0].attachments.map((a) => a.fileName);
        if (names.join() !== CASE.attachment) throw new Error(`attachments at tilbago: ${names.join(', ')}`);
      },
    },
    {
      name: "the filed case's menu: its files, and no Submit, letter or case id",
      run: async () => {
        expectMenu(
          await menuOf(caseRow()),
          ['Open case.json', 'Open reminders.json', 'Reveal the case folder'],
          ['Submit debt-collection request', 'Create the 3rd reminder letter', 'Enter the case id of a filed case'],
          'the filed case',
        );
      },
    },
    {
      name: 'a letter for the filed case asks first and says why; Cancel writes nothing',
      run: async () => {
        const before = fs.readdirSync(path.join(caseFolder, 'attachments')).sort().join();
        await runCommand(page, 'Tilbago: Create the 3rd reminder letter');
        await quickInputRow(page, CASE.folder).click();
        await dialog().waitFor({ state: 'visible', timeout: 15_000 });
        await expectText(
          dialog().locator('.dialog-message-text'),
          new RegExp(`^Make another 3rd reminder letter for ${CASE.folder}\\?`),
          'the question',
        );
        await expectText(dialog().locator('.dialog-message-detail'), /The case is filed at tilbago already/, 'why');
        await clickDialogButton('Cancel');
        await page.waitForTimeout(500);
        const after = fs.readdirSync(path.join(caseFolder, 'attachments')).sort().join();
        if (after !== before) throw new Error(`attachments/ changed: ${before} → ${after}`);
      },
    },
    {
      name: 'a case whose 3rd reminder is due: the letter in its menu, and filing early names what is missing, no date to come',
      run: async () => {
        fs.mkdirSync(path.join(dueFolder, 'attachments'), { recursive: true });
        const sample = JSON.parse(fs.readFileSync(path.join(caseFolder, 'case.json'), 'utf8'));
        fs.writeFileSync(path.join(dueFolder, 'case.json'), JSON.stringify({ ...sample, externalRef: '2026-0160' }, null, 2));
        fs.writeFileSync(
          path.join(dueFolder, 'reminders.json'),
          JSON.stringify(
            { invoiceNumber: '2026-0160', amountDue: 'CHF 500.00', reminders: { first: '2026-09-01', second: '2026-10-01' } },
            null,
            2,
          ),
        );
        await expectText(dueRow(), /3rd reminder due since 11\.10\.2026/, 'the due case', 20_000);
        expectMenu(
          await menuOf(dueRow()),
          ['Create the 3rd reminder letter', 'Record the 3rd reminder as sent', 'Submit debt-collection request', 'Open reminders.json'],
          ['Enter the case id of a filed case'],
          'the due case',
        );
        await runCommand(page, 'Tilbago: Submit debt-collection request');
        await quickInputRow(page, '2026-0160 Dupont SA').click();
        await dialog().waitFor({ state: 'visible', timeout: 15_000 });
        await expectText(
          dialog().locator('.dialog-message-text'),
          /^2026-0160 Dupont SA is not a litigation case yet: its 3rd reminder has not been sent \(due since 11\.10\.2026\)\. File it now anyway\?$/,
          'the early-filing question',
        );
        await clickDialogButton('Cancel');
        await page.waitForTimeout(500);
        if (fake.casesWithRef('2026-0160').length) throw new Error('filed without a yes');
      },
    },
    {
      name: 'New case for a debtor in Lugano: its own step for each date, Italian proposed from the postcode, a labelled summary',
      run: async () => {
        await runCommand(page, 'Tilbago: New debt-collection case');
        await answerStep(/Invoice number: it becomes the case reference/, '2026-0150');
        await expectText(quickInput(), /\(2\/14\)/, 'the kind of debtor');
        await quickInputRow(page, 'A natural person').click();
        await answerStep(/First name of the debtor/, 'Anna');
        await answerStep(/Last name of the debtor/, 'Rossi');
        await answerStep(/Debtor's street and number/, 'Via Nassa 5');
        await answerStep(/Debtor's postcode and town/, '6900 Lugano');
        await expectText(quickInput(), /\(7\/14\)/, 'the language step');
        const question = await quickInput().locator('.quick-input-box input').getAttribute('placeholder');
        if (!/^Which language does the debtor read\?/.test(question ?? '')) throw new Error(`the language step asks: ${question}`);
        await expectText(quickInput().locator('.monaco-list-row.focused'), /Italian \(italiano\)/, 'the language proposed');
        await page.keyboard.press('Enter');
        await answerStep(/Amount due in CHF/, '980.–');
        await answerStep(/Invoice date/, '03.08.2026');
        // No due date: the interest then runs from the 1st reminder.
        await answerStep(/Due date of the invoice/, '');
        await answerStep(/Date of the 1st reminder sent/, '07.09.2026');
        await answerStep(/Date of the 2nd reminder sent/, '');
        await expectText(quickInput(), /Reason of the claim/, 'the reason step');
        const reason = await quickInput().locator('.quick-input-box input').inputValue();
        if (reason !== 'Fattura n. 2026-0150 del 03.08.2026, richiamo del 07.09.2026') throw new Error(`the reason proposed: ${reason}`);
        await page.keyboard.press('Enter');
        const summary = await expectText(quickInput(), /Create the case folder/, 'the summary');
        for (const line of [
          /Debtor's language\s*Italian \(italiano\)/,
          /Invoice date\s*03\.08\.2026/,
          /1st reminder\s*07\.09\.2026/,
          /2nd reminder\s*\(none\)/,
          /Amount due\s*CHF 980\.00/,
        ])
          if (!line.test(summary)) throw new Error(`the summary lacks ${line}: ${JSON.stringify(summary.slice(0, 600))}`);
        await page.screenshot({ path: path.join(SCREENSHOTS, 'new-case-summary.png') });
        await quickInputRow(page, 'Create the case folder').click();
      },
    },
    {
      name: 'the case folder on disk: preferredLanguage "it" in case.json, the dates in reminders.json',
      run: async () => {
        const folder = path.join(workspace, 'tilbago-cases', '2026-0150 Rossi Anna');
        await page.locator('.tab.active', { hasText: 'case.json' }).waitFor({ timeout: 15_000 });
        const caseJson = JSON.parse(fs.readFileSync(path.join(folder, 'case.json'), 'utf8'));
        if (caseJson.debtor.preferredLanguage !== 'it' || 'letterLanguage' in caseJson)
          throw new Error(`case.json: ${JSON.stringify(caseJson.debtor)}`);
        if (caseJson.claim.amount !== 98_000 || !caseJson.claim.reason.startsWith('Fattura n. 2026-0150 del 03.08.2026'))
          throw new Error(`case.json claim: ${JSON.stringify(caseJson.claim)}`);
        const reminders = JSON.parse(fs.readFileSync(path.join(folder, 'reminders.json'), 'utf8'));
        if (reminders.invoiceDate !== '2026-08-03' || JSON.stringify(reminders.reminders) !== '{"first":"2026-09-07"}')
          throw new Error(`reminders.json: ${JSON.stringify(reminders)}`);
      },
    },
  ];

  return runWithFakeTilbago({
    label: 'e2e cases',
    runDir,
    steps,
    usePage: (opened, startedFake) => {
      page = opened;
      fake = startedFake;
    },
    workspace,
    key: KEY,
  });
}

await runWhenStarted(import.meta.url, runCasesE2e);
