// The settings slice: the kernel the workspace is built for. The release and CONFIG_ switches
// are written into the workspace's .config (so the controls and the file never disagree);
// the base profile and "build anyway" are run options kept beside the files.

import type { StateCreator } from "zustand/vanilla";
import type { PlaygroundState } from "./store";
import { setConfigOption } from "./configfile";
import { withConfigRelease } from "../../wasm/shared/configheader";
import { selectKernelVersion } from "./selectors";
import { templateFor } from "./templates";

export interface SettingsSlice {
  /** Build against the base kernel profile (a real Debian kernel's export table). */
  profile: boolean;
  /** Build anyway when make refuses (KBUILD_MODPOST_WARN=1 KBUILD_NSDEPS=1), so the loader's verdict shows. */
  relaxed: boolean;
  setProfile(on: boolean): void;
  setRelaxed(on: boolean): void;
  /** Picks the kernel release (e.g. "6.13") by rewriting the .config header. */
  setKernel(version: string): void;
  /** Sets a CONFIG_ option in .config. */
  setConfig(key: string, on: boolean): void;
}

function configText(state: PlaygroundState, release: string): string {
  const cfg = state.files.find((f) => f.name === ".config");
  return typeof cfg?.content === "string" ? cfg.content : templateFor(".config", release);
}

export const createSettingsSlice: StateCreator<PlaygroundState, [["zustand/subscribeWithSelector", never]], [], SettingsSlice> = (set, get) => ({
  profile: true,
  relaxed: true,
  setProfile: (profile) => set({ profile }),
  setRelaxed: (relaxed) => set({ relaxed }),
  setKernel(version) {
    get().setFile(".config", withConfigRelease(configText(get(), version), version));
  },
  setConfig(key, on) {
    const release = selectKernelVersion(get());
    get().setFile(".config", setConfigOption(configText(get(), release), key, on));
  },
});
