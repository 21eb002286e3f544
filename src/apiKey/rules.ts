// Rules for the tilbago API key as the user pastes it. The key itself never leaves SecretStorage except
// in the `api_key` header; only these checks and a short hint ever see it.

export const API_KEY_MAX_LENGTH = 1024;

export type ApiKeyProblem = 'empty' | 'innerWhitespace' | 'controlCharacters' | 'notVisibleAscii' | 'tooLong';

export type ApiKeyCheck = { readonly ok: true; readonly key: string } | { readonly ok: false; readonly problem: ApiKeyProblem };

// C0/C1 controls and invisible format characters (zero-width spaces, BOMs) that sneak in with copy and paste.
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;

export function checkApiKey(input: string): ApiKeyCheck {
  const key = input.trim();
  if (key === '') return { ok: false, problem: 'empty' };
  if (key.length > API_KEY_MAX_LENGTH) return { ok: false, problem: 'tooLong' };
  if (/\s/.test(key)) return { ok: false, problem: 'innerWhitespace' };
  if (INVISIBLE.test(key)) return { ok: false, problem: 'controlCharacters' };
  if (!isVisibleAscii(key)) return { ok: false, problem: 'notVisibleAscii' };
  return { ok: true, key };
}

/** What an HTTP header carries unchanged, and all a tilbago key is made of: `!` to `~`. */
export function isVisibleAscii(key: string): boolean {
  return /^[\x21-\x7e]+$/.test(key);
}

/** The last 4 characters, so a user can tell keys apart; nothing for a key too short to hide the rest. */
export function apiKeyHint(key: string): string | undefined {
  return key.length >= 12 ? key.slice(-4) : undefined;
}
