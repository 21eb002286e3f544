// "Tilbago: New debt-collection case": asks for the invoice and the debtor, step by step, and makes a case folder
// (never over an existing one) with its case.json and reminders.json.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { hasControlCharacters } from '../../shared/text';
import { postcodeCountry } from '../../shared/postcodeLanguage';
import { LEGAL_INTEREST_RATE } from '../model/claimLaw';
import { formatSwissDate, today as todayIso } from '../../shared/dates';
import { writeJsonAtomic } from '../../shared/jsonFile';
import type { Language } from '../../shared/languages';
import { formatChf, readChf, type AmountReading } from '../../shared/money';
import { log } from '../../ui/log';
import { inputStep, pickStep, type StepOutcome } from '../../ui/quickInput';
import { allCaseFolders, type CaseServices } from '../caseFolders';
import { warnIfCasesExposed } from '../gitExposure';
import { ATTACHMENTS_FOLDER, CASE_FILE, MAX_JSON_FILE_BYTES, REMINDERS_FILE, SCHEMA_FILES, SCHEMAS_FOLDER } from '../model/files';
import { readTextBounded } from '../../shared/boundedRead';
import { caseFolderName, type NewCaseAnswers, newCaseFile, readPlace, readStreet } from '../model/newCase';
import {
  caseAnswers,
  checkDateAnswer,
  type DateAnswer,
  type DateStep,
  type DebtorKind,
  debtorLanguageOf,
  initialValue,
  lacksHouseNumber,
  nextStep,
  placeLanguage,
  previousStep,
  type QuestionId,
  readUidAnswer,
  type StepAnswers,
  type StepContext,
  type StepId,
  stepPosition,
  summaryLines,
  withAnswer,
} from '../model/newCaseSteps';
import { characterCount, MAIN_REASON_MAX } from '../model/caseFile';
import { remindersFile } from '../model/remindersFile';
import { withoutVatSuffix } from '../model/uid';
import { describeUidProblem } from './checkUid';

/** What was understood, shown under the box while typing. */
const understood = (message: string): vscode.InputBoxValidationMessage => ({ message, severity: vscode.InputBoxValidationSeverity.Info });

type AmountProblem = Extract<AmountReading, { ok: false }>['problem'];

function describeAmountProblem(problem: AmountProblem): string {
  const words: Record<AmountProblem, string> = {
    empty: vscode.l10n.t('Required.'),
    notAnAmount: vscode.l10n.t("Not an amount: write it as 1'234.50, 1234.50, 1234,50 or 100.-"),
    commaThousands: vscode.l10n.t("Group thousands with ' (1'234.50), not with a comma or a point."),
    tooManyDecimals: vscode.l10n.t('At most two digits after the point: the Rappen.'),
    notPositive: vscode.l10n.t('The amount due must be more than CHF 0.00.'),
    tooLarge: vscode.l10n.t("More than tilbago takes in one claim (CHF 999'999'999.99)."),
  };
  return words[problem];
}

function describeDateProblem(answer: Extract<DateAnswer, { ok: false }>, typed: string): string {
  switch (answer.problem) {
    case 'format':
      return vscode.l10n.t('"{0}" is not a date: write dd.mm.yyyy, e.g. 03.08.2026.', typed);
    case 'noSuchDate':
      return vscode.l10n.t('{0} does not exist in the calendar.', typed);
    case 'future':
      return vscode.l10n.t('{0} is in the future: the invoice and the reminders sent are in the past.', typed);
    case 'order': {
      const other = formatSwissDate(answer.otherDate);
      if (answer.before && answer.other === 'invoiceDate') return vscode.l10n.t('This date is before the invoice date ({0}).', other);
      if (answer.before && answer.other === 'dueDate')
        return vscode.l10n.t(
          'This date is before the due date ({0}): a reminder puts the debtor in default only once the invoice is due.',
          other,
        );
      if (answer.before) return vscode.l10n.t('This date is before the 1st reminder ({0}).', other);
      if (answer.other === 'dueDate') return vscode.l10n.t('This date is after the due date ({0}).', other);
      if (answer.other === 'firstReminder') return vscode.l10n.t('This date is after the 1st reminder ({0}).', other);
      return vscode.l10n.t('This date is after the 2nd reminder ({0}).', other);
    }
  }
}

type Validate = (value: string, answers: StepAnswers) => string | vscode.InputBoxValidationMessage | undefined;

/**
 * A place that is not "postcode town", or whose postcode is not Swiss: said at once, since a request against a
 * debtor abroad would fail only at the office, after its fee.
 */
function describePlaceProblem(typed: string): string | undefined {
  const place = readPlace(typed);
  if (!place) return vscode.l10n.t('The postcode first, then the town: 1003 Lausanne.');
  switch (postcodeCountry(place.zip)) {
    case 'CH':
      return undefined;
    case 'LI':
      return vscode.l10n.t(
        '{0} is in Liechtenstein, which has its own debt-collection law: tilbago files with Swiss debt collection offices only. A debtor there needs another way.',
        place.zip,
      );
    default:
      return vscode.l10n.t(
        '{0} is not a Swiss postcode: tilbago files with Swiss debt collection offices only. A debtor abroad needs another way.',
        place.zip,
      );
  }
}

/** The questions of the input boxes: what they ask, how an answer is checked (against the others for the dates). */
function questions(
  taken: ReadonlyMap<string, string>,
  context: StepContext,
): Record<Exclude<QuestionId, 'kind' | 'language'>, { prompt: string; placeholder?: string; validate: Validate }> {
  const required = (value: string) =>
    !value.trim() ? vscode.l10n.t('Required.') : hasControlCharacters(value) ? vscode.l10n.t('No control characters.') : undefined;
  const date = (step: DateStep, prompt: string) => ({
    prompt,
    placeholder: vscode.l10n.t('dd.mm.yyyy, e.g. 03.08.2026; may be left empty'),
    validate: ((v, answers) => {
      const checked = checkDateAnswer(answers, step, v, context);
      if (!checked.ok) return describeDateProblem(checked, v.trim());
      return checked.date ? understood(`= ${formatSwissDate(checked.date)}`) : undefined;
    }) satisfies Validate,
  });
  return {
    invoiceNumber: {
      prompt: vscode.l10n.t('Invoice number: it becomes the case reference at tilbago, which must be unique.'),
      // The invoice number is the case's reference at tilbago: one that a case folder has already is refused at once.
      validate: (v) =>
        required(v) ??
        (/[/\\]/.test(v)
          ? vscode.l10n.t('No slashes.')
          : v.trim().length > 100
            ? vscode.l10n.t('At most 100 characters.')
            : taken.has(v.trim())
              ? vscode.l10n.t('The case folder "{0}" has this invoice number already.', taken.get(v.trim())!)
              : undefined),
    },
    company: { prompt: vscode.l10n.t('Company name of the debtor'), validate: required },
    uid: {
      prompt: vscode.l10n.t('Company UID (CHE-123.456.788, also as a VAT number with MWST, TVA or IVA), or leave empty'),
      validate: (v) => {
        if (!v.trim()) return undefined;
        const checked = readUidAnswer(v);
        if (!checked.ok) return describeUidProblem(withoutVatSuffix(v));
        return checked.normalized === v.trim() ? undefined : understood(`= ${checked.normalized}`);
      },
    },
    name: { prompt: vscode.l10n.t('First name of the debtor'), validate: required },
    surname: { prompt: vscode.l10n.t('Last name of the debtor'), validate: required },
    street: { prompt: vscode.l10n.t("Debtor's street and number, e.g. Rue du Lac 12"), validate: required },
    place: {
      prompt: vscode.l10n.t("Debtor's postcode and town, e.g. 1003 Lausanne"),
      validate: (v) => required(v) ?? describePlaceProblem(v),
    },
    amount: {
      prompt: vscode.l10n.t("Amount due in CHF, e.g. 1'234.50"),
      validate: (v) => {
        const read = readChf(v);
        return read.ok ? understood(`= ${formatChf(read.rappen)}`) : describeAmountProblem(read.problem);
      },
    },
    invoiceDate: date('invoiceDate', vscode.l10n.t('Invoice date')),
    dueDate: date('dueDate', vscode.l10n.t('Due date of the invoice (payable by): interest runs from the day after it')),
    firstReminder: date('firstReminder', vscode.l10n.t('Date of the 1st reminder sent')),
    secondReminder: date('secondReminder', vscode.l10n.t('Date of the 2nd reminder sent')),
    reason: {
      prompt: vscode.l10n.t("Reason of the claim, as the debt-collection office will read it (in the debtor's language)"),
      validate: (v) =>
        required(v) ?? (characterCount(v.trim()) > MAIN_REASON_MAX ? vscode.l10n.t('At most {0} characters.', MAIN_REASON_MAX) : undefined),
    },
  };
}

/** The short name of each question, for the summary. */
function questionName(step: QuestionId): string {
  const words: Record<QuestionId, string> = {
    invoiceNumber: vscode.l10n.t('Invoice number'),
    kind: vscode.l10n.t('Debtor'),
    company: vscode.l10n.t('Company name'),
    uid: vscode.l10n.t('Company UID'),
    name: vscode.l10n.t('First name'),
    surname: vscode.l10n.t('Last name'),
    street: vscode.l10n.t('Street and number'),
    place: vscode.l10n.t('Postcode and town'),
    language: vscode.l10n.t("Debtor's language"),
    amount: vscode.l10n.t('Amount due'),
    invoiceDate: vscode.l10n.t('Invoice date'),
    dueDate: vscode.l10n.t('Due date'),
    firstReminder: vscode.l10n.t('1st reminder'),
    secondReminder: vscode.l10n.t('2nd reminder'),
    reason: vscode.l10n.t('Reason'),
  };
  return words[step];
}

const kindWords = (): Record<DebtorKind, string> => ({
  natural: vscode.l10n.t('A natural person'),
  legal: vscode.l10n.t('A company or other legal person'),
});

const languageWords = (): Record<Language, string> => ({
  de: vscode.l10n.t('German (Deutsch)'),
  fr: vscode.l10n.t('French (français)'),
  it: vscode.l10n.t('Italian (italiano)'),
  en: vscode.l10n.t('English (a foreign debtor)'),
});

type LanguageItem = vscode.QuickPickItem & { readonly language: Language };

/** The language step: the four languages, the postcode's proposed (both of a bilingual place, the majority's first). */
function languageQuestion(answers: StepAnswers): { placeholder: string; items: LanguageItem[]; active: LanguageItem | undefined } {
  const names = languageWords();
  const region = placeLanguage(answers);
  const zip = readPlace(answers.place ?? '')?.zip ?? '';
  const note = (language: Language): string | undefined => {
    if (language === 'en') return vscode.l10n.t('for our letters only; tilbago is told no language');
    if (region?.kind === 'bilingual' && (region.languages as readonly Language[]).includes(language))
      return vscode.l10n.t('{0} is bilingual', region.place);
    if (region?.kind === 'one' && region.language === language) return vscode.l10n.t('the language at postcode {0}', zip);
    return undefined;
  };
  const items = (['de', 'fr', 'it', 'en'] as const).map((language): LanguageItem => {
    const description = note(language);
    return { label: names[language], language, ...(description ? { description } : {}) };
  });
  const question = vscode.l10n.t('Which language does the debtor read? The letters and the reason of the claim are written in it.');
  const placeholder =
    region?.kind !== 'bilingual'
      ? question
      : region.languages[0] === 'de'
        ? `${vscode.l10n.t('German or French: {0} is bilingual.', region.place)} ${question}`
        : `${vscode.l10n.t('French or German: {0} is bilingual.', region.place)} ${question}`;
  return { placeholder, items, active: items.find((item) => item.language === debtorLanguageOf(answers)) };
}

type SummaryItem = vscode.QuickPickItem & { readonly step?: QuestionId };

/** The title, the step counter and Back of a step. */
type StepShape = { readonly title: string; readonly step: number; readonly totalSteps: number; readonly back: boolean };

/**
 * A street without a house number, asked about once for that text: continue without one, or add it. Resolves to
 * whether to go on; undefined when closed.
 */
async function keepWithoutNumber(street: string, shape: StepShape): Promise<boolean | undefined> {
  const add = { label: vscode.l10n.t('Add the number') };
  const keep = { label: vscode.l10n.t('Continue without a number') };
  const picked = await pickStep({
    ...shape,
    placeholder: vscode.l10n.t('{0} has no number. Continue without one?', readStreet(street).street),
    items: [add, keep],
  });
  return picked === undefined ? undefined : picked.kind === 'value' && picked.value === keep;
}

/**
 * Asks step by step (the order and the skipped steps are the model's, newCaseSteps.ts), with Back keeping the
 * answers, and a summary before anything is written. Undefined when closed at any step.
 */
async function askAnswers(services: CaseServices): Promise<NewCaseAnswers | undefined> {
  const context: StepContext = { today: todayIso() };
  const taken = new Map(
    (await allCaseFolders(services.configuration)).flatMap((c) => (c.externalRef ? [[c.externalRef, c.name] as const] : [])),
  );
  const asked = questions(taken, context);
  const title = vscode.l10n.t('New debt-collection case');
  const kinds = kindWords();
  const languages = languageWords();
  let answers: StepAnswers = {};
  let step: StepId = 'invoiceNumber';
  let changedFromSummary = false;
  // The street last kept without a number: not asked about again.
  let keptWithoutNumber: string | undefined;
  for (;;) {
    const shape: StepShape = {
      title,
      ...stepPosition(answers, step),
      back: previousStep(answers, step) !== undefined,
    };
    if (step === 'summary') {
      const create: SummaryItem = { label: vscode.l10n.t('Create the case folder'), alwaysShow: true };
      const lines = summaryLines(answers, context).map(
        (line): SummaryItem => ({
          label: line.about === 'interest' ? vscode.l10n.t('Interest') : questionName(line.step),
          description:
            line.about === 'interest'
              ? line.value
                ? vscode.l10n.t('{0}% a year since {1}, the default interest (art. 104 OR)', Number(LEGAL_INTEREST_RATE), line.value)
                : vscode.l10n.t('none: without a due date or a reminder the debtor is not in default')
              : line.step === 'kind'
                ? kinds[line.value as DebtorKind]
                : line.step === 'language'
                  ? languages[line.value as Language]
                  : line.value || vscode.l10n.t('(none)'),
          step: line.step,
        }),
      );
      const change: SummaryItem = { label: vscode.l10n.t('Change an answer…'), kind: vscode.QuickPickItemKind.Separator };
      const outcome: StepOutcome<SummaryItem> = await pickStep<SummaryItem>({
        ...shape,
        placeholder: vscode.l10n.t('Check the answers: create the case folder, or pick a line to change it'),
        items: [create, change, ...lines],
      });
      if (!outcome) return undefined;
      if (outcome.kind === 'back') step = previousStep(answers, step)!;
      else if (outcome.value.step) step = outcome.value.step;
      else {
        const made = caseAnswers(answers, context);
        // Each step checked its answer: not reached unless a step lets through what the model refuses.
        if (!made) throw new Error(`the answers do not make a case: ${JSON.stringify(Object.keys(answers))}`);
        return made;
      }
      changedFromSummary = outcome.kind === 'value';
      continue;
    }
    let outcome: StepOutcome<string>;
    if (step === 'kind') {
      const items = (['natural', 'legal'] as const).map((debtor) => ({ label: kinds[debtor], debtor }));
      const picked = await pickStep<(typeof items)[number]>({
        ...shape,
        placeholder: vscode.l10n.t('Who is the debtor?'),
        items,
        active: items.find((item) => item.debtor === answers.kind),
      });
      outcome = picked?.kind === 'value' ? { kind: 'value', value: picked.value.debtor } : picked;
    } else if (step === 'language') {
      const picked = await pickStep<LanguageItem>({ ...shape, ...languageQuestion(answers) });
      outcome = picked?.kind === 'value' ? { kind: 'value', value: picked.value.language } : picked;
    } else {
      const question = asked[step];
      outcome = await inputStep({
        ...shape,
        ...question,
        value: initialValue(answers, step, context),
        validate: (value) => question.validate(value, answers),
      });
    }
    if (!outcome) return undefined;
    if (outcome.kind === 'back') {
      step = previousStep(answers, step)!;
      changedFromSummary = false;
      continue;
    }
    answers = withAnswer(answers, step, outcome.value, context);
    if (step === 'street' && lacksHouseNumber(outcome.value) && outcome.value.trim() !== keptWithoutNumber) {
      const keep = await keepWithoutNumber(outcome.value, shape);
      if (keep === undefined) return undefined;
      // Add the number: the street step again, with what was typed.
      if (!keep) continue;
      keptWithoutNumber = outcome.value.trim();
    }
    step = nextStep(answers, step, changedFromSummary);
    if (step === 'summary') changedFromSummary = false;
  }
}

export async function newCase(services: CaseServices): Promise<string | undefined> {
  const casesFolder = services.configuration.casesFolders()[0];
  if (!casesFolder) {
    const open = vscode.l10n.t('Open setup');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Choose the folder for the cases first (setting "tilbago.casesFolder").'),
      open,
    );
    if (answer === open) await vscode.commands.executeCommand('tilbago.openSetup');
    return undefined;
  }

  const answers = await askAnswers(services);
  if (!answers) return undefined;
  const folder = path.join(casesFolder, caseFolderName(answers));
  try {
    await fs.mkdir(casesFolder, { recursive: true });
    // Fails if the folder exists: a case folder is never overwritten.
    await fs.mkdir(folder);
  } catch (error) {
    const message =
      (error as NodeJS.ErrnoException).code === 'EEXIST'
        ? vscode.l10n.t('A case folder "{0}" exists already; nothing was changed.', path.basename(folder))
        : vscode.l10n.t('The case folder could not be made: {0}', (error as Error).message);
    void vscode.window.showErrorMessage(message);
    return undefined;
  }
  await fs.mkdir(path.join(folder, ATTACHMENTS_FOLDER));
  await copySchemas(services.extensionPath, casesFolder);
  await writeJsonAtomic(path.join(folder, CASE_FILE), newCaseFile(answers));
  await writeJsonAtomic(path.join(folder, REMINDERS_FILE), remindersFile(answers));
  services.casesChanged.fire();
  log().info(`New case folder ${path.basename(folder)}.`);
  await vscode.window.showTextDocument(vscode.Uri.file(path.join(folder, CASE_FILE)));
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Case folder made. Put the invoice and the reminders into attachments/, check case.json, then submit it.'),
  );
  await warnIfCasesExposed(services.state, casesFolder);
  return folder;
}

/**
 * Puts this version's schemas into the cases folder's `.schemas/`, which the case files name: a copy there is the
 * extension's own file, replaced when this version's differs; nothing else in the folder is touched.
 */
async function copySchemas(extensionPath: string, casesFolder: string): Promise<void> {
  const target = path.join(casesFolder, SCHEMAS_FOLDER);
  await fs.mkdir(target, { recursive: true });
  for (const name of SCHEMA_FILES) {
    const ours = await fs.readFile(path.join(extensionPath, 'schemas', name), 'utf8');
    // Bounded, no link followed: a FIFO or a link there is left alone (written to, it could block or lead anywhere).
    const there = await readTextBounded(path.join(target, name), { cap: MAX_JSON_FILE_BYTES });
    if ('missing' in there || ('text' in there && there.text !== ours)) await fs.writeFile(path.join(target, name), ours);
  }
}
