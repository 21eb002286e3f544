// The lazy boundaries and size budgets of build/boundaries.mjs, held against the production bundles built in memory
// with esbuild's metafile: for each entry, what loading it loads (its bundle and the chunks it imports statically).
// Usage: node test/runner/check-boundaries.mjs, or from run-all.mjs (`npm test`).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXTENSION_BOUNDARIES, WEBVIEW_BUDGET_KB } from '../../build/boundaries.mjs';
import { bundleOptions, KEEPS_INDENTATION } from '../../build/bundles.mjs';
import { ROOT } from './vscode-web.mjs';

/** @returns {Promise<{ passed: number, failed: number, failures: string[] }>} */
export async function checkBoundaries() {
  const [extension, webview] = bundleOptions({ production: true });
  const build = (options) => esbuild.build({ ...options, absWorkingDir: ROOT, write: false, metafile: true, logLevel: 'error' });
  const [built, form] = await Promise.all([build(extension), build(webview)]);
  const outputs = built.metafile.outputs;
  const outputOf = new Map(Object.entries(outputs).flatMap(([file, output]) => (output.entryPoint ? [[output.entryPoint, file]] : [])));
  const loadedWith = (file, seen = new Set()) => {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const imported of outputs[file].imports)
      if (imported.kind === 'import-statement' && !imported.external) loadedWith(imported.path, seen);
    return seen;
  };

  const outcome = { passed: 0, failed: 0, failures: [] };
  const check = (ok, failure, passedLine) => {
    if (ok) {
      outcome.passed++;
      console.log(`  ✔ ${passedLine}`);
    } else {
      outcome.failed++;
      outcome.failures.push(failure);
      console.log(`  ✗ ${failure}`);
    }
  };
  for (const boundary of EXTENSION_BOUNDARIES) {
    const name = boundary.entries.join(' + ');
    const missing = boundary.entries.filter((entry) => !outputOf.has(entry));
    if (missing.length > 0) {
      check(false, `${missing.join(', ')}: no entry or lazy chunk of the bundle (is it still loaded with import()?)`);
      continue;
    }
    const seen = new Set();
    for (const entry of boundary.entries) loadedWith(outputOf.get(entry), seen);
    const files = [...seen];
    const kb = files.reduce((sum, file) => sum + outputs[file].bytes, 0) / 1024;
    check(
      kb <= boundary.budgetKB,
      `${name} (${boundary.why}) loads ${kb.toFixed(1)} KB, over its budget of ${boundary.budgetKB} KB`,
      `${name} loads ${kb.toFixed(1)} KB (budget ${boundary.budgetKB} KB)`,
    );
    const inputs = files.flatMap((file) => Object.keys(outputs[file].inputs));
    const forbidden = boundary.mustNotLoad.flatMap((part) =>
      inputs.filter((input) => input.startsWith(part) || input.includes(`/${part}`)),
    );
    check(
      forbidden.length === 0,
      `${name} (${boundary.why}) loads what it must leave to import(): ${[...new Set(forbidden)].slice(0, 8).join(', ')}`,
      `${name} leaves ${boundary.mustNotLoad.join(', ')} to import()`,
    );
  }
  const script = Object.entries(form.metafile.outputs).find(([file]) => file.endsWith('webview.js'));
  const scriptKB = (script?.[1].bytes ?? Number.POSITIVE_INFINITY) / 1024;
  check(
    scriptKB <= WEBVIEW_BUDGET_KB,
    `the setup form's script is ${scriptKB.toFixed(1)} KB, over its budget of ${WEBVIEW_BUDGET_KB} KB`,
    `the setup form's script is ${scriptKB.toFixed(1)} KB (budget ${WEBVIEW_BUDGET_KB} KB)`,
  );
  // The size trick of build/bundles.mjs (leanWebview) is keyed to paths: a template moved where it does not apply
  // keeps its indentation, which shows in the script as a line break, spaces or tabs, then markup.
  const indentedMarkup = (text) => text.match(/\n[ \t]+<[^\n]*/g) ?? [];
  const keptOnPurpose = new Set(
    Object.keys(form.metafile.inputs)
      .filter((input) => KEEPS_INDENTATION.test(input))
      .flatMap((input) => indentedMarkup(fs.readFileSync(path.join(ROOT, input), 'utf8'))),
  );
  const scriptText = form.outputFiles.find((file) => file.path.endsWith('webview.js'))?.text ?? '';
  const indented = indentedMarkup(scriptText).filter((line) => !keptOnPurpose.has(line));
  check(
    scriptText !== '' && indented.length === 0,
    `the setup form's script keeps the indentation of ${indented.length} template lines (does leanWebview of build/bundles.mjs still reach them?), e.g. ${indented
      .slice(0, 3)
      .map((line) => JSON.stringify(line.trim().slice(0, 60)))
      .join(', ')}`,
    "the setup form's templates are left without their indentation",
  );
  return outcome;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { failed } = await checkBoundaries();
  process.exit(failed === 0 ? 0 : 1);
}
