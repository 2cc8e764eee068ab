// The popup: pairing with Comptoir, then who is connected, the last send, "Actualiser" and "Dissocier".

import { checkComptoirAddress, originPermissionPattern } from './lib/address.js';
import { describeDevice } from './lib/device.js';
import { messageFor } from './lib/messages.js';
import { normalisePairingCode } from './lib/pairing.js';
import { fetchStatus, pair, readState, shownAccount, unpair } from './lib/sync.js';
import { vintedHostOf, vintedMatchPatterns } from './lib/vinted.js';

const ext = globalThis.browser ?? globalThis.chrome;
const storage = ext.storage.local;
const fetchFn = globalThis.fetch.bind(globalThis);
const $ = (id) => document.getElementById(id);
const t = (key, substitutions) => ext.i18n.getMessage(key, substitutions) || key;

function showError(failure) {
  const notice = $('notice');
  notice.hidden = true;
  const error = $('error');
  if (!failure) {
    error.hidden = true;
    error.textContent = '';
    return;
  }
  const { key, substitutions } = messageFor(failure);
  error.textContent = t(key, substitutions);
  error.hidden = false;
}

function showNotice(key, substitutions) {
  $('error').hidden = true;
  const notice = $('notice');
  notice.textContent = t(key, substitutions);
  notice.hidden = false;
}

function formatTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(ext.i18n.getUILanguage(), { dateStyle: 'short', timeStyle: 'medium' });
}

async function activeVintedTab() {
  const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
  return tab && vintedHostOf(tab.url) ? tab : null;
}

async function render() {
  const state = await readState(storage);
  const paired = Boolean(state.token && state.comptoirOrigin);
  $('pairing').hidden = paired;
  $('paired').hidden = !paired;
  if (!paired) {
    if (state.comptoirOrigin && !$('address').value) $('address').value = state.comptoirOrigin;
    showError(state.lastError?.kind === 'unauthorized' ? state.lastError : null);
    return;
  }
  $('business').textContent = t('business', [state.business?.name || state.business?.slug || '']);
  $('comptoir').textContent = t('comptoirAddress', [state.comptoirOrigin]);
  $('last-sent').textContent = state.lastSentAt ? t('lastSent', [formatTime(state.lastSentAt)]) : t('neverSent');
  $('account').textContent = state.lastUsername ? t('connectedAs', [state.lastUsername]) : t('noAccountYet');
  const tab = await activeVintedTab();
  $('vinted-tab').hidden = Boolean(tab);
  $('vinted-tab').textContent = tab ? '' : t('openVinted');
  showError(state.lastError);
  try {
    const status = await fetchStatus({ storage, fetch: fetchFn });
    const account = shownAccount(status, state.lastUsername);
    $('account').textContent = account ? t('connectedAs', [account.username]) : t('noAccountYet');
    if (status.business?.name) $('business').textContent = t('business', [status.business.name]);
  } catch (error) {
    if (error.kind === 'unauthorized') return render();
    showError(error);
  }
  return undefined;
}

function localise() {
  for (const element of document.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
  document.documentElement.lang = ext.i18n.getUILanguage().startsWith('fr') ? 'fr' : 'en';
}

$('pair-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const address = checkComptoirAddress($('address').value);
  if (!address.ok) {
    showError({ kind: address.reason });
    return;
  }
  const code = normalisePairingCode($('code').value);
  if (!code) {
    showError({ kind: 'code-malformed' });
    return;
  }
  // Asked before any await: the browser grants permissions only during the click itself.
  const origins = [originPermissionPattern(address.origin), ...vintedMatchPatterns()];
  const button = $('pair');
  button.disabled = true;
  ext.permissions.request({ origins })
    .then(async (granted) => {
      if (!granted) throw Object.assign(new Error('permission denied'), { kind: 'permission-denied' });
      showNotice('pairing');
      const business = await pair({
        storage, fetch: fetchFn, origin: address.origin, code, device: describeDevice(navigator.userAgent),
      });
      $('code').value = '';
      await render();
      showNotice('paired', [business.name || business.slug]);
    })
    .catch((error) => showError(error))
    .finally(() => { button.disabled = false; });
});

$('refresh').addEventListener('click', async () => {
  const button = $('refresh');
  const tab = await activeVintedTab();
  if (!tab) {
    showError({ kind: 'not-vinted' });
    return;
  }
  button.disabled = true;
  showNotice('refreshing');
  try {
    const answer = await ext.runtime.sendMessage({ type: 'comptoir:refresh', tabId: tab.id });
    await render();
    if (answer?.ok) showNotice('sent');
    else showError(answer?.failure ?? { kind: 'unexpected' });
  } catch (error) {
    showError(error);
  } finally {
    button.disabled = false;
  }
});

$('unpair').addEventListener('click', async () => {
  await unpair(storage);
  await render();
  showNotice('unpaired');
});

localise();
render().catch((error) => showError(error));
