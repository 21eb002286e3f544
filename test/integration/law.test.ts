// What the law and the office ask, said where the user decides (issue 21): the fee and the interest in the
// confirmations, a claim that may be time-barred and a rate above 5% in the Problems panel and the view, a debtor
// abroad refused before anything is sent, and no English sent as tilbago's language. In the real extension host,
// against the fake tilbago.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CasesTree } from '../../src/cases/tree';
import { TilbagoConfiguration } from '../../src/settings/configuration';
import { addDays, formatSwissDate, today } from '../../src/shared/dates';
import type { FakeTilbago } from '../fake-tilbago/server.mjs';
import { validCase, writeCaseFolder } from '../fixtures/cases';
import { runScripted as run, stopUsingFakeTilbago, useFakeTilbago } from './helpers';

const KEY = 'tb-live-accepted-key-0001';

describe('before filing: the fee, the interest and the law', () => {
  let fake: FakeTilbago;
  let casesRoot: string;
  /** About six years ago: the invoice of a claim that may be time-barred. */
  const oldInvoice = addDays(today(), -2200);
  const oldReminders = (invoiceNumber: string) => ({
    invoiceNumber,
    invoiceDate: oldInvoice,
    amountDue: "CHF 1'234.50",
    reminders: { first: addDays(oldInvoice, 30), second: addDays(oldInvoice, 60), third: addDays(oldInvoice, 90) },
  });
  const caseFolder = async (name: string, changes: object = {}, reminders?: object) => {
    const folder = await writeCaseFolder(
      path.join(casesRoot, name),
      { ...validCase(), externalRef: name, ...changes },
      {
        'facture.pdf': '%PDF-1.4 facture',
      },
    );
    if (reminders) await fs.writeFile(path.join(folder, 'reminders.json'), JSON.stringify(reminders, null, 2));
    return folder;
  };
  const limitationWarning = `The invoice of ${formatSwissDate(oldInvoice)} is more than 5 years old: many trade claims are time-barred after 5 years (art. 128 OR), others after 10 (art. 127); a complete request interrupts it`;

  before(async () => {
    ({ fake, casesRoot } = await useFakeTilbago({ key: KEY, casesFolder: 'cases', timeoutSeconds: 2 }));
  });

  after(() => stopUsingFakeTilbago({ fake, casesRoot }));

  it("one case's confirmation names the office fee, the interest and an invoice more than five years old; declined, nothing is sent", async () => {
    const folder = await caseFolder('LAW-1', {}, oldReminders('LAW-1'));
    const before = fake.requests.length;
    const { result, shown } = await run('tilbago.submitCase', { buttons: ['Review case.json'] }, vscode.Uri.file(folder));
    assert.equal(result, 'cancelled');
    const question = shown.find((m) => m.modal && m.message.startsWith('File a debt-collection request at tilbago?'))!;
    const lines = question.detail!.split('\n');
    assert.ok(lines.includes("Amount: CHF 1'234.50"), question.detail);
    assert.ok(lines.includes('Interest: 5% since 03.09.2026'), question.detail);
    assert.ok(lines.includes('Office fee: about CHF 73.30, advanced to the debt collection office, owed by the debtor'), question.detail);
    assert.ok(lines.includes(`⚠ ${limitationWarning}.`), question.detail);
    assert.match(
      question.detail!,
      /An estimate by GebV SchKG \(SR 281\.35\), art\. 16 .*tilbago's own price per filing is on its price list: https:\/\/tilbago\.ch$/,
    );
    assert.equal(fake.requests.length, before, 'nothing sent');
  });

  it('the Problems panel and the view warn of the old invoice and of a rate above 5%; neither blocks the case', async () => {
    const high = await caseFolder('LAW-6', { claim: { ...validCase().claim, interestRate: '8.0' } });
    await run('tilbago.validateAllCases', {});
    const reminders = vscode.Uri.file(path.join(casesRoot, 'LAW-1', 'reminders.json'));
    assert.deepEqual(
      vscode.languages.getDiagnostics(reminders).map((d) => [d.severity, d.message]),
      [[vscode.DiagnosticSeverity.Warning, limitationWarning]],
    );
    assert.deepEqual(
      vscode.languages.getDiagnostics(vscode.Uri.file(path.join(high, 'case.json'))).map((d) => [d.severity, d.message]),
      [
        [
          vscode.DiagnosticSeverity.Warning,
          'The interest rate (claim.interestRate) is 8%, above the default interest of 5% a year (art. 104 OR): claim it only if agreed with the debtor',
        ],
      ],
    );

    // Disposed after: a configuration left listening would warn again of the next suite's broken settings.
    const configuration = new TilbagoConfiguration();
    const changed = new vscode.EventEmitter<void>();
    const tree = new CasesTree(configuration, changed.event);
    try {
      const stages = await tree.getChildren();
      const ready = stages.find((node) => tree.getTreeItem(node).label === 'Ready for tilbago')!;
      const items = (await tree.getChildren(ready)).map((node) => tree.getTreeItem(node));
      const tooltip = (label: string) =>
        (items.find((item) => item.label === label)!.tooltip as vscode.MarkdownString).value.replace(/\\(.)/g, '$1');
      assert.match(tooltip('LAW-1'), /Office fee: about CHF 73\.30, advanced to the debt collection office, owed by the debtor/);
      assert.ok(tooltip('LAW-1').includes(limitationWarning), tooltip('LAW-1'));
      assert.ok(!tooltip('LAW-6').includes('more than 5 years old'), 'a case without an old invoice has no such warning');
    } finally {
      tree.dispose();
      configuration.dispose();
      changed.dispose();
    }
    await fs.rm(high, { recursive: true });
  });

  it("Submit all's confirmation names each case's interest and the sum of the office fees, one fee per request", async () => {
    await caseFolder('LAW-2');
    await caseFolder('LAW-3', { claim: { ...validCase().claim, amount: 8_000 } });
    const before = fake.requests.length;
    const { result, shown } = await run('tilbago.submitAllReady', { picks: ['LAW-2|LAW-3'], buttons: [] });
    assert.equal(result, undefined, 'dismissed: nothing filed');
    const question = shown.find((m) => m.modal && m.message.startsWith('File 2 cases'))!;
    const lines = question.detail!.split('\n');
    assert.deepEqual(lines.slice(0, 2), [
      "LAW-2 (Anna Muster · CHF 1'234.50 · interest 5% since 03.09.2026)",
      'LAW-3 (Anna Muster · CHF 80.00 · interest 5% since 03.09.2026)',
    ]);
    // CHF 73.30 for 1'234.50 and CHF 20.30 for 80.00: not the fee of the sum.
    assert.ok(
      lines.includes('Office fees: about CHF 93.60 in all, advanced to the debt collection offices, owed by the debtors'),
      question.detail,
    );
    assert.equal(fake.requests.length, before, 'nothing sent');
  });

  it('a debtor abroad is refused before anything is sent: in case.json, with the reason, and in New case at the postcode', async () => {
    const folder = await caseFolder('LAW-4', {
      debtor: { ...validCase().debtor, address: { street: 'Rue de Rivoli', zip: '75001', city: 'Paris' } },
    });
    const before = fake.requests.length;
    const { result, shown } = await run('tilbago.submitCase', { buttons: ['File request'] }, vscode.Uri.file(folder));
    assert.equal(result, 'invalid');
    assert.equal(shown.at(-1)!.message, 'Nothing was sent: case.json has 1 problem, listed in the Problems panel.');
    assert.deepEqual(
      vscode.languages.getDiagnostics(vscode.Uri.file(path.join(folder, 'case.json'))).map((d) => [d.severity, d.message]),
      [
        [
          vscode.DiagnosticSeverity.Error,
          'The postcode (debtor.address.zip) is not a Swiss postcode (four digits, 1000 to 9999): tilbago files with Swiss debt collection offices only, and the request would fail there after its fee. A debtor abroad needs another way.',
        ],
      ],
    );
    assert.equal(fake.requests.length, before, 'the fake tilbago received no request');
    await assert.rejects(fs.stat(path.join(folder, 'submission.json')));

    const asked = await run('tilbago.newCase', {
      inputs: ['2026-0299', 'Muster SA', '', 'Avenue de la Gare 12', '9490 Vaduz'],
      picks: ['A company or other legal person'],
    });
    assert.equal(asked.result, undefined);
    assert.match(asked.shown.at(-1)!.message, /9490 is in Liechtenstein, which has its own debt-collection law/);
    const abroad = await run('tilbago.newCase', {
      inputs: ['2026-0299', 'Muster SA', '', 'Avenue de la Gare 12', '75001 Paris'],
      picks: ['A company or other legal person'],
    });
    assert.match(abroad.shown.at(-1)!.message, /75001 is not a Swiss postcode: tilbago files with Swiss debt collection offices only/);
    await assert.rejects(fs.stat(path.join(casesRoot, '2026-0299 Muster SA')), 'no case folder made');
    await fs.rm(folder, { recursive: true });
  });

  it("an English letter's case reaches tilbago without a language: preferredLanguage is never sent as en", async () => {
    const { preferredLanguage: _, ...debtor } = validCase().debtor;
    const folder = await caseFolder('LAW-5', { debtor, letterLanguage: 'en' });
    const { result } = await run('tilbago.submitCase', { buttons: ['File request'] }, vscode.Uri.file(folder));
    assert.equal(result, 'complete');
    const [filed] = fake.casesWithRef('LAW-5');
    const body = filed!.body as { debtor: Record<string, unknown> } & Record<string, unknown>;
    assert.equal('preferredLanguage' in body.debtor, false);
    assert.equal('letterLanguage' in body, false);
    assert.doesNotMatch(JSON.stringify(body), /"en"/);
  });
});
