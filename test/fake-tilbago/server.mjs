// A fake tilbago Easy-API on 127.0.0.1, following the known contract (shared/domain.md), for the tests and for the
// `npm start` demo. It never keeps a process alive on its own (the server is unref'd), and it can be told to fail.
import { createHash, randomBytes } from 'node:crypto';
import * as http from 'node:http';

const json = (response, status, body) => {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
};

/** The first part of a multipart body: its header lines and its content. */
function firstPart(body, contentType) {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  if (!boundary) return undefined;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const start = body.indexOf(delimiter);
  if (start < 0) return undefined;
  const headersStart = start + delimiter.length + 2;
  const headersEnd = body.indexOf('\r\n\r\n', headersStart);
  const end = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headersEnd);
  if (headersEnd < 0 || end < 0) return undefined;
  const headers = body.toString('utf8', headersStart, headersEnd).split('\r\n');
  return { headers, content: body.subarray(headersEnd + 4, end) };
}

/** The answer once a case or an attachment is stored; an injected fault loses it, delays it, or garbles it. */
async function answerStored(request, response, fault, body) {
  if (fault?.kind === 'storeThenReset') return request.socket.destroy();
  if (fault?.kind === 'storeThenDelay') await new Promise((resolve) => setTimeout(resolve, fault.ms ?? 60_000));
  if (fault?.kind === 'storeThenNotJson') {
    response.writeHead(200, { 'Content-Type': 'text/html' });
    return response.end('<html>Gateway</html>');
  }
  return json(response, 200, body);
}

/** A 200 answer of `bytes` bytes, written as the client reads it; reports how much went out. */
async function hugeAnswer(response, bytes, report) {
  response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(bytes) });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let sent = 0;
  while (sent < bytes && !response.destroyed) {
    const size = Math.min(chunk.length, bytes - sent);
    sent += size;
    report(sent);
    if (!response.write(size === chunk.length ? chunk : chunk.subarray(0, size))) {
      await new Promise((resolve) => {
        const done = () => {
          response.off('drain', done);
          response.off('close', done);
          resolve();
        };
        response.on('drain', done);
        response.on('close', done);
      });
    }
  }
  response.end();
}

/**
 * @param {{ validKeys?: string[], port?: number }} [options]
 */
export async function startFakeTilbago({ validKeys = ['demo-key-tilbago-0001'], port = 0 } = {}) {
  const cases = new Map(); // caseId → { externalRef, body, attachments: [{ id, fileName, bytes }], status }
  const requests = []; // { method, path, keyAccepted, status (once answered) }
  const faults = []; // { method?, path?, kind, ms?, times }
  const listeners = []; // told of each request once its body is in, before it is handled
  let handling = 0;
  let peakHandling = 0;
  let slowness; // { ms, method?, path? }: every matching request is answered after ms
  const idleWaiters = [];
  let insufficientBalance = false;
  let nextCase = 1;
  let nextAttachment = 1;
  let hugeBytesSent = 0;

  function takeFault(method, path) {
    const fault = faults.find((f) => (!f.method || f.method === method) && (!f.path || f.path.test(path)));
    if (!fault) return undefined;
    if (--fault.times <= 0) faults.splice(faults.indexOf(fault), 1);
    return fault;
  }

  const server = http.createServer(async (request, response) => {
    handling++;
    peakHandling = Math.max(peakHandling, handling);
    try {
      await handle(request, response);
    } finally {
      if (--handling === 0) for (const resolve of idleWaiters.splice(0)) resolve();
    }
  });

  async function handle(request, response) {
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    const url = new URL(request.url ?? '/', 'http://fake');
    const path = url.pathname.replace(/^\/v1\//, '');
    const keyAccepted = validKeys.includes(String(request.headers.api_key ?? ''));
    requests.push({
      method: request.method,
      path,
      keyAccepted,
      // The status answered, once it is (undefined when the connection was dropped instead).
      get status() {
        return response.headersSent ? response.statusCode : undefined;
      },
    });
    // A listener may hold the request (its promise), e.g. to kill the client while the server has it.
    for (const listener of [...listeners]) await listener({ method: request.method, path, body });

    if (slowness && (!slowness.method || slowness.method === request.method) && (!slowness.path || slowness.path.test(path)))
      await new Promise((resolve) => setTimeout(resolve, slowness.ms));
    const fault = takeFault(request.method, path);
    if (fault?.kind === 'reset') return request.socket.destroy();
    if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms ?? 60_000));
    if (fault?.kind === 'error500') return json(response, 500, { message: 'Internal server error (injected)' });
    if (fault?.kind === 'answer') return json(response, fault.status, fault.body ?? {});
    if (fault?.kind === 'busy') {
      // Too many requests (429) or unavailable (503), with Retry-After as given: seconds, or a Date (an HTTP date).
      const retryAfter = fault.retryAfter instanceof Date ? fault.retryAfter.toUTCString() : fault.retryAfter;
      response.writeHead(fault.status ?? 429, {
        'Content-Type': 'application/json',
        ...(retryAfter !== undefined ? { 'Retry-After': String(retryAfter) } : {}),
      });
      return response.end(JSON.stringify({ message: 'Too many requests (injected)' }));
    }
    if (fault?.kind === 'huge') return hugeAnswer(response, fault.bytes, (sent) => (hugeBytesSent = sent));
    // Outside the API, an ordinary web server's page: not tilbago's JSON.
    if (!url.pathname.startsWith('/v1/')) {
      response.writeHead(404, { 'Content-Type': 'text/html' });
      return response.end('<html><body><h1>404 Not Found</h1></body></html>');
    }
    if (!keyAccepted) return json(response, 401, { message: 'Invalid api_key' });

    let match;
    if (request.method === 'PUT' && path === 'case') {
      let tilbagoCase;
      try {
        tilbagoCase = JSON.parse(body.toString('utf8'));
      } catch {
        return json(response, 400, { message: 'Invalid JSON' });
      }
      if (typeof tilbagoCase?.externalRef !== 'string' || !tilbagoCase.claim || !tilbagoCase.debtor) {
        return json(response, 400, { message: 'externalRef, debtor and claim are required' });
      }
      if (insufficientBalance) return json(response, 402, { message: 'Insufficient account balance' });
      if ([...cases.values()].some((c) => c.externalRef === tilbagoCase.externalRef)) {
        return json(response, 409, { message: `A case with externalRef ${tilbagoCase.externalRef} already exists` });
      }
      const caseId = `C${String(nextCase++).padStart(6, '0')}`;
      cases.set(caseId, {
        externalRef: tilbagoCase.externalRef,
        body: tilbagoCase,
        attachments: [],
        status: { statusCode: '002', description: 'The case has to be reviewed before it is submitted' },
      });
      return answerStored(request, response, fault, { caseId });
    }
    if (request.method === 'PUT' && (match = /^case\/([^/]+)\/attachment$/.exec(path))) {
      const stored = cases.get(match[1]);
      if (!stored) return json(response, 404, { message: 'Case not found' });
      const part = firstPart(body, request.headers['content-type']);
      if (!part) return json(response, 400, { message: 'Expected a multipart body with one file' });
      // The known quirk of the real service: a Content-Type on the part makes it fail.
      if (part.headers.some((h) => /^content-type:/i.test(h))) return json(response, 500, { message: 'Unexpected error' });
      const disposition = part.headers.find((h) => /^content-disposition:/i.test(h)) ?? '';
      const fileName = /filename="([^"]*)"/.exec(disposition)?.[1];
      if (!/^content-disposition:\s*attachment;/i.test(disposition) || !fileName)
        return json(response, 400, { message: 'Expected Content-Disposition: attachment; filename="…"' });
      const attachmentId = `A${String(nextAttachment++).padStart(6, '0')}`;
      stored.attachments.push({
        id: attachmentId,
        fileName,
        bytes: part.content.length,
        sha256: createHash('sha256').update(part.content).digest('hex'),
      });
      return answerStored(request, response, fault, { attachmentId });
    }
    if (request.method === 'GET' && (match = /^case\/([^/]+)\/status$/.exec(path))) {
      const stored = cases.get(match[1]);
      return stored ? json(response, 200, stored.status) : json(response, 404, { message: 'Case not found' });
    }
    return json(response, 404, { message: 'Not found' });
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  server.unref();
  const address = server.address();
  return {
    url: `http://127.0.0.1:${address.port}/v1/`,
    port: address.port,
    cases,
    requests,
    /**
     * The next matching request(s) fail this way: `delay` (ms), `reset`, `error500`, `answer` (status, body), `huge`
     * (bytes), `busy` (status 429 or 503, retryAfter: seconds or a Date); or, once the case or attachment is stored: `storeThenReset`, `storeThenDelay` (ms), `storeThenNotJson`.
     */
    inject(fault) {
      faults.push({ times: 1, ...fault });
    },
    /** Calls `listener` for each request received, and waits for what it returns before handling it. */
    onRequest(listener) {
      listeners.push(listener);
      return () => {
        const index = listeners.indexOf(listener);
        if (index >= 0) listeners.splice(index, 1);
      };
    },
    /** Resolves once no request is being handled (a held or delayed one has been answered, or dropped). */
    idle() {
      return handling === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve));
    },
    clearFaults() {
      faults.length = 0;
    },
    /** Every matching request waits `ms` before it is handled (0: none). */
    setDelay(ms, match = {}) {
      slowness = ms > 0 ? { ms, ...match } : undefined;
    },
    /** The most requests handled at once since the start (or the last reset). */
    peakConcurrency: () => peakHandling,
    resetPeakConcurrency() {
      peakHandling = handling;
    },
    setInsufficientBalance(value) {
      insufficientBalance = value;
    },
    setStatus(caseId, status) {
      cases.get(caseId).status = status;
    },
    casesWithRef(externalRef) {
      return [...cases.entries()].filter(([, c]) => c.externalRef === externalRef).map(([id, c]) => ({ id, ...c }));
    },
    stop() {
      return new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
    /** How many bytes of the last `huge` answer were written before the client stopped reading. */
    hugeBytesSent: () => hugeBytesSent,
    /** Every attachment stored, over all cases. */
    allAttachments: () => [...cases.entries()].flatMap(([caseId, c]) => c.attachments.map((a) => ({ caseId, ...a }))),
    validKeys,
    /** A key the server does not accept. */
    newKey: () => `tb-${randomBytes(8).toString('hex')}`,
  };
}
