// A settings file (settings.json, or a .code-workspace file's "settings") with some values changed, as text: comments,
// order and layout kept, the way VS Code itself edits it (jsonc-parser). One write for several values, where
// VS Code's `update` writes the file once per value. Every byte outside the values changed stays as it was: a byte
// that is not UTF-8, the BOM, the line ends and the last line's end. The edit lands where VS Code reads: on the last
// of duplicate keys, in the last of two "settings" objects (VS Code's parser keeps the last).
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { applyEdits, type Edit, findNodeAtLocation, modify, type Node, type ParseError, parseTree, stripComments } from 'jsonc-parser';
import { type FileProblem, FileRefused, readNoLink, refuseLinksBelow, replaceNoLink } from '../shared/noLinkFile';

/** Where the settings sit in the file: at the top of settings.json, under "settings" in a workspace file. */
export type SettingsPath = readonly [] | readonly ['settings'];

export type JsonKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

/** Why a settings file's text cannot be edited: the user's to correct (VS Code shows where when the file is opened). */
export type SettingsTextProblem =
  | { readonly kind: 'syntax'; readonly line: number }
  | { readonly kind: 'notAnObject'; readonly found: JsonKind }
  | { readonly kind: 'settingsNotAnObject'; readonly found: JsonKind };

export type SettingsFileProblem = SettingsTextProblem | FileProblem;

/** An edit of the text: the new text, a problem, or undefined to leave the file to VS Code's own `update`. */
export type SettingsEdit = (text: string) => string | SettingsTextProblem | undefined;

/** A settings file is a few kilobytes; past this it is not read. */
export const SETTINGS_FILE_LIMIT = 8 * 1024 * 1024;

/** The file's text with each `key` set to its value (`undefined` removes every occurrence of it). */
export function withSettings(
  text: string,
  at: SettingsPath,
  values: readonly (readonly [key: string, value: unknown])[],
): string | SettingsTextProblem {
  // No value in the file yet (empty, or comments only): an object is added after what is there.
  const noValue = stripComments(text).trim() === '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const source = noValue ? `${text}${text && !text.endsWith('\n') ? eol : ''}{}` : text;
  const read = readSettings(source, at);
  if ('kind' in read) return read;
  const indent = /^( +|\t)"/m.exec(text)?.[1];
  const formattingOptions = { insertSpaces: indent !== '\t', tabSize: indent && indent !== '\t' ? indent.length : 4, eol };
  const masked = maskEarlierSettings(source, read.root, at, JSON.stringify(values.map(([key, value]) => [key, value ?? null])));
  let result = masked.text;
  for (const [key, value] of values) {
    if (value === undefined) {
      // Every occurrence: the one before the last would be read once the last is gone.
      for (let found = objectAt(result, at); properties(found, key).length; found = objectAt(result, at))
        result = applyEdits(
          result,
          lineRemoval(result, found!, properties(found, key)[0]!) ?? modify(result, [...at, key], undefined, { formattingOptions }),
        );
      continue;
    }
    const last = properties(objectAt(result, at), key).at(-1)?.children?.[1];
    result = last
      ? applyEdits(result, [{ offset: last.offset, length: last.length, content: JSON.stringify(value) }])
      : applyEdits(result, modify(result, [...at, key], value, { formattingOptions }));
  }
  result = masked.unmask(result);
  return noValue ? `${result}${eol}` : result;
}

const BOM = [0xef, 0xbb, 0xbf];

/**
 * The file's bytes edited as text: what is not UTF-8 is carried through as it was (as lone surrogates, as Python's
 * "surrogateescape" does), the BOM is kept. The new values are written in UTF-8.
 */
export function editSettingsBytes(bytes: Uint8Array, edit: SettingsEdit): Uint8Array | SettingsTextProblem | undefined {
  const bom = BOM.every((byte, i) => bytes[i] === byte);
  const edited = edit(decodeKeepingBytes(bom ? bytes.subarray(3) : bytes));
  if (typeof edited !== 'string') return edited;
  return Buffer.concat([Buffer.from(bom ? BOM : []), encodeKeepingBytes(edited)]);
}

export type SettingsFileOutcome =
  | { readonly kind: 'written' | 'unchanged' | 'leftToVsCode' }
  | { readonly kind: 'refused'; readonly problem: SettingsFileProblem };

/**
 * Edits the settings file at `file` (made if missing, with its folder): never through a link, at the name or at a
 * folder below `base` (the workspace folder); never over a FIFO or a device; never over a change made meanwhile.
 * `beforeWrite` runs just before the file is replaced.
 */
export async function editSettingsFile(
  file: string,
  base: string,
  edit: SettingsEdit,
  beforeWrite?: () => void,
): Promise<SettingsFileOutcome> {
  try {
    await refuseLinksBelow(base, file);
    const read = await readNoLink(file, SETTINGS_FILE_LIMIT);
    const before = read?.bytes ?? new Uint8Array();
    const edited = editSettingsBytes(before, edit);
    if (edited === undefined) return { kind: 'leftToVsCode' };
    if (!(edited instanceof Uint8Array)) return { kind: 'refused', problem: edited };
    if (read && Buffer.compare(edited, before) === 0) return { kind: 'unchanged' };
    if (!read) {
      await fs.mkdir(path.dirname(file), { recursive: true });
      await refuseLinksBelow(base, file);
    }
    beforeWrite?.();
    await replaceNoLink(file, edited, read?.stat);
    return { kind: 'written' };
  } catch (error) {
    if (error instanceof FileRefused) return { kind: 'refused', problem: error.problem };
    throw error;
  }
}

/**
 * Removes a property that has its own line(s), line and all, so that a comment at the end of the line above stays
 * and one on the lines above it (jsonc-parser removes from the end of the property before, or from the `{`, comments
 * included); the comma before a last property goes with it. Undefined for a property sharing its line: jsonc-parser's removal then.
 */
function lineRemoval(text: string, object: Node, property: Node): Edit[] | undefined {
  const siblings = object.children!;
  const index = siblings.indexOf(property);
  const lineStart = text.lastIndexOf('\n', property.offset - 1) + 1;
  if (text.slice(lineStart, property.offset).trim() !== '') return undefined;
  const end = property.offset + property.length;
  if (index < siblings.length - 1) {
    // Its own comma and the rest of its line, when that is blank.
    const comma = /^\s*,[ \t]*(\r?\n)?/.exec(text.slice(end));
    if (!comma?.[1]) return undefined;
    return [{ offset: lineStart, length: end + comma[0].length - lineStart, content: '' }];
  }
  const previous = siblings[index - 1];
  const previousEnd = previous ? previous.offset + previous.length : 0;
  const comma = previous && /^\s*,/.exec(text.slice(previousEnd));
  const lineBreak = text[lineStart - 2] === '\r' ? lineStart - 2 : lineStart - 1;
  return [
    ...(comma ? [{ offset: previousEnd + comma[0].length - 1, length: 1, content: '' }] : []),
    { offset: lineBreak, length: end - lineBreak, content: '' },
  ];
}

/** The object at `at` in the text (the first "settings": the ones before the last are masked by then). */
function objectAt(text: string, at: SettingsPath): Node | undefined {
  const root = parseTree(text, [], { allowTrailingComma: true });
  return root && findNodeAtLocation(root, [...at]);
}

/** The properties named `key` of an object node, in the file's order. */
function properties(object: Node | undefined, key: string): Node[] {
  return object?.type === 'object' ? (object.children ?? []).filter((property) => property.children?.[0]?.value === key) : [];
}

/** The file's tree and the object VS Code reads the settings from (undefined: no "settings" yet), or the problem. */
function readSettings(text: string, at: SettingsPath): { root: Node; settings: Node | undefined } | SettingsTextProblem {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true });
  if (errors.length || !root) return { kind: 'syntax', line: text.slice(0, errors[0]?.offset ?? 0).split('\n').length };
  if (root.type !== 'object') return { kind: 'notAnObject', found: root.type as JsonKind };
  if (at.length === 0) return { root, settings: root };
  const settings = properties(root, 'settings').at(-1)?.children?.[1];
  if (settings && settings.type !== 'object') return { kind: 'settingsNotAnObject', found: settings.type as JsonKind };
  return { root, settings };
}

/**
 * jsonc-parser edits the first "settings" of a workspace file, VS Code reads the last: the keys of the ones before
 * are hidden (replaced by a mark of the same length, a character in neither the text nor the values) while editing,
 * and put back after.
 */
function maskEarlierSettings(
  text: string,
  root: Node,
  at: SettingsPath,
  values: string,
): { text: string; unmask: (edited: string) => string } {
  const earlier = at.length
    ? properties(root, 'settings')
        .slice(0, -1)
        .map((property) => property.children![0]!)
    : [];
  if (earlier.length === 0) return { text, unmask: (edited) => edited };
  let code = 0xe000;
  while (text.includes(String.fromCharCode(code)) || values.includes(String.fromCharCode(code))) code++;
  const mark = String.fromCharCode(code);
  const originals = earlier.map((key) => text.slice(key.offset, key.offset + key.length));
  let masked = text;
  for (const key of earlier)
    masked = `${masked.slice(0, key.offset)}"${mark.repeat(key.length - 2)}"${masked.slice(key.offset + key.length)}`;
  let next = 0;
  return { text: masked, unmask: (edited) => edited.replace(new RegExp(`"${mark}+"`, 'g'), () => originals[next++]!) };
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** UTF-8 decoded; each byte that is not part of a valid sequence becomes U+DC80–U+DCFF, which no valid text holds. */
function decodeKeepingBytes(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    // Byte by byte below.
  }
  let text = '';
  for (let i = 0; i < bytes.length; ) {
    const byte = bytes[i]!;
    const length =
      byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    let decoded: string | undefined;
    try {
      decoded = length ? utf8.decode(bytes.subarray(i, i + length)) : undefined;
    } catch {
      decoded = undefined;
    }
    text += decoded ?? String.fromCharCode(0xdc00 + byte);
    i += decoded === undefined ? 1 : length;
  }
  return text;
}

/** The reverse of `decodeKeepingBytes`: the bytes carried through are written back as they were. */
function encodeKeepingBytes(text: string): Uint8Array {
  // With the u flag a surrogate pair is one character: only a lone one matches (the new values, through
  // JSON.stringify, hold none).
  const parts = text.split(/([\udc80-\udcff])/u);
  return Buffer.concat(
    parts.map((part, i) => (i % 2 ? Buffer.from([part.charCodeAt(0) - 0xdc00]) : Buffer.from(new TextEncoder().encode(part)))),
  );
}
