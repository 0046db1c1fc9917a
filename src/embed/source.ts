// The element's `src`: a workspace folder or .zip on the host page's own site. The element
// fetches it (the frame, on the playground's origin, could not) and reads it as the full
// page reads an opened folder or archive (src/app/archive.ts).

import { isWorkspaceInput } from "../../wasm/shared/files";
import { openFileList, type Opened } from "../app/archive";

async function bytesOf(url: URL): Promise<ArrayBuffer> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url.href}: HTTP ${res.status}`);
  return res.arrayBuffer();
}

/** The file names of a folder: the links of its directory listing, else its files.json. */
async function listFolder(url: URL): Promise<string[]> {
  const res = await fetch(url).catch(() => null);
  if (res?.ok && /html/.test(res.headers.get("content-type") ?? "")) {
    const doc = new DOMParser().parseFromString(await res.text(), "text/html");
    const names = [...doc.querySelectorAll("a[href]")]
      .map((a) => new URL(a.getAttribute("href")!, url))
      .filter((u) => u.origin === url.origin && u.pathname.startsWith(url.pathname) && u.pathname.length > url.pathname.length)
      .map((u) => decodeURIComponent(u.pathname.slice(url.pathname.length)))
      .filter((n) => !n.includes("/") && isWorkspaceInput(n));
    if (names.length) return [...new Set(names)];
  }
  const manifest = new URL("files.json", url);
  const list: unknown = JSON.parse(
    new TextDecoder().decode(
      await bytesOf(manifest).catch(() => {
        throw new Error(`${url.href} lists no files: serve it with a directory listing, or put a files.json (["user.c", …]) in it`);
      }),
    ),
  );
  if (!Array.isArray(list) || list.length === 0 || !list.every((n) => typeof n === "string" && n !== "" && !n.includes("/"))) {
    throw new Error(`${manifest.href}: expected a JSON list of file names, as ["exporter.c", "user.c", "load"]`);
  }
  return list as string[];
}

/** The workspace at `url`: a folder (ending in `/`) or a `.zip`; throws an Error naming the URL. */
export async function readSource(url: URL): Promise<Opened> {
  let opened: Opened;
  if (url.pathname.endsWith("/")) {
    const names = await listFolder(url);
    const files = await Promise.all(names.map(async (n) => new File([await bytesOf(new URL(encodeURIComponent(n), url))], n)));
    opened = await openFileList(files, true);
  } else if (url.pathname.endsWith(".zip")) {
    const bytes = await bytesOf(url);
    try {
      opened = await openFileList([new File([bytes], "workspace.zip")]);
    } catch (err) {
      throw new Error(`${url.href}: not a readable .zip (${err instanceof Error ? err.message : String(err)})`, { cause: err });
    }
  } else {
    throw new Error(`src="${url.href}" must name a folder (ending in /) or a .zip`);
  }
  if (opened.files.length === 0) throw new Error(`${url.href} holds no workspace files (.c, .h, Kbuild, Makefile, Module.symvers, .config, load, .ko)`);
  return opened;
}
