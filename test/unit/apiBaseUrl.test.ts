import * as assert from 'node:assert/strict';
import { checkApiBaseUrl, isLoopbackHost } from '../../src/settings/apiBaseUrl';

describe('API base URL', () => {
  it('knows the loopback hosts', () => {
    for (const host of ['127.0.0.1', '127.5.6.7', 'localhost', 'LOCALHOST', '[::1]']) assert.equal(isLoopbackHost(host), true, host);
    for (const host of ['128.0.0.1', '127.0.0.1.example.ch', 'localhost.example.ch', '10.0.0.1', '0.0.0.0', '::1']) {
      assert.equal(isLoopbackHost(host), false, host);
    }
  });

  it('allows plain http only on loopback', () => {
    assert.deepEqual(checkApiBaseUrl('http://localhost:8080'), { ok: true, url: 'http://localhost:8080/' });
    assert.deepEqual(checkApiBaseUrl('http://[::1]:9/v1/'), { ok: true, url: 'http://[::1]:9/v1/' });
    assert.deepEqual(checkApiBaseUrl('http://127.0.0.1.nip.io/'), { ok: false, problem: 'insecureUrl' });
  });

  it('refuses a query or a fragment, even an empty one: the requests would go to the host’s root', () => {
    for (const raw of [
      'https://api.tilbago.ch/v1?',
      'https://api.tilbago.ch/v1#',
      'https://api.tilbago.ch/v1/?',
      'https://api.tilbago.ch/v1/#top',
      'https://api.tilbago.ch/v1?x=1',
      'https://api.tilbago.ch/?/v1/',
    ])
      assert.deepEqual(checkApiBaseUrl(raw), { ok: false, problem: 'queryOrFragment' }, raw);
  });

  it('trims surrounding spaces', () => {
    assert.deepEqual(checkApiBaseUrl('  https://api.tilbago.ch/v1/ '), { ok: true, url: 'https://api.tilbago.ch/v1/' });
  });
});
