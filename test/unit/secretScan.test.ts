// The canary scan must find the key where it is, or a clean scan would prove nothing.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

describe('secret scan (used by the integration runner)', () => {
  it('finds the secret as UTF-8, UTF-16 and base64, in nested folders, and skips what it is told to', async () => {
    const { scanForSecret } = await import(pathToFileURL(path.resolve('test/runner/secret-scan.mjs')).href);
    const secret = 'TILBAGO-CANARY-0123456789abcdef';
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-'));
    try {
      fs.mkdirSync(path.join(root, 'a/b'), { recursive: true });
      fs.writeFileSync(path.join(root, 'clean.json'), '{"tilbago.thirdReminder.germanLetter": ""}');
      fs.writeFileSync(path.join(root, 'a/settings.json'), `{"oops": "${secret}"}`);
      fs.writeFileSync(path.join(root, 'a/b/state.vscdb'), Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(secret, 'utf16le')]));
      fs.writeFileSync(path.join(root, 'a/b/encoded.log'), Buffer.from(secret).toString('base64'));
      fs.mkdirSync(path.join(root, 'browser'));
      fs.writeFileSync(path.join(root, 'browser/secrets'), secret);

      const scan = scanForSecret(root, secret, { skip: [path.join(root, 'browser')] });
      assert.equal(scan.files.length, 4);
      assert.deepEqual(scan.hits.map((f: string) => path.relative(root, f)).sort(), [
        'a/b/encoded.log',
        'a/b/state.vscdb',
        'a/settings.json',
      ]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
