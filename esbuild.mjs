// Builds the bundles. Usage: node esbuild.mjs [--production] [--watch] [--tests] [--bench]
//   dist/extension.mjs  the extension host bundle (node, ES module, `vscode` external); the parts it loads
//                       with `import()` on first use are split off by esbuild into dist/chunks/ (the PDF
//                       letter among them, the letter's font inside: build/pdfPlugins.mjs); dist/listWorker.mjs,
//                       the worker thread that lists a cases folder
//   dist/webview/       the setup form: webview.js (browser, ES module, its stylesheet inside)
//   out/test/**         the unit and integration suites, one file each, for mocha, and the crash tests' child
//                       process (with --tests)
//   out/bench/          the activation probe of `npm run bench` (with --bench)
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import { bundleOptions } from './build/bundles.mjs';
import { fontFiles } from './build/pdfPlugins.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');
const bench = process.argv.includes('--bench');

const builds = bundleOptions({ production });

if (tests) {
  builds.push({
    // test/crash: the child process the crash tests start and kill (out/test/crash/child.js).
    entryPoints: ['test/unit/**/*.test.ts', 'test/integration/**/*.ts', 'test/crash/**/*.ts'],
    outbase: 'test',
    outdir: 'out/test',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    // The suites load mocha and the real `vscode` module at run time; only the project's own code is bundled.
    packages: 'external',
    external: ['vscode'],
    plugins: [fontFiles],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

// A package build starts clean, so no file of an earlier development build (source maps) slips into the .vsix.
if (production) fs.rmSync('dist', { recursive: true, force: true });

if (bench) {
  builds.push({
    entryPoints: ['bench/activation.ts'],
    outdir: 'out/bench',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['vscode'],
    logLevel: 'warning',
  });
}

/**
 * In watch mode, each rebuild is announced and its problems printed one a line, `file:line:column: error: text`,
 * which the "watch" task's problem matcher (.vscode/tasks.json) reads into the Problems panel.
 */
const reportForProblemMatcher = {
  name: 'report-for-problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const [severity, messages] of [
        ['error', result.errors],
        ['warning', result.warnings],
      ]) {
        for (const { text, location } of messages) {
          console.log(
            location ? `${location.file}:${location.line}:${location.column + 1}: ${severity}: ${text}` : `esbuild: ${severity}: ${text}`,
          );
        }
      }
      console.log('[watch] build finished');
    });
  },
};

if (watch) {
  await Promise.all(
    builds.map(async (options) =>
      (await esbuild.context({ ...options, logLevel: 'silent', plugins: [...(options.plugins ?? []), reportForProblemMatcher] })).watch(),
    ),
  );
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
