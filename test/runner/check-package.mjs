// Builds the .vsix with `npm run package`, as the README says, and checks that it holds only what runs.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './vscode-web.mjs';

/** The files `vsce` packs, as `vsce ls` lists them (paths inside the extension folder). */
export function packedFiles() {
  return execFileSync(path.join(ROOT, 'node_modules/.bin/vsce'), ['ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

const ALLOWED = [
  /^package\.json$/,
  /^package\.nls(\.[a-z-]+)?\.json$/,
  /^l10n\/bundle\.l10n\.[a-z-]+\.json$/,
  /^dist\/(extension|listWorker)\.mjs$/,
  /^dist\/chunks\/[\w-]+\.mjs$/,
  /^dist\/webview\/[\w.-]+\.(js|css|ttf)$/,
  // The icon and the walkthrough's pictures; never the README's screenshots (media/setup-panel-*.png,
  // media/cases-view.png), which the README shows from the repository.
  /^media\/icon\.png$/,
  /^media\/walkthrough\/[\w.-]+\.svg$/,
  /^schemas\/[\w.-]+\.json$/,
  /^(README\.md|CHANGELOG\.md|LICENSE)$/,
];
const REQUIRED = [
  'package.json',
  'dist/extension.mjs',
  'dist/listWorker.mjs',
  'dist/webview/webview.js',
  'package.nls.json',
  'l10n/bundle.l10n.fr.json',
  'schemas/case.schema.json',
  'schemas/reminders.schema.json',
  'media/icon.png',
  'media/walkthrough/key.svg',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
];

/** Runs `npm run package`, exactly as the README names it; returns what it printed and the .vsix it made. */
export function buildVsix() {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const made = path.join(ROOT, 'dist-vsix', `${manifest.name}-${manifest.version}.vsix`);
  fs.rmSync(made, { force: true });
  try {
    const output = execFileSync('npm', ['run', 'package'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { output, made };
  } catch (error) {
    return { output: `${error.stdout ?? ''}${error.stderr ?? ''}`, made };
  }
}

/**
 * The budget for the whole .vsix: it fails at once when something that does not run slips in (a source map,
 * node_modules, screenshots). Most of it is the PDF letter's chunk (PDFKit, swissqrbill, the embedded font and
 * fontkit: 184 KB packed), then the three translation bundles (18 KB packed each), the setup form and the case
 * commands. It grew from 300 KB with the letter's font (278 → 390 KB packed) and from 430 KB with round 6 (442 KB:
 * the fee, interest and limitation, bounded reads, byte-exact settings edits and the lock's states, each with its
 * words in four languages).
 */
export const VSIX_BUDGET_BYTES = 450 * 1024;

/** Builds the .vsix with `npm run package`, copies it to `vsix` (for the installed-package test) and checks it. */
export async function checkPackage(vsix) {
  fs.rmSync(vsix, { force: true });
  fs.mkdirSync(path.dirname(vsix), { recursive: true });
  const failures = [];
  let passed = 0;
  const check = (ok, failure) => (ok ? passed++ : failures.push(failure));
  const { output, made } = buildVsix();
  console.log(output.trim());
  check(fs.existsSync(made) && fs.statSync(made).isFile(), `npm run package did not make ${path.relative(ROOT, made)}: ${output.trim()}`);
  check(!/warning/i.test(output), `vsce package warned: ${output.trim()}`);
  if (!fs.existsSync(made) || !fs.statSync(made).isFile()) return { passed, failed: failures.length, failures };
  fs.copyFileSync(made, vsix);

  const entries = packedFiles();
  const extra = entries.filter((entry) => !ALLOWED.some((pattern) => pattern.test(entry)));
  check(extra.length === 0, `the .vsix holds files that do not run: ${extra.join(', ')}`);
  const missing = REQUIRED.filter((entry) => !entries.includes(entry));
  check(missing.length === 0, `the .vsix lacks ${missing.join(', ')}`);
  // Minified: no source map, and long lines (a library's multi-line template strings keep their indentation, so
  // indented lines alone do not tell; a readable build has lines of some 40 characters on average).
  const unminified = entries
    .filter((entry) => entry.endsWith('.mjs'))
    .filter((entry) => {
      const bundle = fs.readFileSync(path.join(ROOT, entry), 'utf8');
      const lines = bundle.split('\n').length;
      return bundle.includes('sourceMappingURL') || (lines > 20 && bundle.length / lines < 200);
    });
  check(unminified.length === 0, `not a minified production build: ${unminified.join(', ')}`);
  const size = fs.statSync(vsix).size;
  check(size <= VSIX_BUDGET_BYTES, `the .vsix is ${(size / 1024).toFixed(1)} KB, over its budget of ${VSIX_BUDGET_BYTES / 1024} KB`);
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const incomplete = ['displayName', 'description', 'categories', 'keywords', 'icon', 'repository', 'license', 'l10n'].filter(
    (field) => !manifest[field],
  );
  check(
    incomplete.length === 0 && manifest.capabilities?.untrustedWorkspaces,
    `the manifest lacks ${incomplete.join(', ') || 'capabilities.untrustedWorkspaces'}`,
  );
  console.log(`[package] ${entries.length} files in the .vsix, ${(size / 1024).toFixed(1)} KB (budget ${VSIX_BUDGET_BYTES / 1024} KB):`);
  for (const entry of entries) console.log(`  ${entry}`);
  return { passed, failed: failures.length, failures };
}
