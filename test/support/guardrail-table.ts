/**
 * The guardrail table of README.md, rendered from the rules: one row per rule
 * of the library, with its pack, severity, requirement and fix as the rule
 * objects state them.
 */
import { GuardrailPack } from "../../constructs/index";

/** Text of a table cell: Markdown that would break the table or vanish as HTML is escaped. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\*/g, "\\*").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function guardrailTable(packs: readonly GuardrailPack[]): string {
  const rows = packs.flatMap((pack) =>
    pack.rules.map(
      (rule) => `| \`${rule.id}\` | ${pack.name} | ${rule.severity}${rule.exemptible ? ", exemptible" : ""} | ${cell(rule.description)} | ${cell(rule.fix)} |`,
    ),
  );
  return ["| rule | pack | severity | requires | how to comply |", "| --- | --- | --- | --- | --- |", ...rows].join("\n");
}
