// The .config reader: CONFIG_ options and the release in the header comment that
// scripts/kconfig writes ("# Linux/x86 6.12.0 Kernel Configuration").

import { Msg, Severity, Stage } from "../../shared/codes";
import { Finding, Span } from "../diagnostics";
import { splitLines } from "./text";
import { knownRangeText, parseRelease } from "../kernel/versions";
import { headerRelease } from "../../shared/configheader";

export class KernelConfig {
  values: Map<string, string> = new Map();
  /** Release named in the header comment, 0 when there is none. */
  release: i32 = 0;
  releaseText: string = "";
  releaseSpan: Span = Span.none();
  findings: Finding[] = [];

  /** "y", "m", "n" (also for "is not set" and absent), or the raw value. */
  get(name: string): string {
    const key = name.startsWith("CONFIG_") ? name : "CONFIG_" + name;
    return this.values.has(key) ? this.values.get(key) : "n";
  }
  isOn(name: string): bool {
    const v = this.get(name);
    return v == "y" || v == "m";
  }
  set(name: string, value: string): void {
    this.values.set(name.startsWith("CONFIG_") ? name : "CONFIG_" + name, value);
  }
}

export function readConfig(file: string, text: string, into: KernelConfig): KernelConfig {
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    const no = i + 1;
    if (line.length == 0) continue;
    if (line.startsWith("#")) {
      const body = line.substring(1).trim();
      if (body.startsWith("CONFIG_") && body.endsWith(" is not set")) {
        const name = body.substring(0, body.length - 11).trim();
        into.values.set(name, "n");
        continue;
      }
      const named = headerRelease(line);
      if (named.length > 0) {
        const v = parseRelease(named);
        if (v == 0) {
          into.findings.push(
            new Finding(
              Stage.Read,
              Severity.Warning,
              Msg.READ_CONFIG_VERSION,
              "kernel release '" + named + "' is not one ksymns knows (" + knownRangeText() + "); the chosen version is used",
              Span.at(file, no),
            ),
          );
        } else {
          into.release = v;
          into.releaseText = named;
          into.releaseSpan = Span.at(file, no);
        }
      }
      continue;
    }
    const eq = line.indexOf("=");
    if (!line.startsWith("CONFIG_") || eq < 8) {
      into.findings.push(
        new Finding(Stage.Read, Severity.Warning, Msg.READ_CONFIG_LINE, "line not understood (expected CONFIG_NAME=value): " + line, Span.at(file, no)),
      );
      continue;
    }
    const name = line.substring(0, eq);
    let ok = true;
    for (let k = 7; k < name.length; k++) {
      const c = name.charCodeAt(k);
      if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c == 95 || (c >= 97 && c <= 122))) {
        ok = false;
        break;
      }
    }
    if (!ok) {
      into.findings.push(new Finding(Stage.Read, Severity.Warning, Msg.READ_CONFIG_LINE, "'" + name + "' is not a valid option name", Span.at(file, no)));
      continue;
    }
    into.values.set(name, line.substring(eq + 1));
  }
  return into;
}
