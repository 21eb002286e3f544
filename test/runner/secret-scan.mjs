// Looks for a secret in every file under a folder, as text in UTF-8 and UTF-16 (some stores write either),
// and as the base64 of the secret alone.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A recognisable fake API key, new each run: the suites store it, and afterwards it must be found nowhere. */
export function newCanary() {
  return `TILBAGO-CANARY-${randomBytes(12).toString('hex')}`;
}

export function secretNeedles(secret) {
  return [Buffer.from(secret, 'utf8'), Buffer.from(secret, 'utf16le'), Buffer.from(Buffer.from(secret).toString('base64'))];
}

/** @returns {{ files: string[], hits: string[] }} every file scanned, and those that hold the secret */
export function scanForSecret(root, secret, { skip = [] } = {}) {
  const needles = secretNeedles(secret);
  const files = [];
  const hits = [];
  const visit = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (skip.includes(full)) continue;
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile()) {
        files.push(full);
        const content = fs.readFileSync(full);
        if (needles.some((needle) => content.includes(needle))) hits.push(full);
      }
    }
  };
  visit(root);
  return { files, hits };
}
