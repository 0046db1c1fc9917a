// Debian's package archive through apt-get and apt-cache, with a private sources list and
// state under a folder of our own: the system's apt configuration is left alone. Used to
// fetch real kernels' packages (ksymns corpus, ksymns symvers).

import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEBIAN_SERIES } from "../../wasm/shared/debian";
import { releaseName } from "../../wasm/shared/releases";

/** A series of Debian kernels: where its packages are, and which image package is one. */
export interface Series {
  /** sources.list lines (Debian's archive only). */
  sources: string[];
  /** The kernel image package, newest version wins; group 1 is the release (`uname -r`). */
  image: RegExp;
}

/** The Debian kernels ksymns fetches, by series name, from the engine's list of them. */
export const SERIES: Record<string, Series> = Object.fromEntries(
  DEBIAN_SERIES.map((s) => [releaseName(s.release), { sources: s.sources, image: new RegExp(s.imagePattern) }]),
);

/** Natural order of version-like strings ("6.12.9" < "6.12.10"). */
export function byVersion(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}

/** One series' view of the archive, its apt state under `dir`/.apt/SERIES. */
export class Archive {
  private options: string[];
  private updated = false;
  constructor(
    readonly series: string,
    readonly s: Series,
    dir: string,
    private log: (s: string) => void = () => {},
  ) {
    const state = join(dir, ".apt", series);
    mkdirSync(join(state, "lists/partial"), { recursive: true });
    mkdirSync(join(state, "cache/archives/partial"), { recursive: true });
    writeFileSync(join(state, "sources.list"), s.sources.join("\n") + "\n");
    this.options = [
      "-o",
      `Dir::Etc::sourcelist=${join(state, "sources.list")}`,
      "-o",
      "Dir::Etc::sourceparts=-",
      "-o",
      `Dir::State::Lists=${join(state, "lists")}`,
      "-o",
      `Dir::Cache=${join(state, "cache")}`,
    ];
    // as root, apt would hand downloads to its _apt user, who cannot write to DIR
    if (process.getuid?.() === 0) this.options.push("-o", "APT::Sandbox::User=root");
  }

  /** Reads the package index anew. */
  update(): void {
    if (this.updated) return;
    this.log(`reading the package index (${this.s.sources.join("; ")})`);
    execFileSync("apt-get", [...this.options, "update", "-qq"], { stdio: ["ignore", "ignore", "inherit"] });
    this.updated = true;
  }

  /** Package names starting with `prefix` (the index read first when there is none yet). */
  names(prefix: string): string[] {
    const list = (): string[] =>
      execFileSync("apt-cache", [...this.options, "pkgnames", prefix], { encoding: "utf8" })
        .split("\n")
        .filter(Boolean);
    let found = list();
    if (found.length === 0 && !this.updated) {
      this.update();
      found = list();
    }
    return found;
  }

  /** The releases of this series' kernel images, oldest first. */
  releases(): string[] {
    return this.names("linux-image-")
      .map((p) => this.s.image.exec(p)?.[1])
      .filter((r): r is string => !!r)
      .sort(byVersion);
  }

  /** The version of each package (the candidate apt would install). */
  versions(pkgs: string[]): Map<string, string> {
    const out = new Map<string, string>();
    if (pkgs.length === 0) return out;
    const text = execFileSync("apt-cache", [...this.options, "--no-all-versions", "show", ...pkgs], { encoding: "utf8", maxBuffer: 1 << 26 });
    let name = "";
    for (const line of text.split("\n")) {
      if (line.startsWith("Package: ")) name = line.slice(9).trim();
      else if (line.startsWith("Version: ") && name) out.set(name, line.slice(9).trim());
    }
    return out;
  }

  /** Downloads the packages' .deb files into `cwd`. */
  download(pkgs: string[], cwd: string): void {
    this.log(`downloading ${pkgs.join(" ")}`);
    execFileSync("apt-get", [...this.options, "download", "-qq", ...pkgs], { cwd, stdio: ["ignore", "ignore", "inherit"] });
  }
}
