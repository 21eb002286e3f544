// Reading a file someone else put there, without letting it hang, exhaust or mislead the reader: opened without
// blocking (a FIFO's open waits for a writer otherwise) and without following a link, then `fstat` on the handle,
// regular files only, the size capped on the handle and never more than cap + 1 bytes read. A link is followed only
// when the caller names a folder it may lead into, and only to a regular file there. Each step is one call of the
// same rules (`readSteps`), run with synchronous calls (for a worker thread) or asynchronous ones: none of them can
// block a libuv thread, since a FIFO, a device or a socket is found by `fstat` before anything is read.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';

/** What stands where a file was expected. */
export type NotAFileKind = 'fifo' | 'device' | 'socket' | 'directory' | 'other';

/**
 * - `refused`: a link where the caller follows none.
 * - `outside`: it leads out of the folder it may lead into.
 * - `notAFile`: it leads to something that is not a regular file.
 * - `dangling`: it leads nowhere (or in a loop).
 */
export type LinkProblem = 'refused' | 'outside' | 'notAFile' | 'dangling';

export type ReadProblem =
  | { readonly code: 'notAFile'; readonly found: NotAFileKind }
  /** Larger than `cap` bytes (by its size, or it grew past it while read). */
  | { readonly code: 'tooLarge'; readonly cap: number }
  | { readonly code: 'link'; readonly why: LinkProblem }
  /** Its size changed while it was read: being written. */
  | { readonly code: 'changing' }
  /** Bytes that are not UTF-8 (only for a text read). */
  | { readonly code: 'notUtf8' }
  /** Any other failure; `detail` is the system's code (EACCES…). */
  | { readonly code: 'unreadable'; readonly detail: string };

export interface ReadRules {
  /** The most bytes the file may have. */
  readonly cap: number;
  /** A link is followed only to a regular file inside this folder; undefined: no link is followed. */
  readonly linksWithin?: string;
}

export type BytesRead = { readonly bytes: Buffer } | { readonly missing: true } | { readonly problem: ReadProblem };
export type TextRead = { readonly text: string } | { readonly missing: true } | { readonly problem: ReadProblem };

const { O_RDONLY, O_NONBLOCK = 0, O_NOFOLLOW = 0, O_NOCTTY = 0 } = fs.constants;
/** Windows has no O_NOFOLLOW: there a link is found by `lstat` first. */
const FLAGS = O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_NOCTTY;
const CHUNK_BYTES = 64 * 1024;

/** One system call the rules ask for; the runners answer each with its result, or throw its error into the rules. */
type Step =
  | { readonly call: 'open'; readonly file: string }
  | { readonly call: 'fstat'; readonly fd: number }
  | { readonly call: 'read'; readonly fd: number; readonly buffer: Buffer; readonly length: number; readonly position: number }
  | { readonly call: 'close'; readonly fd: number }
  | { readonly call: 'lstat'; readonly file: string }
  | { readonly call: 'realpath'; readonly file: string };

type Steps<R> = Generator<Step, R, unknown>;
type Sink = (chunk: Buffer) => void;
type Outcome = { readonly size: number } | { readonly missing: true } | { readonly problem: ReadProblem };

/** The rules: each chunk read is given to `sink`, at most `cap + 1` bytes in all. */
function* readSteps(file: string, rules: ReadRules, sink: Sink): Steps<Outcome> {
  let target = file;
  let link = false;
  if (!O_NOFOLLOW) {
    try {
      link = ((yield { call: 'lstat', file }) as fs.Stats).isSymbolicLink();
    } catch (error) {
      return failure(error);
    }
  }
  let fd = -1;
  if (!link) {
    try {
      fd = (yield { call: 'open', file }) as number;
    } catch (error) {
      if (!isLinkRefusal(error)) return failure(error, yield* kindAt(file));
      link = true;
    }
  }
  if (link) {
    if (rules.linksWithin === undefined) return { problem: { code: 'link', why: 'refused' } };
    const resolved = yield* linkTarget(file, rules.linksWithin);
    if ('why' in resolved) return { problem: { code: 'link', why: resolved.why } };
    target = resolved.inside;
    try {
      fd = (yield { call: 'open', file: target }) as number;
    } catch (error) {
      return { problem: { code: 'link', why: errorCode(error) === 'ENOENT' ? 'dangling' : 'notAFile' } };
    }
  }
  try {
    const stat = (yield { call: 'fstat', fd }) as fs.Stats;
    if (!stat.isFile())
      return target === file ? { problem: { code: 'notAFile', found: kindOf(stat) } } : { problem: { code: 'link', why: 'notAFile' } };
    if (stat.size > rules.cap) return { problem: { code: 'tooLarge', cap: rules.cap } };
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, rules.cap + 1));
    let total = 0;
    for (;;) {
      const length = Math.min(buffer.length, rules.cap + 1 - total);
      const read = (yield { call: 'read', fd, buffer, length, position: total }) as number;
      if (read === 0) break;
      total += read;
      if (total > rules.cap) return { problem: { code: 'tooLarge', cap: rules.cap } };
      sink(buffer.subarray(0, read));
    }
    return total === stat.size ? { size: total } : { problem: { code: 'changing' } };
  } catch (error) {
    return failure(error);
  } finally {
    try {
      yield { call: 'close', fd };
    } catch {}
  }
}

/** Where a link leads, if to a place inside `folder` (both without links); else why it is refused. */
function* linkTarget(file: string, folder: string): Steps<{ readonly inside: string } | { readonly why: 'outside' | 'dangling' }> {
  let resolved: string;
  let root: string;
  try {
    resolved = (yield { call: 'realpath', file }) as string;
  } catch {
    return { why: 'dangling' };
  }
  try {
    root = (yield { call: 'realpath', file: folder }) as string;
  } catch {
    return { why: 'outside' };
  }
  return resolved.startsWith(root.endsWith(path.sep) ? root : root + path.sep) ? { inside: resolved } : { why: 'outside' };
}

/** What stands at `file`, for an `open` that failed on it (a socket cannot be opened); undefined if nothing can tell. */
function* kindAt(file: string): Steps<NotAFileKind | undefined> {
  try {
    const stat = (yield { call: 'lstat', file }) as fs.Stats;
    return stat.isFile() || stat.isSymbolicLink() ? undefined : kindOf(stat);
  } catch {
    return undefined;
  }
}

function failure(error: unknown, kind?: NotAFileKind): Outcome {
  const code = errorCode(error);
  if (code === 'ENOENT') return { missing: true };
  if (kind) return { problem: { code: 'notAFile', found: kind } };
  if (code === 'EISDIR') return { problem: { code: 'notAFile', found: 'directory' } };
  return { problem: { code: 'unreadable', detail: code ?? String(error) } };
}

/** ELOOP on Linux and macOS, EMLINK on FreeBSD: the last part of the path is a link. */
const isLinkRefusal = (error: unknown) => errorCode(error) === 'ELOOP' || errorCode(error) === 'EMLINK';
const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

/** What a stat found where a file was expected, when it is not a regular file. */
export function kindOf(stat: fs.Stats): NotAFileKind {
  if (stat.isFIFO()) return 'fifo';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'device';
  if (stat.isSocket()) return 'socket';
  if (stat.isDirectory()) return 'directory';
  return 'other';
}

function callSync(step: Step): unknown {
  switch (step.call) {
    case 'open':
      return fs.openSync(step.file, FLAGS);
    case 'fstat':
      return fs.fstatSync(step.fd);
    case 'read':
      return fs.readSync(step.fd, step.buffer, 0, step.length, step.position);
    case 'close':
      return fs.closeSync(step.fd);
    case 'lstat':
      return fs.lstatSync(step.file);
    case 'realpath':
      return fs.realpathSync.native(step.file);
  }
}

const open = promisify(fs.open);
const fstat = promisify(fs.fstat);
const read = promisify(fs.read);
const close = promisify(fs.close);
const lstat = promisify(fs.lstat);
const realpath = promisify(fs.realpath.native);

async function callAsync(step: Step): Promise<unknown> {
  switch (step.call) {
    case 'open':
      return open(step.file, FLAGS);
    case 'fstat':
      return fstat(step.fd);
    case 'read':
      return (await read(step.fd, step.buffer, 0, step.length, step.position)).bytesRead;
    case 'close':
      return close(step.fd);
    case 'lstat':
      return lstat(step.file);
    case 'realpath':
      return realpath(step.file);
  }
}

function runSync<R>(steps: Steps<R>): R {
  let next = steps.next();
  while (!next.done) {
    let answer: unknown;
    try {
      answer = callSync(next.value);
    } catch (error) {
      next = steps.throw(error);
      continue;
    }
    next = steps.next(answer);
  }
  return next.value;
}

async function runAsync<R>(steps: Steps<R>): Promise<R> {
  let next = steps.next();
  while (!next.done) {
    let answer: unknown;
    try {
      answer = await callAsync(next.value);
    } catch (error) {
      next = steps.throw(error);
      continue;
    }
    next = steps.next(answer);
  }
  return next.value;
}

/** The chunks a read keeps, and the read's outcome as bytes. */
function collector(): { sink: Sink; result(outcome: Outcome): BytesRead } {
  const chunks: Buffer[] = [];
  return {
    sink: (chunk) => chunks.push(Buffer.from(chunk)),
    result: (outcome) => ('size' in outcome ? { bytes: Buffer.concat(chunks) } : outcome),
  };
}

export async function readBounded(file: string, rules: ReadRules): Promise<BytesRead> {
  const { sink, result } = collector();
  return result(await runAsync(readSteps(file, rules, sink)));
}

export function readBoundedSync(file: string, rules: ReadRules): BytesRead {
  const { sink, result } = collector();
  return result(runSync(readSteps(file, rules, sink)));
}

/** The file's bytes given to `sink` chunk by chunk (to hash a large file without holding it), and its size. */
export function streamBounded(
  file: string,
  rules: ReadRules,
  sink: Sink,
): Promise<{ readonly size: number } | { readonly missing: true } | { readonly problem: ReadProblem }> {
  return runAsync(readSteps(file, rules, sink));
}

export async function readTextBounded(file: string, rules: ReadRules): Promise<TextRead> {
  return asText(await readBounded(file, rules));
}

export function readTextBoundedSync(file: string, rules: ReadRules): TextRead {
  return asText(readBoundedSync(file, rules));
}

/**
 * UTF-8 text, refused (not U+FFFD-replaced) when a byte is not UTF-8. A byte order mark is kept, so a file
 * written back keeps it; the parsers of the text ignore it (`withoutBom`, caseFile.ts).
 */
function asText(read: BytesRead): TextRead {
  if (!('bytes' in read)) return read;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(read.bytes) };
  } catch {
    return { problem: { code: 'notUtf8' } };
  }
}
