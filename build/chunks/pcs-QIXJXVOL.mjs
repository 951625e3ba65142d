import { createRequire as __cibLintCreateRequire } from 'node:module'; const require = __cibLintCreateRequire(import.meta.url);
import {
  shellWord
} from "./chunk-7CZRQ6R6.mjs";
import "./chunk-BCFIFQX6.mjs";
import {
  TOOL_NAME,
  TOOL_VERSION,
  isActive,
  shownPath
} from "./chunk-KGQJRQUI.mjs";
import "./chunk-IC7SYVDY.mjs";

// src/output/pcs.ts
var UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
var UNSAFE_CHARACTER = new RegExp(UNSAFE.source);
function onCopy(command, file) {
  const [program, ...args] = command;
  if (args.some((arg) => UNSAFE_CHARACTER.test(arg))) return void 0;
  const words = args.map(shellWord).join(" ");
  if (program === "pcs") return `pcs -f ${file} ${words}`;
  if (program === "cibadmin") return `CIB_file=${file} cibadmin ${words}`;
  return void 0;
}
function comment(text) {
  return `# ${text.replace(UNSAFE, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`)}`;
}
function pcsScript(report) {
  const lines = [];
  const commands = [];
  for (const file of report.files) {
    const fixable = file.findings.filter((finding) => isActive(finding) && finding.fixes !== void 0);
    if (fixable.length === 0) continue;
    commands.push("", comment(`${shownPath(file.filePath, report.root)}`));
    for (const finding of fixable) {
      for (const fix of finding.fixes) {
        const where = `${finding.line}: ${finding.ruleId}: ${fix.title}`;
        const runnable = (fix.commands ?? []).map((command) => onCopy(command, '"$new"'));
        if (runnable.length === 0 || runnable.some((line) => line === void 0)) {
          commands.push(comment(`${where}: no pcs command makes this change; edit the CIB file (cib-lint --fix)`));
          continue;
        }
        commands.push(comment(where), ...runnable);
      }
    }
  }
  lines.push(
    "#!/bin/sh",
    comment(`${TOOL_NAME} ${TOOL_VERSION}: the safe fixes as pcs commands, for a live cluster (docs/fixes.md).`),
    comment("Review them, then run this on one cluster node: the cluster takes the change as one push."),
    "set -eu",
    "dir=$(mktemp -d)",
    'orig="$dir/orig.xml"',
    'new="$dir/new.xml"',
    'pcs cluster cib "$orig"',
    'cp "$orig" "$new"'
  );
  if (commands.length === 0) lines.push("", comment("nothing to fix"));
  else lines.push(...commands);
  lines.push("", 'pcs cluster cib-push "$new" diff-against="$orig"', 'rm -r "$dir"', "");
  return lines.join("\n");
}
var formatter = {
  id: "pcs",
  description: "a shell script of pcs commands making the safe fixes on a live cluster (docs/fixes.md)",
  needsSource: false,
  format: (report) => pcsScript(report)
};
var pcs_default = formatter;
export {
  pcs_default as default,
  onCopy,
  pcsScript
};
