// Builds the bundles. Usage: node esbuild.mjs [--production] [--watch] [--tests] [--bench]
//   dist/extension.js   the extension host bundle (node, CommonJS, `vscode` external), and beside it
//                       dist/cases.js and dist/setup.js, which it loads on first use
//   dist/webview/       the setup form: webview.js (browser, ES module, its stylesheet inside)
//   out/test/**         the unit and integration suites, one file each, for mocha, and the crash tests' child
//                       process (with --tests)
//   out/bench/          the activation probe of `npm run bench` (with --bench)
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');
const bench = process.argv.includes('--bench');

/** @type {esbuild.BuildOptions[]} */
const builds = [
  {
    // The entry, and the features it loads on first use (see src/extension.ts).
    entryPoints: { extension: 'src/extension.ts', cases: 'src/features/cases.ts', setup: 'src/features/setup.ts' },
    outdir: 'dist',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['vscode', './cases.js', './setup.js'],
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    legalComments: 'none',
    logLevel: 'warning',
  },
  {
    // The setup form: an ES module (no CommonJS wrapper) for the browser. Its stylesheet travels inside, as text
    // for a constructed stylesheet: one request fewer before the form can show.
    entryPoints: { webview: 'webview/main.ts' },
    loader: { '.css': 'text' },
    outdir: 'dist/webview',
    entryNames: '[name]',
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    legalComments: 'none',
    logLevel: 'warning',
  },
];

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

if (watch) {
  await Promise.all(builds.map(async (options) => (await esbuild.context(options)).watch()));
  console.log('[esbuild] watching for changes');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
