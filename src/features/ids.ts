// The commands whose code lives in a feature bundle loaded on first use. Kept apart (and tiny) so the entry
// bundle can register them without loading the features.
export const CASE_COMMANDS = ['tilbago.testConnection', 'tilbago.newCase', 'tilbago.submitCase', 'tilbago.enterCaseId', 'tilbago.refreshStatus', 'tilbago.checkUid'] as const;
export type CaseCommand = (typeof CASE_COMMANDS)[number];
