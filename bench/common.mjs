// What the plain Node benchmarks share: the extension's own code (TypeScript) bundled as esbuild.mjs builds it for
// the extension host, and the median of their runs.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `options` are esbuild's; what every benchmark bundle shares is set here. */
export function bundleForNode(options) {
  return esbuild.build({
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    mainFields: ['module', 'main'],
    logLevel: 'warning',
    ...options,
  });
}

/** The modules named by `exports` (lines `export { … } from './src/…'`), bundled into out/bench/<name>.mjs and loaded. */
export async function loadBundled(name, exports) {
  const outfile = path.join(ROOT, 'out/bench', `${name}.mjs`);
  await bundleForNode({ stdin: { contents: exports.join('\n'), resolveDir: ROOT, loader: 'ts' }, outfile });
  return import(`${pathToFileURL(outfile).href}?${Date.now()}`);
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** When a benchmark file is run by itself: its rows as a table. */
export async function runAlone(moduleUrl, bench) {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(path.resolve(process.argv[1])).href) return;
  const rows = await bench({ log: (line) => console.log(`[bench] ${line}`) });
  console.log('\n| metric | median | samples | target |\n|---|---|---|---|');
  for (const row of rows) {
    const samples = row.samples ? row.samples.map((s) => s.toFixed(1)).join(', ') : '';
    console.log(`| ${row.metric} | ${row.value.toFixed(2)} ${row.unit} | ${samples} | ${row.target} |`);
  }
}
