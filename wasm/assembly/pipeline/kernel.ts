// Phase 1 of a run: which kernel the workspace is for — the release (the option, else the
// .config header, else the default), its `uname -r`, and its configuration: the base
// kernel's real .config, with the module options Debian sets for that release, under the
// workspace's .config, under the options.

import { Msg, Severity, Stage } from "../../shared/codes";
import { Finding, Span } from "../diagnostics";
import { DEFAULT_RELEASE, chosenRelease, isFullRelease, knownRangeText, parseRelease, releaseName, Rules } from "../kernel/versions";
import { Profile } from "../kernel/profile";
import { defaultConfig, releaseString } from "../kernel/defaults";
import { KernelConfig, readConfig } from "../source/config";
import { Workspace, WorkspaceFile } from "../workspace";
import { RunOptions } from "./options";

/** The kernel a run simulates. */
export class KernelChoice {
  release: i32 = DEFAULT_RELEASE;
  /** `uname -r`: the option when it names a full release of this series, else Debian's. */
  releaseText: string = "";
  config: KernelConfig = new KernelConfig();
  /** The options a result shows: those ksymns's rules read and those the workspace or the
   *  options set (the profile's whole .config stays inside the engine). */
  shown: string[] = [];
  findings: Finding[] = [];
}

/** The release, `uname -r` and configuration of the kernel `ws` is built for and loaded into. */
export function chooseKernel(ws: Workspace, opt: RunOptions, profile: Profile | null): KernelChoice {
  const k = new KernelChoice();
  const cfgFile = ws.find(".config");
  const fileCfg = new KernelConfig();
  if (cfgFile != null) readConfig(".config", (cfgFile as WorkspaceFile).text(), fileCfg);
  const v = chosenRelease(opt.kernel, fileCfg.releaseText);
  if (opt.kernel.length > 0 && parseRelease(opt.kernel) == 0)
    k.findings.push(
      new Finding(
        Stage.Read,
        Severity.Error,
        Msg.READ_UNKNOWN_KERNEL,
        "kernel '" + opt.kernel + "' is not a release ksymns knows (" + knownRangeText() + "); using " + releaseName(v),
        Span.none(),
      ),
    );
  k.release = v;
  k.releaseText = isFullRelease(opt.kernel) && parseRelease(opt.kernel) == v ? opt.kernel : releaseString(v);
  const defaults = defaultConfig(new Rules(v));
  const ok = opt.config.keys();
  const cfg = mergedConfig(profile, v, cfgFile != null ? (cfgFile as WorkspaceFile).text() : "", fileCfg, defaults, opt.config);
  const shown = new Set<string>();
  addKeys(defaults, shown);
  addKeys(fileCfg, shown);
  for (let i = 0; i < ok.length; i++) shown.add(ok[i]);
  k.shown = shown.values();
  k.shown.sort();
  for (let i = 0; i < fileCfg.findings.length; i++) k.findings.push(fileCfg.findings[i]);
  k.config = cfg;
  return k;
}

function addKeys(from: KernelConfig, into: Set<string>): void {
  for (let i = 0; i < from.table.count; i++) into.add(from.table.key(i));
}

/** The profile's .config under the defaults, the workspace's .config and the options. The
 *  profile's has thousands of options, so the last ones made are kept and handed out again
 *  while their inputs are the same (nothing changes a run's configuration once made): two,
 *  as a light embed runs each workspace without the base kernel and then with it. */
function mergedConfig(
  profile: Profile | null,
  release: i32,
  fileText: string,
  fileCfg: KernelConfig,
  defaults: KernelConfig,
  options: Map<string, string>,
): KernelConfig {
  const ok = options.keys();
  let optionsKey = "";
  for (let i = 0; i < ok.length; i++) optionsKey += ok[i] + "=" + options.get(ok[i]) + "\n";
  for (let i = 0; i < merged.length; i++) {
    const m = merged[i];
    if (m.profile === profile && m.release == release && m.fileText == fileText && m.optionsKey == optionsKey) return m.config;
  }
  const cfg = new KernelConfig();
  // the profile's rows are copied whole; the few options over them are set one by one
  if (profile != null) cfg.table = (profile as Profile).config.table.clone();
  cfg.setAll(defaults);
  cfg.setAll(fileCfg);
  for (let i = 0; i < ok.length; i++) cfg.table.set(ok[i], options.get(ok[i]));
  merged.unshift(new MergedConfig(profile, release, fileText, optionsKey, cfg));
  if (merged.length > KEPT_CONFIGS) merged.pop();
  return cfg;
}
const KEPT_CONFIGS = 2;

/** A configuration mergedConfig made, with what it was made from. */
class MergedConfig {
  constructor(
    public profile: Profile | null,
    public release: i32,
    public fileText: string,
    public optionsKey: string,
    public config: KernelConfig,
  ) {}
}
/** Newest first. */
const merged: MergedConfig[] = [];
