// The tilbago Easy-API client: Node's own fetch, a timeout on every call, the key in the `api_key` header and
// nowhere else, and errors as values a person can act on. The contract is the one the public MIT client
// AMANDA-Technology/TilbagoApiNet implements (see shared/domain.md).
import { randomBytes } from 'node:crypto';
import { isVisibleAscii } from '../apiKey/rules';
import { isCaseId } from './caseId';

export interface CaseStatus {
  readonly statusCode: string;
  readonly description: string;
  readonly eSchKGCode?: string;
}

/** What went wrong, in terms the user can act on. Never holds the key. */
export type ApiError =
  /** 401: tilbago does not accept the key. */
  | { readonly kind: 'unauthorized' }
  /** The stored key has characters no tilbago key has (set by hand or by an older version): nothing was sent. */
  | { readonly kind: 'invalidKey' }
  /** 402: the prepaid balance does not cover the request. */
  | { readonly kind: 'insufficientBalance' }
  /**
   * 429 or 503: tilbago is too busy to handle the request now. `retryAfterMs`: how long it asked to wait (its
   * Retry-After, as seconds or a date, at most `MAX_RETRY_AFTER_MS`), when it said.
   */
  | { readonly kind: 'busy'; readonly status: 429 | 503; readonly retryAfterMs?: number }
  /** No answer: connection refused, host unknown, connection reset. `sent`: the request may have reached tilbago. */
  | { readonly kind: 'unreachable'; readonly host: string; readonly cause: string; readonly sent: boolean }
  | { readonly kind: 'timeout'; readonly host: string; readonly seconds: number }
  /** Any other answer, with tilbago's own `message` when it gave one. */
  | { readonly kind: 'unexpected'; readonly status: number; readonly message?: string }
  /** A success status with a body that is not what the contract says. */
  | { readonly kind: 'invalidAnswer'; readonly status: number; readonly detail: string };

export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

export interface ClientOptions {
  /** Checked beforehand: https, or http on loopback; ends in `/`. */
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly timeoutMs: number;
}

/** The id probed by the key check: no case has it, so tilbago's own "not found" means the key itself was accepted. */
const PROBE_CASE_ID = 'tilbago-vscode-key-check';
/** A Retry-After longer than this is taken as this: a wait of hours is not something to sit through in an editor. */
export const MAX_RETRY_AFTER_MS = 120_000;
/** tilbago's answers are a few hundred bytes; anything longer is cut off unread. */
const MAX_ANSWER_BYTES = 64 * 1024;
/**
 * Failures that happen before a request leaves the machine: no connection was made (refused, no such host, no
 * route) or the server's certificate was refused during the handshake.
 */
const NOT_SENT =
  /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EADDRNOTAVAIL|ERR_TLS_CERT_ALTNAME_INVALID|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_)/;

export class TilbagoClient {
  /** `host:port` of the API, for messages. */
  readonly host: string;

  constructor(private readonly options: ClientOptions) {
    this.host = new URL(options.baseUrl).host;
  }

  /**
   * There is no read-only "ping": ask for the status of a case that does not exist. 401 = key refused; tilbago's
   * own "not found" (a 404 with its JSON `message`) = accepted. A 404 in any other shape is not tilbago's API (a
   * wrong base path), which says nothing about the key.
   */
  async checkKey(): Promise<ApiResult<'accepted'>> {
    const answer = await this.request('GET', `case/${PROBE_CASE_ID}/status`);
    if (!answer.ok) return answer;
    const { status, body, json } = answer.value;
    const tilbagoShaped = json && typeof parseObject(body)?.message === 'string';
    if (status === 404) {
      return tilbagoShaped
        ? { ok: true, value: 'accepted' }
        : { ok: false, error: { kind: 'invalidAnswer', status, detail: 'not tilbago’s API at this address' } };
    }
    if (status === 200) {
      const read = this.expect(answer.value, readStatus, 'statusCode and description');
      return read.ok ? { ok: true, value: 'accepted' } : read;
    }
    return { ok: false, error: errorOf(answer.value) };
  }

  async createCase(body: object): Promise<ApiResult<{ readonly caseId: string }>> {
    const answer = await this.request('PUT', 'case', { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
    if (!answer.ok) return answer;
    return this.expect(answer.value, (json) => (isCaseId(json.caseId) ? { caseId: json.caseId } : undefined), 'caseId');
  }

  /**
   * One file, as multipart. The known quirk: the part carries `Content-Disposition: attachment; filename="…"` and
   * no Content-Type, or tilbago answers 500. Node's FormData always gives a file part a Content-Type, so the body
   * is written here.
   */
  async addAttachment(caseId: string, fileName: string, content: Uint8Array): Promise<ApiResult<{ readonly attachmentId: string }>> {
    if (!isCaseId(caseId)) return { ok: false, error: { kind: 'invalidAnswer', status: 0, detail: 'not a case id' } };
    const boundary = `tilbago-${randomBytes(16).toString('hex')}`;
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: ${attachmentDisposition(fileName)}\r\n\r\n`),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const answer = await this.request('PUT', `case/${encodeURIComponent(caseId)}/attachment`, {
      body,
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
    });
    if (!answer.ok) return answer;
    return this.expect(
      answer.value,
      (json) => (isIdString(json.attachmentId) ? { attachmentId: json.attachmentId } : undefined),
      'attachmentId',
    );
  }

  async caseStatus(caseId: string): Promise<ApiResult<CaseStatus>> {
    if (!isCaseId(caseId)) return { ok: false, error: { kind: 'invalidAnswer', status: 0, detail: 'not a case id' } };
    const answer = await this.request('GET', `case/${encodeURIComponent(caseId)}/status`);
    if (!answer.ok) return answer;
    return this.expect(answer.value, readStatus, 'statusCode and description');
  }

  private expect<T>(answer: Answer, read: (json: Record<string, unknown>) => T | undefined, what: string): ApiResult<T> {
    if (answer.status !== 200) return { ok: false, error: errorOf(answer) };
    if (answer.tooLong)
      return {
        ok: false,
        error: { kind: 'invalidAnswer', status: answer.status, detail: `an answer longer than ${MAX_ANSWER_BYTES / 1024} KB` },
      };
    const json = parseObject(answer.body);
    const value = json && read(json);
    return value === undefined
      ? { ok: false, error: { kind: 'invalidAnswer', status: answer.status, detail: `expected ${what}` } }
      : { ok: true, value };
  }

  private async request(
    method: 'GET' | 'PUT',
    path: string,
    init: { body?: string | Buffer; headers?: Record<string, string> } = {},
  ): Promise<ApiResult<Answer>> {
    // A header can carry visible ASCII only; any other key would fail on its way out, or be mangled.
    if (!isVisibleAscii(this.options.apiKey)) return { ok: false, error: { kind: 'invalidKey' } };
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    try {
      const response = await fetch(new URL(path, this.options.baseUrl), {
        method,
        headers: { Accept: 'application/json', ...init.headers, api_key: this.options.apiKey },
        ...(init.body !== undefined ? { body: init.body as NonNullable<RequestInit['body']> } : {}),
        signal: controller.signal,
        redirect: 'error', // never follow a redirect with the key
      });
      const { text, tooLong } = await readAtMost(response, MAX_ANSWER_BYTES);
      const json = /\bjson\b/i.test(response.headers.get('content-type') ?? '');
      const retryAfter = response.headers.get('retry-after');
      return { ok: true, value: { status: response.status, body: text, json, tooLong, ...(retryAfter !== null ? { retryAfter } : {}) } };
    } catch (error) {
      if (controller.signal.aborted)
        return { ok: false, error: { kind: 'timeout', host: this.host, seconds: Math.round(this.options.timeoutMs / 1000) } };
      const cause = causeOf(error);
      // fetch's own checks throw before any connection, with no cause; a network failure comes with one. Of those,
      // a refused connection or an unknown host sent nothing; anything else (a reset) may have come after tilbago
      // got the request.
      const sent = (error as Error)?.cause !== undefined && !NOT_SENT.test(cause);
      return { ok: false, error: { kind: 'unreachable', host: this.host, cause, sent } };
    } finally {
      clearTimeout(timer);
    }
  }
}

interface Answer {
  readonly status: number;
  readonly body: string;
  /** Whether the answer says it is JSON (Content-Type). */
  readonly json: boolean;
  /** Longer than tilbago's answers ever are: `body` is empty, the rest was never read. */
  readonly tooLong: boolean;
  /** The Retry-After header, as it came. */
  readonly retryAfter?: string;
}

/** The body as text when it is at most `limit` bytes; beyond that, reading stops and the connection is dropped. */
async function readAtMost(response: Response, limit: number): Promise<{ readonly text: string; readonly tooLong: boolean }> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (!response.body || declared > limit) {
    await response.body?.cancel();
    return { text: '', tooLong: declared > limit };
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return { text: '', tooLong: true };
    }
    chunks.push(value);
  }
  return { text: Buffer.concat(chunks).toString('utf8'), tooLong: false };
}

function readStatus(json: Record<string, unknown>): CaseStatus | undefined {
  const eSchKGCode = json.eSchKGCode;
  if (typeof json.statusCode !== 'string' || typeof json.description !== 'string') return undefined;
  if (eSchKGCode !== undefined && eSchKGCode !== null && typeof eSchKGCode !== 'string') return undefined;
  return { statusCode: json.statusCode, description: json.description, ...(typeof eSchKGCode === 'string' ? { eSchKGCode } : {}) };
}

function isIdString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 200 && !/[\u0000-\u001f]/.test(value);
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const json: unknown = JSON.parse(text);
    return typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function errorOf({ status, body, retryAfter }: Answer): ApiError {
  if (status === 401) return { kind: 'unauthorized' };
  if (status === 402) return { kind: 'insufficientBalance' };
  if (status === 429 || status === 503) {
    const retryAfterMs = retryAfter === undefined ? undefined : retryAfterDelay(retryAfter, Date.now());
    return retryAfterMs === undefined ? { kind: 'busy', status } : { kind: 'busy', status, retryAfterMs };
  }
  const message = parseObject(body)?.message;
  return typeof message === 'string' && message.trim()
    ? { kind: 'unexpected', status, message: message.slice(0, 500) }
    : { kind: 'unexpected', status };
}

/**
 * A Retry-After header (RFC 9110 10.2.3) as milliseconds from `now`: a whole number of seconds, or an HTTP date.
 * Bounded to `MAX_RETRY_AFTER_MS`. Undefined when it asks for no wait (0, now, a date past) or is neither form:
 * then the caller's own growing back-off applies, never an immediate retry.
 */
export function retryAfterDelay(value: string, now: number): number | undefined {
  const text = value.trim();
  const ms = /^\d+$/.test(text) ? Number(text) * 1000 : httpDate(text) - now;
  return ms > 0 ? Math.min(ms, MAX_RETRY_AFTER_MS) : undefined;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = `(${MONTHS.join('|')})`;
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
/** The three forms of RFC 9110 5.6.7: IMF-fixdate, the obsolete RFC 850 date, and asctime's; all in GMT. */
const HTTP_DATES: readonly [RegExp, (m: RegExpExecArray) => readonly string[]][] = [
  [new RegExp(`^${DAY}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`), (m) => [m[3]!, m[2]!, m[1]!, m[4]!, m[5]!, m[6]!]],
  [new RegExp(`^${LONG_DAY}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`), (m) => [`20${m[3]}`, m[2]!, m[1]!, m[4]!, m[5]!, m[6]!]],
  [new RegExp(`^${DAY} ${MONTH} ([ \\d]\\d) ${TIME} (\\d{4})$`), (m) => [m[6]!, m[1]!, m[2]!, m[3]!, m[4]!, m[5]!]],
];

/**
 * An HTTP date as ms since the epoch, NaN when the text is not one. Date.parse is not used: it reads almost
 * anything as a date (`x 1` is 1 January 2001), and asctime's form as local time.
 */
function httpDate(text: string): number {
  for (const [pattern, parts] of HTTP_DATES) {
    const match = pattern.exec(text);
    if (!match) continue;
    const [year, month, day, hour, minute, second] = parts(match);
    const [y, d, h, min, s] = [year, day, hour, minute, second].map((part) => Number(part!.trim())) as [
      number,
      number,
      number,
      number,
      number,
    ];
    const m = MONTHS.indexOf(month!);
    const time = Date.UTC(y, m, d, h, min, s);
    // 31 November, 25:00 and the like roll over in Date.UTC: not a date.
    const back = new Date(time);
    if (back.getUTCDate() !== d || back.getUTCMonth() !== m || h > 23 || min > 59 || s > 60) return Number.NaN;
    return time;
  }
  return Number.NaN;
}

/**
 * Why a fetch failed, as short as it can be said: the system's error code (`ECONNREFUSED`, `ENOTFOUND`), or for
 * the HTTP library's own codes (`UND_ERR_SOCKET`) its message ("other side closed").
 */
function causeOf(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as NodeJS.ErrnoException).code;
    if (code) return code.startsWith('UND_ERR') ? current.message : code;
    if (!current.cause) return current.message;
    current = current.cause;
  }
  return String(current);
}

/** `attachment; filename="…"`, with an ASCII fallback and the exact name in RFC 5987 form when it is not plain ASCII. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  if (ascii === fileName) return `attachment; filename="${ascii}"`;
  // encodeURIComponent leaves ' ( ) * as they are; RFC 5987 allows none of them unescaped.
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
