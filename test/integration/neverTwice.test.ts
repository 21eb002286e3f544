// "Never twice" as a user meets it: the Submit and Refresh commands and the public API in the real extension
// host, on case folders in the workspace, against the fake tilbago running in this process. Each test is one
// thing a user would notice: a case or an attachment filed twice, a record that lies, a question not asked.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TilbagoApi } from '../../src/api';
import { SUBMISSION_FILE } from '../../src/cases/model/files';
import type { SubmissionRecord } from '../../src/cases/model/record';
import type { FakeTilbago } from '../fake-tilbago/server.mjs';
import { validCase, writeCaseFolder } from '../fixtures/cases';
import {
  recordMessages,
  runScripted,
  scriptUi,
  waitFor,
  type ShownMessage,
  type UiScript,
  stopUsingFakeTilbago,
  useFakeTilbago,
} from './helpers';

const config = () => vscode.workspace.getConfiguration('tilbago');
const Global = vscode.ConfigurationTarget.Global;
const KEY = 'tb-live-never-twice-0002';
const FILING_QUESTION = /^File a debt-collection request at tilbago\?/;
const RESEND_QUESTION = /^tilbago did not clearly answer for these attachments/;
const FILE = 'File request';

const list = (shown: readonly ShownMessage[]) => shown.map((m) => `[${m.level}${m.modal ? ', modal' : ''}] ${m.message}`).join(' | ');

/** The one modal that asked before filing. */
function filingQuestion(shown: readonly ShownMessage[]): ShownMessage {
  const asked = shown.filter((m) => FILING_QUESTION.test(m.message));
  assert.equal(asked.length, 1, `one question before filing, shown: ${list(shown)}`);
  assert.equal(asked[0]!.modal, true, 'the question is a modal dialog');
  return asked[0]!;
}

describe('never twice, in the editor', () => {
  let api: TilbagoApi;
  let fake: FakeTilbago;
  let casesRoot: string;

  /** A valid case folder named after its reference, with an invoice and a reminder attached. */
  const newCase = (
    ref: string,
    change: object = {},
    attachments: Record<string, string> = { 'facture.pdf': `%PDF facture ${ref}`, 'rappel-3.pdf': `%PDF rappel ${ref}` },
  ) => writeCaseFolder(path.join(casesRoot, ref), { ...validCase(), externalRef: ref, ...change }, attachments);
  const readRecord = async (folder: string) =>
    JSON.parse(await fs.readFile(path.join(folder, SUBMISSION_FILE), 'utf8')) as SubmissionRecord;
  const hasRecord = (folder: string) =>
    fs.access(path.join(folder, SUBMISSION_FILE)).then(
      () => true,
      () => false,
    );
  const submit = (folder: string, script: UiScript = {}) => runScripted<string>('tilbago.submitCase', script, vscode.Uri.file(folder));
  const fileNames = (ref: string) =>
    fake
      .casesWithRef(ref)
      .flatMap((c) => c.attachments.map((a) => a.fileName))
      .sort();
  /** The requests tilbago receives from now on. */
  const watchRequests = () => {
    const start = fake.requests.length;
    return () => fake.requests.slice(start).map((r) => `${r.method} ${r.path}`);
  };

  before(async () => {
    ({ api, fake, casesRoot } = await useFakeTilbago({ key: KEY, casesFolder: 'never-twice' }));
    assert.equal(await api.isApiKeySet(), true);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await stopUsingFakeTilbago({ fake, casesRoot });
  });

  afterEach(() => fake.clearFaults());

  it('Submit run twice at once files the case once; the other says a submission of this case is running', async () => {
    const folder = await newCase('TWICE-1');
    const sent = watchRequests();
    // The first to ask keeps its question open until the other command has shown something, as a user still
    // reading it would: the other must not get as far as asking too.
    const messages = recordMessages(async (_message, buttons) => {
      if (!buttons.includes(FILE)) return undefined;
      await waitFor('the other Submit to show something', () => messages.shown.length > 1 || undefined, 5000).catch(() => undefined);
      return FILE;
    });
    let outcomes: (string | undefined)[];
    try {
      outcomes = await Promise.all([1, 2].map(() => vscode.commands.executeCommand<string>('tilbago.submitCase', vscode.Uri.file(folder))));
    } finally {
      messages.restore();
    }
    assert.deepEqual([...outcomes].sort(), ['busy', 'complete'], list(messages.shown));
    filingQuestion(messages.shown);
    assert.ok(
      messages.shown.some(
        (m) =>
          m.level === 'warning' &&
          /^Nothing was sent: A submission of this case is running in this or another VS Code window/.test(m.message),
      ),
      list(messages.shown),
    );
    assert.equal(fake.casesWithRef('TWICE-1').length, 1);
    assert.deepEqual(fileNames('TWICE-1'), ['facture.pdf', 'rappel-3.pdf'], 'each attachment once');
    assert.equal(sent().filter((r) => r === 'PUT case').length, 1, 'one request to create the case');

    const again = await submit(folder, { buttons: [FILE] });
    assert.equal(again.result, 'alreadyComplete', 'the case is free again, and known as filed');
  });

  it('Refresh case status during a slow attachment upload keeps the record complete; a later Submit sends nothing', async () => {
    const folder = await newCase('SLOW-1');
    fake.inject({ method: 'PUT', path: /attachment$/, kind: 'delay', ms: 1500 });
    const ui = scriptUi({ buttons: [FILE] });
    try {
      const submitting = vscode.commands.executeCommand<string>('tilbago.submitCase', vscode.Uri.file(folder));
      const caseId = await waitFor('the case to be created', () => fake.casesWithRef('SLOW-1')[0]?.id);
      await waitFor(
        'the first attachment upload to start',
        () => fake.requests.some((r) => r.path === `case/${caseId}/attachment`) || undefined,
      );
      const refreshed = await vscode.commands.executeCommand<{ updated: number; failed: number }>('tilbago.refreshStatus');
      assert.equal(await submitting, 'complete');
      assert.equal(refreshed?.failed, 0, list(ui.shown));
    } finally {
      ui.restore();
    }
    const saved = await readRecord(folder);
    assert.equal(saved.state, 'complete');
    assert.deepEqual(
      saved.attachments.map((a) => [a.file, a.state]),
      [
        ['facture.pdf', 'sent'],
        ['rappel-3.pdf', 'sent'],
      ],
    );
    assert.equal(saved.status?.description, 'The case has to be reviewed before it is submitted', 'the refreshed status is kept too');

    const sent = watchRequests();
    const again = await submit(folder, { buttons: [FILE, 'Send again'] });
    assert.equal(again.result, 'alreadyComplete');
    assert.deepEqual(sent(), []);
    assert.deepEqual(fileNames('SLOW-1'), ['facture.pdf', 'rappel-3.pdf']);
  });

  it('a filed folder copied as a template is not sent until its old record is set aside; then only the new case goes', async () => {
    const original = await newCase('TPL-1');
    assert.equal((await submit(original, { buttons: [FILE] })).result, 'complete');
    const oldCase = fake.casesWithRef('TPL-1')[0]!;
    const oldRecordText = await fs.readFile(path.join(original, SUBMISSION_FILE), 'utf8');

    // Copied with everything in it, submission.json too; then made into another case.
    const copy = path.join(casesRoot, 'TPL-2');
    await fs.cp(original, copy, { recursive: true });
    const company = { company: 'Muster Bau AG', companyUid: 'CHE-109.322.551', address: validCase().debtor.address };
    await fs.writeFile(
      path.join(copy, 'case.json'),
      JSON.stringify(
        { ...validCase(), externalRef: 'TPL-2', debtor: company, claim: { ...validCase().claim, amount: 9_876_540 } },
        null,
        2,
      ),
    );
    await fs.rm(path.join(copy, 'attachments'), { recursive: true });
    await fs.mkdir(path.join(copy, 'attachments'));
    await fs.writeFile(path.join(copy, 'attachments', 'facture-2.pdf'), '%PDF facture TPL-2');
    const sent = watchRequests();

    const dismissed = await submit(copy);
    assert.equal(dismissed.result, 'recordMismatch');
    assert.match(
      dismissed.shown[0]!.message,
      /^Nothing was sent: submission\.json records the case "TPL-1", but case\.json is now the case "TPL-2"/,
    );
    assert.deepEqual(sent(), []);
    assert.equal(await fs.readFile(path.join(copy, SUBMISSION_FILE), 'utf8'), oldRecordText, 'the record is left as it was');

    // The answers stay scripted until the end: set aside, Submit and File request follow from clicks after the command returned.
    const ui = scriptUi({ buttons: ['Set the old record aside', 'Submit', FILE] });
    try {
      assert.equal(await vscode.commands.executeCommand('tilbago.submitCase', vscode.Uri.file(copy)), 'recordMismatch');
      await waitFor(
        'the copy to be filed as TPL-2',
        async () => {
          const saved = (await hasRecord(copy)) ? await readRecord(copy) : undefined;
          return saved?.externalRef === 'TPL-2' && saved.state === 'complete';
        },
        15_000,
      );
    } finally {
      ui.restore();
    }
    const setAside = (await fs.readdir(copy)).filter((name) => /^submission\.set-aside-.+\.json$/.test(name));
    assert.equal(setAside.length, 1, (await fs.readdir(copy)).join(', '));
    assert.equal(await fs.readFile(path.join(copy, setAside[0]!), 'utf8'), oldRecordText, 'the old record is kept unchanged');
    assert.ok(
      ui.shown.some((m) => m.message === `The old record is kept as ${setAside[0]}. Submit "TPL-2" now?`),
      list(ui.shown),
    );
    const question = filingQuestion(ui.shown);
    for (const named of ['Muster Bau AG', "CHF 98'765.40", 'facture-2.pdf'])
      assert.ok(question.detail?.includes(named), `${named} in ${question.detail}`);
    assert.ok(!question.detail?.includes('rappel-3.pdf'), 'the old attachments are not named');

    const newRecord = await readRecord(copy);
    assert.equal(newRecord.externalRef, 'TPL-2');
    assert.notEqual(newRecord.caseId, oldCase.id);
    assert.deepEqual(
      newRecord.attachments.map((a) => a.file),
      ['facture-2.pdf'],
    );
    assert.equal(fake.casesWithRef('TPL-2').length, 1);
    assert.deepEqual(fileNames('TPL-2'), ['facture-2.pdf'], "only the new folder's attachments");
    assert.deepEqual(fileNames('TPL-1'), ['facture.pdf', 'rappel-3.pdf'], 'the old case got nothing new');
    assert.deepEqual(
      sent().filter((r) => r.includes(oldCase.id)),
      [],
      'nothing was sent for the old case',
    );
  });

  it('an attachment answered after the time-out is uncertain; it is sent again only after "Send again"', async () => {
    await config().update('requestTimeoutSeconds', 2, Global);
    try {
      const folder = await newCase('LATE-1');
      // Stored by tilbago, answered after the 2 s the extension waits.
      fake.inject({ method: 'PUT', path: /attachment$/, kind: 'storeThenDelay', ms: 4000 });
      const first = await submit(folder, { buttons: [FILE] });
      assert.equal(first.result, 'attachmentsFailed');
      assert.match(first.shown.at(-1)!.message, /but these attachments are not, or not surely: facture\.pdf\. Submit again/);
      const late = (await readRecord(folder)).attachments.find((a) => a.file === 'facture.pdf')!;
      assert.equal(late.state, 'uncertain');
      assert.equal(late.lastError?.error.kind, 'timeout');
      assert.deepEqual(fileNames('LATE-1'), ['facture.pdf', 'rappel-3.pdf'], 'tilbago has it, though the extension cannot know');

      let sent = watchRequests();
      const declined = await submit(folder);
      const asked = declined.shown.filter((m) => RESEND_QUESTION.test(m.message));
      assert.equal(asked.length, 1, list(declined.shown));
      assert.equal(asked[0]!.modal, true);
      // In the Swiss form, 02.12.2026, 14:05, whatever the display language.
      const at = new Date(late.attemptedAt!);
      const two = (n: number) => String(n).padStart(2, '0');
      const tried = `${two(at.getDate())}.${two(at.getMonth() + 1)}.${at.getFullYear()}, ${two(at.getHours())}:${two(at.getMinutes())}`;
      assert.ok(asked[0]!.detail?.includes(`facture.pdf (sent ${tried})`), asked[0]!.detail);
      assert.ok(!asked[0]!.detail?.includes('rappel-3.pdf'), 'only the uncertain file is named');
      assert.equal(declined.result, 'attachmentsFailed');
      assert.deepEqual(sent(), [], 'dismissed: nothing sent');
      assert.equal((await readRecord(folder)).attachments.find((a) => a.file === 'facture.pdf')!.state, 'uncertain');

      sent = watchRequests();
      const resent = await submit(folder, { buttons: [FILE, 'Send again'] });
      assert.equal(resent.result, 'complete');
      assert.deepEqual(sent(), [`PUT case/${fake.casesWithRef('LATE-1')[0]!.id}/attachment`], 'sent once more, and only it');
      assert.deepEqual(fileNames('LATE-1'), ['facture.pdf', 'facture.pdf', 'rappel-3.pdf']);
    } finally {
      await config().update('requestTimeoutSeconds', undefined, Global);
    }
  });

  describe('the question before filing', () => {
    /** Dismissed (no button): it was asked, as a modal, and nothing was sent or written. */
    async function dismissFiling(folder: string, start: () => Thenable<unknown>) {
      const sent = watchRequests();
      const messages = recordMessages();
      let result: unknown;
      try {
        result = await start();
      } finally {
        messages.restore();
      }
      assert.equal(result, 'cancelled', list(messages.shown));
      assert.deepEqual(sent(), [], 'nothing was sent to tilbago');
      assert.equal(await hasRecord(folder), false, 'no submission.json');
      return filingQuestion(messages.shown);
    }

    it('from the command with a folder: names the debtor, amount, attachments and host; dismissed, nothing is sent', async () => {
      const folder = await newCase('ASK-1');
      const question = await dismissFiling(folder, () => vscode.commands.executeCommand('tilbago.submitCase', vscode.Uri.file(folder)));
      for (const named of ['Anna Muster', "CHF 1'234.50", 'facture.pdf, rappel-3.pdf', 'ASK-1', `tilbago at 127.0.0.1:${fake.port}`]) {
        assert.ok(question.detail?.includes(named), `${named} in ${question.detail}`);
      }
    });

    it('from the command with no argument, for the case.json in the active editor', async () => {
      const folder = await newCase('ASK-2');
      await vscode.window.showTextDocument(vscode.Uri.file(path.join(folder, 'case.json')));
      try {
        const question = await dismissFiling(folder, () => vscode.commands.executeCommand('tilbago.submitCase'));
        assert.ok(question.detail?.includes('ASK-2'), question.detail);
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      }
    });

    it('through the public API; a caller that asked already passes confirmFiling: false and it files without asking', async () => {
      const folder = await newCase('ASK-3');
      const question = await dismissFiling(folder, () => api.submitCase(vscode.Uri.file(folder)));
      assert.ok(question.detail?.includes('ASK-3'), question.detail);

      const messages = recordMessages();
      try {
        assert.equal(await api.submitCase(vscode.Uri.file(folder), { confirmFiling: false }), 'complete');
      } finally {
        messages.restore();
      }
      assert.ok(!messages.shown.some((m) => FILING_QUESTION.test(m.message)), list(messages.shown));
      assert.deepEqual(fileNames('ASK-3'), ['facture.pdf', 'rappel-3.pdf']);
    });
  });
});
