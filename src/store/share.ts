// The share link: `#v1/` + base64url(raw deflate(JSON snapshot)). The version prefix picks the
// decoder, so links made today keep opening after the format moves on. Raw deflate (fflate)
// makes these links about a third shorter than lz-string on kernel C and Module.symvers text.

import { MAX_WORKSPACE_BYTES } from "../../wasm/shared/codes";
import { encodeLinkJson, inflateLinkPayload, LINK_VERSION, LinkTooLarge } from "./linkcodec.js";
import { snapshotFromJson, snapshotToJson, type Snapshot } from "./snapshot";

export { LINK_VERSION } from "./linkcodec.js";

/** A link that cannot be opened, with a message for the user. */
export class LinkError extends Error {}

/** The most a link may decompress to: the engine's workspace limit (32 MiB), so that a
 *  crafted link can never inflate into a bomb. */
export const MAX_LINK_BYTES = MAX_WORKSPACE_BYTES;

const DECODERS: Record<number, (payload: string) => Snapshot> = {
  1: (payload) => {
    let text: string;
    try {
      text = inflateLinkPayload(payload, MAX_LINK_BYTES);
    } catch (err) {
      if (err instanceof LinkTooLarge)
        throw new LinkError(`This link would unpack to more than ${MAX_LINK_BYTES / 1024 / 1024} MiB, more than ksymns accepts; it was not opened.`);
      throw new LinkError("This link is incomplete or damaged: its data does not decompress. It may have been cut off when it was copied.");
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new LinkError("This link is incomplete or damaged: its data is cut short. It may have been cut off when it was copied.");
    }
    try {
      return snapshotFromJson(json);
    } catch (err) {
      throw new LinkError(`This link is damaged: ${(err as Error).message}.`);
    }
  },
};

/** The URL hash (without `#`) that holds `s`. */
export function encodeLink(s: Snapshot): string {
  return encodeLinkJson(snapshotToJson(s));
}

/** Whether a URL hash is meant as a workspace link (it may still be broken). */
export function isLinkHash(hash: string): boolean {
  return /^#?v\d+\//.test(hash);
}

/** The snapshot a URL hash holds; throws LinkError with a message for the user. */
export function decodeLink(hash: string): Snapshot {
  const m = /^#?v(\d+)\/(.*)$/s.exec(hash);
  if (!m) throw new LinkError("This link holds no workspace.");
  const decode = DECODERS[Number(m[1])];
  if (!decode) throw new LinkError(`This link was made by a newer ksymns (link format v${m[1]}); this page reads up to v${LINK_VERSION}.`);
  if (m[2] === "") throw new LinkError("This link is incomplete: its workspace data is missing.");
  return decode(m[2]);
}
