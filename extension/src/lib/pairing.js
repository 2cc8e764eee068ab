// The one-time pairing code shown in Comptoir (e.g. "K7QF-92XM"). Pure.

const CODE = /^[A-Z0-9]{8}$/;

/**
 * Normalises a typed pairing code: upper case, spaces and dashes ignored, shown back as "XXXX-XXXX".
 * Returns null when it cannot be a code (not 8 letters or digits); the server decides whether it is valid.
 */
export function normalisePairingCode(input) {
  if (typeof input !== 'string') return null;
  const compact = input.toUpperCase().replace(/[\s\-–—]/g, '');
  if (!CODE.test(compact)) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}
