// JUnit XML: one test suite per kernel, one test case per module on it (passes when the module
// loads); a module that would not load fails with the kernel's and modpost's errors as the
// failure text. CI systems read it as test results.

import { refusal, type CheckReport } from "../verdicts";

/** Text as XML character data or an attribute value (characters XML 1.0 cannot hold dropped). */
export function escapeXml(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex -- the characters XML 1.0 allows, control ones included
      .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, "\ufffd")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/\n/g, "&#10;")
      .replace(/\r/g, "&#13;")
      .replace(/\t/g, "&#9;")
  );
}

/** Character data: line breaks kept. */
function escapeBody(s: string): string {
  return escapeXml(s).replace(/&#10;/g, "\n");
}

export function formatJunit(report: CheckReport): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const total = report.modules.length * report.kernels.length;
  const failed = report.modules.reduce((n, m) => n + m.results.filter((v) => !v.loads).length, 0);
  out.push(`<testsuites name="ksymns check" tests="${total}" failures="${failed}" errors="0">`);
  for (const k of report.kernels) {
    const verdicts = report.modules.map((m) => ({ m, v: m.results.find((r) => r.kernel === k.label) }));
    const fails = verdicts.filter((x) => x.v && !x.v.loads).length;
    out.push(`  <testsuite name="${escapeXml(k.label)}" tests="${verdicts.length}" failures="${fails}" errors="0" skipped="0">`);
    out.push(
      `    <properties><property name="release" value="${escapeXml(k.release)}"/><property name="version" value="${escapeXml(k.version)}"/></properties>`,
    );
    for (const { m, v } of verdicts) {
      const head = `    <testcase classname="${escapeXml(`ksymns.${k.label}`)}" name="${escapeXml(`${m.path} (${m.name})`)}" file="${escapeXml(m.path)}"`;
      if (!v || v.loads) {
        out.push(`${head}/>`);
        continue;
      }
      const why = refusal(v);
      const lines = [...v.read, ...v.modpost, ...v.stderr, ...v.log.map((l) => `<${l.level}>${l.text}`)];
      out.push(`${head}>`);
      out.push(
        `      <failure message="${escapeXml(why?.text ?? "would not load")}" type="${escapeXml(why?.id ?? "LOAD")}">${escapeBody(lines.join("\n"))}</failure>`,
      );
      out.push("    </testcase>");
    }
    out.push("  </testsuite>");
  }
  out.push("</testsuites>");
  return out.join("\n") + "\n";
}
