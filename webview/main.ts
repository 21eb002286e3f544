// Start-up of the setup form: its elements, its stylesheet, its words, the way to the host, and Ctrl+S / Cmd+S.
// The Save to choice is made of native radio buttons in the theme's colours: vscode-radio would add 12 KB.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-form-helper/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import { languageOf } from '../src/shared/languages';
import type { Strings } from '../src/setup/formStrings';
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
const reopened = vscode.getState() === undefined;
vscode.setState({ shown: true });

const form = new SetupForm(
  document.getElementById('app')!,
  connectToHost((message) => vscode.postMessage(message), window),
  // The words of the display language, handed over by the extension in the page.
  JSON.parse(document.body.dataset.strings ?? '{}') as Strings,
  languageOf(document.body.dataset.language ?? 'en'),
  reopened,
);
form.start();

// Ctrl+S / Cmd+S saves the form, as it would save a file.
document.addEventListener('keydown', (event) => {
  if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 's') {
    event.preventDefault();
    void form.save();
  }
});
