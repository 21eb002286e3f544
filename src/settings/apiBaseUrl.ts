// Where the API key may be sent: tilbago over HTTPS, or a local fake on a loopback address (tests, demos).

export type ApiBaseUrlCheck =
  | { readonly ok: true; readonly url: string }
  | { readonly ok: false; readonly problem: 'invalidUrl' | 'insecureUrl' | 'queryOrFragment' };

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Accepts an absolute https URL (or http on loopback) without credentials; returns it ending in `/`. */
export function checkApiBaseUrl(raw: string): ApiBaseUrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, problem: 'invalidUrl' };
  }
  // Credentials have no place in a base URL, and would end up in logs.
  if (url.username || url.password) return { ok: false, problem: 'invalidUrl' };
  // Nor has a query or a fragment, even an empty one (`/v1?`, which URL forgets): each request's path would be
  // resolved against the host's root, not against the API's.
  if (/[?#]/.test(raw)) return { ok: false, problem: 'queryOrFragment' };
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  if (!secure) return { ok: false, problem: url.protocol === 'http:' ? 'insecureUrl' : 'invalidUrl' };
  const href = url.href;
  return { ok: true, url: href.endsWith('/') ? href : `${href}/` };
}
