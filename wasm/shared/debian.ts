// Debian's kernels, the ones ksymns ships as profiles and the ones it can download: compiled
// by asc and tsc alike, so the engine (which profile stands for a release), the page (which
// profiles to offer) and the CLI (where Debian keeps each series' packages) agree.

/** A real Debian kernel whose tables ship under public/kernels/<name>.*.gz. */
export class BuiltinProfile {
  constructor(
    /** The series it stands for (major*100+minor). */
    public release: i32,
    /** File stem under public/kernels. */
    public name: string,
  ) {}
}

/** The built-in profiles, oldest first. */
export const BUILTIN_PROFILES: BuiltinProfile[] = [
  new BuiltinProfile(510, "debian-5.10.0-32-amd64"),
  new BuiltinProfile(601, "debian-6.1.0-54-amd64"),
  new BuiltinProfile(612, "debian-6.12.113-amd64"),
  new BuiltinProfile(703, "debian-7.3.4-amd64"),
];

/** The profile that stands for release `v`'s running kernel: Debian's kernel of that series,
 *  or the nearest later one (the newest for releases after it). */
export function profileNameFor(v: i32): string {
  for (let i = 0; i < BUILTIN_PROFILES.length; i++) if (v <= BUILTIN_PROFILES[i].release) return BUILTIN_PROFILES[i].name;
  return BUILTIN_PROFILES[BUILTIN_PROFILES.length - 1].name;
}

/** Where Debian's archive keeps a kernel series' packages. */
export class DebianSeries {
  constructor(
    public release: i32,
    /** sources.list lines (deb.debian.org only). */
    public sources: string[],
    /** The kernel image package's name, as a regular expression whose group 1 is `uname -r`. */
    public imagePattern: string,
  ) {}
}

const DEBIAN = "http://deb.debian.org/debian";
const SECURITY = "http://deb.debian.org/debian-security";

/** The series whose whole kernels can be downloaded (ksymns corpus). */
export const DEBIAN_SERIES: DebianSeries[] = [
  new DebianSeries(510, ["deb " + DEBIAN + " bullseye main", "deb " + SECURITY + " bullseye-security main"], "^linux-image-(5\\.10\\.0-\\d+-amd64)-unsigned$"),
  new DebianSeries(601, ["deb " + DEBIAN + " bookworm main", "deb " + SECURITY + " bookworm-security main"], "^linux-image-(6\\.1\\.0-\\d+-amd64)-unsigned$"),
  new DebianSeries(612, ["deb " + SECURITY + " bookworm-security main"], "^linux-image-(6\\.12\\.\\d+\\+deb12-amd64)-unsigned$"),
  new DebianSeries(702, ["deb " + DEBIAN + " trixie-backports main"], "^linux-image-(7\\.2\\.\\d+\\+deb13-amd64)$"),
  new DebianSeries(703, ["deb " + DEBIAN + " trixie-backports main"], "^linux-image-(7\\.3\\.\\d+\\+deb13-amd64)$"),
];
