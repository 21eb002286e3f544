// The cases view's items as the user sees them: the stages' titles, each case's state in words with its dates,
// its tooltip and icon.
import * as vscode from 'vscode';
import { formatSwissDate, today } from '../shared/dates';
import { formatChf } from '../shared/money';
import { describeApiError } from '../tilbago/errors';
import { formatDateTime } from '../ui/format';
import { casesCount, problemsCount } from './counts';
import { describeBrokenRecord, describeReadProblem } from './words';
import type { SubmissionRecord } from './model/record';
import { type AttentionReason, caseMenu, type CaseStageKind } from './model/stage';
import type { CaseNode, Node } from './tree';
import { mayBeTimeBarred } from './model/claimLaw';
import { estimatedOfficeFee } from './model/officeFee';
import { describeLimitation, describeOfficeFee } from './words';

export function stateLabel(record: SubmissionRecord): string {
  switch (record.state) {
    case 'sending':
      return vscode.l10n.t('interrupted while sending');
    case 'notCreated':
      return vscode.l10n.t('not filed (error)');
    case 'refused':
      return vscode.l10n.t('refused by tilbago');
    case 'uncertain':
      return vscode.l10n.t('uncertain: tilbago did not answer');
    case 'duplicate':
      return vscode.l10n.t('needs the case id');
    case 'created':
      return vscode.l10n.t('filed, attachments missing');
    case 'complete':
      return record.status ? `${vscode.l10n.t('filed')} · ${record.status.description}` : vscode.l10n.t('filed');
  }
}

function stageTitle(stage: CaseStageKind): string {
  const words: Record<CaseStageKind, string> = {
    needsAttention: vscode.l10n.t('Needs attention'),
    ready: vscode.l10n.t('Ready for tilbago'),
    thirdReminderDue: vscode.l10n.t('3rd reminder due'),
    waiting: vscode.l10n.t('Waiting'),
    filed: vscode.l10n.t('Filed at tilbago'),
  };
  return words[stage];
}

/** What the view says beside a case: where it stands, and from or until when. */
function caseDescription(node: CaseNode): string {
  const { summary, stage } = node;
  switch (stage.kind) {
    case 'needsAttention':
      if (summary.listingStopped) return vscode.l10n.t('not read: the listing stopped here');
      if (summary.unreadable?.[0]) return vscode.l10n.t('{0} cannot be read', summary.unreadable[0].file);
      if (summary.recordProblem) return vscode.l10n.t('submission.json not understood');
      if (summary.record && stage.reason === 'attempt') return stateLabel(summary.record);
      if (stage.reason === 'noSecondReminder') return vscode.l10n.t('reminders.json has no date of the 2nd reminder');
      return vscode.l10n.t('needs attention · {0}', problemsCount(stage.problems));
    case 'ready':
      return stage.since ? vscode.l10n.t('litigation since {0}', formatSwissDate(stage.since)) : vscode.l10n.t('not submitted');
    case 'thirdReminderDue':
      return vscode.l10n.t('3rd reminder due since {0}', formatSwissDate(stage.since));
    case 'waiting':
      return stage.for === 'litigation'
        ? vscode.l10n.t('waiting — litigation from {0}', formatSwissDate(stage.until))
        : vscode.l10n.t('waiting — 3rd reminder from {0}', formatSwissDate(stage.until));
    case 'filed':
      return stateLabel(stage.record);
  }
}

const STAGE_ICONS: Record<CaseStageKind, string> = {
  needsAttention: 'warning',
  ready: 'law',
  thirdReminderDue: 'mail',
  waiting: 'watch',
  filed: 'pass',
};

/**
 * Markdown's special characters in a name or a sentence, shown as they are. Not MarkdownString.appendText: it
 * makes every space a no-break space, and a long line would no longer wrap in the tooltip.
 */
const markdownText = (text: string) => text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');

/** "1st reminder 07.09.2026 · 2nd reminder 05.10.2026 · 3rd reminder 02.12.2026", for the reminders sent. */
function reminderDates(reminders: CaseNode['summary']['reminders']): string {
  if (!reminders) return '';
  return [
    reminders.first ? vscode.l10n.t('1st reminder {0}', formatSwissDate(reminders.first)) : '',
    reminders.second ? vscode.l10n.t('2nd reminder {0}', formatSwissDate(reminders.second)) : '',
    reminders.third ? vscode.l10n.t('3rd reminder {0}', formatSwissDate(reminders.third)) : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Why files of the case folder were not read or not understood, in full. */
function fileProblems(summary: CaseNode['summary']): string[] {
  return [
    ...(summary.unreadable ?? []).map(({ file, problem }) => describeReadProblem(file, problem)),
    summary.recordProblem ? describeBrokenRecord(summary.recordProblem) : '',
    summary.listingStopped
      ? vscode.l10n.t(
          'The listing stopped at this folder after {0} seconds without reading it: one of its files did not answer (a network drive?). Refresh the view to try again.',
          summary.listingStopped.afterSeconds,
        )
      : '',
  ];
}

/** What to do with a case next, where it stands. */
function nextStep({ summary, stage }: CaseNode): string {
  switch (stage.kind) {
    case 'needsAttention':
      return attentionNextStep(stage.reason, summary.record);
    case 'ready':
      return vscode.l10n.t('Next: submit it to tilbago.');
    case 'thirdReminderDue':
      return vscode.l10n.t('Next: make the 3rd reminder letter, send it, and record the day it went out.');
    case 'waiting':
      return stage.for === 'litigation'
        ? vscode.l10n.t('Next: it can go to tilbago from {0}.', formatSwissDate(stage.until))
        : vscode.l10n.t('Next: the 3rd reminder, from {0}.', formatSwissDate(stage.until));
    case 'filed':
      return statusNextStep(stage.record.status?.statusCode);
  }
}

function attentionNextStep(reason: AttentionReason, record: SubmissionRecord | undefined): string {
  switch (reason) {
    case 'files':
      return vscode.l10n.t('Next: fix its files; the Problems panel lists each problem at its place.');
    case 'noSecondReminder':
      return vscode.l10n.t('Next: add the day of the 2nd reminder to reminders.json.');
    case 'record':
      return vscode.l10n.t('Next: look at submission.json; it is not a record of this extension.');
    case 'attempt':
      return record?.state === 'refused'
        ? vscode.l10n.t('Next: correct case.json as tilbago says, then submit it again.')
        : vscode.l10n.t('Next: check your tilbago account; submit again, or enter the case id you find there.');
  }
}

/** tilbago's status codes put into words, with what the creditor does next where it is known. */
function statusNextStep(code: string | undefined): string {
  switch (code) {
    case undefined:
      return vscode.l10n.t('Next: "Tilbago: Refresh case status" asks tilbago where it stands.');
    case '002':
      return vscode.l10n.t('Next: review the case in your tilbago account and submit it there; tilbago waits for that (status 002).');
    default:
      return vscode.l10n.t('Next: follow it in your tilbago account; "Tilbago: Refresh case status" asks again.');
  }
}

export function treeItem(node: Node): vscode.TreeItem {
  if (node.kind === 'stage') {
    // Filed cases are history: folded away; the others are work to do.
    const item = new vscode.TreeItem(
      stageTitle(node.stage),
      node.stage === 'filed' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded,
    );
    item.id = `stage:${node.stage}`;
    item.description = casesCount(node.cases.length);
    item.iconPath = new vscode.ThemeIcon(STAGE_ICONS[node.stage]);
    item.contextValue = `tilbagoStage.${node.stage}`;
    return item;
  }
  if (node.kind === 'file') {
    const uri = vscode.Uri.file(node.file);
    const item = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.None);
    // Ids from the paths: items keep their identity (and a case its expansion) across refreshes.
    item.id = `file:${node.file}`;
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [uri] };
    return item;
  }
  const { summary, stage } = node;
  const item = new vscode.TreeItem(summary.name, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `case:${summary.folder}`;
  const record = summary.record;
  item.description = caseDescription(node);
  const lines = [
    summary.debtor ? `${summary.debtor.name} · ${formatChf(summary.debtor.amountRappen)}` : '',
    caseDescription(node),
    ...fileProblems(summary),
    reminderDates(summary.reminders),
    stage.kind === 'ready' && summary.debtor
      ? vscode.l10n.t('Office fee: {0}', describeOfficeFee(estimatedOfficeFee(summary.debtor.amountRappen)))
      : '',
    stage.kind !== 'filed' && summary.invoiceDate && mayBeTimeBarred(summary.invoiceDate, today())
      ? `⚠ ${describeLimitation(summary.invoiceDate)}.`
      : '',
    record?.caseId ? vscode.l10n.t('tilbago case id: {0}', record.caseId) : '',
    record?.status
      ? vscode.l10n.t(
          'Status {0}: {1} (checked {2})',
          record.status.statusCode,
          record.status.description,
          formatDateTime(record.status.checkedAt),
        )
      : '',
    record?.lastError ? vscode.l10n.t('Last error: {0}', describeApiError(record.lastError.error)) : '',
  ].filter(Boolean);
  item.tooltip = new vscode.MarkdownString(
    [`**${markdownText(summary.name)}**`, ...lines.map(markdownText), `*${markdownText(nextStep(node))}*`].join('\n\n'),
  );
  item.iconPath = new vscode.ThemeIcon(stage.kind === 'needsAttention' ? 'warning' : stage.kind === 'filed' ? 'pass' : 'file');
  item.contextValue = caseMenu(stage);
  return item;
}
