// The tilbago side, loaded on first use: the case commands, the cases view, the UID check, the case records.
import type * as vscode from 'vscode';
import { caseCommandHandlers, submitCase, type CaseServices, type SubmitOptions } from '../caseCommands';
import { CasesTree } from '../casesTree';
import { isBroken, readRecord, type SubmissionRecord } from '../core/submission';
import { checkUidCommand } from '../uidCommand';
import type { CaseCommand } from './ids';

export function createCasesFeature(services: CaseServices) {
  const handlers: Record<CaseCommand, (...args: unknown[]) => unknown> = { ...caseCommandHandlers(services), 'tilbago.checkUid': checkUidCommand };
  return {
    handlers,
    submit: (folder: vscode.Uri, options?: SubmitOptions) => submitCase(services, folder, options),
    createTree: () => new CasesTree(services.configuration, services.casesChanged.event),
    async caseState(folder: vscode.Uri): Promise<SubmissionRecord | undefined> {
      const record = await readRecord(folder.fsPath);
      return isBroken(record) ? undefined : record;
    },
  };
}

export type CasesFeature = ReturnType<typeof createCasesFeature>;
