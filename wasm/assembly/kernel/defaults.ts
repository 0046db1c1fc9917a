// The default configuration and release string of each version: Debian's kernel of that
// series (module signing on but not forced; MODVERSIONS on up to 6.17, off from 6.18).

import { KernelConfig } from "../source/config";
import { Rules } from "./versions";

/** `uname -r` of the Debian kernel the lab boots for a series, or X.Y.0 for others. */
export function releaseString(v: i32): string {
  // the releases the kernel lab boots (`uname -r`)
  if (v == 510) return "5.10.0-46-amd64";
  if (v == 601) return "6.1.0-56-amd64";
  if (v == 612) return "6.12.117+deb12-amd64";
  if (v == 616) return "6.16.12+deb13-amd64";
  if (v == 617) return "6.17.13+deb13-amd64";
  if (v == 618) return "6.18.15+deb13-amd64";
  if (v == 619) return "6.19.14+deb13-amd64";
  if (v == 700) return "7.0.13+deb13-amd64";
  if (v == 701) return "7.1.13+deb13-amd64";
  if (v == 702) return "7.2.12+deb13-amd64";
  if (v == 703) return "7.3.4+deb13-amd64";
  return (v / 100).toString() + "." + (v % 100).toString() + ".0-amd64";
}

export function defaultConfig(r: Rules): KernelConfig {
  const c = new KernelConfig();
  c.set("MODULES", "y");
  c.set("MODULE_UNLOAD", "y");
  c.set("MODVERSIONS", r.debianModversions ? "y" : "n");
  c.set("MODULE_SIG", "y");
  c.set("MODULE_SIG_FORCE", "n");
  c.set("MODULE_ALLOW_MISSING_NAMESPACE_IMPORTS", "n");
  return c;
}

/** The kernel's vermagic (include/linux/vermagic.h): the release, then "SMP preempt mod_unload
 *  modversions " as Debian's amd64 kernels have them (no "preempt " before 6.1). */
export function vermagicOf(r: Rules, release: string, cfg: KernelConfig): string {
  let s = release + " SMP ";
  if (r.vermagicPreempt) s += "preempt ";
  if (cfg.isOn("MODULE_UNLOAD")) s += "mod_unload ";
  if (cfg.isOn("MODVERSIONS")) s += "modversions ";
  return s;
}

/** sizeof(struct module) where the loader checks .gnu.linkonce.this_module against it (6.12
 *  on); 0 where it is not checked or not known [real: Debian's modules of 6.12, 6.16 … 7.3]. */
export function structModuleSize(r: Rules): u64 {
  return r.checksThisModuleSize ? 0x500 : 0;
}
