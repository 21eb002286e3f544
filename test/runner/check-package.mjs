// Builds the .vsix as `npm run package` does and checks that it holds only what runs.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './vscode-web.mjs';

/** The names of the entries of a zip file, read from its central directory. */
export function zipEntries(file) {
  const zip = fs.readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error(`${file} is not a zip file`);
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error(`${file}: broken central directory`);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

const ALLOWED = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/package\.json$/,
  /^extension\/package\.nls(\.[a-z-]+)?\.json$/,
  /^extension\/l10n\/bundle\.l10n\.[a-z-]+\.json$/,
  /^extension\/dist\/(extension|cases|setup)\.js$/,
  /^extension\/dist\/webview\/[\w.-]+\.(js|css|ttf)$/,
  /^extension\/media\/(walkthrough\/)?[\w.-]+\.(png|svg)$/,
  /^extension\/schemas\/[\w.-]+\.json$/,
  /^extension\/(readme\.md|changelog\.md|LICENSE\.txt)$/i,
];
const REQUIRED = [
  'extension/package.json',
  'extension/dist/extension.js',
  'extension/dist/cases.js',
  'extension/dist/setup.js',
  'extension/dist/webview/webview.js',
  'extension/package.nls.json',
  'extension/l10n/bundle.l10n.fr.json',
  'extension/schemas/case.schema.json',
  'extension/media/icon.png',
  'extension/media/walkthrough/key.svg',
  'extension/readme.md',
  'extension/changelog.md',
  'extension/LICENSE.txt',
];

/** Runs `vsce package` as `npm run package` does, into `vsix`; returns what vsce printed. */
export function buildVsix(vsix) {
  try {
    return execFileSync(path.join(ROOT, 'node_modules/.bin/vsce'), ['package', '--no-dependencies', '--out', vsix], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    return `${error.stdout ?? ''}${error.stderr ?? ''}`;
  }
}

/**
 * The budget for the whole .vsix. What runs is about 160 KB before compression (the two bundles, translations,
 * the case.json schema, the icon and walkthrough pictures) and about 90 KB packed. 300 KB leaves room to grow,
 * and still fails at once when something that does not run slips in (a source map, node_modules, screenshots).
 */
export const VSIX_BUDGET_BYTES = 300 * 1024;

/** Builds the .vsix into `vsix` (kept there, for the installed-package test) and checks it. */
export async function checkPackage(vsix) {
  fs.rmSync(vsix, { force: true });
  fs.mkdirSync(path.dirname(vsix), { recursive: true });
  const failures = [];
  let passed = 0;
  const check = (ok, failure) => (ok ? passed++ : failures.push(failure));
  const output = buildVsix(vsix);
  console.log(output.trim());
  check(fs.existsSync(vsix), `vsce package did not make a .vsix: ${output.trim()}`);
  check(!/warning/i.test(output), `vsce package warned: ${output.trim()}`);
  if (!fs.existsSync(vsix)) return { passed, failed: failures.length, failures };

  const entries = zipEntries(vsix);
  const extra = entries.filter((entry) => !ALLOWED.some((pattern) => pattern.test(entry)));
  check(extra.length === 0, `the .vsix holds files that do not run: ${extra.join(', ')}`);
  const missing = REQUIRED.filter((entry) => !entries.includes(entry));
  check(missing.length === 0, `the .vsix lacks ${missing.join(', ')}`);
  // Minified: no source map, and (template strings aside) no indented lines.
  const unminified = ['extension.js', 'cases.js', 'setup.js'].filter((name) => {
    const bundle = fs.readFileSync(path.join(ROOT, 'dist', name), 'utf8');
    return bundle.includes('sourceMappingURL') || bundle.split('\n').filter((line) => /^\s{2,}\S/.test(line)).length >= 5;
  });
  check(unminified.length === 0, `not a minified production build: ${unminified.join(', ')}`);
  const size = fs.statSync(vsix).size;
  check(size <= VSIX_BUDGET_BYTES, `the .vsix is ${(size / 1024).toFixed(1)} KB, over its budget of ${VSIX_BUDGET_BYTES / 1024} KB`);
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const incomplete = ['displayName', 'description', 'categories', 'keywords', 'icon', 'repository', 'license', 'l10n'].filter((field) => !manifest[field]);
  check(incomplete.length === 0 && manifest.capabilities?.untrustedWorkspaces, `the manifest lacks ${incomplete.join(', ') || 'capabilities.untrustedWorkspaces'}`);
  console.log(`[package] ${entries.length} files in the .vsix, ${(size / 1024).toFixed(1)} KB (budget ${VSIX_BUDGET_BYTES / 1024} KB):`);
  for (const entry of entries) console.log(`  ${entry}`);
  return { passed, failed: failures.length, failures };
}
