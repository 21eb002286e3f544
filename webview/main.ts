// Start-up of the setup form: its elements, its stylesheet, its words, the way to the host, and Ctrl+S / Cmd+S.
// The Save to choice is made of native radio buttons in the theme's colours: vscode-radio would add 12 KB.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-form-helper/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import { languageOf } from '../src/shared/languages';
import type { RequestResult } from '../src/setup/contract';
import type { Strings } from '../src/setup/formWords';
import { SetupForm, timestamp } from './form';
import { connectToHost } from './hostClient';
import styles from './style.css';

timestamp('tilbago-setup-script');
const vscode = acquireVsCodeApi();
// A constructed stylesheet: allowed by the page's policy, unlike inline styles, and no extra request.
const sheet = new CSSStyleSheet();
sheet.replaceSync(styles);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

// The webview's own state lasts while the panel does (hidden, or the window reloaded), and no longer.
const kept = vscode.getState() as { readonly page?: string } | undefined;
const reopened = kept === undefined;
// The first state the page carries holds for its first showing only: a hidden panel shows the same page again,
// and what it carries is older than the host's state by then (unsaved edits among it).
const { first, page } = document.body.dataset;
vscode.setState({ shown: true, page });

const form = new SetupForm(
  document.getElementById('app')!,
  connectToHost((message) => vscode.postMessage(message), window),
  // The words of the display language, handed over by the extension in the page.
  JSON.parse(document.body.dataset.strings ?? '{}') as Strings,
  languageOf(document.body.dataset.language ?? 'en'),
  reopened,
);
// Without it (shown again, or the host could not read it), the form asks the host.
form.start(first && page !== kept?.page ? (JSON.parse(first) as RequestResult<'ready'>) : undefined);

// Ctrl+S / Cmd+S saves the form, as it would save a file.
document.addEventListener('keydown', (event) => {
  if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 's') {
    event.preventDefault();
    void form.save();
  }
});
