// SARIF 2.1.0 (OASIS): one run of the tool "ksymns", one rule per message id found (its
// explanation card as the help text, the kernel documentation as helpUri), one result per
// annotation with its location: the source line with --source-root, else the .ko.

import { cardFor } from "../../explain";
import pkg from "../../../package.json";
import type { CheckReport } from "../verdicts";
import type { Annotation } from "./annotations";

const SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
const LEVEL: Record<Annotation["severity"], string> = { error: "error", warning: "warning", info: "note" };

/** A SARIF URI reference for a path as given (relative paths stay relative, to the checkout). */
function uriOf(path: string): string {
  const slashed = path.split("\\").join("/").replace(/^\.\//, "");
  return slashed
    .split("/")
    .map((seg) => encodeURIComponent(seg))
    .join("/")
    .replace(/^%2F/, "/");
}

function ruleOf(id: string, severity: Annotation["severity"]): Record<string, unknown> {
  const card = cardFor(id);
  const level = { level: LEVEL[severity] };
  if (!card) return { id, name: id, shortDescription: { text: id }, defaultConfiguration: level };
  const help = [card.rule, `Where: ${card.where}`, `Since: ${card.since}`, `Before: ${card.before}`, `Fix: ${card.fix}`, `Read: ${card.docs}`];
  return {
    id,
    name: id,
    shortDescription: { text: card.title },
    fullDescription: { text: card.rule },
    help: { text: help.join("\n\n"), markdown: [`**${card.title}**`, ...help].join("\n\n") },
    helpUri: card.docs,
    defaultConfiguration: level,
  };
}

/** The SARIF log of a check, as an object (JSON.stringify it to write it). */
export function toSarif(report: CheckReport, annotations: Annotation[]): object {
  const ids: string[] = [];
  for (const a of annotations) if (!ids.includes(a.id)) ids.push(a.id);
  const rules = ids.map((id) => ruleOf(id, annotations.find((a) => a.id === id)!.severity));
  const results = annotations.map((a) => {
    const region = a.location.line
      ? {
          region: {
            startLine: a.location.line,
            ...(a.location.col ? { startColumn: a.location.col } : {}),
            ...(a.location.endLine ? { endLine: a.location.endLine } : {}),
            ...(a.location.endCol && a.location.endLine ? { endColumn: a.location.endCol } : {}),
          },
        }
      : {};
    return {
      ruleId: a.id,
      ruleIndex: ids.indexOf(a.id),
      level: LEVEL[a.severity],
      message: { text: a.text },
      locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(a.location.path) }, ...region } }],
      partialFingerprints: { "ksymns/v1": [a.id, a.module, a.finding.symbol ?? "", a.finding.ns ?? "", a.location.path].join("|") },
      properties: {
        kernels: a.kernels,
        module: a.module,
        ...(a.finding.symbol ? { symbol: a.finding.symbol } : {}),
        ...(a.finding.ns ? { namespace: a.finding.ns } : {}),
      },
    };
  });
  return {
    $schema: SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "ksymns", version: report.engine, informationUri: pkg.homepage, rules } },
        results,
        properties: {
          kernels: report.kernels.map((k) => ({ label: k.label, version: k.version, release: k.release, profile: k.profile })),
          modules: report.modules.map((m) => ({ path: m.path, name: m.name, loads: Object.fromEntries(m.results.map((v) => [v.kernel, v.loads])) })),
        },
      },
    ],
  };
}
