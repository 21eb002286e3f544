// Imported first by extension.ts, so its mark is the first thing the entry module does. `npm run bench` reads it,
// with the marks in extension.ts, to tell apart the extension host's own work, the loading of the bundle and
// activate(). As an ES module, the entry's own code runs after the chunks it imports are evaluated: the mark
// comes after those, so "loading the bundle" counts only the entry's top level.
performance.mark('tilbago-module-start');
