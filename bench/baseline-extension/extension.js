// A bare webview: minimal HTML whose script posts `ready`; the host answers with a state, which the page shows.
const vscode = require('vscode');
const crypto = require('node:crypto');

exports.activate = (context) => {
  context.subscriptions.push(
    vscode.commands.registerCommand('benchBaseline.open', () => {
      const panel = vscode.window.createWebviewPanel('benchBaseline', 'Baseline', vscode.ViewColumn.Active, {
        enableScripts: true,
        localResourceRoots: [],
      });
      const nonce = crypto.randomBytes(16).toString('base64');
      panel.webview.onDidReceiveMessage((message) => {
        if (message && message.type === 'ready') panel.webview.postMessage({ type: 'state', text: 'ready' });
      });
      panel.webview.html = `<!DOCTYPE html><html><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}';">
</head><body><p id="status">…</p>
<script nonce="${nonce}">
performance.mark('baseline-script');
const api = acquireVsCodeApi();
window.addEventListener('message', (event) => {
  document.getElementById('status').textContent = event.data.text;
  performance.mark('baseline-interactive');
});
api.postMessage({ type: 'ready' });
</script></body></html>`;
    }),
  );
};
