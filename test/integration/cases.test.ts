// The tilbago commands in the real extension host, against the fake tilbago server running in this process.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TilbagoApi } from '../../src/api';
import { CasesTree } from '../../src/cases/tree';
import { TilbagoConfiguration } from '../../src/settings/configuration';
import type { SubmissionRecord } from '../../src/cases/model/record';
import { parseReminders } from '../../src/cases/model/remindersFile';
import { TilbagoClient } from '../../src/tilbago/client';
import { startFakeTilbago, type FakeTilbago } from '../fake-tilbago/server.mjs';
import { validCase, writeCaseFolder } from '../fixtures/cases';
import { addDays, formatSwissDate, today } from '../../src/shared/dates';
import {
  BACK,
  recordMessages,
  runScripted as run,
  scriptUi,
  stub,
  waitFor,
  workspaceFolder,
  stopUsingFakeTilbago,
  useFakeTilbago,
} from './helpers';

const config = () => vscode.workspace.getConfiguration('tilbago');
const Global = vscode.ConfigurationTarget.Global;

describe('tilbago commands against the fake tilbago', () => {
  let api: TilbagoApi;
  let fake: FakeTilbago;
  let casesRoot: string;
  const record = async (folder: string) => JSON.parse(await fs.readFile(path.join(folder, 'submission.json'), 'utf8')) as SubmissionRecord;
  const setKey = (key: string) => run('tilbago.setApiKey', { inputs: [key], buttons: ['Replace'] });

  const caseFolder = (name: string, content: object = { ...validCase(), externalRef: name }) =>
    writeCaseFolder(path.join(casesRoot, name), content, { 'facture.pdf': '%PDF-1.4 facture' });

  before(async () => {
    ({ api, fake, casesRoot } = await useFakeTilbago({
      key: 'tb-live-accepted-key-0001',
      casesFolder: 'cases',
      timeoutSeconds: 2,
      storeKey: false,
    }));
  });

  after(() => stopUsingFakeTilbago({ fake, casesRoot }));

  afterEach(() => fake.clearFaults());

  it('are registered and contributed, with a view, and no schema put on every case.json by its name', async () => {
    const registered = await vscode.commands.getCommands(true);
    for (const id of ['tilbago.testConnection', 'tilbago.newCase', 'tilbago.submitCase', 'tilbago.enterCaseId', 'tilbago.refreshStatus']) {
      assert.ok(registered.includes(id), id);
    }
    const manifest = vscode.extensions.getExtension('swiss-invoicing.tilbago-debt-collection')!.packageJSON;
    assert.deepEqual(
      manifest.contributes.views.explorer.map((v: { id: string }) => v.id),
      ['tilbago.cases'],
    );
    assert.equal(manifest.contributes.jsonValidation, undefined, "another project's case.json is not ours to check");
    assert.equal(
      manifest.contributes.commands.find((c: { command: string }) => c.command === 'tilbago.submitCase').enablement,
      'isWorkspaceTrusted',
    );
  });

  describe('Test connection', () => {
    it('without a key, offers to set one', async () => {
      const { result, shown } = await run('tilbago.testConnection', {});
      assert.equal(result, undefined);
      assert.match(shown[0]!.message, /No tilbago API key is set/);
      assert.equal(fake.requests.length, 0);
    });

    it('reports an accepted key, naming the host and at most its last 4 characters', async () => {
      await setKey('tb-live-accepted-key-0001');
      const { result, shown } = await run('tilbago.testConnection', {});
      assert.equal(result, 'accepted');
      assert.equal(shown.at(-1)!.message, `tilbago at 127.0.0.1:${fake.port} accepted the API key ending in …0001.`);
      assert.equal(fake.requests.at(-1)!.keyAccepted, true);
      assert.equal(fake.cases.size, 0, 'the check creates nothing');
    });

    it('reports a refused key (401), and offers to set it again', async () => {
      await setKey('tb-live-wrong-key-99999');
      const { result, shown } = await run('tilbago.testConnection', {});
      assert.equal(result, 'unauthorized');
      assert.match(shown.at(-1)!.message, /tilbago refused the API key \(401\)/);
      await setKey('tb-live-accepted-key-0001');
    });

    it('reports a time-out, a reset, a server error and an unreachable host, with the host', async () => {
      fake.inject({ kind: 'delay', ms: 5000 });
      let outcome = await run('tilbago.testConnection', {});
      assert.equal(outcome.result, 'timeout');
      assert.match(outcome.shown.at(-1)!.message, new RegExp(`tilbago at 127\\.0\\.0\\.1:${fake.port} did not answer within 2 s`));

      fake.inject({ kind: 'reset' });
      outcome = await run('tilbago.testConnection', {});
      assert.equal(outcome.result, 'unreachable');
      assert.match(outcome.shown.at(-1)!.message, /could not be reached \(other side closed\)/);

      fake.inject({ kind: 'error500' });
      outcome = await run('tilbago.testConnection', {});
      assert.equal(outcome.result, 'unexpected');
      assert.match(outcome.shown.at(-1)!.message, /tilbago answered with an error \(500\): Internal server error \(injected\)/);

      // (Not the address the settings suite uses: each broken value is warned about once per session.)
      await config().update('apiBaseUrl', 'http://plain-http.example.ch/v1/', Global);
      const before = fake.requests.length;
      outcome = await run('tilbago.testConnection', {});
      assert.equal(outcome.result, undefined);
      assert.ok(
        outcome.shown.some((m) =>
          /Nothing was sent, and the API key stays on this machine: "tilbago\.apiBaseUrl" must start with https:\/\//.test(m.message),
        ),
        outcome.shown.map((m) => m.message).join(' | '),
      );
      assert.equal(fake.requests.length, before);

      const closed = await startFakeTilbago();
      const closedUrl = closed.url;
      await closed.stop();
      await config().update('apiBaseUrl', closedUrl, Global);
      outcome = await run('tilbago.testConnection', {});
      await config().update('apiBaseUrl', fake.url, Global);
      assert.equal(outcome.result, 'unreachable');
      assert.match(outcome.shown.at(-1)!.message, /could not be reached \(ECONNREFUSED\)/);
    });
  });

  describe('New debt-collection case', () => {
    const answers = [
      '2026-0142',
      'Muster SA',
      'CHE-109.322.551 MWST',
      'Avenue de la Gare 12',
      '1003 Lausanne',
      '1234.50',
      '03.08.26',
      '',
      '07.09.2026',
      '05.10.2026',
    ];
    const company = 'A company or other legal person';
    const french = 'French (français)';

    it('scaffolds a case folder from a few questions, with the debtor’s language and the reminder dates, and opens case.json', async () => {
      // Cancelled at the last question: nothing is made, and the proposed reason can be read.
      const { result, opened, pickers, validations } = await run<string>('tilbago.newCase', {
        inputs: [...answers, undefined],
        picks: [company, french],
      });
      assert.equal(result, undefined);
      // While typing, the UID, the amount and each date say what was understood.
      const said = validations.map((v) => (typeof v === 'object' ? v.message : v));
      for (const understood of ['= CHE-109.322.551', "= CHF 1'234.50", '= 03.08.2026', '= 07.09.2026', '= 05.10.2026'])
        assert.ok(said.includes(understood), JSON.stringify(said));
      await assert.rejects(fs.stat(path.join(casesRoot, '2026-0142 Muster SA')), 'cancelling makes nothing');
      // Its own labelled step for each date.
      assert.deepEqual(
        opened.slice(6, 10).map((o) => [o.prompt, o.step]),
        [
          ['Invoice date', 9],
          ['Due date of the invoice (payable by): interest runs from the day after it', 10],
          ['Date of the 1st reminder sent', 11],
          ['Date of the 2nd reminder sent', 12],
        ],
      );
      // The language, asked after the postcode, proposes the region's.
      const language = pickers[1]!;
      assert.deepEqual([language.step, language.totalSteps, language.active], [7, 14, french]);
      assert.deepEqual(language.labels, ['German (Deutsch)', french, 'Italian (italiano)', 'English (a foreign debtor)']);
      assert.equal(language.descriptions[french], 'the language at postcode 1003');
      // The reason in the debtor's language, whatever the editor's.
      assert.equal(opened.length, 11);
      assert.equal(opened.at(-1)!.value, 'Facture n° 2026-0142 du 03.08.2026, rappels du 07.09.2026 et du 05.10.2026');

      const made = await run<string>('tilbago.newCase', {
        inputs: [...answers, opened.at(-1)!.value!],
        picks: [company, french, 'Create the case folder'],
      });
      const folder = made.result!;
      assert.equal(folder, path.join(casesRoot, '2026-0142 Muster SA'));
      const caseJson = JSON.parse(await fs.readFile(path.join(folder, 'case.json'), 'utf8'));
      assert.deepEqual(caseJson.debtor, {
        company: 'Muster SA',
        companyUid: 'CHE-109.322.551',
        preferredLanguage: 'fr',
        address: { street: 'Avenue de la Gare', streetnumber: '12', zip: '1003', city: 'Lausanne' },
      });
      assert.deepEqual(caseJson.claim, {
        amount: 123450,
        reason: 'Facture n° 2026-0142 du 03.08.2026, rappels du 07.09.2026 et du 05.10.2026',
        // Default interest (art. 104 OR) from the 1st reminder: no due date was given.
        interestDateFrom: '2026-09-07',
        interestRate: '5.0',
        collocationClass: '3',
      });
      assert.equal(caseJson.externalRef, '2026-0142');
      assert.equal(caseJson.$schema, '../.schemas/case.schema.json');
      for (const name of ['case.schema.json', 'reminders.schema.json']) {
        const ours = await fs.readFile(path.join(__dirname, '..', '..', '..', 'schemas', name), 'utf8');
        assert.equal(
          await fs.readFile(path.join(casesRoot, '.schemas', name), 'utf8'),
          ours,
          `${name}: this version's copy beside the cases`,
        );
      }
      const remindersText = await fs.readFile(path.join(folder, 'reminders.json'), 'utf8');
      const reminders = JSON.parse(remindersText);
      assert.equal(reminders.$schema, '../.schemas/reminders.schema.json');
      assert.deepEqual(reminders.reminders, { first: '2026-09-07', second: '2026-10-05' });
      // The schedule is computed from the dates and the delays each time, never stored.
      assert.equal('schedule' in reminders, false);
      assert.deepEqual(parseReminders(remindersText), {
        ok: true,
        facts: {
          invoiceNumber: '2026-0142',
          invoiceDate: '2026-08-03',
          amountDueRappen: 123450,
          reminders: { first: '2026-09-07', second: '2026-10-05' },
        },
      });
      assert.ok((await fs.stat(path.join(folder, 'attachments'))).isDirectory());
      await waitFor(
        'case.json in an editor',
        () => vscode.window.activeTextEditor?.document.uri.fsPath === path.join(folder, 'case.json') || undefined,
      );
    });

    it('the UID question checks the mod-11 digit', async () => {
      // The scripted input box throws when its validation refuses an answer; the command wrapper shows that.
      const refused = await run('tilbago.newCase', {
        inputs: ['2026-0143', 'Muster SA', 'CHE-123.456.789 MWST'],
        picks: [company],
      });
      assert.equal(refused.result, undefined);
      assert.match(refused.shown.at(-1)!.message, /The last digit \(check digit\) should be 8/);
    });

    it('refuses an invoice number a case folder has already, at the first question', async () => {
      const before = await fs.readFile(path.join(casesRoot, '2026-0142 Muster SA', 'case.json'), 'utf8');
      const again = await run<string>('tilbago.newCase', {
        inputs: [...answers, 'Facture 2026-0142'],
        picks: [company, french],
      });
      assert.equal(again.result, undefined);
      assert.equal(again.opened.length, 1, 'refused at the first question');
      assert.match(again.shown.at(-1)!.message, /The case folder \\?"2026-0142 Muster SA\\?" has this invoice number already\./);
      assert.equal(await fs.readFile(path.join(casesRoot, '2026-0142 Muster SA', 'case.json'), 'utf8'), before);
    });

    it('says why an amount or a date is refused', async () => {
      const refusal = async (inputs: string[]) =>
        (await run<string>('tilbago.newCase', { inputs, picks: [company, french] })).shown.at(-1)!.message;
      const upTo = ['2026-0199', 'Muster SA', '', 'Avenue de la Gare 12', '1003 Lausanne'];
      assert.match(await refusal([...upTo, '1,234.50']), /Group thousands with ' \(1'234\.50\), not with a comma or a point\./);
      assert.match(await refusal([...upTo, '80', '31.02.2026']), /31\.02\.2026 does not exist in the calendar\./);
      assert.match(await refusal([...upTo, '80', '03.08.2099']), /03\.08\.2099 is in the future/);
      assert.match(await refusal([...upTo, '80', '03.08.2026', '01.08.2026']), /This date is before the invoice date \(03\.08\.2026\)\./);
      assert.match(
        await refusal([...upTo, '80', '03.08.2026', '31.08.2026', '30.08.2026']),
        /This date is before the due date \(31\.08\.2026\): a reminder puts the debtor in default only once the invoice is due\./,
      );
    });

    it('is a multi-step input: Back keeps the answers, and the steps are numbered among those that apply', async () => {
      const { result, opened, pickers } = await run<string>('tilbago.newCase', {
        inputs: ['2026-0160', 'Anna', BACK, BACK, '2026-0160', 'Lac SA', '', 'Rue du Lac 12', undefined],
        picks: ['A natural person', BACK, company],
      });
      assert.equal(result, undefined, 'closed at the postcode: nothing made');
      await assert.rejects(fs.stat(path.join(casesRoot, '2026-0160 Lac SA')));
      // [step, of, Back offered, the box's value when it opened]
      assert.deepEqual(
        opened.map((o) => [o.step, o.totalSteps, o.back, o.value]),
        [
          [1, 14, false, ''],
          [3, 14, true, ''], // first name
          [4, 14, true, ''], // last name: Back
          [3, 14, true, 'Anna'], // first name again, as answered: Back
          [1, 14, false, '2026-0160'], // after Back from the debtor's kind: the invoice number, as answered
          [3, 14, true, ''], // company name
          [4, 14, true, ''], // its UID, a step only for a company: still 4 of 14
          [5, 14, true, ''], // street
          [6, 14, true, ''], // postcode and town: Escape
        ],
      );
      assert.ok(opened.every((o) => o.title === 'New debt-collection case' && o.ignoreFocusOut));
      assert.deepEqual(
        pickers.map((p) => [p.step, p.totalSteps, p.back, p.active]),
        [
          [2, 14, true, undefined],
          [2, 14, true, 'A natural person'], // the answer kept when Back leads here
          [2, 14, true, 'A natural person'],
        ],
      );
      assert.match(opened[1]!.prompt!, /First name/);
      assert.match(opened[5]!.prompt!, /Company name/);
      assert.match(opened[6]!.prompt!, /Company UID/);
    });

    it('ends with a labelled summary: nothing is written before "Create the case folder"; a line picked there changes that answer', async () => {
      const person = ['2026-0161', 'Anna', 'Muster', 'Rue du Lac 12', '1003 Lausanne', '80', '01.09.2026', '', '15.10.2026', '05.11.2026'];
      const reason = 'Facture n° 2026-0161 du 01.09.2026, rappels du 15.10.2026 et du 05.11.2026';
      const picks = ['A natural person', french];
      const escaped = await run<string>('tilbago.newCase', { inputs: [...person, reason], picks: [...picks, undefined] });
      assert.equal(escaped.result, undefined);
      await assert.rejects(fs.stat(path.join(casesRoot, '2026-0161 Muster Anna')), 'Escape at the summary writes nothing');
      const summary = escaped.pickers.at(-1)!;
      assert.deepEqual([summary.step, summary.totalSteps, summary.back], [14, 14, true]);
      assert.equal(summary.labels[0], 'Create the case folder');
      assert.deepEqual(summary.separators, ['Change an answer…']);
      assert.deepEqual(summary.descriptions, {
        'Create the case folder': undefined,
        'Invoice number': '2026-0161',
        Debtor: 'A natural person',
        'First name': 'Anna',
        'Last name': 'Muster',
        'Street and number': 'Rue du Lac 12',
        'Postcode and town': '1003 Lausanne',
        "Debtor's language": french,
        'Amount due': 'CHF 80.00',
        'Invoice date': '01.09.2026',
        'Due date': '(none)',
        '1st reminder': '15.10.2026',
        '2nd reminder': '05.11.2026',
        Reason: reason,
        Interest: '5% a year since 15.10.2026, the default interest (art. 104 OR)',
      });

      const made = await run<string>('tilbago.newCase', {
        inputs: [...person, reason, '980.–'],
        picks: [...picks, 'Amount due', 'Create the case folder'],
      });
      const amountAgain = made.opened.at(-1)!;
      assert.deepEqual([amountAgain.step, amountAgain.value], [8, '80'], 'the amount step, with its answer');
      assert.equal(made.pickers.length, 4, 'straight back to the summary after the change');
      assert.equal(made.pickers.at(-1)!.descriptions['Amount due'], 'CHF 980.00');
      assert.equal(made.result, path.join(casesRoot, '2026-0161 Muster Anna'));
      const caseJson = JSON.parse(await fs.readFile(path.join(made.result!, 'case.json'), 'utf8'));
      assert.deepEqual(caseJson.debtor.name, 'Anna');
      assert.equal(caseJson.claim.amount, 98000);
      assert.equal(caseJson.claim.reason, reason);
      // Taken away again: the cases view's tests count the folders that are there.
      await fs.rm(made.result!, { recursive: true });
    });

    it('a debtor in Lugano: Italian is proposed and written; a foreign debtor’s English letter stays out of what tilbago gets', async () => {
      const person = (invoice: string) => [invoice, 'Anna', 'Muster', 'Via Nassa 5', '6900 Lugano', '80', '01.09.2026', '', '', undefined];
      const asked = await run<string>('tilbago.newCase', {
        inputs: person('2026-0162'),
        picks: ['A natural person', 'Italian (italiano)'],
      });
      assert.equal(asked.pickers[1]!.active, 'Italian (italiano)', 'the language of 6900 proposed');
      assert.equal(
        asked.opened.at(-1)!.value,
        'Fattura n. 2026-0162 del 01.09.2026',
        'the reason in Italian; no 2nd reminder without a 1st',
      );

      const english = await run<string>('tilbago.newCase', {
        inputs: [...person('2026-0163').slice(0, -1), 'Invoice no. 2026-0163 of 01.09.2026'],
        picks: ['A natural person', 'English (a foreign debtor)', 'Create the case folder'],
      });
      const caseJson = JSON.parse(await fs.readFile(path.join(english.result!, 'case.json'), 'utf8'));
      assert.equal(caseJson.letterLanguage, 'en');
      assert.equal('preferredLanguage' in caseJson.debtor, false, 'tilbago takes de, fr or it only');
      await fs.rm(english.result!, { recursive: true });
    });

    it('asks once about a street without a number: add it, or continue without one', async () => {
      const { pickers, opened } = await run<string>('tilbago.newCase', {
        // Added, then the number taken away again and kept so; Back to the street does not ask a third time.
        inputs: ['2026-0164', 'Anna', 'Muster', 'Rue du Lac', 'Rue du Lac 7', BACK, 'Rue du Lac', BACK, 'Rue du Lac', undefined],
        picks: ['A natural person', 'Add the number', 'Continue without a number'],
      });
      const question = pickers[1]!;
      assert.equal(question.placeholder, 'Rue du Lac has no number. Continue without one?');
      assert.deepEqual(question.labels, ['Add the number', 'Continue without a number']);
      assert.equal(opened[4]!.value, 'Rue du Lac', 'the street again, as typed');
      assert.equal(pickers.length, 3, 'not asked again for the street kept without a number');
    });

    it('warns once when the cases folder is in a Git working tree and not ignored; "Add to .gitignore" appends one line', async () => {
      const root = workspaceFolder().uri.fsPath;
      const gitignore = path.join(root, '.gitignore');
      const git = (...args: string[]) =>
        new Promise<number>((resolve) => execFile('git', args, { cwd: root }, (error) => resolve(error ? Number(error.code ?? -1) : 0)));
      // With Git, a real repository and `git check-ignore`; without it, a .git folder, and the .gitignore files read.
      const gitInstalled = (await git('--version')) === 0;
      if (gitInstalled) assert.equal(await git('init', '-q'), 0);
      else await fs.mkdir(path.join(root, '.git'));
      const before = 'node_modules\n# build output\nout';
      await fs.writeFile(gitignore, before);
      const company = (invoice: string) => ({
        inputs: [invoice, 'Muster SA', '', 'Avenue de la Gare 12', '1003 Lausanne', '80', '', '', '', `Invoice ${invoice}`],
        picks: ['A company or other legal person', french, 'Create the case folder'],
        buttons: ['Add to .gitignore'],
      });
      try {
        const first = await run<string>('tilbago.newCase', company('2026-0170'));
        assert.ok(first.result, `the case folder is made first: ${JSON.stringify(first.shown)}`);
        const warnings = first.shown.filter((m) => m.level === 'warning');
        assert.equal(warnings.length, 1, JSON.stringify(first.shown));
        assert.match(
          warnings[0]!.message,
          gitInstalled ? /The cases folder .*cases is inside the Git repository .* and is not ignored/ : /and may not be ignored/,
        );
        assert.match(warnings[0]!.message, /names, addresses and amounts/);
        const added = await waitFor('the line in .gitignore', async () => {
          const text = await fs.readFile(gitignore, 'utf8');
          return text !== before ? text : undefined;
        });
        assert.equal(added, `${before}\n/cases/\n`, 'one line appended, the others untouched');
        if (gitInstalled) assert.equal(await git('check-ignore', '-q', 'cases'), 0, 'Git now ignores the cases folder');

        // The line taken out again: the folder is exposed, but the warning was given once for this folder.
        await fs.writeFile(gitignore, before);
        const second = await run<string>('tilbago.newCase', company('2026-0171'));
        assert.ok(second.result);
        assert.deepEqual(
          second.shown.filter((m) => m.level === 'warning'),
          [],
          'no second warning',
        );
        assert.equal(await fs.readFile(gitignore, 'utf8'), before);
      } finally {
        for (const name of ['2026-0170 Muster SA', '2026-0171 Muster SA'])
          await fs.rm(path.join(casesRoot, name), { recursive: true, force: true });
        await fs.rm(path.join(root, '.git'), { recursive: true, force: true });
        await fs.rm(gitignore, { force: true });
      }
    });

    it('VS Code checks case.json against the schema it names while it is edited; not the case.json of another project', async () => {
      const unrelated = vscode.Uri.file(path.join(workspaceFolder().uri.fsPath, 'other-project', 'case.json'));
      await fs.mkdir(path.dirname(unrelated.fsPath), { recursive: true });
      await fs.writeFile(unrelated.fsPath, '{ "name": "another tool", "steps": [1, 2] }\n');
      await vscode.window.showTextDocument(unrelated, { preview: false });
      const uri = vscode.Uri.file(path.join(casesRoot, '2026-0142 Muster SA', 'case.json'));
      const editor = await vscode.window.showTextDocument(uri);
      // The user empties the street, unsaved.
      const text = editor.document.getText();
      const street = text.indexOf('"Avenue de la Gare"');
      await editor.edit((edit) =>
        edit.replace(
          new vscode.Range(editor.document.positionAt(street), editor.document.positionAt(street + '"Avenue de la Gare"'.length)),
          '""',
        ),
      );
      // Both check it: VS Code's JSON service by the schema the file names, and the extension by its own rules.
      const diagnostics = await waitFor(
        'the diagnostics of the schema and of the extension',
        () => {
          const found = vscode.languages.getDiagnostics(uri);
          const bySchema = found.some((d) => /String is shorter than the minimum length of 1/i.test(d.message));
          return bySchema && found.some((d) => d.source === 'tilbago') ? found : undefined;
        },
        20_000,
      );
      assert.ok(
        diagnostics.some((d) => d.source === 'tilbago' && /\(debtor\.address\.street\)/.test(d.message)),
        diagnostics.map((d) => d.message).join(' | '),
      );
      // The JSON service has run meanwhile; the other project's file, open since before, has nothing from us.
      assert.deepEqual(
        vscode.languages.getDiagnostics(unrelated).map((d) => d.message),
        [],
      );
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });
  });

  describe('Submit debt-collection request', () => {
    it('names every problem of an invalid case in the Problems panel, at its place, and sends nothing', async () => {
      const folder = await caseFolder('bad', {
        ...validCase(),
        externalRef: 'bad',
        claim: { ...validCase().claim, amount: 12.5, collocationClass: '4' },
        debtor: { ...validCase().debtor, companyUid: 'CHE-123.456.789', company: 'X' },
      });
      const before = fake.requests.length;
      const { result, shown } = await run(
        'tilbago.submitCase',
        { buttons: ['File request'] },
        vscode.Uri.file(path.join(folder, 'case.json')),
      );
      assert.equal(result, 'invalid');
      assert.equal(shown[0]!.message, 'Nothing was sent: case.json has 3 problems, listed in the Problems panel.');
      const caseUri = vscode.Uri.file(path.join(folder, 'case.json'));
      const text = await fs.readFile(caseUri.fsPath, 'utf8');
      const at = (needle: string) => {
        const offset = text.indexOf(needle);
        const before = text.slice(0, offset).split('\n');
        return [before.length - 1, before.at(-1)!.length];
      };
      const diagnostics = vscode.languages
        .getDiagnostics(caseUri)
        .map((d) => [d.message, d.range.start.line, d.range.start.character, d.source])
        .sort((a, b) => Number(a[1]) - Number(b[1]));
      assert.deepEqual(
        diagnostics,
        [
          ["The company's UID (debtor.companyUid) fails the check digit (it should end in 8)", ...at('"CHE-123.456.789"'), 'tilbago'],
          ["The amount (claim.amount) must be a whole number of Rappen above 0, e.g. 123450 for CHF 1'234.50", ...at('12.5'), 'tilbago'],
          ['The collocation class (claim.collocationClass) must be "1", "2" or "3"', ...at('"4"'), 'tilbago'],
        ].sort((a, b) => Number(a[1]) - Number(b[1])),
      );
      assert.equal(fake.requests.length, before);
      await assert.rejects(fs.stat(path.join(folder, 'submission.json')));
    });

    it('files the case and its attachments once, records it, and never sends it again', async () => {
      const folder = await caseFolder('INV-100');
      const { result, shown } = await run('tilbago.submitCase', { buttons: ['File request'] }, vscode.Uri.file(folder));
      assert.equal(result, 'complete');
      const filed = fake.casesWithRef('INV-100');
      assert.equal(filed.length, 1);
      const saved = await record(folder);
      assert.equal(saved.state, 'complete');
      assert.equal(saved.caseId, filed[0]!.id);
      assert.deepEqual(
        saved.attachments.map((a) => [a.file, a.state]),
        [['facture.pdf', 'sent']],
      );
      assert.match(shown.at(-1)!.message, new RegExp(`Filed at tilbago: case id ${filed[0]!.id}, with 1 attachment\\.$`));

      const before = fake.requests.length;
      const again = await run('tilbago.submitCase', { buttons: ['File request'] }, vscode.Uri.file(folder));
      assert.equal(again.result, 'alreadyComplete');
      assert.equal(fake.requests.length, before, 'nothing sent');
      assert.deepEqual(await api.caseState(vscode.Uri.file(folder)), await record(folder));
    });

    it('after a crash between the PUT and the record, the retry asks, finds the case, and files no second one', async () => {
      const folder = await caseFolder('INV-200');
      // The process died after tilbago created the case, before the answer was written down.
      const created = await new TilbagoClient({ baseUrl: fake.url, apiKey: 'tb-live-accepted-key-0001', timeoutMs: 2000 }).createCase({
        ...validCase(),
        externalRef: 'INV-200',
      });
      assert.ok(created.ok);
      const dead = {
        version: 2,
        externalRef: 'INV-200',
        state: 'sending',
        attemptStartedAt: '2026-11-27T09:00:00.000Z',
        updatedAt: '2026-11-27T09:00:00.000Z',
        attachments: [],
      };
      await fs.writeFile(path.join(folder, 'submission.json'), JSON.stringify(dead));

      const declined = await run('tilbago.submitCase', {}, vscode.Uri.file(folder));
      assert.equal(declined.result, 'cancelled');
      assert.match(declined.shown[0]!.message, /File a debt-collection request at tilbago\?/);
      assert.match(declined.shown[0]!.detail ?? '', /An earlier attempt \(.*\) stopped before tilbago's answer was recorded/);

      // Send again → tilbago refuses the duplicate → enter the case id → the attachments go. The answers stay
      // scripted until the end: the last steps follow from clicks on messages, after the command returned.
      const ui = scriptUi({ buttons: ['File request', 'Enter case id', 'Send attachments'], inputs: [created.value.caseId] });
      try {
        assert.equal(await vscode.commands.executeCommand('tilbago.submitCase', vscode.Uri.file(folder)), 'duplicate');
        await waitFor('the attachments to be sent', async () => ((await record(folder)).state === 'complete' ? true : undefined));
      } finally {
        ui.restore();
      }
      assert.ok(ui.shown.some((m) => /tilbago already has a case with the reference "INV-200"/.test(m.message)));
      const filed = fake.casesWithRef('INV-200');
      assert.equal(filed.length, 1, 'still exactly one case');
      assert.equal((await record(folder)).caseId, created.value.caseId);
      assert.deepEqual(
        filed[0]!.attachments.map((a) => a.fileName),
        ['facture.pdf'],
      );
    });

    it('a lost answer and a time-out leave a truthful record; the retry files nothing twice', async () => {
      const folder = await caseFolder('INV-300');
      fake.inject({ method: 'PUT', path: /^case$/, kind: 'storeThenReset' });
      const lost = await run('tilbago.submitCase', { buttons: ['File request'] }, vscode.Uri.file(folder));
      assert.equal(lost.result, 'uncertain');
      assert.match(lost.shown.at(-1)!.message, /could not be reached \(other side closed\)\. tilbago may or may not have created the case/);
      const saved = await record(folder);
      assert.equal(saved.state, 'uncertain');
      assert.ok(
        saved.lastError?.error.kind === 'unreachable' && /other side closed/.test(saved.lastError.error.cause),
        JSON.stringify(saved.lastError),
      );

      const folder2 = await caseFolder('INV-301');
      fake.inject({ method: 'PUT', path: /^case$/, kind: 'storeThenDelay', ms: 4000 });
      const slow = await run('tilbago.submitCase', { buttons: ['File request'] }, vscode.Uri.file(folder2));
      assert.equal(slow.result, 'uncertain');
      assert.match(slow.shown.at(-1)!.message, /did not answer within 2 s/);
      assert.equal((await record(folder2)).lastError!.error.kind, 'timeout');

      const retried = await run('tilbago.submitCase', { buttons: ['File request'] }, vscode.Uri.file(folder));
      assert.equal(retried.result, 'duplicate');
      assert.equal(fake.casesWithRef('INV-300').length, 1);
    });

    it('retries only a failed attachment', async () => {
      const folder = await caseFolder('INV-400');
      await fs.writeFile(path.join(folder, 'attachments', 'rappel-3.pdf'), '%PDF rappel');
      fake.inject({ path: /attachment$/, kind: 'answer', status: 400, body: { message: 'Not a PDF' } });
      const first = await run('tilbago.submitCase', { buttons: ['File request'] }, vscode.Uri.file(folder));
      assert.equal(first.result, 'attachmentsFailed');
      assert.match(first.shown.at(-1)!.message, /but these attachments are not, or not surely: facture\.pdf\. Submit again to send them/);
      const second = await run('tilbago.submitCase', { buttons: ['File request'] }, vscode.Uri.file(folder));
      assert.equal(second.result, 'complete');
      assert.deepEqual(
        fake
          .casesWithRef('INV-400')[0]!
          .attachments.map((a) => a.fileName)
          .sort(),
        ['facture.pdf', 'rappel-3.pdf'],
      );
    });

    it('refuses a refused key and a short balance with what to do, and files after the fix', async () => {
      const folder = await caseFolder('INV-500');
      fake.setInsufficientBalance(true);
      const poor = await run('tilbago.submitCase', { buttons: ['File request'] }, vscode.Uri.file(folder));
      fake.setInsufficientBalance(false);
      assert.equal(poor.result, 'notCreated');
      assert.match(poor.shown.at(-1)!.message, /insufficient \(402\)\. Top it up on tilbago/);
      assert.equal((await record(folder)).state, 'notCreated');
      assert.equal(
        await api.submitCase(vscode.Uri.file(folder), { confirmFiling: false }),
        'complete',
        'through the public API too, told that its caller asked',
      );
      assert.equal(fake.casesWithRef('INV-500').length, 1);
    });
  });

  describe('the Rappel 3 rules and the Problems panel', () => {
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    const withReminders = async (name: string, reminders: object) => {
      const folder = await caseFolder(name);
      await fs.writeFile(path.join(folder, 'reminders.json'), JSON.stringify(reminders, null, 2));
      return folder;
    };

    it('a case before its litigation date is filed only when the user says so, knowing the date', async () => {
      // The 3rd reminder went out 3 days ago: with 15 days before collection, litigation is 12 days away.
      const folder = await withReminders('INV-600', {
        invoiceNumber: 'INV-600',
        amountDue: "CHF 1'234.50",
        reminders: { first: daysAgo(40), second: daysAgo(20), third: daysAgo(3) },
      });
      await setKey('tb-live-accepted-key-0001');
      const before = fake.requests.length;
      const litigation = new Date(Date.now() + 12 * 86_400_000).toISOString().slice(0, 10).split('-').reverse().join('.');
      const declined = await run('tilbago.submitCase', { buttons: ['Open reminders.json'] }, vscode.Uri.file(folder));
      assert.equal(declined.result, 'cancelled');
      const sent = daysAgo(3).split('-').reverse().join('.');
      assert.equal(
        declined.shown[0]!.message,
        `INV-600 is not a litigation case yet: its 3rd reminder went out on ${sent}, and by the Rappel 3 delays it becomes one on ${litigation}. File it now anyway?`,
      );
      assert.equal(fake.requests.length, before, 'nothing sent');
      assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, path.join(folder, 'reminders.json'), 'the dates to review');
      const filed = await run('tilbago.submitCase', { buttons: ['File it now', 'File request'] }, vscode.Uri.file(folder));
      assert.equal(filed.result, 'complete');
      assert.equal(fake.casesWithRef('INV-600').length, 1);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('a case whose 3rd reminder was never sent: the question says so and names no date as if it were to come', async () => {
      // The 2nd reminder 60 days ago: the 3rd has been due for weeks, and was never sent.
      const folder = await withReminders('INV-610', {
        invoiceNumber: 'INV-610',
        amountDue: "CHF 1'234.50",
        reminders: { first: daysAgo(90), second: daysAgo(60) },
      });
      const due = addDays(daysAgo(60), vscode.workspace.getConfiguration('tilbago').get<number>('thirdReminder.daysAfterSecondReminder')!);
      const declined = await run('tilbago.submitCase', {}, vscode.Uri.file(folder));
      assert.equal(declined.result, 'cancelled');
      assert.equal(
        declined.shown[0]!.message,
        `INV-610 is not a litigation case yet: its 3rd reminder has not been sent (due since ${formatSwissDate(due)}). File it now anyway?`,
      );
      assert.match(declined.shown[0]!.detail!, /Record the day it went out with "Record the 3rd reminder as sent"/);
      for (const date of declined.shown[0]!.message.match(/\d{2}\.\d{2}\.\d{4}/g) ?? []) {
        assert.ok(date.split('.').reverse().join('-') <= today(), `${date} is not named as a day to come`);
      }
      // Not left for the view's tests that follow.
      await fs.rm(folder, { recursive: true });
    });

    it('shows no progress until the user confirmed the filing', async () => {
      const folder = await caseFolder('INV-620');
      await setKey('tb-live-accepted-key-0001');
      const events: string[] = [];
      const execute = vscode.window.withProgress;
      const progress = stub(vscode.window, 'withProgress', ((options: vscode.ProgressOptions, task: any) => {
        events.push(`progress: ${options.title}`);
        return execute.call(vscode.window, options, task);
      }) as any);
      const ui = recordMessages((message, buttons) => {
        events.push(`asked: ${message}`);
        return buttons.includes('File request') ? 'File request' : undefined;
      });
      try {
        assert.equal(await vscode.commands.executeCommand('tilbago.submitCase', vscode.Uri.file(folder)), 'complete');
      } finally {
        ui.restore();
        progress.restore();
      }
      const asked = events.findIndex((e) => e.startsWith('asked: File a debt-collection request'));
      const shown = events.indexOf('progress: Submitting INV-620 to tilbago');
      assert.ok(asked >= 0 && shown > asked, events.join('\n'));
      await fs.rm(folder, { recursive: true });
    });

    it('Submit all ready cases: one confirmation for all, each filed once, cancellable between cases, and a summary', async () => {
      for (const name of ['INV-901', 'INV-902', 'INV-903']) await caseFolder(name);
      await setKey('tb-live-accepted-key-0001');
      // Cancel as soon as the first case is done: the one beside it finishes, the third is never started.
      const reports: { message?: string }[] = [];
      const progress = stub(vscode.window, 'withProgress', ((options: vscode.ProgressOptions, task: any) => {
        assert.equal(options.cancellable, true);
        const cancel = new vscode.CancellationTokenSource();
        return task(
          {
            report: (value: { message?: string }) => {
              reports.push(value);
              cancel.cancel();
            },
          },
          cancel.token,
        );
      }) as any);
      let first: Awaited<ReturnType<typeof run<{ filed: number; notStarted: number }>>>;
      try {
        first = await run<{ filed: number; notStarted: number }>('tilbago.submitAllReady', {
          picks: ['INV-901|INV-902|INV-903'],
          buttons: ['File 3 cases'],
        });
      } finally {
        progress.restore();
      }
      const question = first.shown.find((m) => m.message.startsWith('File 3 cases'))!;
      assert.equal(
        question.message,
        "File 3 cases at tilbago, CHF 3'703.50 in all? Each is a debt-collection request: a legal step, with a fee.",
      );
      assert.equal(question.buttons?.[0], 'Review the list', 'the focused first button files nothing');
      assert.deepEqual([first.result!.filed, first.result!.notStarted], [2, 1]);
      assert.match(reports[0]!.message!, /^1 of 3: INV-90[12]$/);
      assert.match(first.shown.at(-1)!.message, /^Filed: 2 cases\. Cancelled before 1 case\.$/);
      assert.deepEqual(
        ['INV-901', 'INV-902', 'INV-903'].map((ref) => fake.casesWithRef(ref).length),
        [1, 1, 0],
      );

      // Again: only the one left is ready now; the filed ones are never offered or sent again.
      const second = await run<{ filed: number }>('tilbago.submitAllReady', {
        picks: ['INV-901|INV-902|INV-903'],
        buttons: ['File 1 case'],
      });
      assert.equal(second.result!.filed, 1);
      assert.deepEqual(
        ['INV-901', 'INV-902', 'INV-903'].map((ref) => fake.casesWithRef(ref).length),
        [1, 1, 1],
      );
    });

    it('Submit all stops at a refused key: only the cases in flight are asked, the rest are not started', async () => {
      const refs = ['INV-911', 'INV-912', 'INV-913', 'INV-914', 'INV-915', 'INV-916'];
      const folders = [];
      for (const name of refs) folders.push(await caseFolder(name));
      await setKey('tb-live-wrong-key-99999');
      const before = fake.requests.length;
      try {
        const { result, shown } = await run<{ filed: number; notStarted: number; stopped?: string }>('tilbago.submitAllReady', {
          picks: [refs.join('|')],
          buttons: ['File 6 cases'],
        });
        const asked = fake.requests.slice(before).filter((r) => r.method === 'PUT' && r.path === 'case');
        assert.ok(asked.length >= 1 && asked.length <= 2, `${asked.length} cases asked`);
        assert.equal(result!.stopped, 'keyRefused');
        assert.equal(result!.filed, 0);
        assert.equal(result!.notStarted, refs.length - asked.length);
        assert.match(
          shown.at(-1)!.message,
          /^Stopped: tilbago refused the API key \(401\), for every case\. Set the key again, then submit all ready cases again\. Filed: 0 cases\. .*Not started: [45] cases\.$/,
        );
        assert.deepEqual(
          refs.map((ref) => fake.casesWithRef(ref).length),
          [0, 0, 0, 0, 0, 0],
        );
      } finally {
        await setKey('tb-live-accepted-key-0001');
        for (const folder of folders) await fs.rm(folder, { recursive: true, force: true });
      }
    });

    it('Validate all cases puts the problems of every case folder in the Problems panel, reminders.json included', async () => {
      const folder = await withReminders('INV-700', {
        invoiceNumber: 'INV-700',
        amountDue: 'CHF 12,50',
        reminders: { first: '2026-09-07', second: '2026-09-01' },
      });
      const { result, shown } = await run<{ cases: number; problems: number; casesWithProblems: number }>('tilbago.validateAllCases', {});
      assert.ok(result!.problems >= 2, JSON.stringify(result));
      assert.match(shown.at(-1)!.message, /^\d+ problems in \d+ cases\.$/);
      const reminders = vscode.Uri.file(path.join(folder, 'reminders.json'));
      const messages = vscode.languages.getDiagnostics(reminders).map((d) => `${d.range.start.line}:${d.message}`);
      assert.deepEqual(messages.sort(), [
        `2:The amount due (amountDue) must be an amount in CHF such as "CHF 1'234.50", or whole Rappen`,
        "5:The 2nd reminder's date (reminders.second) is before reminders.first; the dates go invoice, due date, 1st, 2nd, 3rd reminder",
      ]);
      await fs.rm(folder, { recursive: true });
      await run('tilbago.validateAllCases', {});
    });

    it('names each problem as a back-office user knows the field, its JSON path beside it', async () => {
      const { debtor, ...rest } = validCase();
      const folder = await caseFolder('INV-750', {
        ...rest,
        externalRef: 'INV-750',
        certificateOfLoss: 'yes',
        debtor: { ...debtor, address: { ...debtor.address, zip: 1003 } },
        claim: { ...validCase().claim, amount: '1234.50' },
      });
      await run('tilbago.validateAllCases', {});
      const messages = vscode.languages.getDiagnostics(vscode.Uri.file(path.join(folder, 'case.json'))).map((d) => d.message);
      assert.deepEqual(
        messages.sort(),
        [
          'The postcode (debtor.address.zip) must be text in double quotes ("…")',
          "The amount (claim.amount) must be a whole number of Rappen above 0, e.g. 123450 for CHF 1'234.50",
          'The certificate of loss (certificateOfLoss) must be true or false, without quotes',
        ].sort(),
      );
      await fs.rm(folder, { recursive: true });
      await run('tilbago.validateAllCases', {});
    });

    it('problems follow a case.json as it is typed, and the saved file once closed', async () => {
      const folder = await caseFolder('INV-800');
      const uri = vscode.Uri.file(path.join(folder, 'case.json'));
      const editor = await vscode.window.showTextDocument(uri);
      assert.deepEqual(vscode.languages.getDiagnostics(uri), [], 'a valid case');
      const text = editor.document.getText();
      const amount = text.indexOf('123450');
      await editor.edit((edit) =>
        edit.replace(new vscode.Range(editor.document.positionAt(amount), editor.document.positionAt(amount + 6)), '-5'),
      );
      const typed = await waitFor('a problem while typing', () => {
        const found = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'tilbago');
        return found.length ? found : undefined;
      });
      assert.equal(typed[0]!.message, "The amount (claim.amount) must be a whole number of Rappen above 0, e.g. 123450 for CHF 1'234.50");
      assert.deepEqual(
        [typed[0]!.range.start.line, typed[0]!.range.start.character],
        [editor.document.positionAt(amount).line, editor.document.positionAt(amount).character],
      );
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await waitFor(
        'the saved (valid) file to count again',
        () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'tilbago').length === 0 || undefined,
      );
    });
  });

  describe('Refresh case status and the cases view', () => {
    it('records the latest status of every filed case', async () => {
      const filed = fake.casesWithRef('INV-100')[0]!;
      fake.setStatus(filed.id, { statusCode: '100', description: 'Zahlungsbefehl zugestellt', eSchKGCode: '01' });
      const { result, shown } = await run<{ updated: number; failed: number }>('tilbago.refreshStatus', {});
      assert.ok(result!.updated >= 4, JSON.stringify(result));
      assert.equal(result!.failed, 0);
      assert.match(shown.at(-1)!.message, /^Status updated for \d+ cases\.( A new status for \d+ cases?\.)?$/);
      const saved = await record(path.join(casesRoot, 'INV-100'));
      assert.equal(saved.status?.description, 'Zahlungsbefehl zugestellt');
      assert.equal(saved.status?.eSchKGCode, '01');
      assert.ok(Date.now() - Date.parse(saved.status!.checkedAt) < 60_000);
    });

    it('the view groups the case folders by stage, with counts, and opens their files', async () => {
      const configuration = new TilbagoConfiguration();
      const changed = new vscode.EventEmitter<void>();
      const tree = new CasesTree(configuration, changed.event);
      const readyCounts: number[] = [];
      const counted = tree.onDidChangeReadyCount((ready) => readyCounts.push(ready));
      try {
        const stages = await tree.getChildren();
        const groups = stages.map((node) => [tree.getTreeItem(node).label, tree.getTreeItem(node).description]);
        assert.deepEqual(
          groups.map(([label]) => label),
          ['Needs attention', 'Ready for tilbago', '3rd reminder due', 'Waiting', 'Filed at tilbago'].filter((label) =>
            groups.some(([l]) => l === label),
          ),
          'in the order of what needs doing first',
        );
        const cases = (await Promise.all(stages.map((stage) => tree.getChildren(stage)))).flat();
        for (const [label, count] of groups) {
          const stage = stages.find((node) => tree.getTreeItem(node).label === label)!;
          const n = (await tree.getChildren(stage)).length;
          assert.equal(count, n === 1 ? '1 case' : `${n} cases`, `${label}: its count`);
        }
        const ready = stages.find((node) => tree.getTreeItem(node).label === 'Ready for tilbago');
        assert.deepEqual(readyCounts, [ready ? (await tree.getChildren(ready)).length : 0], 'the badge counts the ready cases');
        const items = new Map(cases.map((node) => [tree.getTreeItem(node).label, tree.getTreeItem(node)]));
        // New case made it with its 1st and 2nd reminders: the 3rd is due 10 days after the 2nd (05.10.2026).
        assert.equal(items.get('2026-0142 Muster SA')!.description, '3rd reminder due since 15.10.2026');
        assert.ok(items.has('INV-100') && items.has('bad') && items.has('2026-0142 Muster SA'), [...items.keys()].join());
        assert.match(String(items.get('INV-100')!.description), /^filed · Zahlungsbefehl zugestellt$/);
        assert.equal(
          items.get('bad')!.description,
          'needs attention · 3 problems',
          'a case with problems in its files is not shown as ready',
        );
        assert.equal((items.get('bad')!.iconPath as vscode.ThemeIcon).id, 'warning');
        assert.equal(items.get('INV-300')!.description, 'needs the case id');
        const files = await tree.getChildren(cases.find((node) => tree.getTreeItem(node).label === 'INV-400'));
        const labels = files.map((node) => path.basename((tree.getTreeItem(node).resourceUri as vscode.Uri).fsPath));
        assert.deepEqual(labels, ['case.json', 'submission.json', 'facture.pdf', 'rappel-3.pdf']);
        assert.equal(tree.getTreeItem(files[0]!).command?.command, 'vscode.open');

        // A delay changed in settings.json moves the case at once: the view is told to refresh, and lists it anew.
        const refreshed = new Promise<void>((resolve) => {
          const once = tree.onDidChangeTreeData(() => {
            once.dispose();
            resolve();
          });
        });
        await config().update('thirdReminder.daysAfterSecondReminder', 365, vscode.ConfigurationTarget.Workspace);
        await refreshed;
        const waiting = (await tree.getChildren()).find((node) => tree.getTreeItem(node).label === 'Waiting');
        assert.ok(waiting, 'a Waiting group');
        const moved = (await tree.getChildren(waiting)).map((node) => [tree.getTreeItem(node).label, tree.getTreeItem(node).description]);
        assert.deepEqual(moved, [['2026-0142 Muster SA', 'waiting — 3rd reminder from 05.10.2027']]);

        // A file written by other code (an invoicing run) is seen by the watcher: that folder is read again.
        await fs.writeFile(
          path.join(casesRoot, 'INV-800', 'reminders.json'),
          JSON.stringify({ invoiceNumber: 'INV-800', amountDue: 'CHF 80', reminders: { first: '2026-09-07', second: '2026-10-05' } }),
        );
        await waitFor('INV-800 to move by its new reminders.json', async () => {
          const listed = (await Promise.all((await tree.getChildren()).map((stage) => tree.getChildren(stage)))).flat();
          const inv800 = listed.find((node) => tree.getTreeItem(node).label === 'INV-800');
          return inv800 && tree.getTreeItem(inv800).description === 'waiting — 3rd reminder from 05.10.2027';
        });
      } finally {
        await config().update('thirdReminder.daysAfterSecondReminder', undefined, vscode.ConfigurationTarget.Workspace);
        counted.dispose();
        tree.dispose();
        configuration.dispose();
        changed.dispose();
      }
    });
  });
});
