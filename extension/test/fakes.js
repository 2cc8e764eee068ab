// Fakes of the browser and of Comptoir for the tests (a module without tests: the runner reports it as one passing file).
import { webcrypto } from 'node:crypto';

/** chrome.storage.local in memory. */
export function memoryStorage(initial = {}) {
  const data = { ...initial };
  return {
    data,
    async get(keys) {
      const wanted = keys == null ? Object.keys(data) : Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(wanted.filter((key) => key in data).map((key) => [key, structuredClone(data[key])]));
    },
    async set(items) { Object.assign(data, structuredClone(items)); },
    async remove(keys) { for (const key of Array.isArray(keys) ? keys : [keys]) delete data[key]; },
  };
}

/** chrome.cookies with a fixed jar; records the URLs asked for. */
export function cookieJar(cookies) {
  const asked = [];
  return {
    asked,
    cookies,
    async getAll({ url }) { asked.push(url); return cookies.map((cookie) => ({ ...cookie })); },
  };
}

/**
 * A fetch answering like Comptoir would, from `routes` ({"METHOD /path": (request) => ({status, body})}),
 * recording every request (method, url, headers, parsed body).
 */
export function fakeComptoir(routes) {
  const requests = [];
  const fetch = async (url, init = {}) => {
    const parsed = new URL(url);
    const request = {
      method: init.method ?? 'GET', url, path: parsed.pathname, headers: init.headers ?? {},
      body: init.body ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    const route = routes[`${request.method} ${parsed.pathname}`];
    if (!route) return jsonResponse(404, problem(404, 'Not Found'));
    const answer = await route(request);
    return jsonResponse(answer.status ?? 200, answer.body, answer.raw);
  };
  return { fetch, requests };
}

export function problem(status, title, detail) {
  return { type: 'about:blank', title, status, detail };
}

function jsonResponse(status, body, raw) {
  const text = raw ?? (body === undefined ? '' : JSON.stringify(body));
  return new Response(text === '' ? null : text, {
    status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

export const subtle = webcrypto.subtle;
