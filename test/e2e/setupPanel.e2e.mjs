// End to end, as a person would: the real workbench in Chromium, the command palette, the setup form in its
// webview, settings.json on disk, and a fake tilbago for Test connection. Unsaved edits are followed through
// hiding, closing and reloading; the tab's title, Ctrl+S, an outside change during edits, broken values in
// settings.json and the connection result are checked where the user sees them. Also watches for
// Content-Security-Policy violations in the webview and saves screenshots in a light and a dark theme.
// Usage: node test/e2e/setupPanel.e2e.mjs (after a build); it prints `N passed, N failed`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { newCanary } from '../runner/secret-scan.mjs';
import { ROOT, newRunFolder } from '../runner/vscode-web.mjs';

const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
import { expectText, quickInputRow, runCommand, runWhenStarted, runWithFakeTilbago, SCREENSHOTS } from './workbench.mjs';

async function chooseColorTheme(page, theme) {
  await runCommand(page, 'Preferences: Color Theme');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await page.waitForFunction(() => !document.querySelector('.quick-input-widget .quick-input-box input')?.value.startsWith('>'));
  await input.fill(theme);
  await quickInputRow(page, theme).click();
}

export async function runSetupPanelE2e() {
  const { runDir, workspace } = newRunFolder('e2e');
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const cspViolations = [];
  let page;

  const steps = [];
  const step = (name, run) => steps.push({ name, run });
  const form = () => page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  const watchWebviewViolations = async () => {
    // Violations after load, seen from inside the webview; those in the static HTML come through the console.
    await form()
      .locator('body')
      .evaluate(() => {
        window.__cspViolations ??= [];
        document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
  };
  const collectWebviewViolations = async () => {
    const inside = await form()
      .locator('body')
      .evaluate(() => window.__cspViolations ?? []);
    cspViolations.push(...inside);
  };

  // The key the run stores; the fake tilbago accepts it.
  const canary = newCanary();
  let fake;
  const settingsFile = () => path.join(workspace, '.vscode', 'settings.json');
  const readSettings = () => (fs.existsSync(settingsFile()) ? JSON.parse(fs.readFileSync(settingsFile(), 'utf8')) : {});
  /** Edits settings.json by hand, as a person would in another editor. */
  const editSettingsByHand = (change) => {
    fs.mkdirSync(path.dirname(settingsFile()), { recursive: true });
    fs.writeFileSync(settingsFile(), `${JSON.stringify({ ...readSettings(), ...change }, null, 2)}\n`);
  };
  const waitForSetting = async (key, value, what) => {
    const deadline = Date.now() + 10_000;
    while (readSettings()[key] !== value) {
      if (Date.now() > deadline)
        throw new Error(`${what}: ${key} is ${JSON.stringify(readSettings()[key])}, expected ${JSON.stringify(value)}`);
      await page.waitForTimeout(100);
    }
  };
  const setupTab = () => page.locator('.tabs-container .tab').filter({ hasText: /tilbago setup/ });
  const expectTitle = async (pattern, what) => {
    await setupTab().waitFor({ timeout: 10_000 });
    await expectText(setupTab().locator('.label-name').first(), pattern, what);
  };
  const fieldValue = (id) => form().locator(`#${id} input`).inputValue();
  const expectFieldValue = async (id, expected, what) => {
    const deadline = Date.now() + 10_000;
    let value;
    while ((value = await fieldValue(id).catch(() => undefined)) !== expected) {
      if (Date.now() > deadline) throw new Error(`${what}: the field holds ${JSON.stringify(value)}, expected ${JSON.stringify(expected)}`);
      await page.waitForTimeout(100);
    }
  };
  const closeSetup = async () => {
    await collectWebviewViolations();
    await runCommand(page, 'View: Close All Editors');
    await setupTab().waitFor({ state: 'detached', timeout: 10_000 });
  };
  const openSetup = async () => {
    await runCommand(page, 'Tilbago: Open setup');
    await form().locator('#key-status').waitFor({ timeout: 30_000 });
    await expectText(form().locator('#key-status'), /^(Set|Not set)/, 'the form to have its state');
    await watchWebviewViolations();
  };

  step('the palette opens "Tilbago: Open setup" and the form shows the state', async () => {
    await runCommand(page, 'Tilbago: Open setup');
    await expectText(form().locator('#key-status'), /^Not set$/, 'API key status');
    await watchWebviewViolations();
    if ((await form().locator('#days-after-second input').inputValue()) !== '10') throw new Error('default of 10 days not shown');
    // The page itself carries the first state, so the form shows whole without waiting for the extension host.
    const first = await form()
      .locator('body')
      .evaluate(() => JSON.parse(document.body.dataset.first ?? 'null'));
    if (first?.state?.values?.daysAfterSecondReminder !== 10 || first.state.apiKey?.set !== false) {
      throw new Error(`the page does not carry the first state: ${JSON.stringify(first)?.slice(0, 200)}`);
    }
    await expectText(form().locator('#text-source'), /built-in English letter is used/, 'built-in letter note');
    await expectText(
      form().locator('#preview'),
      /THIRD AND FINAL REMINDER[\s\S]*Despite our reminders of 07\.09\.2026 and 05\.10\.2026/,
      'preview of the built-in letter',
    );
  });

  step('the day fields are checked as the user types', async () => {
    await form().locator('#days-before-collection input').fill('400');
    await form().locator('#days-before-collection-help[data-invalid]').waitFor({ timeout: 5000 });
    await form().locator('#days-before-collection input').fill('20');
    await form().locator('#days-before-collection-help:not([data-invalid])').waitFor({ timeout: 5000 });
    await form().locator('#days-after-second input').fill('12');
    await expectText(form().locator('#dirty'), /Unsaved changes/, 'unsaved marker');
  });

  step('the tab title starts with ● while there are unsaved edits', async () => {
    await expectTitle(/^● tilbago setup$/, 'tab title with unsaved edits');
  });

  step('an unknown placeholder is named by where it is in words, and its suggestion fixes it in one click', async () => {
    const text = form().locator('#letter-text textarea');
    await text.fill('%TITRE%,\n\nFacture %NUMMER% du %DATEFACTURE%, montant %MONTANT%.');
    await expectText(
      form().locator('#unknown'),
      /%NUMMER% in paragraph 2, after “Facture” — did you mean %NUMERO%\?/,
      'unknown placeholder warning',
    );
    await expectText(
      form().locator('#preview'),
      /Dear Sir or Madam,\s+Facture %NUMMER% du 03\.08\.2026, montant CHF 1'234\.50\./,
      'preview',
    );
    await form().locator('#unknown a.fix').click();
    const fixed = await text.inputValue();
    if (fixed !== '%TITRE%,\n\nFacture %NUMERO% du %DATEFACTURE%, montant %MONTANT%.')
      throw new Error(`after the fix: ${JSON.stringify(fixed)}`);
    await expectText(form().locator('#preview'), /Facture 2026-0142 du 03\.08\.2026/, 'preview after the fix');
    await form().locator('#unknown').waitFor({ state: 'hidden', timeout: 5000 });
    await text.fill('%TITRE%,\n\nFacture %NUMERO% du %DATEFACTURE%, montant ');
    await expectText(form().locator('#preview-body'), /Facture 2026-0142 du 03\.08\.2026, montant\s*$/, 'preview of the new text');
  });

  step('clicking a dynamic value inserts it at the cursor, from the keyboard too', async () => {
    const text = form().locator('#letter-text textarea');
    await text.focus();
    await text.press('End');
    await form().locator('vscode-button[data-placeholder="MONTANT"]').focus();
    await page.keyboard.press('Enter');
    const value = await text.inputValue();
    if (!value.endsWith('montant %MONTANT%')) throw new Error(`textarea holds ${JSON.stringify(value)}`);
    await expectText(form().locator('#preview'), /montant CHF 1'234\.50/, 'preview with the inserted value');
  });

  step('the language switch shows the letter of each language, and the preview follows in that language', async () => {
    const order = await form()
      .locator('#letter-language input')
      .evaluateAll((inputs) => inputs.map((input) => input.value));
    if (order.join() !== 'de,fr,it,en') throw new Error(`the languages are shown in the order ${order.join()}, not de,fr,it,en`);
    await form().locator('#letter-language input[value="fr"]').check();
    await expectText(form().locator('#text-source'), /built-in French letter is used/, 'the French letter is the built-in one');
    await expectText(
      form().locator('#preview'),
      /TROISIÈME ET DERNIER RAPPEL\s*Messieurs,\s+Malgré nos rappels du 07\.09\.2026 et du 05\.10\.2026[\s\S]*CHF 1'234\.50/,
      'French preview',
    );
    if ((await form().locator('#letter-text textarea').inputValue()) !== '') throw new Error('the French letter box is not empty');
    await form().locator('#letter-language input[value="de"]').check();
    await expectText(form().locator('#preview'), /DRITTE UND LETZTE MAHNUNG\s*Sehr geehrte Damen und Herren/, 'German preview');
    await form().locator('#letter-language input[value="en"]').check();
    const english = await form().locator('#letter-text textarea').inputValue();
    if (!english.endsWith('montant %MONTANT%')) throw new Error(`back in English, the box holds ${JSON.stringify(english)}`);
    await expectText(form().locator('#preview'), /THIRD AND FINAL REMINDER\s*Dear Sir or Madam,/, 'English preview again');
  });

  step('the creditor section checks the account as typed; the preview is a page with the payment part', async () => {
    await expectText(
      form().locator('#payment-part'),
      /No payment part yet: the creditor settings need Creditor’s name, Street, Postal code, Town, Account \(IBAN or QR-IBAN\)\./,
      'the payment part names what is missing',
    );
    const fill = (id, text) => form().locator(`#${id} input`).fill(text);
    await fill('creditor-name', 'Muster Treuhand AG');
    await fill('creditor-street', 'Bahnhofstrasse');
    await fill('creditor-building-number', '7');
    await fill('creditor-postal-code', '8001');
    await fill('creditor-town', 'Zürich');
    await fill('creditor-account', 'CH93 0076 2011 6238 5295 8');
    await expectText(
      form().locator('#creditor-account-help[data-invalid]'),
      /^This value has wrong IBAN check digits: probably a typing error\.$/,
      'a wrong IBAN check digit, as typed',
    );
    await expectText(form().locator('#payment-part'), /No payment part: correct Account \(IBAN or QR-IBAN\)/, 'no payment part');
    await fill('creditor-account', 'CH93 0076 2011 6238 5295 7');
    await form().locator('#creditor-account-help:not([data-invalid])').waitFor({ timeout: 5000 });
    await form().locator('#payment-part > svg').waitFor({ timeout: 20_000 });
    await expectText(form().locator('#preview-sender'), /Muster Treuhand AG\s+Bahnhofstrasse 7\s+8001 Zürich/, 'the sender');
    await expectText(form().locator('#preview-recipient'), /Muster SA\s+Avenue de la Gare 12\s+1003 Lausanne/, 'the sample debtor');
    await expectText(form().locator('#preview-date'), /^Zürich, \d\d\.\d\d\.\d{4}$/, 'place and date');
    const svgText = await form()
      .locator('#payment-part > svg')
      .evaluate((svg) => svg.textContent);
    if (!/Payment part/.test(svgText) || !svgText.includes('Muster Treuhand AG') || !/CH93 ?0076/.test(svgText))
      throw new Error(`the payment part's SVG holds ${JSON.stringify(svgText.slice(0, 200))}`);
    // The additional information the PDF prints: the invoice, in the letter's language.
    if (!/Additional information\s*Invoice 2026-0142/.test(svgText))
      throw new Error(`the payment part lacks "Invoice 2026-0142": ${JSON.stringify(svgText.slice(0, 400))}`);
    // The payment part follows the letter's language.
    await form().locator('#letter-language input[value="de"]').check();
    await form().locator('#payment-part > svg').filter({ hasText: 'Zahlteil' }).waitFor({ timeout: 10_000 });
    await form().locator('#letter-language input[value="en"]').check();
    // A QR-IBAN takes a QR reference, never a creditor reference.
    await form().locator('#creditor-reference input[value="creditorReference"]').check();
    await fill('creditor-account', 'CH44 3199 9123 0008 8901 2');
    await expectText(form().locator('#creditor-reference-note'), /QR-IBAN is used with a QR reference only/, 'the QR-IBAN warning');
    await fill('creditor-account', 'CH93 0076 2011 6238 5295 7');
    await form().locator('#creditor-reference-note').waitFor({ state: 'hidden', timeout: 5000 });
    await form()
      .locator('#h-preview')
      .evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(300);
    await page.locator('iframe.webview.ready').screenshot({ path: path.join(SCREENSHOTS, 'setup-preview-page.png') });
  });

  step('the cases folder: a missing one is reported and can be created', async () => {
    await form().locator('#cases-folder input').fill('Cas tilbago');
    await expectText(form().locator('#folder-status'), /does not exist yet/, 'folder status');
    await form().locator('#create-folder').click();
    await expectText(form().locator('#folder-status'), /exists and can be written to/, 'folder status after creating');
    if (!fs.statSync(path.join(workspace, 'Cas tilbago')).isDirectory()) throw new Error('folder not created');
  });

  step('unsaved edits survive hiding the panel', async () => {
    await collectWebviewViolations();
    await runCommand(page, 'Preferences: Open User Settings (JSON)');
    await page.waitForTimeout(500);
    await openSetup();
    await expectFieldValue('days-after-second', '12', 'after hiding the panel');
    await expectText(form().locator('#dirty'), /Unsaved changes/, 'unsaved marker after showing again');
    if (await form().locator('#restored').isVisible()) throw new Error('hiding is not closing: no "edits are back" banner');
  });

  step('unsaved edits survive closing the panel: reopened, the form has them, says so, and the title has its ●', async () => {
    await closeSetup();
    await openSetup();
    await expectFieldValue('days-after-second', '12', 'after closing the panel');
    await expectFieldValue('days-before-collection', '20', 'after closing the panel');
    await expectText(form().locator('#restored'), /Unsaved edits from earlier are back\./, 'restored banner');
    await expectText(form().locator('#dirty'), /Unsaved changes/, 'unsaved marker after reopening');
    await expectTitle(/^● tilbago setup$/, 'tab title after reopening');
  });

  step('Save writes the values to .vscode/settings.json on disk, says when, and the ● goes', async () => {
    await form().locator('#save').click();
    await expectText(form().locator('#dirty'), /^Saved to the Workspace settings at \d\d:\d\d\.$/, 'save status with its time');
    const saved = readSettings();
    const expected = {
      'tilbago.thirdReminder.daysAfterSecondReminder': 12,
      'tilbago.thirdReminder.daysBeforeCollection': 20,
      'tilbago.thirdReminder.englishLetter': '%TITRE%,\n\nFacture %NUMERO% du %DATEFACTURE%, montant %MONTANT%',
      'tilbago.casesFolder': 'Cas tilbago',
    };
    for (const [key, value] of Object.entries(expected)) {
      if (saved[key] !== value)
        throw new Error(`${key} is ${JSON.stringify(saved[key])} in settings.json, expected ${JSON.stringify(value)}`);
    }
    await expectTitle(/^tilbago setup$/, 'tab title once saved');
    if (await form().locator('#restored').isVisible()) throw new Error('the restored banner stayed after Save');
  });

  step('Ctrl+S in the form saves it', async () => {
    await form().locator('#days-after-second input').fill('13');
    await expectTitle(/^● tilbago setup$/, 'tab title with an edit');
    await form().locator('#days-after-second input').press('Control+s');
    await waitForSetting('tilbago.thirdReminder.daysAfterSecondReminder', 13, 'after Ctrl+S');
    await expectText(form().locator('#dirty'), /^Saved to the Workspace settings at \d\d:\d\d\.$/, 'save status after Ctrl+S');
    await expectTitle(/^tilbago setup$/, 'tab title after Ctrl+S');
    if (await page.locator('.quick-input-widget').isVisible()) throw new Error('Ctrl+S also opened a dialog of the workbench');
  });

  step('Revert puts the saved values back and says so', async () => {
    await form().locator('#days-after-second input').fill('14');
    await expectText(form().locator('#dirty'), /Unsaved changes/, 'unsaved marker');
    await form().locator('#revert').click();
    await expectFieldValue('days-after-second', '13', 'the saved value after Revert');
    await expectText(form().locator('#dirty'), /^Your edits were undone: the form shows the saved values again\.$/, 'status after Revert');
    await expectTitle(/^tilbago setup$/, 'tab title after Revert');
  });

  step('at 360 px wide the save bar is one row and covers no field', async () => {
    const viewport = page.viewportSize();
    const panelWidth = () =>
      form()
        .locator('body')
        .evaluate(() => document.documentElement.clientWidth);
    // The workbench around the panel takes its share: the window is narrowed until the panel is 360 px wide.
    for (let tries = 0, width = await panelWidth(); tries < 4 && Math.abs(width - 360) > 4; tries++, width = await panelWidth()) {
      await page.setViewportSize({ width: page.viewportSize().width + 360 - width, height: viewport.height });
      await page.waitForTimeout(500);
    }
    try {
      await form().locator('#days-after-second input').fill('15'); // the longest status: unsaved, and when last saved
      await expectText(form().locator('#dirty'), /Unsaved changes/, 'unsaved marker');
      const layout = await form()
        .locator('body')
        .evaluate(() => {
          const fields = [...document.querySelectorAll('vscode-textfield, vscode-textarea')];
          const last = fields.at(-1);
          last.scrollIntoView({ block: 'start' });
          const rect = (selector) => document.querySelector(selector).getBoundingClientRect();
          return {
            width: document.documentElement.clientWidth,
            overflows: document.documentElement.scrollWidth > document.documentElement.clientWidth,
            bar: rect('.save-bar').toJSON(),
            save: rect('#save').toJSON(),
            last: { id: last.id, ...last.getBoundingClientRect().toJSON() },
          };
        });
      console.log(`  [360 px] ${JSON.stringify(layout)}`);
      if (Math.abs(layout.width - 360) > 4) throw new Error(`the panel is ${layout.width} px wide, not 360`);
      if (layout.bar.height > layout.save.height + 20) throw new Error(`the save bar is ${layout.bar.height} px high: more than one row`);
      if (layout.last.top < layout.bar.bottom) throw new Error(`the save bar covers the last field (#${layout.last.id})`);
      if (layout.overflows) throw new Error('the form is wider than the panel');
      await page.locator('iframe.webview.ready').screenshot({ path: path.join(SCREENSHOTS, 'setup-panel-360px.png') });
    } finally {
      await page.setViewportSize(viewport);
    }
    await form().locator('#revert').click();
    await expectFieldValue('days-after-second', '13', 'the saved value again');
  });

  step('a value changed by hand during unsaved edits is named, shown, and kept by Save', async () => {
    await form().locator('#letter-text textarea').fill('Bonjour %TITRE%');
    await expectText(form().locator('#dirty'), /Unsaved changes/, 'unsaved marker');
    editSettingsByHand({ 'tilbago.thirdReminder.daysBeforeCollection': 40 });
    await expectText(
      form().locator('#banner'),
      /The settings were changed outside this form: Days before collection \(now 40\)\./,
      'outside-change banner',
    );
    await expectFieldValue('days-before-collection', '40', 'the untouched field follows the file');
    await form().locator('#keep-mine').click();
    await form().locator('#save').click();
    await waitForSetting('tilbago.thirdReminder.englishLetter', 'Bonjour %TITRE%', 'the edit saved');
    const saved = readSettings();
    if (saved['tilbago.thirdReminder.daysBeforeCollection'] !== 40) {
      throw new Error(`Save wrote daysBeforeCollection back to ${saved['tilbago.thirdReminder.daysBeforeCollection']}`);
    }
  });

  step('Discard drops edits brought back after closing the panel', async () => {
    await form().locator('#days-after-second input').fill('99');
    await expectTitle(/^● tilbago setup$/, 'tab title with an edit');
    await page.waitForTimeout(300); // the host hears of the edit on the next frame
    await closeSetup();
    await openSetup();
    await expectFieldValue('days-after-second', '99', 'the edit brought back');
    await form().locator('#discard').click();
    await expectFieldValue('days-after-second', '13', 'the saved value after Discard');
    await form().locator('#restored').waitFor({ state: 'hidden', timeout: 5000 });
    await expectTitle(/^tilbago setup$/, 'tab title after Discard');
    await closeSetup();
    await openSetup();
    await expectFieldValue('days-after-second', '13', 'reopened after Discard');
    if (await form().locator('#restored').isVisible()) throw new Error('discarded edits came back');
  });

  step('broken values in settings.json: beside each field, the value in effect, the one in the file, and why', async () => {
    editSettingsByHand({ 'tilbago.thirdReminder.daysAfterSecondReminder': 'abc', 'tilbago.thirdReminder.daysBeforeCollection': 400 });
    await expectText(
      form().locator('#days-after-second-file'),
      /The Workspace settings hold "abc", but the value must be a whole number: 10 is used instead\./,
      'the explanation beside the first day count',
    );
    await expectText(
      form().locator('#days-before-collection-file'),
      /The Workspace settings hold 400, but the value must be between 0 and 365: 365 is used instead\./,
      'the explanation beside the second day count',
    );
    await expectFieldValue('days-after-second', '10', 'the value in effect');
    await expectFieldValue('days-before-collection', '365', 'the value in effect');
    await expectText(form().locator('#dirty'), /A value in the settings file cannot be used/, 'status');
    await form()
      .locator('#h-delays')
      .evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(300);
    await page.locator('iframe.webview.ready').screenshot({ path: path.join(SCREENSHOTS, 'setup-broken-values.png') });
    await form().locator('#days-before-collection-file vscode-button').click();
    await form().locator('#save').click();
    await waitForSetting('tilbago.thirdReminder.daysBeforeCollection', 365, 'the corrected value');
    if (readSettings()['tilbago.thirdReminder.daysAfterSecondReminder'] !== 'abc')
      throw new Error('an untouched broken value was rewritten');
    await form().locator('#days-before-collection-file').waitFor({ state: 'detached', timeout: 10_000 });
    editSettingsByHand({ 'tilbago.thirdReminder.daysAfterSecondReminder': 13 });
    await form().locator('#days-after-second-file').waitFor({ state: 'detached', timeout: 10_000 });
  });

  step('the Settings editor, filtered to the extension, labels the settings in words: "Third Reminder: German Letter"', async () => {
    const extensionId = `${packageJson.publisher}.${packageJson.name}`;
    await closeSetup();
    // Tall enough to show every setting at once (the tree draws only the rows in view); scrolled through as well.
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: viewport.width, height: 2400 });
    await runCommand(page, 'Preferences: Open Settings (UI)');
    const editor = page.locator('.settings-editor');
    await editor.waitFor({ timeout: 20_000 });
    await page.waitForTimeout(500);
    await page.keyboard.type(`@ext:${extensionId}`);
    const rows = editor.locator('.settings-tree-container .monaco-list-row .setting-item-title');
    await rows.first().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(1000);
    // The tree draws only the rows in view: scroll through it and gather every label.
    const labels = new Set();
    const tree = editor.locator('.settings-tree-container .monaco-scrollable-element').first();
    for (let unchanged = 0; unchanged < 3; ) {
      const before = labels.size;
      for (const text of await rows.allInnerTexts()) labels.add(text.replace(/\s+/g, ' ').trim());
      unchanged = labels.size === before ? unchanged + 1 : 0;
      await tree.hover();
      await page.mouse.wheel(0, 400);
      await page.waitForTimeout(250);
    }
    const all = [...labels];
    console.log(`  [settings editor] ${all.length} labels: ${all.join(' | ')}`);
    for (const expected of [
      'Third Reminder: German Letter',
      'Third Reminder: French Letter',
      'Third Reminder: Italian Letter',
      'Third Reminder: English Letter',
      'Third Reminder: Days After Second Reminder',
      'Third Reminder: Days Before Collection',
      'Third Reminder: Default Language',
    ]) {
      if (!all.some((label) => label.includes(expected))) throw new Error(`no label reads "${expected}": ${all.join(' | ')}`);
    }
    const jarring = all.filter((label) => /\p{L}\d|letter: (de|fr|it|en)\b/iu.test(label));
    if (jarring.length) throw new Error(`labels still read: ${jarring.join(' | ')}`);
    // Every setting was seen, the last one included: 16 (the two machine-scoped ones are hidden when the editor shows
    // the Workspace settings).
    if (all.length < 16 || !all.some((label) => label.includes('Creditor: Iban Reference')))
      throw new Error(`only ${all.length} settings were seen: ${all.join(' | ')}`);
    await page.locator('.settings-editor').screenshot({ path: path.join(SCREENSHOTS, 'settings-editor-labels.png') });
    await runCommand(page, 'View: Close All Editors');
    await page.setViewportSize(viewport);
    await openSetup();
  });

  step('the API key never reaches the webview: not its messages, not its page', async () => {
    await form()
      .locator('body')
      .evaluate(() => {
        window.__received = [];
        window.addEventListener('message', (event) => window.__received.push(JSON.stringify(event.data)));
      });
    await runCommand(page, 'Tilbago: Set API key');
    await page.waitForFunction(() => document.querySelector('.quick-input-widget .quick-input-box input')?.type === 'password');
    await page.locator('.quick-input-widget .quick-input-box input').fill(canary);
    await page.keyboard.press('Enter');
    await expectText(form().locator('#key-status'), new RegExp(`^Set, ends in …${canary.slice(-4)}$`), 'API key status');
    const { html, received } = await form()
      .locator('body')
      .evaluate(() => ({ html: document.documentElement.outerHTML, received: window.__received }));
    if (received.length === 0) throw new Error('no message was recorded, so this check proves nothing');
    const leaks = [html, ...received].filter((text) => text.includes(canary.slice(0, -4)));
    if (leaks.length) throw new Error(`the key is in the webview: ${leaks[0].slice(0, 200)}`);
    console.log(`  [canary] webview page and ${received.length} messages to it checked`);
  });

  step('Test connection: the outcome beside the button, with the host and the time', async () => {
    await form().locator('#test-connection').click();
    await expectText(
      form().locator('#connection-result'),
      new RegExp(`^✓ accepted by 127\\.0\\.0\\.1:${fake.port} at \\d\\d:\\d\\d$`),
      'connection result',
      20_000,
    );
    fake.inject({ method: 'GET', kind: 'answer', status: 401, body: { message: 'Invalid api_key' }, times: 1 });
    await form().locator('#test-connection').click();
    await expectText(
      form().locator('#connection-result'),
      /^✗ tilbago refused the API key \(401\), at \d\d:\d\d$/,
      'connection result after a refusal',
      20_000,
    );
  });

  step('screenshots in a dark and a light theme', async () => {
    for (const [theme, name] of [
      ['Dark Modern', 'dark'],
      ['Light Modern', 'light'],
    ]) {
      await chooseColorTheme(page, theme);
      await page.locator(`.monaco-workbench.${name === 'dark' ? 'vs-dark' : 'vs'}`).waitFor({ timeout: 15_000 });
      await page.mouse.move(0, 0);
      const panel = page.locator('iframe.webview.ready');
      await form().locator('h1').scrollIntoViewIfNeeded();
      await page.waitForTimeout(800);
      await panel.screenshot({ path: path.join(SCREENSHOTS, `setup-panel-${name}.png`) });
      await form()
        .locator('#h-legend')
        .evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
      await page.waitForTimeout(300);
      await panel.screenshot({ path: path.join(SCREENSHOTS, `setup-letter-${name}.png`) });
    }
  });

  step('unsaved edits survive a window reload', async () => {
    await collectWebviewViolations();
    await form().locator('#days-before-collection input').fill('33');
    await expectText(form().locator('#dirty'), /Unsaved changes/, 'unsaved marker');
    await page.waitForTimeout(300); // the draft is kept on the next animation frame
    await runCommand(page, 'Developer: Reload Window');
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await form().locator('#key-status').waitFor({ timeout: 60_000 });
    await expectText(form().locator('#dirty'), /Unsaved changes/, 'unsaved marker after the reload');
    await expectFieldValue('days-before-collection', '33', 'after the reload');
    await expectTitle(/^● tilbago setup$/, 'tab title after the reload');
    if (await form().locator('#restored').isVisible()) throw new Error('a reload is not closing: no "edits are back" banner');
    // The page made after the reload carries the state with the key set: its status, never the key.
    const reloaded = await form()
      .locator('body')
      .evaluate(() => ({
        html: document.documentElement.outerHTML,
        set: JSON.parse(document.body.dataset.first ?? 'null')?.state.apiKey.set,
      }));
    if (reloaded.set !== true) throw new Error('the page made after the reload does not carry the key status');
    if (reloaded.html.includes(canary.slice(0, -4))) throw new Error('the key is in the page made after the reload');
    await watchWebviewViolations();
  });

  step('no Content-Security-Policy violation in the webview', async () => {
    await collectWebviewViolations();
    if (cspViolations.length) throw new Error(`violations: ${cspViolations.join(' | ')}`);
  });

  const results = await runWithFakeTilbago({
    label: 'e2e',
    runDir,
    steps,
    workspace,
    key: canary,
    usePage: (opened, startedFake) => {
      page = opened;
      fake = startedFake;
      page.on('console', (message) => {
        // The workbench's own page has a policy of its own; only violations from a webview frame count.
        const url = message.location()?.url ?? '';
        if (/Content Security Policy/i.test(message.text()) && /webview/.test(url)) cspViolations.push(message.text());
      });
    },
  });
  console.log(`[e2e] screenshots in ${path.relative(ROOT, SCREENSHOTS)}`);
  return results;
}

await runWhenStarted(import.meta.url, runSetupPanelE2e);
