// The two bundles the extension ships, as esbuild options: the extension host's (with its lazy chunks) and the
// setup form's. Shared by esbuild.mjs, which writes them, and the boundaries check (test/runner/check-boundaries.mjs),
// which builds them in memory to hold what each entry loads to build/boundaries.mjs.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import { pdfPlugins } from './pdfPlugins.mjs';

/** The template of vscode-elements' textarea keeps its indentation: its white space could become the box's text. */
export const KEEPS_INDENTATION = /vscode-textarea\.js$/;

/**
 * Keeps the setup form's script small (its budget is in build/boundaries.mjs): its stylesheet minified (it travels as
 * text), and the indentation left out of the Lit templates of every file in webview/view/ and of vscode-elements'
 * components (not KEEPS_INDENTATION). test/runner/check-boundaries.mjs fails when a template keeps its indentation.
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
    build.onLoad({ filter: /[\\/]webview[\\/]view[\\/].*\.ts$/ }, unindent('ts'));
    build.onLoad({ filter: /[\\/]@vscode-elements[\\/]elements[\\/]dist[\\/].*\.js$/ }, (args) =>
      KEEPS_INDENTATION.test(args.path) ? undefined : unindent('js')(args),
    );
  },
};

/**
 * @param {{ production: boolean }} options
 * @returns {esbuild.BuildOptions[]}
 */
export function bundleOptions({ production }) {
  return [
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
}
