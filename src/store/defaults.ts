// The workspace a first visit (and a reset) starts from: the example module pair, built
// for Debian's 6.12 kernel, whose verdict shows modpost's and the loader's refusal at once.

import { DEFAULT_RELEASE, releaseName } from "../../wasm/shared/releases";
import { EXAMPLE } from "../example";
import type { Snapshot } from "./snapshot";
import { templateFor } from "./templates";

/** A fresh copy of the default workspace. */
export function defaultSnapshot(): Snapshot {
  const files = Object.entries(EXAMPLE).map(([name, content]) => ({ name, content }));
  files.push({
    name: ".config",
    content:
      templateFor(".config", releaseName(DEFAULT_RELEASE)) +
      "CONFIG_MODVERSIONS=y\nCONFIG_MODULE_SIG=y\n# CONFIG_MODULE_SIG_FORCE is not set\n# CONFIG_MODULE_ALLOW_MISSING_NAMESPACE_IMPORTS is not set\n",
  });
  return { files, profile: true, relaxed: true, view: { file: files[0].name, tab: "problems" } };
}
