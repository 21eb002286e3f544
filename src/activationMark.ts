// Imported first by extension.ts, so its mark is the first thing the bundle does. `npm run bench` reads it, with
// the marks in extension.ts, to tell apart the extension host's own work, the loading of the bundle (which
// includes VS Code building this extension's `vscode` API object) and activate().
performance.mark('tilbago-module-start');
