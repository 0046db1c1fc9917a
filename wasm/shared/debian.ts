// Debian's kernels, the ones ksymns ships as profiles and the ones it can download: compiled
// by asc and tsc alike, so the engine (which profile stands for a release), the page (which
// profiles to offer) and the CLI (where Debian keeps each series' packages) agree.

/** A Debian kernel the kernel lab boots (so its behaviour is recorded), and whether its
 *  tables ship as a built-in profile (public/kernels/debian-<uname>.*.gz). */
export class DebianKernel {
  constructor(
    /** The series (major*100+minor). */
    public release: i32,
    /** Its `uname -r`. */
    public uname: string,
    public hasProfile: bool,
  ) {}
  /** The profile's file stem under public/kernels. */
  get name(): string {
    return "debian-" + this.uname;
  }
}

/** The kernels the lab boots, oldest first. */
export const DEBIAN_KERNELS: DebianKernel[] = [
  new DebianKernel(510, "5.10.0-46-amd64", true),
  new DebianKernel(601, "6.1.0-57-amd64", true),
  new DebianKernel(612, "6.12.118+deb12-amd64", true),
  new DebianKernel(616, "6.16.12+deb13-amd64", false),
  new DebianKernel(617, "6.17.13+deb13-amd64", false),
  new DebianKernel(618, "6.18.15+deb13-amd64", false),
  new DebianKernel(619, "6.19.14+deb13-amd64", false),
  new DebianKernel(700, "7.0.13+deb13-amd64", false),
  new DebianKernel(701, "7.1.13+deb13-amd64", false),
  new DebianKernel(702, "7.2.12+deb13-amd64", false),
  new DebianKernel(703, "7.3.4+deb13-amd64", true),
];

/** The built-in profiles, oldest first. */
export const BUILTIN_PROFILES: DebianKernel[] = DEBIAN_KERNELS.filter((k: DebianKernel): bool => k.hasProfile);

/** The profile release whose table stands for release `target`: its own series', else the
 *  next later one (the newest after it). A later table read back through the namespace
 *  history lacks only what was removed in between; an earlier one would lack every export
 *  added since (5.10's has no _printk, which 5.15 drivers call), a false "undefined!" each. */
export function profileReleaseFor(target: i32): i32 {
  for (let i = 0; i < BUILTIN_PROFILES.length; i++) if (target <= BUILTIN_PROFILES[i].release) return BUILTIN_PROFILES[i].release;
  return BUILTIN_PROFILES[BUILTIN_PROFILES.length - 1].release;
}

/** The profile that stands for release `v`'s running kernel (profileReleaseFor). */
export function profileNameFor(v: i32): string {
  const r = profileReleaseFor(v);
  for (let i = 0; i < BUILTIN_PROFILES.length; i++) if (BUILTIN_PROFILES[i].release == r) return BUILTIN_PROFILES[i].name;
  return BUILTIN_PROFILES[BUILTIN_PROFILES.length - 1].name;
}

/** `uname -r` of the kernel whose tables built-in profile `name` holds ("" for another name):
 *  how the page names that kernel wherever it shows the profile. */
export function profileUname(name: string): string {
  for (let i = 0; i < BUILTIN_PROFILES.length; i++) if (BUILTIN_PROFILES[i].name == name) return BUILTIN_PROFILES[i].uname;
  return "";
}

/** `uname -r` of Debian's kernel of series `v` as the lab boots it, or "" for a series it does not. */
export function debianUname(v: i32): string {
  for (let i = 0; i < DEBIAN_KERNELS.length; i++) if (DEBIAN_KERNELS[i].release == v) return DEBIAN_KERNELS[i].uname;
  return "";
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
