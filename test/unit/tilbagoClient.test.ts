// The client against the fake tilbago server on loopback: the contract's answers and injected faults.
import * as assert from 'node:assert/strict';
import { attachmentDisposition, TilbagoClient } from '../../src/tilbago/client';
import { startFakeTilbago, type FakeTilbago } from '../fake-tilbago/server.mjs';
import { validCase } from '../fixtures/cases';

describe('tilbago client', () => {
  let fake: FakeTilbago;
  const client = (apiKey = fake.validKeys[0]!, timeoutMs = 2000) => new TilbagoClient({ baseUrl: fake.url, apiKey, timeoutMs });

  beforeEach(async () => {
    fake = await startFakeTilbago();
  });
  afterEach(() => fake.stop());

  it('checks the key: accepted, or refused with 401', async () => {
    assert.deepEqual(await client().checkKey(), { ok: true, value: 'accepted' });
    assert.deepEqual(await client('wrong-key').checkKey(), { ok: false, error: { kind: 'unauthorized' } });
    assert.equal(fake.cases.size, 0, 'the check creates nothing');
  });

  it('creates a case, sends an attachment without a Content-Type on its part, and reads the status', async () => {
    const created = await client().createCase(validCase());
    assert.ok(created.ok);
    const caseId = created.value.caseId;
    const pdf = new TextEncoder().encode('%PDF-1.4 invoice');
    const attached = await client().addAttachment(caseId, 'Facture 2026-0142.pdf', pdf);
    assert.ok(attached.ok, JSON.stringify(attached));
    assert.deepEqual(
      fake.cases.get(caseId)!.attachments.map((a) => [a.fileName, a.bytes]),
      [['Facture 2026-0142.pdf', pdf.length]],
    );
    const status = await client().caseStatus(caseId);
    assert.deepEqual(status, { ok: true, value: { statusCode: '002', description: 'The case has to be reviewed before it is submitted' } });
  });

  it('maps the balance, duplicate and unknown-case answers to errors with tilbago’s message', async () => {
    fake.setInsufficientBalance(true);
    assert.deepEqual(await client().createCase(validCase()), { ok: false, error: { kind: 'insufficientBalance' } });
    fake.setInsufficientBalance(false);
    assert.ok((await client().createCase(validCase())).ok);
    assert.deepEqual(await client().createCase(validCase()), {
      ok: false,
      error: { kind: 'unexpected', status: 409, message: 'A case with externalRef INV-2026-0142 already exists' },
    });
    assert.deepEqual(await client().caseStatus('C999999'), {
      ok: false,
      error: { kind: 'unexpected', status: 404, message: 'Case not found' },
    });
  });

  it('times out a slow answer, and reports a reset and a 500', async () => {
    fake.inject({ kind: 'delay', ms: 3000 });
    const started = Date.now();
    assert.deepEqual(await client(undefined, 300).checkKey(), {
      ok: false,
      error: { kind: 'timeout', host: `127.0.0.1:${fake.port}`, seconds: 0 },
    });
    assert.ok(Date.now() - started < 2000, 'gave up at the timeout');
    fake.inject({ kind: 'reset' });
    const reset = await client().checkKey();
    assert.ok(!reset.ok && reset.error.kind === 'unreachable' && reset.error.sent, JSON.stringify(reset));
    fake.inject({ kind: 'error500' });
    assert.deepEqual(await client().checkKey(), {
      ok: false,
      error: { kind: 'unexpected', status: 500, message: 'Internal server error (injected)' },
    });
  });

  it('says a refused connection sent nothing', async () => {
    const port = fake.port;
    await fake.stop();
    const result = await new TilbagoClient({ baseUrl: `http://127.0.0.1:${port}/v1/`, apiKey: 'k', timeoutMs: 2000 }).checkKey();
    assert.deepEqual(result, { ok: false, error: { kind: 'unreachable', host: `127.0.0.1:${port}`, cause: 'ECONNREFUSED', sent: false } });
    fake = await startFakeTilbago();
  });

  it('never puts the key in an error', async () => {
    const key = 'tb-secret-key-that-must-not-leak';
    fake.inject({ kind: 'error500' });
    const results = [await client(key).checkKey(), await client(key).createCase({})];
    for (const result of results) assert.ok(!JSON.stringify(result).includes(key));
  });

  it('refuses a case id that is not one, and an answer without the promised field', async () => {
    assert.equal((await client().caseStatus('../../etc')).ok, false);
    assert.equal(fake.requests.length, 0, 'nothing was sent');
  });

  it('writes the attachment disposition with an ASCII fallback', () => {
    assert.equal(attachmentDisposition('invoice.pdf'), 'attachment; filename="invoice.pdf"');
    assert.equal(
      attachmentDisposition('Mahnung 3 Müller.pdf'),
      `attachment; filename="Mahnung 3 M_ller.pdf"; filename*=UTF-8''Mahnung%203%20M%C3%BCller.pdf`,
    );
    assert.equal(attachmentDisposition('a"b.pdf'), `attachment; filename="a_b.pdf"; filename*=UTF-8''a%22b.pdf`);
  });
});
