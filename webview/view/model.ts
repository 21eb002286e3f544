// What the form's templates are a function of: what the form knows (`FormModel`) and what it can do
// (`FormActions`). The templates in this folder keep no state and do not talk to the host.
import type { Language } from '../../src/shared/languages';
import type { SampleDebtor } from '../../src/reminders/letterEditing';
import type { ApiKeyState, CasesGit, ConnectionTest, FolderStatus, PaymentPart, SetupState } from '../../src/setup/contract';
import type { FormField } from '../../src/setup/fields';
import type { Strings } from '../../src/setup/formWords';
import type { Draft } from '../draft';
import type { LocatedPlaceholder } from '../unknownPlaceholders';

export interface FormModel {
  readonly t: Strings;
  readonly language: Language;
  /** The language of the letter being edited and previewed. */
  readonly letterLanguage: Language;
  /** Whom the preview writes to: a company or a person, whose salutations differ. */
  readonly sampleDebtor: SampleDebtor;
  /** The host's state; undefined until the handshake is answered. */
  readonly state?: SetupState | undefined;
  readonly draft?: Draft | undefined;
  readonly folder?: FolderStatus | undefined;
  readonly apiKey?: ApiKeyState | undefined;
  readonly saving: boolean;
  readonly lastSavedAt?: number | undefined;
  /** What the last Save or Reset did. */
  readonly notice?: string | undefined;
  readonly error?: string | undefined;
  /** Values changed in settings.json while there were unsaved edits. */
  readonly external?: { readonly changed: readonly FormField[]; readonly conflicts: readonly FormField[] } | undefined;
  /** Unsaved edits from an earlier session were brought back. */
  readonly restored: boolean;
  readonly connection?: ConnectionTest | 'testing' | undefined;
  readonly unknown: { readonly items: readonly LocatedPlaceholder[]; readonly total: number };
  /** What Git says of the cases folder shown (the host's answer for the folder as typed). */
  readonly casesGit?: CasesGit | undefined;
  /** The preview's payment part: being made, the fields that keep it from being made, or its SVG (checked nodes). */
  readonly paymentPart?: 'making' | Exclude<PaymentPart, { ok: true }> | { readonly ok: true; readonly svg: SVGSVGElement } | undefined;
  /** Today, `yyyy-mm-dd`: the preview's date. */
  readonly today: string;
}

export interface FormActions {
  input(field: FormField, value: string): void;
  save(): void;
  revert(): void;
  reset(): void;
  selectTarget(target: string): void;
  keepMine(): void;
  setKey(): void;
  removeKey(): void;
  testConnection(): void;
  openWalkthrough(): void;
  browse(): void;
  createFolder(): void;
  editBuiltIn(): void;
  chooseLetterLanguage(language: Language): void;
  chooseSampleDebtor(debtor: SampleDebtor): void;
  insertPlaceholder(placeholder: string): void;
  fixPlaceholder(item: LocatedPlaceholder): void;
  writeIntoFile(field: FormField): void;
  ignoreCasesFolder(): void;
}
