// Every failure the popup can show, as a message key of _locales/*/messages.json. Pure.

/** The message key (and its substitutions) that says, in plain words, what went wrong and what to do. */
export function messageFor(error) {
  const kind = error?.kind;
  switch (kind) {
    case 'network':
      return { key: 'errorNetwork' };
    case 'unauthorized':
      return { key: 'errorRevoked' };
    case 'rejected':
      if (error.status === 400 && error.during === 'claim') return { key: 'errorCodeRefused' };
      if (error.status === 429) return { key: 'errorTooManyAttempts' };
      if (error.status === 403) return { key: 'errorForbidden' };
      return { key: 'errorRejected', substitutions: [String(error.status ?? '')] };
    case 'server':
      return { key: 'errorServer' };
    case 'not-vinted':
      return { key: 'errorNotVinted' };
    case 'vinted-logged-out':
      return { key: 'errorVintedLoggedOut' };
    case 'vinted-unreachable':
      return { key: 'errorVintedUnreachable' };
    case 'permission-denied':
      return { key: 'errorPermissionDenied' };
    case 'empty':
      return { key: 'errorAddressEmpty' };
    case 'malformed':
    case 'credentials':
      return { key: 'errorAddressMalformed' };
    case 'insecure':
      return { key: 'errorAddressInsecure' };
    case 'code-malformed':
      return { key: 'errorCodeMalformed' };
    case 'not-paired':
      return { key: 'errorNotPaired' };
    default:
      return { key: 'errorUnexpected' };
  }
}

/** Every key {@link messageFor} can return (the tests check that both languages have each of them). */
export const ERROR_KEYS = Object.freeze([
  'errorNetwork', 'errorRevoked', 'errorCodeRefused', 'errorTooManyAttempts', 'errorForbidden', 'errorRejected',
  'errorServer', 'errorNotVinted', 'errorVintedLoggedOut', 'errorVintedUnreachable', 'errorPermissionDenied',
  'errorAddressEmpty', 'errorAddressMalformed', 'errorAddressInsecure', 'errorCodeMalformed', 'errorNotPaired',
  'errorUnexpected',
]);

/** A failure reduced to what can be kept in storage and sent between the extension's pages. */
export function describeFailure(error) {
  return {
    kind: typeof error?.kind === 'string' ? error.kind : 'unexpected',
    status: typeof error?.status === 'number' ? error.status : null,
    during: typeof error?.during === 'string' ? error.during : null,
  };
}
