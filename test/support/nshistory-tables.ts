// Regenerates the [real] part of the namespace history (wasm/assembly/kernel/nshistory.md)
// from Debian's real Module.symvers of 5.10, 6.1, 6.12 and 6.16 … 7.3, and the fixture the
// offline test checks the history against (test/support/nshistory/namespaces.txt).
// Opt-in: `npx tsx test/support/nshistory-tables.ts [--write]`. Downloads only the
// linux-headers-<release> packages (about 2 MB each) with apt-get and dpkg-deb, through a
// private sources list, into $KSYMNS_NSHISTORY_CACHE (default ~/.cache/ksymns/nshistory).
// trixie-backports lists only its newest headers; those of its older series are fetched from
// the pool under the name and version of the image the index still lists (as the kernel
// lab's setup does).

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
const DEBIAN = "http://deb.debian.org/debian";
const SECURITY = "http://deb.debian.org/debian-security";
const BACKPORTS = [`deb ${DEBIAN} trixie-backports main`];

/** The releases with a real table, oldest first: where their kernels are and how the image is named. */
const SERIES: Record<string, { sources: string[]; image: RegExp }> = {
  "5.10": { sources: [`deb ${DEBIAN} bullseye main`, `deb ${SECURITY} bullseye-security main`], image: /^linux-image-(5\.10\.0-\d+-amd64)-unsigned$/ },
  "6.1": { sources: [`deb ${DEBIAN} bookworm main`, `deb ${SECURITY} bookworm-security main`], image: /^linux-image-(6\.1\.0-\d+-amd64)-unsigned$/ },
  "6.12": { sources: [`deb ${SECURITY} bookworm-security main`], image: /^linux-image-(6\.12\.\d+\+deb12-amd64)-unsigned$/ },
};
for (const s of ["6.16", "6.17", "6.18", "6.19", "7.0", "7.1", "7.2", "7.3"]) {
  SERIES[s] = { sources: BACKPORTS, image: new RegExp(`^linux-image-(${s.replace(".", "\\.")}\\.\\d+\\+deb13-amd64)$`) };
}
const TABLE_SERIES = Object.keys(SERIES);
const FIXTURE = new URL("./nshistory/namespaces.txt", import.meta.url).pathname;
const REAL_MD = new URL("./nshistory/real.md", import.meta.url).pathname;

interface Row {
  ns: string;
  owner: string;
}
type Table = Map<string, Row>;

function cacheDir(): string {
  return process.env.KSYMNS_NSHISTORY_CACHE ?? join(homedir(), ".cache/ksymns/nshistory");
}

/** The Module.symvers of a series' newest Debian kernel, downloaded once. */
function fetchSymvers(series: string): { release: string; path: string } {
  const s = SERIES[series];
  const dir = cacheDir();
  const state = join(dir, ".apt", s.sources[0].split(" ")[2]); // one state a suite
  mkdirSync(join(state, "lists/partial"), { recursive: true });
  mkdirSync(join(state, "cache/archives/partial"), { recursive: true });
  writeFileSync(join(state, "sources.list"), s.sources.join("\n") + "\n");
  const apt = [
    "-o",
    `Dir::Etc::sourcelist=${join(state, "sources.list")}`,
    "-o",
    "Dir::Etc::sourceparts=-",
    "-o",
    `Dir::State::Lists=${join(state, "lists")}`,
    "-o",
    `Dir::Cache=${join(state, "cache")}`,
  ];
  if (process.getuid?.() === 0) apt.push("-o", "APT::Sandbox::User=root");
  const releases = (): string[] =>
    execFileSync("apt-cache", [...apt, "pkgnames", "linux-image-"], { encoding: "utf8" })
      .split("\n")
      .map((p) => s.image.exec(p)?.[1] ?? "")
      .filter(Boolean)
      .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  let found = releases();
  if (found.length === 0) {
    execFileSync("apt-get", [...apt, "update", "-qq"], { stdio: ["ignore", "ignore", "inherit"] });
    found = releases();
  }
  const release = found.at(-1);
  if (!release) throw new Error(`no kernel matches ${s.image} in ${s.sources.join("; ")}`);
  const out = join(dir, `${release}.Module.symvers`);
  if (existsSync(out)) return { release, path: out };
  const work = mkdtempSync(join(tmpdir(), "ksymns-nshistory-"));
  try {
    const headers = `linux-headers-${release}`;
    const listed = execFileSync("apt-cache", [...apt, "pkgnames", headers], { encoding: "utf8" })
      .split("\n")
      .includes(headers);
    if (listed) {
      execFileSync("apt-get", [...apt, "download", "-qq", headers], { cwd: work, stdio: ["ignore", "ignore", "inherit"] });
    } else {
      const image = execFileSync("apt-cache", [...apt, "show", imageName(s, release, apt)], { encoding: "utf8" });
      const version = /^Version: (.+)$/m.exec(image)?.[1];
      if (!version) throw new Error(`no version for the image of ${release}`);
      const url = `${DEBIAN}/pool/main/l/linux/${headers}_${version}_amd64.deb`.replaceAll("+", "%2B");
      const sandbox = process.getuid?.() === 0 ? ["-o", "APT::Sandbox::User=root"] : [];
      execFileSync("/usr/lib/apt/apt-helper", [...sandbox, "download-file", url, join(work, `${headers}.deb`)], { stdio: ["ignore", "ignore", "inherit"] });
    }
    const deb = readdirSync(work).find((f) => f.endsWith(".deb"));
    if (!deb) throw new Error(`apt-get download linux-headers-${release} gave no package`);
    execFileSync("dpkg-deb", ["-x", join(work, deb), join(work, "x")]);
    writeFileSync(out, readFileSync(join(work, "x/usr/src", `linux-headers-${release}`, "Module.symvers")));
    return { release, path: out };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The image package of `release` that the index lists. */
function imageName(s: { image: RegExp }, release: string, apt: string[]): string {
  return (
    execFileSync("apt-cache", [...apt, "pkgnames", "linux-image-"], { encoding: "utf8" })
      .split("\n")
      .find((p) => s.image.exec(p)?.[1] === release) ?? `linux-image-${release}`
  );
}

/** symbol → namespace and owner, first row of a symbol winning as modpost's read_dump does. */
function readTable(text: string): Table {
  const t: Table = new Map();
  for (const line of text.split("\n")) {
    const f = line.split("\t");
    if (f.length < 4 || t.has(f[1])) continue;
    t.set(f[1], { ns: f[4] ?? "", owner: f[2] });
  }
  return t;
}

/** namespace → its exports in a table. */
function namespacesOf(t: Table): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [sym, r] of t) {
    if (!r.ns) continue;
    if (!out.has(r.ns)) out.set(r.ns, []);
    out.get(r.ns)!.push(sym);
  }
  return out;
}

/** The fixture: one namespace a line, followed by the series whose table has it. */
function fixtureText(tables: Map<string, Table>): string {
  const seen = new Map<string, string[]>();
  for (const [series, t] of tables) {
    for (const ns of namespacesOf(t).keys()) {
      if (!seen.has(ns)) seen.set(ns, []);
      seen.get(ns)!.push(series);
    }
  }
  const head = `# namespaces of Debian's real tables: ${[...tables.keys()].join(" ")} (test/support/nshistory-tables.ts)\n`;
  return (
    head +
    [...seen.keys()]
      .sort()
      .map((ns) => `${ns} ${seen.get(ns)!.join(" ")}`)
      .join("\n") +
    "\n"
  );
}

/** The [real] findings between consecutive tables, as markdown. */
function realText(tables: Map<string, Table>, releases: Map<string, string>): string {
  const names = [...tables.keys()];
  const out: string[] = [
    "# Namespaces between consecutive real tables",
    "",
    `Tables: ${names.map((s) => `${s} (${releases.get(s)})`).join(", ")}. Generated by test/support/nshistory-tables.ts.`,
    "",
  ];
  for (let i = 1; i < names.length; i++) {
    const a = tables.get(names[i - 1])!,
      b = tables.get(names[i])!;
    const na = namespacesOf(a),
      nb = namespacesOf(b);
    out.push(
      `## ${names[i - 1]} → ${names[i]}`,
      "",
      "| namespace | exports | were plain before | were in another namespace | absent before | owners |",
      "| --- | --- | --- | --- | --- | --- |",
    );
    for (const ns of [...nb.keys()].filter((n) => !na.has(n)).sort()) {
      const syms = nb.get(ns)!;
      const plain = syms.filter((s) => a.get(s)?.ns === "").length;
      const other = syms.filter((s) => a.has(s) && a.get(s)!.ns !== "").length;
      const owners = [...new Set(syms.map((s) => b.get(s)!.owner))];
      out.push(
        `| ${ns} | ${syms.length} | ${plain} | ${other} | ${syms.length - plain - other} | ${owners.slice(0, 3).join(", ")}${owners.length > 3 ? ", …" : ""} |`,
      );
    }
    const gone = [...na.keys()].filter((n) => !nb.has(n)).sort();
    out.push("", `Gone: ${gone.length ? gone.map((ns) => `${ns} (${na.get(ns)!.length})`).join(", ") : "none"}.`, "");
    const moves = new Map<string, string[]>();
    for (const [sym, r] of b) {
      const p = a.get(sym);
      if (!p || p.ns === r.ns) continue;
      const k = `${p.ns || "-"} → ${r.ns || "-"}`;
      if (!moves.has(k)) moves.set(k, []);
      moves.get(k)!.push(sym);
    }
    out.push("Exports that changed namespace:", "");
    for (const [k, syms] of [...moves].sort()) out.push(`- ${k}: ${syms.length} (${syms.slice(0, 4).join(", ")}${syms.length > 4 ? ", …" : ""})`);
    out.push("");
  }
  return out.join("\n");
}

function main(): void {
  const tables = new Map<string, Table>();
  const releases = new Map<string, string>();
  for (const series of TABLE_SERIES) {
    const { release, path } = fetchSymvers(series);
    releases.set(series, release);
    tables.set(series, readTable(readFileSync(path, "utf8")));
    process.stderr.write(`${series}: ${release}, ${tables.get(series)!.size} exports\n`);
  }
  const fixture = fixtureText(tables);
  const real = realText(tables, releases);
  if (process.argv.includes("--write")) {
    mkdirSync(new URL("./nshistory/", import.meta.url).pathname, { recursive: true });
    writeFileSync(FIXTURE, fixture);
    writeFileSync(REAL_MD, real);
    process.stderr.write(`wrote ${FIXTURE} and ${REAL_MD}\n`);
  } else {
    process.stdout.write(real);
  }
}

main();
