// The Vinted country sites and the session cookies the extension reads on them. Pure: no browser API here.

/** Vinted's country domains (the extension's host permissions and content-script matches come from this list). */
export const VINTED_DOMAINS = Object.freeze([
  'vinted.fr', 'vinted.be', 'vinted.es', 'vinted.it', 'vinted.de', 'vinted.nl', 'vinted.at', 'vinted.lu',
  'vinted.pt', 'vinted.pl', 'vinted.lt', 'vinted.cz', 'vinted.sk', 'vinted.hu', 'vinted.ro', 'vinted.se',
  'vinted.fi', 'vinted.dk', 'vinted.gr', 'vinted.hr', 'vinted.ie', 'vinted.co.uk', 'vinted.com',
]);

/** The match patterns of the Vinted sites (https only, any sub-domain). */
export function vintedMatchPatterns() {
  return VINTED_DOMAINS.map((domain) => `https://*.${domain}/*`);
}

/** The Vinted domain a host belongs to ('www.vinted.fr' -> 'vinted.fr'), or null for any other host. */
export function vintedDomainOf(host) {
  if (typeof host !== 'string') return null;
  const lower = host.toLowerCase().replace(/\.$/, '');
  return VINTED_DOMAINS.find((domain) => lower === domain || lower.endsWith(`.${domain}`)) ?? null;
}

/** The Vinted host of a page address (https only), or null when the address is not a Vinted page. */
export function vintedHostOf(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  return vintedDomainOf(parsed.hostname) ? parsed.hostname.toLowerCase() : null;
}

/**
 * The country code in the name of the site's session cookie: `_vinted_fr_session` on vinted.fr,
 * `_vinted_uk_session` on vinted.co.uk, `_vinted_us_session` on vinted.com.
 */
export function countryCodeOf(host) {
  const domain = vintedDomainOf(host);
  if (!domain) return null;
  if (domain === 'vinted.co.uk') return 'uk';
  if (domain === 'vinted.com') return 'us';
  return domain.slice('vinted.'.length);
}

/** The name of the session cookie on this host, e.g. `_vinted_fr_session`. */
export function sessionCookieName(host) {
  const cc = countryCodeOf(host);
  return cc ? `_vinted_${cc}_session` : null;
}

/** The other cookies of the session, the same on every country site. */
export const SESSION_COOKIES = Object.freeze(['access_token_web', 'refresh_token_web', 'anon_id', 'v_uid']);

const ANY_SESSION_COOKIE = /^_vinted_[a-z]{2,3}_session$/;

/**
 * Picks the session cookies out of every cookie the browser holds for the Vinted page (as returned by
 * `chrome.cookies.getAll({url})`): the country's session cookie (or, if the site names it otherwise,
 * the one `_vinted_xx_session` cookie present) and {@link SESSION_COOKIES}. Empty values are left out;
 * when a name appears twice (a host cookie and a domain cookie), the most specific domain wins.
 */
export function selectSessionCookies(host, cookies) {
  const wanted = sessionCookieName(host);
  if (!wanted || !Array.isArray(cookies)) return {};
  const present = new Map();
  const specificity = (cookie) => (typeof cookie.domain === 'string' ? cookie.domain.replace(/^\./, '').length : 0);
  for (const cookie of cookies) {
    if (!cookie || typeof cookie.name !== 'string' || typeof cookie.value !== 'string' || cookie.value === '') continue;
    const known = present.get(cookie.name);
    if (!known || specificity(cookie) > specificity(known)) present.set(cookie.name, cookie);
  }
  const selected = {};
  let session = present.get(wanted);
  if (!session) {
    const others = [...present.keys()].filter((name) => ANY_SESSION_COOKIE.test(name));
    if (others.length === 1) session = present.get(others[0]);
  }
  if (session) selected[session.name] = session.value;
  for (const name of SESSION_COOKIES) {
    if (present.has(name)) selected[name] = present.get(name).value;
  }
  return selected;
}
