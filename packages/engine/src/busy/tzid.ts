import { fixedZone, HOUR, ianaZone, MINUTE, type ZoneRules } from '../slots/local-time.ts';

// Windows time-zone ids as Outlook and Exchange write them in TZID, mapped to the IANA zone of the
// same rules (the "001" territory of the Unicode CLDR mapping). Europe and the French overseas
// regions first, then the zones most often seen in invitations from elsewhere.
const WINDOWS: Record<string, string> = {
  'Romance Standard Time': 'Europe/Paris',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'FLE Standard Time': 'Europe/Kiev',
  'GTB Standard Time': 'Europe/Bucharest',
  'Kaliningrad Standard Time': 'Europe/Kaliningrad',
  'Belarus Standard Time': 'Europe/Minsk',
  'Russian Standard Time': 'Europe/Moscow',
  'Turkey Standard Time': 'Europe/Istanbul',
  'Azores Standard Time': 'Atlantic/Azores',
  'Morocco Standard Time': 'Africa/Casablanca',
  'W. Central Africa Standard Time': 'Africa/Lagos',
  'South Africa Standard Time': 'Africa/Johannesburg',
  'Egypt Standard Time': 'Africa/Cairo',
  'E. Africa Standard Time': 'Africa/Nairobi',
  'Israel Standard Time': 'Asia/Jerusalem',
  'Arabian Standard Time': 'Asia/Dubai',
  'Mauritius Standard Time': 'Indian/Mauritius',
  'India Standard Time': 'Asia/Kolkata',
  'China Standard Time': 'Asia/Shanghai',
  'Singapore Standard Time': 'Asia/Singapore',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'Central Pacific Standard Time': 'Pacific/Guadalcanal',
  'New Zealand Standard Time': 'Pacific/Auckland',
  'Hawaiian Standard Time': 'Pacific/Honolulu',
  'SA Western Standard Time': 'America/La_Paz',
  'SA Eastern Standard Time': 'America/Cayenne',
  'E. South America Standard Time': 'America/Sao_Paulo',
  'Atlantic Standard Time': 'America/Halifax',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'Pacific Standard Time': 'America/Los_Angeles',
  UTC: 'Etc/UTC',
  'Coordinated Universal Time': 'Etc/UTC',
};

// Outlook's display names, "(UTC+01:00) Brussels, Copenhagen, Madrid, Paris", without the prefix.
const DISPLAY: Record<string, string> = {
  'brussels, copenhagen, madrid, paris': 'Europe/Paris',
  'amsterdam, berlin, bern, rome, stockholm, vienna': 'Europe/Berlin',
  'belgrade, bratislava, budapest, ljubljana, prague': 'Europe/Budapest',
  'sarajevo, skopje, warsaw, zagreb': 'Europe/Warsaw',
  'dublin, edinburgh, lisbon, london': 'Europe/London',
  'eastern time (us & canada)': 'America/New_York',
};

const FIXED =
  /^(?:\((?:UTC|GMT)\s*(?:([+-])(\d{1,2})(?:[:.]?(\d{2}))?)?\).*|(?:UTC|GMT)\s*([+-])(\d{1,2})(?::?(\d{2}))?)$/i;

/**
 * The zone a TZID names when the file has no VTIMEZONE for it: an IANA name, an IANA name behind a
 * vendor prefix (`/mozilla.org/20050126_1/Europe/Paris`), a Windows id (`Romance Standard Time`),
 * an Outlook display name, or a fixed offset (`GMT+0100`). Null when none of these applies.
 */
export function zoneFromTzid(tzid: string): ZoneRules | null {
  const name = tzid.trim().replace(/^"|"$/g, '');
  const direct = ianaZone(name);
  if (direct) return direct;
  const windows = WINDOWS[name];
  if (windows) return ianaZone(windows);
  if (name.includes('/')) {
    const parts = name.split('/').filter(Boolean);
    for (const n of [3, 2, 1]) {
      if (parts.length < n) continue;
      const z = ianaZone(parts.slice(-n).join('/'));
      if (z) return z;
    }
  }
  const display = DISPLAY[name.replace(/^\((?:UTC|GMT)[^)]*\)\s*/i, '').toLowerCase()];
  if (display) return ianaZone(display);
  const m = FIXED.exec(name);
  if (m) {
    const sign = m[1] ?? m[4];
    const h = Number(m[2] ?? m[5] ?? 0);
    const mi = Number(m[3] ?? m[6] ?? 0);
    if (h <= 18 && mi <= 59) return fixedZone(name, (sign === '-' ? -1 : 1) * (h * HOUR + mi * MINUTE));
  }
  return null;
}
