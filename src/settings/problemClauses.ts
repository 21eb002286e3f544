// One wording for each problem code of a setting's value (SettingProblem of schema.ts): a clause that follows the
// value it is about ("must be between 0 and 365"). The warning ("The setting … {clause}."), the setup panel's note
// beside a broken value in settings.json and the sentence under a field as typed all say it with that clause.
// The clauses are made in the display language on the host (problemWords.ts) with their limits left as `{0}`, `{1}`;
// this module, free of `vscode`, fills them, so the setup page says a problem as the host does.
import { format } from '../shared/format';
import type { SettingProblem } from './schema';

export type ProblemCode = SettingProblem['reason'];

/** A clause per problem code. `wrongType`'s is a text's: a number setting holding text reads as `notWholeNumber`. */
export type ProblemClauses = Readonly<Record<ProblemCode, string>>;

/** The problem's clause, its limits filled in. */
export function describeProblem(clauses: ProblemClauses, problem: SettingProblem): string {
  switch (problem.reason) {
    case 'wrongType':
      return problem.expected === 'integer' ? clauses.notWholeNumber : clauses.wrongType;
    case 'outOfRange':
      return format(clauses.outOfRange, problem.minimum, problem.maximum);
    case 'tooLong':
      return format(clauses.tooLong, problem.maxLength);
    case 'notAChoice':
      return format(clauses.notAChoice, problem.values.map((value) => `"${value}"`).join(', '));
    default:
      return clauses[problem.reason];
  }
}
