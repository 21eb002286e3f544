// Which characters a value typed or written by hand may hold: the one rule for settings, case files and inputs.

// A letter may hold line breaks and tabs; nothing else invisible belongs in a value.
const FORBIDDEN_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const FORBIDDEN_IN_LINE = /[\u0000-\u001f\u007f-\u009f]/;

/** Whether a one-line value (a path, a name, a reference) holds a control character. */
export function hasControlCharacters(text: string): boolean {
  return FORBIDDEN_IN_LINE.test(text);
}

/** Whether a text of several lines (a letter) holds a control character other than a line break or a tab. */
export function hasControlCharactersInText(text: string): boolean {
  return FORBIDDEN_IN_TEXT.test(text);
}
