// A tiny element builder for the vanilla views.

type Child = Node | string | null | undefined | false;
type Props = Record<string, unknown> & { class?: string; dataset?: Record<string, string>; on?: Record<string, EventListener> };

/** Creates an element with attributes/properties, event listeners and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props) {
    for (const [k, v] of Object.entries(props)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "class") el.className = String(v);
      else if (k === "dataset") Object.assign(el.dataset, v);
      else if (k === "on") for (const [ev, fn] of Object.entries(v as Record<string, EventListener>)) el.addEventListener(ev, fn);
      else if (k in el && !k.startsWith("aria") && k !== "role") (el as unknown as Record<string, unknown>)[k] = v;
      else el.setAttribute(k, v === true ? "" : String(v));
    }
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** Replaces all children of `el`. */
export function replaceChildren(el: Element, ...children: Child[]): void {
  el.replaceChildren(...(children.filter((c) => c !== null && c !== undefined && c !== false) as (Node | string)[]));
}

/** An inline SVG icon from the small set the page uses. */
export function icon(name: keyof typeof ICONS, label?: string): SVGSVGElement {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 16 16");
  svg.setAttribute("class", `icon icon-${name}`);
  svg.setAttribute("aria-hidden", label ? "false" : "true");
  if (label) svg.setAttribute("aria-label", label);
  const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
  path.setAttribute("d", ICONS[name]);
  svg.append(path);
  return svg;
}

const ICONS = {
  error: "M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm-2.3 3.5L8 7.3 10.3 5l.7.7L8.7 8l2.3 2.3-.7.7L8 8.7 5.7 11 5 10.3 7.3 8 5 5.7l.7-.7Z",
  warning: "M8 1.2 15.2 14H.8L8 1.2Zm-.6 4.3v4.6h1.2V5.5H7.4Zm0 5.8v1.3h1.2v-1.3H7.4Z",
  info: "M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm-.6 3h1.2v1.3H7.4V4.5Zm0 2.5h1.2v4.6H7.4V7Z",
  ok: "M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm3.1 4.2.8.8L7 11.4 4.1 8.5l.8-.8L7 9.8l4.1-4.1Z",
  link: "M6.9 9.1a3 3 0 0 0 4.2 0l2.1-2.1a3 3 0 0 0-4.2-4.2l-.9.9.9.8.8-.8a1.8 1.8 0 0 1 2.6 2.6l-2.1 2.1a1.8 1.8 0 0 1-2.6 0l-.8.7Zm2.2-2.2a3 3 0 0 0-4.2 0L2.8 9a3 3 0 0 0 4.2 4.2l.9-.9-.9-.8-.8.8A1.8 1.8 0 0 1 3.6 9.7l2.1-2.1a1.8 1.8 0 0 1 2.6 0l.8-.7Z",
  download: "M7.4 1.5h1.2v7.6l2.6-2.6.8.8L8 11.3 4 7.3l.8-.8 2.6 2.6V1.5ZM2 12.3h1.2v1.5h9.6v-1.5H14V15H2v-2.7Z",
  open: "M1.5 3h4.6l1.4 1.4h7v9.1h-13V3Zm1.2 1.2v8.1h10.6V5.6H7L5.6 4.2H2.7Z",
  history: "M8 1.5a6.5 6.5 0 1 1-6.1 8.7l1.1-.4A5.3 5.3 0 1 0 3.6 4.4L5.5 6H1.5V2l1.3 1.3A6.5 6.5 0 0 1 8 1.5Zm-.6 3h1.2v3.3l2.3 1.4-.6 1-2.9-1.7v-4Z",
  reset: "M8 2.5a5.5 5.5 0 1 1-5.2 3.8l1.1.4A4.3 4.3 0 1 0 8 3.7V6L4.7 3.1 8 .2v2.3Z",
  help: "M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm0 9.6a.8.8 0 1 1 0 1.6.8.8 0 0 1 0-1.6ZM8 3.8c1.5 0 2.6 1 2.6 2.3 0 1-.6 1.6-1.3 2-.5.3-.7.5-.7 1v.4H7.4v-.5c0-.9.5-1.4 1.1-1.8.5-.3.9-.6.9-1.1 0-.6-.6-1.1-1.4-1.1-.8 0-1.4.5-1.5 1.3H5.3C5.4 4.8 6.5 3.8 8 3.8Z",
  plus: "M7.4 2.5h1.2v4.9h4.9v1.2H8.6v4.9H7.4V8.6H2.5V7.4h4.9V2.5Z",
  close: "M4.3 3.5 8 7.2l3.7-3.7.8.8L8.8 8l3.7 3.7-.8.8L8 8.8l-3.7 3.7-.8-.8L7.2 8 3.5 4.3l.8-.8Z",
  sun: "M7.4 1h1.2v2H7.4V1Zm0 12h1.2v2H7.4v-2ZM1 7.4h2v1.2H1V7.4Zm12 0h2v1.2h-2V7.4ZM8 4.5a3.5 3.5 0 1 1 0 7 3.5 3.5 0 0 1 0-7Zm-4.9-2.2 1.4 1.4-.8.8-1.4-1.4.8-.8Zm9.8 9.8-.8.8-1.4-1.4.8-.8 1.4 1.4Zm0-9.8.8.8-1.4 1.4-.8-.8 1.4-1.4ZM3.1 13.7l-.8-.8 1.4-1.4.8.8-1.4 1.4Z",
  moon: "M6.2 1.6a6.5 6.5 0 1 0 8.2 8.2A5.3 5.3 0 0 1 6.2 1.6Z",
  system: "M1.5 2.5h13v8.7h-5v1.6h2v1.2h-7v-1.2h2v-1.6h-5V2.5Zm1.2 1.2V10h10.6V3.7H2.7Z",
  wrench: "M10.9 1.3a3.8 3.8 0 0 0-3.6 5L1.8 11.8a1.4 1.4 0 0 0 2 2L9.3 8.3a3.8 3.8 0 0 0 5-3.6l-.1-.7-2 2-1.9-.5-.5-1.9 2-2-.9-.3Z",
  file: "M3 1.5h6.3L13 5.2v9.3H3V1.5Zm1.2 1.2v10.6h7.6V6H8.6V2.7H4.2Z",
  chevron: "M5.6 3.3 10.3 8l-4.7 4.7-.8-.8L8.7 8 4.8 4.1l.8-.8Z",
  terminal: "M1.5 2.5h13v11h-13v-11Zm1.2 1.2v8.6h10.6V3.7H2.7Zm1.6 1.6L7 8l-2.7 2.7-.8-.8L5.4 8 3.5 6.1l.8-.8ZM8 10.2h4v1.2H8v-1.2Z",
} as const;

/** Wraps a render function so that calls coalesce into one run at the next animation frame:
 *  result panes re-render off the keystroke's critical path, after the editor's markers. */
export function onNextFrame(render: () => void): () => void {
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      render();
    });
  };
}

/** "1 module", "2 modules": a count with its noun (regular plurals only). */
export function counted(n: number, noun: string): string {
  return `${withCommas(n)} ${noun}${n === 1 ? "" : "s"}`;
}

/** 7781 → "7,781", as toLocaleString("en") writes it, without waking the browser's locale data
 *  (its first call took ~40 ms of a first visit, while Monaco was starting). */
export function withCommas(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Keeps `el`'s data-more attribute saying which way it scrolls further ("left", "right",
 *  "both"), so a strip of tabs wider than its box shows a fading edge there; returns the dispose function. */
export function markScrollable(el: HTMLElement): () => void {
  const update = () => {
    const left = el.scrollLeft > 1;
    const right = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
    const more = left && right ? "both" : left ? "left" : right ? "right" : "";
    if ((el.dataset.more ?? "") !== more) {
      if (more) el.dataset.more = more;
      else delete el.dataset.more;
    }
  };
  // reading the widths forces a layout: once a frame, not after each change to the strip
  const soon = onNextFrame(update);
  const observer = new ResizeObserver(soon);
  observer.observe(el);
  const mutations = new MutationObserver(soon);
  mutations.observe(el, { childList: true, subtree: true, characterData: true });
  el.addEventListener("scroll", soon, { passive: true });
  soon();
  return () => {
    observer.disconnect();
    mutations.disconnect();
    el.removeEventListener("scroll", soon);
  };
}
