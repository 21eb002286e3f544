// The letter's font files, bundled by esbuild as bytes (build/pdfPlugins.mjs).
declare module '*.ttf' {
  const bytes: Uint8Array;
  export default bytes;
}
