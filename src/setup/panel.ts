// The one setup panel: created by "Tilbago: Open setup", revealed on a second call, and restored after a window
// reload by the serializer. `retainContextWhenHidden` stays off: the host keeps the form's unsaved edits (hidden,
// reloaded or closed, the form finds them again), and the title carries a ● while there are some.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { setupFormWords } from './formStrings';
import { SETUP_VIEW_TYPE } from '../ids';
import type { RequestResult } from './contract';
import { SetupController, unsavedDraft, type SetupHost } from './controller';

export class SetupPanel {
  private static current: SetupPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  static show(extensionUri: vscode.Uri, host: SetupHost): void {
    if (SetupPanel.current) {
      SetupPanel.current.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(SETUP_VIEW_TYPE, panelTitle(false), vscode.ViewColumn.Active, pageOptions(extensionUri));
    SetupPanel.current = new SetupPanel(panel, extensionUri, host);
  }

  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, host: SetupHost): void {
    SetupPanel.current?.panel.dispose();
    SetupPanel.current = new SetupPanel(panel, extensionUri, host);
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    host: SetupHost,
  ) {
    // Set again for a revived panel, so it points at this installation's files.
    panel.webview.options = pageOptions(extensionUri);
    panel.title = panelTitle(unsavedDraft(host.drafts) !== undefined);
    const controller = new SetupController(host, {
      post: (message) => panel.webview.postMessage(message),
      setDirty: (dirty) => {
        panel.title = panelTitle(dirty);
      },
    });
    this.disposables.push(
      controller,
      panel.webview.onDidReceiveMessage((message: unknown) => controller.handle(message)),
      panel.onDidDispose(() => this.dispose()),
    );
    // The page carries the form's first state: read while VS Code prepares the webview, it spares the form a
    // round trip to this host before it can show.
    void controller.firstForPage().then((first) => {
      if (SetupPanel.current === this) panel.webview.html = html(panel.webview, extensionUri, host.language, first);
    });
  }

  private dispose(): void {
    if (SetupPanel.current === this) SetupPanel.current = undefined;
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** The tab's title: with a leading ● while the form has unsaved edits, as an editor with an unsaved file. */
function panelTitle(dirty: boolean): string {
  const title = vscode.l10n.t('tilbago setup');
  return dirty ? `● ${title}` : title;
}

/** The form's files, and its script allowed to run. */
function pageOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [webviewFiles(extensionUri)] };
}

const webviewFiles = (extensionUri: vscode.Uri) => vscode.Uri.joinPath(extensionUri, 'dist', 'webview');

function html(webview: vscode.Webview, extensionUri: vscode.Uri, language: string, first: RequestResult<'ready'> | undefined): string {
  const files = webviewFiles(extensionUri);
  const nonce = randomBytes(16).toString('base64');
  const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(files, name)).toString();
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<script type="module" nonce="${nonce}" src="${asset('webview.js')}"></script>
<title>tilbago</title>
</head>
<body data-language="${language}" data-strings="${escapeAttribute(JSON.stringify(setupFormWords()))}"${
    first ? ` data-first="${escapeAttribute(JSON.stringify(first))}" data-page="${randomBytes(8).toString('hex')}"` : ''
  }><main id="app" aria-busy="true"></main></body>
</html>`;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
