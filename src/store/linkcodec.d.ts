// Types of linkcodec.js (plain JavaScript so that Node tools import it unbuilt).

/** The link format this build writes. */
export declare const LINK_VERSION: number;
/** Thrown by inflateLinkPayload when the payload would unpack to more than the limit. */
export declare class LinkTooLarge extends Error {}
/** The URL hash (without `#`) that carries `json`. */
export declare function encodeLinkJson(json: unknown): string;
/** The JSON text of a v1 payload; throws LinkTooLarge past `max` bytes, Error when it does not decompress. */
export declare function inflateLinkPayload(payload: string, max: number): string;
/** The snapshot JSON of text files (profile and relaxed on); `active` is the file shown first. */
export declare function textSnapshotJson(files: Record<string, string>, active?: string): { f: [string, string][]; p: 1; r: 1; a?: string };
