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
import { fontFiles, pdfPlugins } from './build/pdfPlugins.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');
const bench = process.argv.includes('--bench');

/**
 * Keeps the setup form's script small (its budget is 90 KB): its stylesheet minified (it travels as text), and the
 * indentation left out of the Lit templates of webview/view.ts and of vscode-elements' components (not the
 * textarea, whose template's white space could become text).
 * A line break stays, so the markup and the CSS mean the same: white space between elements collapses anyway, and
 * no template writes into a pre-formatted element (the letter's text is set as nodes by preview.ts).
 * @type {esbuild.Plugin}
 */
const leanWebview = {
  name: 'lean-webview',
  setup(build) {
    build.onLoad({ filter: /\.css$/ }, async (args) => {
      const css = await fs.promises.readFile(args.path, 'utf8');
      const { code } = await esbuild.transform(css, { loader: 'css', minify: true });
      return { contents: code, loader: 'text' };
    });
    const unindent = (loader) => async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      return { contents: source.replace(/\n[ \t]+/g, '\n'), loader };
    };
    build.onLoad({ filter: /[\\/]webview[\\/]view\.ts$/ }, unindent('ts'));
    build.onLoad({ filter: /[\\/]@vscode-elements[\\/]elements[\\/]dist[\\/].*\.js$/ }, (args) =>
      /vscode-textarea\.js$/.test(args.path) ? undefined : unindent('js')(args),
    );
  },
};

/** @type {esbuild.BuildOptions[]} */
const builds = [
  {
    // The entry; what it loads with `import()` becomes chunks of its own, and a module shared by several parts
    // is in one chunk only.
    entryPoints: { extension: 'src/extension.ts', listWorker: 'src/cases/listWorker.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    // A package's ES module build first: jsonc-parser's CommonJS one is a UMD wrapper whose inner require()s
    // esbuild cannot follow, so the bundle would fail to load them at run time.
    mainFields: ['module', 'main'],
    external: ['vscode'],
    // The letter's font bundled as bytes; PDFKit's standard fonts and fontkit's WOFF2 decoder left out.
    plugins: pdfPlugins,
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
    plugins: [leanWebview],
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
