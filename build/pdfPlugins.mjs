// esbuild plugins for the PDF letter's chunk (PDFKit and its font library), used by esbuild.mjs and by the unit
// test that builds and runs the bundled letter outside node_modules.
import * as fs from 'node:fs/promises';

/**
 * PDFKit's Node build loads the metrics of its 14 standard fonts (Helvetica…) on first use, with a `require` it
 * makes itself (`createRequire(import.meta.url)`) and the `#standard-fonts/*` mapping of PDFKit's own
 * package.json. In our bundle neither reaches PDFKit's files: the chunk lives in dist/chunks/, the extension's
 * package.json has no such mapping, and node_modules is not in the .vsix, so the first `doc.font('Helvetica')`
 * would throw "Cannot find module '#standard-fonts/Helvetica'". This plugin turns those calls into plain
 * `require`s, which esbuild resolves through PDFKit's mapping and bundles (each font still parsed on first use).
 * Nothing is read from disk at run time, so no data file has to be copied or listed in .vscodeignore.
 * (PDFKit also reads an ICC colour profile from disk, for PDF/A documents only; we make none.)
 * @type {import('esbuild').Plugin}
 */
export const pdfkitStandardFonts = {
  name: 'pdfkit-standard-fonts',
  setup(build) {
    build.onLoad({ filter: /[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/ }, async ({ path }) => {
      const source = await fs.readFile(path, 'utf8');
      let count = 0;
      const contents = source.replace(/\b[\w$]+\((['"])(#standard-fonts\/\w+)\1\)/g, (_, quote, specifier) => {
        count++;
        return `require(${quote}${specifier}${quote})`;
      });
      // A PDFKit release that loads its fonts another way must break the build, not the first letter a user makes.
      if (count !== 14) throw new Error(`pdfkit-standard-fonts: expected 14 standard-font loaders in ${path}, found ${count}`);
      return { contents, loader: 'js' };
    });
  },
};

/**
 * fontkit is PDFKit's parser for fonts embedded from a file (TTF, OTF, WOFF2); the standard fonts do without it.
 * The letter uses only those (Helvetica, as the QR-bill standard names it), so fontkit and what it pulls in (a
 * Brotli decoder, Unicode tables: about 700 KB minified) are left out, and `create` says so if ever called. To
 * embed a font, drop this plugin (and mind the .vsix budget, test/runner/check-package.mjs).
 * @type {import('esbuild').Plugin}
 */
export const noFontkit = {
  name: 'no-fontkit',
  setup(build) {
    build.onResolve({ filter: /^fontkit$/ }, () => ({ path: 'fontkit', namespace: 'no-fontkit' }));
    build.onLoad({ filter: /.*/, namespace: 'no-fontkit' }, () => ({
      contents:
        'export function create() {\n' +
        "  throw new Error('Embedded fonts are not bundled: the letter uses the PDF standard fonts (build/pdfPlugins.mjs)');\n" +
        '}\n',
      loader: 'js',
    }));
  },
};

export const pdfPlugins = [pdfkitStandardFonts, noFontkit];
