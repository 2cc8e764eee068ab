// How the device is named in Comptoir's list of paired devices ("Chrome 131 on Linux"). Pure.

const BROWSERS = [
  [/Edg\/(\d+)/, 'Edge'],
  [/OPR\/(\d+)/, 'Opera'],
  [/Firefox\/(\d+)/, 'Firefox'],
  [/Chrom(?:e|ium)\/(\d+)/, 'Chrome'],
  [/Version\/(\d+)[\d.]* Safari/, 'Safari'],
];

const SYSTEMS = [
  [/Android/, 'Android'],
  [/CrOS/, 'ChromeOS'],
  [/iPhone|iPad/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux|X11/, 'Linux'],
];

/** "Chrome 131 on Linux" from a user-agent string; "Browser" when unknown, the system left out when unknown. */
export function describeDevice(userAgent) {
  const ua = typeof userAgent === 'string' ? userAgent : '';
  let browser = 'Browser';
  for (const [pattern, name] of BROWSERS) {
    const match = ua.match(pattern);
    if (match) {
      browser = `${name} ${match[1]}`;
      break;
    }
  }
  const system = SYSTEMS.find(([pattern]) => pattern.test(ua));
  return system ? `${browser} on ${system[1]}` : browser;
}
