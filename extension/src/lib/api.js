// Comptoir's API as the extension uses it (docs/channels-extension.md). `fetch` is injected so the tests
// can answer in its place. Every failure is a ComptoirError: kind 'network' (no answer), 'unauthorized'
// (401: the device was revoked or never paired), 'rejected' (another 4xx, with the problem details) or
// 'server' (5xx or an answer that is not the expected JSON).

/** A failed call to Comptoir. */
export class ComptoirError extends Error {
  constructor(kind, { status = null, problem = null, cause } = {}) {
    super(problem?.detail || problem?.title || (status ? `HTTP ${status}` : kind), cause ? { cause } : undefined);
    this.name = 'ComptoirError';
    this.kind = kind;
    this.status = status;
    this.problem = problem;
  }
}

/** A client for one Comptoir origin; `token` is the device token (absent before pairing). */
export function comptoirClient({ origin, token = null, fetch = globalThis.fetch }) {
  async function call(method, path, body) {
    const headers = { Accept: 'application/json, application/problem+json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    let response;
    try {
      response = await fetch(`${origin}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'error',
      });
    } catch (cause) {
      throw new ComptoirError('network', { cause });
    }
    let json = null;
    try {
      const text = await response.text();
      json = text ? JSON.parse(text) : null;
    } catch (cause) {
      if (response.ok) throw new ComptoirError('server', { status: response.status, cause });
    }
    if (response.ok) {
      if (!json || typeof json !== 'object') throw new ComptoirError('server', { status: response.status });
      return json;
    }
    const problem = json && typeof json === 'object' ? json : null;
    if (response.status === 401) throw new ComptoirError('unauthorized', { status: 401, problem });
    if (response.status >= 400 && response.status < 500) {
      throw new ComptoirError('rejected', { status: response.status, problem });
    }
    throw new ComptoirError('server', { status: response.status, problem });
  }

  return {
    /** Exchanges a one-time code for a device token: `{token, business: {slug, name}}`. */
    async claim(code, device) {
      const answer = await call('POST', '/api/v1/channels/pairings/claim', { code, device });
      if (typeof answer.token !== 'string' || answer.token.length < 20 || !answer.business) {
        throw new ComptoirError('server', { status: 200 });
      }
      return answer;
    },
    /** Sends the Vinted session: `{accountId, username, status}`. */
    sendVintedSession(payload) {
      return call('PUT', '/api/v1/channels/vinted/session', payload);
    },
    /** The business and its Vinted accounts as the device sees them. */
    me() {
      return call('GET', '/api/v1/channels/extension/me');
    },
  };
}
