// What each entry of the extension may load when it loads, and how much: the one place these boundaries are
// declared. test/runner/check-boundaries.mjs builds the bundles in memory and holds them to it in `npm test`, so a
// static import that pulls a lazy part into activation fails a test instead of only showing in the bench.
// "Loads" means the entries' bundles and every chunk they import statically (what `import()` loads comes later).

/** @typedef {{ readonly entries: readonly string[], readonly why: string, readonly budgetKB: number, readonly mustNotLoad: readonly string[] }} Boundary */

/** @type {readonly Boundary[]} */
export const EXTENSION_BOUNDARIES = [
  {
    entries: ['src/extension.ts'],
    why: 'activation: the commands, the views and the walkthrough are registered, nothing else is done',
    budgetKB: 40,
    mustNotLoad: [
      'src/cases/feature.ts',
      'src/cases/model/submission.ts',
      'src/tilbago/client.ts',
      'src/setup/',
      'src/reminders/letterPdf.ts',
      'node_modules/pdfkit/',
      'node_modules/jsonc-parser/',
    ],
  },
  {
    entries: ['src/cases/model/listing.ts', 'src/cases/caseFolders.ts', 'src/cases/model/stage.ts', 'src/cases/treeItems.ts'],
    why: "the cases view's first listing (tree.ts loads these four together): the folders are read and shown",
    budgetKB: 100,
    mustNotLoad: [
      'src/cases/feature.ts',
      'src/cases/model/submission.ts',
      'src/tilbago/client.ts',
      'src/reminders/letterPdf.ts',
      'src/setup/',
      'node_modules/pdfkit/',
    ],
  },
  {
    entries: ['src/cases/feature.ts'],
    why: 'the first case command: every case command and the Problems panel, no letter is made',
    budgetKB: 200,
    mustNotLoad: ['src/reminders/letterPdf.ts', 'src/setup/', 'node_modules/pdfkit/', 'node_modules/fontkit/'],
  },
  {
    entries: ['src/setup/panel.ts'],
    why: 'the setup panel opens: its form and preview, no PDF',
    budgetKB: 110,
    mustNotLoad: ['src/reminders/letterPdf.ts', 'src/cases/model/submission.ts', 'node_modules/pdfkit/'],
  },
];

/**
 * The setup form's script, its stylesheet inside. The bench reported 90 KB as its budget while the panel grew to
 * 94 KB unnoticed (save bar, Reset and Revert, the preview's switch); now held here, with little room.
 */
export const WEBVIEW_BUDGET_KB = 96;
