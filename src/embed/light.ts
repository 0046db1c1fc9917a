// The light embed's engine client: a workspace that only uses symbols it exports itself runs
// without the base kernel's table (the engine's "auto" profile: kernel.needsTable), so a
// page of embeds stays small; a workspace that needs the table (or is told to) runs with it.

import type { EngineClient } from "../engine/worker";

export type ProfileMode = "auto" | "on" | "off";

/** Wraps a client so that runs use the base profile only as `mode()` and the workspace ask. */
export function lightClient(inner: EngineClient, mode: () => ProfileMode): EngineClient {
  return {
    ...inner,
    run(files, options = {}) {
      const m = mode();
      if (options.profile === false || m === "off") return inner.run(files, { ...options, profile: false });
      // both runs where the engine is: no round trip (nor a collection) between them
      return inner.run(files, m === "on" ? options : { ...options, profile: "auto" });
    },
  };
}
