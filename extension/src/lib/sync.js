// Sending the Vinted session to Comptoir, and the pairing state kept in the extension's storage. The
// browser's APIs are passed in (`storage` like chrome.storage.local, `cookies` like chrome.cookies,
// `fetch`, `subtle`, `now`), so the tests run this with fakes and the background with the real ones.

import { comptoirClient, ComptoirError } from './api.js';
import { describeFailure } from './messages.js';
import { buildSessionPayload, sessionFingerprint, shouldSend } from './session.js';

/** What the extension keeps in chrome.storage.local (never the Vinted cookies: only their fingerprint). */
export const STORAGE_KEYS = Object.freeze([
  'comptoirOrigin', 'token', 'business', 'lastSentAt', 'lastSentFingerprint', 'lastUsername', 'lastError',
]);

/** The pairing and the last send as kept in storage. */
export async function readState(storage) {
  return storage.get(STORAGE_KEYS);
}

/** Exchanges a pairing code for a device token and keeps it (the previous pairing, if any, is forgotten). */
export async function pair({ storage, fetch, origin, code, device }) {
  try {
    const answer = await comptoirClient({ origin, fetch }).claim(code, device);
    await storage.remove(STORAGE_KEYS);
    await storage.set({
      comptoirOrigin: origin,
      token: answer.token,
      business: { slug: String(answer.business.slug ?? ''), name: String(answer.business.name ?? '') },
    });
    return answer.business;
  } catch (error) {
    error.during = 'claim';
    throw error;
  }
}

/** Forgets the device token and everything sent; the address stays to pre-fill the next pairing. */
export async function unpair(storage) {
  const { comptoirOrigin } = await storage.get(['comptoirOrigin']);
  await storage.remove(STORAGE_KEYS);
  if (comptoirOrigin) await storage.set({ comptoirOrigin });
}

/**
 * Reads the session of a Vinted page and sends it to Comptoir when it changed since the last success, or
 * always with `force` ("Actualiser"). `page` is what the content script read: `{csrfToken, currentUser,
 * userStatus}`. Returns `{sent: true, account}` or `{sent: false}` (unchanged); a failure is kept as
 * `lastError` (for the popup) and thrown. A 401 means the device was revoked: its token is forgotten.
 */
export async function sendVintedSession({ storage, cookies, fetch, subtle, now = () => new Date(), host, page, force = false }) {
  const state = await readState(storage);
  try {
    if (!state.token || !state.comptoirOrigin) throw Object.assign(new Error('not paired'), { kind: 'not-paired' });
    const browserCookies = await cookies.getAll({ url: `https://${host}/` });
    const payload = buildSessionPayload({
      host,
      cookies: browserCookies,
      csrfToken: page?.csrfToken ?? null,
      currentUser: page?.currentUser ?? null,
      userStatus: page?.userStatus ?? 0,
    });
    const fingerprint = await sessionFingerprint(payload, state.comptoirOrigin, subtle);
    if (!shouldSend({ fingerprint, lastSentFingerprint: state.lastSentFingerprint, force })) return { sent: false };
    const account = await comptoirClient({ origin: state.comptoirOrigin, token: state.token, fetch })
      .sendVintedSession(payload);
    await storage.set({
      lastSentAt: now().toISOString(),
      lastSentFingerprint: fingerprint,
      lastUsername: typeof account.username === 'string' ? account.username : payload.username,
      lastError: null,
    });
    return { sent: true, account };
  } catch (error) {
    await recordFailure(storage, error);
    throw error;
  }
}

/** The business and its accounts from Comptoir (`GET /api/v1/channels/extension/me`); a 401 forgets the token. */
export async function fetchStatus({ storage, fetch }) {
  const state = await readState(storage);
  if (!state.token || !state.comptoirOrigin) throw Object.assign(new Error('not paired'), { kind: 'not-paired' });
  try {
    return await comptoirClient({ origin: state.comptoirOrigin, token: state.token, fetch }).me();
  } catch (error) {
    if (error instanceof ComptoirError && error.kind === 'unauthorized') await recordFailure(storage, error);
    throw error;
  }
}

async function recordFailure(storage, error) {
  if (error?.kind === 'unauthorized') {
    await storage.remove(['token', 'lastSentFingerprint']);
  }
  await storage.set({ lastError: describeFailure(error) });
}

/** The account to show as "Connecté en tant que @…": the one last sent, else the first one. */
export function shownAccount(status, lastUsername) {
  const accounts = Array.isArray(status?.accounts) ? status.accounts : [];
  return accounts.find((account) => account.username === lastUsername) ?? accounts[0] ?? null;
}
