// The Vinted session sent to Comptoir, and whether it changed since the last time. Pure.

import { selectSessionCookies, sessionCookieName } from './vinted.js';

/** A reason why no session can be sent; the popup turns it into words (see messages.js). */
export class SessionProblem extends Error {
  constructor(kind) {
    super(kind);
    this.name = 'SessionProblem';
    this.kind = kind;
  }
}

/**
 * Builds the body of `PUT /api/v1/channels/vinted/session` from what was read on the Vinted tab:
 * `host` (the page's host), `cookies` (every cookie the browser holds for the page), `csrfToken` (the
 * page's `<meta name="csrf-token">`, or null) and `currentUser` (the JSON of `/api/v2/users/current`, or
 * null when Vinted answered that nobody is signed in) with `userStatus`, the HTTP status of that call (0 when
 * it got no answer). Throws a {@link SessionProblem} 'not-vinted', 'vinted-unreachable' (Vinted did not
 * answer, or answered an error other than 401) or 'vinted-logged-out' when there is nothing worth sending.
 */
export function buildSessionPayload({ host, cookies, csrfToken, currentUser, userStatus = 200 }) {
  if (!sessionCookieName(host)) throw new SessionProblem('not-vinted');
  if (userStatus !== 200 && userStatus !== 401) throw new SessionProblem('vinted-unreachable');
  const user = currentUser && typeof currentUser === 'object' ? (currentUser.user ?? currentUser) : null;
  const userId = user ? Number(user.id) : NaN;
  const username = user && typeof user.login === 'string' ? user.login : null;
  const selected = selectSessionCookies(host, cookies);
  const hasSession = Object.keys(selected).some((name) => name !== 'anon_id' && name !== 'v_uid');
  if (!Number.isSafeInteger(userId) || userId <= 0 || !username || !hasSession) {
    throw new SessionProblem('vinted-logged-out');
  }
  return {
    host: host.toLowerCase(),
    cookies: selected,
    csrfToken: typeof csrfToken === 'string' && csrfToken !== '' ? csrfToken : null,
    anonId: selected.anon_id ?? null,
    userId,
    username,
  };
}

/** The payload as text with its keys sorted, so that the same material always gives the same fingerprint. */
export function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * The SHA-256 (hex) of the session material and the Comptoir address it goes to: what the extension keeps
 * instead of the cookies to know whether the session changed. `subtle` is the Web Crypto `SubtleCrypto`.
 */
export async function sessionFingerprint(payload, comptoirOrigin, subtle = globalThis.crypto?.subtle) {
  const bytes = new TextEncoder().encode(`${comptoirOrigin}\n${canonicalJson(payload)}`);
  const digest = await subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Whether to send: on "Actualiser" always, otherwise only when the material changed since the last success. */
export function shouldSend({ fingerprint, lastSentFingerprint, force = false }) {
  return force || !lastSentFingerprint || fingerprint !== lastSentFingerprint;
}
