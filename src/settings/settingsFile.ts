// A settings file (settings.json, or a .code-workspace file's "settings") with some values changed, as text: comments,
// order and layout kept, the way VS Code itself edits it (jsonc-parser). One write for several values, where
// VS Code's `update` writes the file once per value.
import { applyEdits, type Edit, findNodeAtLocation, modify, type Node, parseTree, type ParseError } from 'jsonc-parser';

/** Where the settings sit in the file: at the top of settings.json, under "settings" in a workspace file. */
export type SettingsPath = readonly [] | readonly ['settings'];

/**
 * The file's text with each `key` set to its value (`undefined` removes it). Undefined when the text is not a JSON
 * object VS Code could read: the file is then left to VS Code's own editing, which says what is wrong.
 */
export function withSettings(
  text: string,
  at: SettingsPath,
  values: readonly (readonly [key: string, value: unknown])[],
): string | undefined {
  const source = text.trim() === '' ? '{}' : text;
  if (!objectTree(source)) return undefined;
  const indent = /^( +|\t)"/m.exec(text)?.[1];
  const formattingOptions = {
    insertSpaces: indent !== '\t',
    tabSize: indent && indent !== '\t' ? indent.length : 4,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  };
  let result = source;
  for (const [key, value] of values) {
    result = applyEdits(result, modify(result, [...at, key], value, { formattingOptions }));
  }
  return result.endsWith('\n') ? result : `${result}\n`;
}

/**
 * The file's text with each key `from` renamed `to` where it stands: its value, its place and the comments around it
 * kept (removing a property would take the comment before the next one with it). A key not in the file is skipped.
 * Undefined when the text is not a JSON object VS Code could read, or a new name is in the file already.
 */
export function withKeysRenamed(
  text: string,
  at: SettingsPath,
  renames: readonly (readonly [from: string, to: string])[],
): string | undefined {
  const root = objectTree(text);
  if (!root) return undefined;
  const edits: Edit[] = [];
  for (const [from, to] of renames) {
    if (findNodeAtLocation(root, [...at, to])) return undefined;
    const key = findNodeAtLocation(root, [...at, from])?.parent?.children?.[0];
    if (key) edits.push({ offset: key.offset, length: key.length, content: JSON.stringify(to) });
  }
  return applyEdits(text, edits);
}

/** The file's syntax tree, when it is a JSON object VS Code could read (comments and trailing commas allowed). */
function objectTree(text: string): Node | undefined {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true });
  return errors.length || root?.type !== 'object' ? undefined : root;
}
