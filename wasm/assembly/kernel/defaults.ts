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
