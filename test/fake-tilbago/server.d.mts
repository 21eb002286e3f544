export interface FakeCase {
  externalRef: string;
  body: Record<string, unknown>;
  attachments: { id: string; fileName: string; bytes: number; sha256: string }[];
  status: { statusCode: string; description: string; eSchKGCode?: string };
}

export type Fault =
  | { method?: string; path?: RegExp; kind: 'delay' | 'storeThenDelay'; ms: number; times?: number }
  | { method?: string; path?: RegExp; kind: 'reset' | 'error500' | 'storeThenReset' | 'storeThenNotJson'; times?: number }
  | { method?: string; path?: RegExp; kind: 'answer'; status: number; body?: object; times?: number }
  | { method?: string; path?: RegExp; kind: 'huge'; bytes: number; times?: number }
  | { method?: string; path?: RegExp; kind: 'busy'; status?: 429 | 503; retryAfter?: number | string | Date; times?: number };

export interface FakeTilbago {
  readonly url: string;
  readonly port: number;
  readonly cases: Map<string, FakeCase>;
  /** `status`: what the fake answered, once it has (undefined while held, or when the connection was dropped). */
  readonly requests: { method: string; path: string; keyAccepted: boolean; readonly status?: number }[];
  readonly validKeys: string[];
  inject(fault: Fault): void;
  /** Called for each request once its body is in; the request is handled only after what it returns has settled. Returns a function that removes it. */
  onRequest(listener: (request: { method: string; path: string; body: Buffer }) => void | Promise<void>): () => void;
  /** Resolves once no request is being handled. */
  idle(): Promise<void>;
  clearFaults(): void;
  /** Every matching request waits `ms` before it is handled (0: none). */
  setDelay(ms: number, match?: { method?: string; path?: RegExp }): void;
  /** The most requests handled at once since the start (or the last reset). */
  peakConcurrency(): number;
  resetPeakConcurrency(): void;
  setInsufficientBalance(value: boolean): void;
  setStatus(caseId: string, status: FakeCase['status']): void;
  casesWithRef(externalRef: string): (FakeCase & { id: string })[];
  newKey(): string;
  hugeBytesSent(): number;
  allAttachments(): ({ caseId: string } & FakeCase['attachments'][number])[];
  stop(): Promise<void>;
}

export function startFakeTilbago(options?: { validKeys?: string[]; port?: number }): Promise<FakeTilbago>;
