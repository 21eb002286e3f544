// esbuild plugins for the PDF letter's chunk (PDFKit, its font library and the letter's font), used by esbuild.mjs,
// the unit tests and the benchmark.
import * as fs from 'node:fs/promises';

/**
 * The letter's font (fonts/*.ttf, about 22 KB each) as bytes inside the chunk that imports it: nothing is read
 * from disk at run time, no file has to be listed in .vscodeignore, and activation never loads it.
 * @type {import('esbuild').Plugin}
 */
export const fontFiles = {
  name: 'font-files',
  setup(build) {
    build.onLoad({ filter: /\.ttf$/ }, async ({ path }) => ({ contents: await fs.readFile(path), loader: 'binary' }));
  },
};

/**
 * PDFKit's Node build loads the metrics of its 14 standard fonts (Helvetica…) with a `require` of its own
 * (`#standard-fonts/*`, a mapping in PDFKit's package.json). The letter embeds its font and passes it to PDFKit's
 * constructor, which would otherwise load Helvetica, so none is ever used: each loader becomes an error saying so,
 * and the metrics (about 40 KB minified) stay out of the chunk.
 * @type {import('esbuild').Plugin}
 */
export const noStandardFonts = {
  name: 'no-standard-fonts',
  setup(build) {
    build.onLoad({ filter: /[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/ }, async ({ path }) => {
      const source = await fs.readFile(path, 'utf8');
      let count = 0;
      const contents = source.replace(/\b[\w$]+\((['"])#standard-fonts\/(\w+)\1\)/g, (_, quote, font) => {
        count++;
        return `(() => { throw new Error(${quote}The PDF standard font ${font} is not bundled: the letter embeds its own (build/pdfPlugins.mjs)${quote}); })()`;
      });
      // A PDFKit release that loads its fonts another way must break the build, not the first letter a user makes.
      if (count !== 14) throw new Error(`no-standard-fonts: expected 14 standard-font loaders in ${path}, found ${count}`);
      return { contents, loader: 'js' };
    });
  },
};

/**
 * fontkit decodes WOFF2 fonts with a Brotli decoder and its dictionary (about 475 KB minified); the letter's font
 * is TrueType, so the decoder is left out, and says so if ever called.
 * @type {import('esbuild').Plugin}
 */
export const noBrotli = {
  name: 'no-brotli',
  setup(build) {
    build.onResolve({ filter: /^brotli\/decompress(\.js)?$/ }, () => ({ path: 'brotli', namespace: 'no-brotli' }));
    build.onLoad({ filter: /.*/, namespace: 'no-brotli' }, () => ({
      contents:
        'export default function decompress() {\n' +
        "  throw new Error('WOFF2 fonts are not bundled: the letter embeds TrueType (build/pdfPlugins.mjs)');\n" +
        '}\n',
      loader: 'js',
    }));
  },
};

/**
 * PDFKit parses a font anew for each document (`fontkit.create` of its bytes), and fontkit then decodes each glyph
 * again: about a third of a letter's time. The letter's two faces are the same bytes in every document, so PDFKit
 * gets a `create` that parses each once; a parsed font holds no document's state (each document makes its own
 * subset of it).
 * @type {import('esbuild').Plugin}
 */
export const parseFontsOnce = {
  name: 'parse-fonts-once',
  setup(build) {
    build.onResolve({ filter: /^fontkit$/ }, (args) =>
      /[\\/]pdfkit[\\/]/.test(args.importer) ? { path: 'fontkit', namespace: 'parse-fonts-once', pluginData: args.resolveDir } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'parse-fonts-once' }, (args) => ({
      contents:
        "import { create as parse } from 'fontkit';\n" +
        'const parsed = new WeakMap();\n' +
        'export function create(bytes, postscriptName) {\n' +
        '  if (postscriptName !== undefined || typeof bytes !== "object" || bytes === null) return parse(bytes, postscriptName);\n' +
        '  let font = parsed.get(bytes);\n' +
        '  if (!font) parsed.set(bytes, (font = parse(bytes)));\n' +
        '  return font;\n' +
        '}\n',
      resolveDir: args.pluginData,
      loader: 'js',
    }));
  },
};

export const pdfPlugins = [fontFiles, noStandardFonts, noBrotli, parseFontsOnce];
