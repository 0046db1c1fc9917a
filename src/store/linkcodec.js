// The share link's bytes — `v1/` + base64url(raw deflate(JSON snapshot)) — in one place for
// the page (share.ts), the <ksymns-playground> element and the documentation plugins
// (integrations/). Plain JavaScript, so that a documentation site's Node build uses it unbuilt.

import { deflateSync, Inflate, strFromU8, strToU8 } from "fflate";

/** The link format this build writes. */
export const LINK_VERSION = 1;

/** Thrown by inflateLinkPayload when the payload would unpack to more than the limit. */
export class LinkTooLarge extends Error {}

function toBase64Url(bytes) {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(s) {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new Error("not base64url");
  const b64 = s.replace(/-/g, "+").replace(/_/g, "/");
  const bin = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The URL hash (without `#`) that carries `json`. */
export function encodeLinkJson(json) {
  return `v${LINK_VERSION}/${toBase64Url(deflateSync(strToU8(JSON.stringify(json)), { level: 9 }))}`;
}

/** The JSON text of a v1 payload (the part after `v1/`). Raw inflate stops as soon as the
 *  output passes `max` bytes (LinkTooLarge); anything that does not decompress throws Error. */
export function inflateLinkPayload(payload, max) {
  const chunks = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > max) throw new LinkTooLarge();
    chunks.push(chunk);
  });
  inflater.push(fromBase64Url(payload), true);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return strFromU8(out);
}

/** The snapshot JSON (snapshot.ts) of text files, built against the base kernel and relaxed
 *  as the presets are; `active` is the file shown first. */
export function textSnapshotJson(files, active) {
  const json = { f: Object.entries(files), p: 1, r: 1 };
  if (active) json.a = active;
  return json;
}
