// What the entry must know of the parts loaded on first use, to register them without loading them: the
// commands of the tilbago side, and the setup panel's view type (for its serializer).
export const SETUP_VIEW_TYPE = 'tilbago.setup';

export const CASE_COMMANDS = [
  'tilbago.testConnection',
  'tilbago.newCase',
  'tilbago.submitCase',
  'tilbago.enterCaseId',
  'tilbago.refreshStatus',
  'tilbago.checkUid',
  'tilbago.validateAllCases',
  'tilbago.submitAllReady',
  'tilbago.createReminderLetter',
  'tilbago.showReminderLetter',
  'tilbago.createDueLetters',
  'tilbago.recordThirdReminderSent',
  'tilbago.openCaseFile',
  'tilbago.openRemindersFile',
  'tilbago.revealCaseFolder',
] as const;
export type CaseCommand = (typeof CASE_COMMANDS)[number];
