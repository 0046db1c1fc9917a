// The kernel releases ksymns knows (5.4 … 7.3), keyed as major*100+minor: compiled by asc and
// tsc alike, so the engine, the page and the CLI parse and name releases one way.

/** The oldest and newest releases the engine simulates, and the one used when none is named. */
export const FIRST_RELEASE: i32 = 504;
export const LAST_RELEASE: i32 = 703;
export const DEFAULT_RELEASE: i32 = 612;

/** The last minor release of each major ksymns knows (5.19, 6.19). */
function lastMinorOf(major: i32): i32 {
  return major == 5 ? 19 : major == 6 ? 19 : major == 7 ? LAST_RELEASE % 100 : -1;
}

// (v - v % 100) / 100 divides exactly, so asc's integers and tsc's numbers agree
function majorOf(v: i32): i32 {
  return (v - (v % 100)) / 100;
}

/** Whether `v` (major*100+minor) is a release the engine knows. */
export function isKnownRelease(v: i32): bool {
  const major = majorOf(v),
    minor = v % 100;
  return v >= FIRST_RELEASE && v <= LAST_RELEASE && minor <= lastMinorOf(major);
}

/** Every release the engine knows, oldest first. */
export function knownReleases(): i32[] {
  const out: i32[] = [];
  for (let v = FIRST_RELEASE; v <= LAST_RELEASE; v++) if (isKnownRelease(v)) out.push(v);
  return out;
}

/** "6.12" for 612. */
export function releaseName(v: i32): string {
  return majorOf(v).toString() + "." + (v % 100).toString();
}

/** The known range in words, as messages and help texts give it ("5.4 to 7.3"). */
export function knownRangeText(): string {
  return releaseName(FIRST_RELEASE) + " to " + releaseName(LAST_RELEASE);
}

function isDigit(c: i32): bool {
  return c >= 48 && c <= 57;
}

/** "6.12", "6.12.113", "6.12.113+deb12-amd64", "v6.12" → 612; 0 when not a known release. */
export function parseRelease(text: string): i32 {
  let s = text.trim();
  if (s.startsWith("v")) s = s.substring(1);
  let major = 0,
    minor = 0,
    i = 0,
    digits = 0;
  while (i < s.length && isDigit(s.charCodeAt(i))) {
    major = major * 10 + (s.charCodeAt(i) - 48);
    i++;
    digits++;
    if (digits > 3) return 0;
  }
  if (digits == 0 || i >= s.length || s.charCodeAt(i) != 46) return 0;
  i++;
  digits = 0;
  while (i < s.length && isDigit(s.charCodeAt(i))) {
    minor = minor * 10 + (s.charCodeAt(i) - 48);
    i++;
    digits++;
    if (digits > 3) return 0;
  }
  if (digits == 0) return 0;
  const v = major * 100 + minor;
  return isKnownRelease(v) ? v : 0;
}

/** "6.12.117+deb12-amd64" (a `uname -r`) rather than a series ("6.12"). */
export function isFullRelease(text: string): bool {
  const a = text.indexOf(".");
  return a > 0 && text.indexOf(".", a + 1) > 0;
}

/** The release a run simulates: the option when it names a known release, else the one the
 *  .config header names (`configRelease`, as written there), else the default. */
export function chosenRelease(option: string, configRelease: string): i32 {
  if (option.length > 0) {
    const v = parseRelease(option);
    return v == 0 ? DEFAULT_RELEASE : v;
  }
  const c = parseRelease(configRelease);
  return c == 0 ? DEFAULT_RELEASE : c;
}

/** The releases a comparison shows unless the user picks others: the oldest the lab boots,
 *  Debian 12's, the string-namespace conversion (6.13) and module: namespaces (6.16). */
export const COMPARED_RELEASES: i32[] = [510, 612, 613, 616];
