// One step of a multi-step input (an input box or a quick pick) with VS Code's step counter and Back button.
// A step answers with its value, with `back`, or with undefined when it was closed (Escape).
import * as vscode from 'vscode';

export type StepOutcome<T> = { readonly kind: 'value'; readonly value: T } | { readonly kind: 'back' } | undefined;

interface StepOptions {
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
  /** Offers Back (from the second step on). */
  readonly back: boolean;
}

type Verdict = string | vscode.InputBoxValidationMessage | undefined;

export interface InputStepOptions extends StepOptions {
  readonly prompt: string;
  readonly value?: string;
  readonly placeholder?: string;
  /** A string or an Error message refuses the value; an Info message only says what was understood. */
  readonly validate?: (value: string) => Verdict;
}

export interface PickStepOptions<T extends vscode.QuickPickItem> extends StepOptions {
  readonly placeholder: string;
  readonly items: readonly T[];
  /** The item highlighted when the step opens (the earlier answer). */
  readonly active?: T | undefined;
}

const refuses = (verdict: Verdict) => typeof verdict === 'string' || verdict?.severity === vscode.InputBoxValidationSeverity.Error;

function shape(input: vscode.QuickInput & { buttons: readonly vscode.QuickInputButton[] }, options: StepOptions): void {
  input.title = options.title;
  input.step = options.step;
  input.totalSteps = options.totalSteps;
  input.ignoreFocusOut = true;
  input.buttons = options.back ? [vscode.QuickInputButtons.Back] : [];
}

/** Settles once: the first of accept, Back and hide wins, and the widget and its listeners are disposed. */
function settle<T>(input: vscode.QuickInput, resolve: (outcome: StepOutcome<T>) => void) {
  const disposables: vscode.Disposable[] = [];
  let done = false;
  const finish = (outcome: StepOutcome<T>) => {
    if (done) return;
    done = true;
    resolve(outcome);
    for (const d of disposables) d.dispose();
    input.dispose();
  };
  disposables.push(input.onDidHide(() => finish(undefined)));
  return { finish, disposables };
}

export function inputStep(options: InputStepOptions): Promise<StepOutcome<string>> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    shape(box, options);
    box.prompt = options.prompt;
    box.value = options.value ?? '';
    box.placeholder = options.placeholder;
    const { finish, disposables } = settle<string>(box, resolve);
    const check = (value: string) => {
      const verdict = options.validate?.(value);
      box.validationMessage = verdict;
      return verdict;
    };
    disposables.push(
      box.onDidChangeValue(check),
      box.onDidAccept(() => {
        if (!refuses(check(box.value))) finish({ kind: 'value', value: box.value });
      }),
      box.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && finish({ kind: 'back' })),
    );
    // An answer shown again says at once what was understood; an empty box is not scolded before typing.
    if (box.value) check(box.value);
    box.show();
  });
}

export function pickStep<T extends vscode.QuickPickItem>(options: PickStepOptions<T>): Promise<StepOutcome<T>> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<T>();
    shape(pick, options);
    pick.placeholder = options.placeholder;
    pick.items = options.items;
    if (options.active) pick.activeItems = [options.active];
    const { finish, disposables } = settle<T>(pick, resolve);
    disposables.push(
      pick.onDidAccept(() => {
        const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
        if (chosen) finish({ kind: 'value', value: chosen });
      }),
      pick.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && finish({ kind: 'back' })),
    );
    pick.show();
  });
}
