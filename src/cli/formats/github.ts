// GitHub Actions workflow commands (`::error file=F,line=N,title=T::message`), one per
// annotation, so findings land on the pull request's files; then the matrix as a notice-free
// plain summary. Values are escaped as the runner's command grammar requires: %, CR and LF in
// messages; also ':' and ',' in properties.

import type { Annotation } from "./annotations";

/** A message (the data after `::`). */
export function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A property value (file, title). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

const COMMAND: Record<Annotation["severity"], string> = { error: "error", warning: "warning", info: "notice" };

/** One workflow command per annotation. */
export function formatGithub(annotations: Annotation[]): string {
  return annotations
    .map((a) => {
      const props = [`file=${escapeProperty(a.location.path)}`];
      if (a.location.line) {
        props.push(`line=${a.location.line}`);
        if (a.location.endLine) props.push(`endLine=${a.location.endLine}`);
        if (a.location.col) props.push(`col=${a.location.col}`);
        if (a.location.endCol && a.location.endLine === a.location.line) props.push(`endColumn=${a.location.endCol}`);
      }
      props.push(`title=${escapeProperty(`${a.id} (${a.kernels.join(", ")})`)}`);
      return `::${COMMAND[a.severity]} ${props.join(",")}::${escapeData(a.text)}\n`;
    })
    .join("");
}
