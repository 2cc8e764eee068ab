// The Comptoir address typed in the popup. Pure.

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

/**
 * Checks the Comptoir address: https, or plain http only on localhost / 127.0.0.1 (development and tests).
 * Returns `{ok: true, origin}` with the normalised origin (no path, no trailing slash; a path typed after
 * the host, such as a copied page address, is dropped) or `{ok: false, reason}` with reason one of
 * 'empty', 'malformed', 'insecure', 'credentials'.
 */
export function checkComptoirAddress(input) {
  const typed = typeof input === 'string' ? input.trim() : '';
  if (typed === '') return { ok: false, reason: 'empty' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(typed) ? typed : `https://${typed}`;
  let url;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (url.username || url.password) return { ok: false, reason: 'credentials' };
  if (!url.hostname) return { ok: false, reason: 'malformed' };
  if (url.protocol === 'https:') return { ok: true, origin: url.origin };
  if (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)) return { ok: true, origin: url.origin };
  if (url.protocol === 'http:') return { ok: false, reason: 'insecure' };
  return { ok: false, reason: 'malformed' };
}

/**
 * The host-permission pattern that lets the extension call this Comptoir origin
 * ('https://comptoir.example:8443' -> 'https://comptoir.example/*': match patterns carry no port and match every port).
 */
export function originPermissionPattern(origin) {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}
