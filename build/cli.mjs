import { createRequire as __cibLintCreateRequire } from 'node:module'; const require = __cibLintCreateRequire(import.meta.url);
import {
  ConfigError,
  DEFAULT_MAX_FILE_SIZE,
  EXIT_ERROR,
  EXIT_FINDINGS,
  EXIT_OK,
  UsageError,
  didYouMean,
  exitCodeFor,
  failureReason,
  helpText,
  lintInputs,
  lintOperands,
  parseCommandLine,
  prepareRun,
  readRegularFile,
  runSettings,
  timed
} from "./chunks/chunk-GQKGXUDE.mjs";
import {
  fileKeys,
  writeFileAtomic
} from "./chunks/chunk-CGFEUKBW.mjs";
import "./chunks/chunk-7CZRQ6R6.mjs";
import "./chunks/chunk-BCFIFQX6.mjs";
import {
  blocks,
  writeOutputTo
} from "./chunks/chunk-6SVTRGOD.mjs";
import {
  visible
} from "./chunks/chunk-IKCZJ4ML.mjs";
import {
  TOOL_NAME,
  TOOL_VERSION,
  compareText,
  isActive,
  plural,
  relativeInside
} from "./chunks/chunk-KGQJRQUI.mjs";
import "./chunks/chunk-IC7SYVDY.mjs";

// src/cli/command.ts
import { existsSync as existsSync2, mkdirSync } from "node:fs";
import { dirname as dirname3, resolve as resolve3 } from "node:path";

// src/output/index.ts
var FORMATTERS = {
  text: () => import("./chunks/text-WL3VBYLU.mjs"),
  json: () => import("./chunks/json-WP4DGGA5.mjs"),
  sarif: () => import("./chunks/sarif-4QJR7ZSU.mjs"),
  github: () => import("./chunks/github-PF2M5EUW.mjs"),
  junit: () => import("./chunks/junit-A3BMDZ55.mjs"),
  gitlab: () => import("./chunks/gitlab-A6KQDYL7.mjs"),
  checkstyle: () => import("./chunks/checkstyle-UDCS6JPM.mjs"),
  compact: () => import("./chunks/compact-JRTOW7HV.mjs"),
  pcs: () => import("./chunks/pcs-QIXJXVOL.mjs")
};
var FORMAT_IDS = Object.keys(FORMATTERS);
function isFormatId(id) {
  return Object.hasOwn(FORMATTERS, id);
}
async function loadFormatter(id) {
  return (await FORMATTERS[id]()).default;
}

// src/core/baseline.ts
import { dirname, relative, resolve } from "node:path";
function fileKey(filePath, cwd, baselineFolder) {
  return filePath === "<stdin>" ? filePath : relative(baselineFolder, resolve(cwd, filePath)).split("\\").join("/");
}
function buildBaseline(files, cwd, baselineFolder) {
  const findings = files.flatMap(
    (file) => file.findings.filter(isActive).map((finding) => ({
      file: fileKey(file.filePath, cwd, baselineFolder),
      ruleId: finding.ruleId,
      fingerprint: finding.fingerprint,
      message: finding.message
    }))
  );
  return { version: 1, tool: `${TOOL_NAME} ${TOOL_VERSION}`, findings };
}
function readBaseline(path) {
  let data;
  try {
    data = JSON.parse(readRegularFile(path, DEFAULT_MAX_FILE_SIZE).toString("utf8"));
  } catch (error) {
    throw new ConfigError(`${path}: cannot read baseline: ${error.message.split("\n")[0]}`);
  }
  if (data?.version !== 1 || !Array.isArray(data.findings)) {
    throw new ConfigError(`${path}: not a cib-lint baseline (expected {"version": 1, "findings": [...]})`);
  }
  const bad = data.findings.findIndex(
    (entry) => typeof entry !== "object" || entry === null || typeof entry.file !== "string" || typeof entry.ruleId !== "string" || typeof entry.fingerprint !== "string"
  );
  if (bad >= 0) {
    throw new ConfigError(`${path}: findings[${bad}]: expected {"file": "...", "ruleId": "...", "fingerprint": "..."}, not ${describeJson(data.findings[bad])}`);
  }
  return data;
}
function describeJson(value) {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
function dropKnown(files, known, keyOf) {
  return files.map((file) => ({
    ...file,
    findings: file.findings.filter((finding) => {
      const key = keyOf(file, finding.fingerprint);
      const count = known.get(key) ?? 0;
      if (count === 0) return true;
      known.set(key, count - 1);
      return false;
    })
  }));
}
function countKeys(keys) {
  const counts = /* @__PURE__ */ new Map();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}
function writeBaseline(files, cwd, path, options = {}) {
  const target = resolve(cwd, path);
  const baseline = buildBaseline(files, cwd, dirname(target));
  try {
    writeFileAtomic(target, `${JSON.stringify(baseline, null, 2)}
`, options);
  } catch (error) {
    throw new ConfigError(`--write-baseline ${path}: cannot write: ${error.code ?? error.message}`);
  }
  const recorded = new Set(baseline.findings.map((entry) => entry.file)).size;
  return `wrote ${path}: ${plural(baseline.findings.length, "finding")} in ${plural(recorded, "file")} (of ${plural(files.length, "file")} linted), paths relative to its folder`;
}
async function applyBaselineOptions(files, options) {
  let result = files;
  if (options.baseline) {
    const path = resolve(options.cwd, options.baseline);
    const baseline = readBaseline(path);
    const known = countKeys(baseline.findings.map((entry) => `${entry.file}\0${entry.fingerprint}`));
    result = dropKnown(result, known, (file, fingerprint) => `${fileKey(file.filePath, options.cwd, dirname(path))}\0${fingerprint}`);
  }
  if (options.diffAgainst) {
    const [old] = lintInputs([{ kind: "file", path: options.diffAgainst }], {
      ...options.settings,
      cwd: options.cwd,
      maxFileSize: options.settings.maxFileSize ?? DEFAULT_MAX_FILE_SIZE
    });
    if (!old || old.errors.length > 0) {
      throw new ConfigError(`--diff-against ${options.diffAgainst}: ${old?.errors[0] ?? "cannot lint"}`);
    }
    const known = countKeys(old.findings.map((finding) => finding.fingerprint));
    result = result.map((file) => dropKnown([file], new Map(known), (_, fingerprint) => fingerprint)[0]);
  }
  return result;
}

// src/app/repository.ts
import { existsSync } from "node:fs";
import { dirname as dirname2, join, resolve as resolve2 } from "node:path";
function repositoryRoot(cwd, env) {
  for (let dir = resolve2(cwd); ; dir = dirname2(dir)) {
    if (existsSync(join(dir, ".git"))) return dir;
    if (dirname2(dir) === dir) break;
  }
  const workspace = env.GITHUB_WORKSPACE ? resolve2(env.GITHUB_WORKSPACE) : void 0;
  if (workspace !== void 0 && (workspace === resolve2(cwd) || relativeInside(workspace, cwd) !== void 0)) return workspace;
  return void 0;
}

// src/cli/command.ts
function parseFormats(values) {
  const requests = (values.length > 0 ? values : ["text"]).map((value) => {
    const [format = "", ...rest] = value.split("=");
    if (!isFormatId(format)) {
      throw new UsageError(`--format ${value}: expected one of ${FORMAT_IDS.join(", ")}, optionally =FILE${didYouMean(format, FORMAT_IDS)}`);
    }
    const destination = rest.length > 0 ? rest.join("=") : void 0;
    if (destination === "") throw new UsageError(`--format ${value}: missing file name after "="`);
    return { format, destination };
  });
  if (requests.filter((request) => request.destination === void 0).length > 1) {
    throw new UsageError("only one --format may write to standard output; give the others a file: --format sarif=out.sarif");
  }
  return requests;
}
function colorEnabled(flag, io) {
  if (flag !== void 0) return flag;
  if ("NO_COLOR" in io.env && io.env.NO_COLOR !== "") return false;
  if ("FORCE_COLOR" in io.env) return io.env.FORCE_COLOR !== "0" && io.env.FORCE_COLOR !== "false";
  return io.stdout.isTTY === true;
}
async function commandLint(values, io) {
  const { cwd } = io;
  const fixMode = fixModeOf(values);
  const requests = fixMode === "dry-run" ? parseDryRunFormats(values.format ?? []) : parseFormats(values.format ?? []);
  const prepared = await prepareRun({
    cwd,
    config: values.config,
    noConfig: values.noConfig === true,
    rule: values.rule,
    plugin: values.plugin,
    schemaDir: values.schemaDir,
    pacemaker: values.pacemaker
  });
  if (values.printConfig) {
    io.stdout.write(`${JSON.stringify(prepared.config, null, 2)}
`);
    return EXIT_OK;
  }
  const operands = values.files;
  if (operands.length === 0) throw new UsageError("no files given: cib-lint FILE... (a file, a directory, a glob, or - for standard input)");
  const [first] = operands;
  if (first !== void 0 && /^[a-z-]+$/.test(first) && !existsSync2(resolve3(cwd, first))) {
    const hint = didYouMean(first, PROGRAM.commands.flatMap((command) => command.name === void 0 ? [] : [command.name]));
    if (hint) throw new UsageError(`${first}: no such file, directory or command${hint}`);
  }
  const maxWarnings = wholeNumberOption(values.maxWarnings, "--max-warnings", 0);
  const maxFileSize = wholeNumberOption(values.maxFileSize, "--max-file-size", 1);
  const formatters = new Map(await Promise.all(requests.map(async ({ format }) => [format, await loadFormatter(format)])));
  const outputs = outputFiles(values, requests, cwd);
  const fixes = fixMode === void 0 ? void 0 : await import("./chunks/fix-I7WBFSMI.mjs");
  const fixing = fixes && new fixes.FixSession({ report: fixMode === "dry-run" ? "original" : "fixed", ...fixRules(values, prepared.allRules) });
  const operandOptions = {
    cwd,
    ...fixing && { fixer: fixing.fixer },
    warn: (message) => io.stderr.write(`cib-lint: ${visible(message)}
`),
    ...io.stdin !== void 0 && { stdin: io.stdin },
    ...maxFileSize !== void 0 && { maxFileSize },
    ...values.stdinFilename !== void 0 && { stdinFilename: String(values.stdinFilename) },
    inlineSuppressions: values.inlineSuppressions !== false,
    followSymlinks: values.followSymlinks !== false,
    outputs,
    reportUnusedSuppressions: values.reportUnusedSuppressions === true,
    skipNonCib: values.skipNonCib === true,
    // Only formats with code frames need a file's text once it is linted.
    keepSource: [...formatters.values()].some((formatter) => formatter.needsSource),
    // Progress only for people watching a terminal, and only when there is something to wait for.
    onFile: (done, total) => {
      if (io.stderr.isTTY === true && total >= 50) io.stderr.write(`\rcib-lint: ${done}/${total} files${done === total ? "\n" : ""}`);
    }
  };
  const files = timed("stage: expanding operands, linting", () => lintOperands(prepared, operands, operandOptions));
  const filtered = await applyBaselineOptions(files, {
    cwd,
    ...values.baseline !== void 0 && { baseline: String(values.baseline) },
    ...values.diffAgainst !== void 0 && { diffAgainst: String(values.diffAgainst) },
    settings: runSettings(prepared, { ...operandOptions, onFile: void 0, fixer: void 0 })
  });
  let exitCode = exitCodeFor(filtered, values.failOn, maxWarnings);
  if (fixes && fixing && !fixes.finishFixing(fixing, fixMode === "dry-run", cwd, io.stdout, io.stderr)) exitCode = EXIT_ERROR;
  const shown = values.quiet ? filtered.map((file) => ({ ...file, findings: file.findings.filter((finding) => finding.level === "error") })) : filtered;
  const repository = repositoryRoot(cwd, io.env);
  const report = {
    files: shown,
    rules: prepared.enabled.map(({ rule }) => rule.meta).sort((a, b) => compareText(a.id, b.id)),
    root: cwd,
    // SARIF paths are relative to the repository's root, wherever in it the command runs.
    ...repository !== void 0 && repository !== cwd && { repositoryRoot: repository }
  };
  const color = colorEnabled(values.color, io);
  for (const request of requests) {
    const context = {
      color: color && request.destination === void 0,
      showSuppressed: values.showSuppressed === true,
      sarifSuppressed: values.sarifSuppressed === true,
      failOn: values.failOn,
      notice: (message) => io.stderr.write(`cib-lint: ${visible(message)}
`)
    };
    timed("stage: formatting the report", () => {
      const output = formatters.get(request.format).format(report, context);
      if (request.destination === void 0) for (const block of blocks(output)) io.stdout.write(block);
      else writeOutput(resolve3(cwd, request.destination), output, `--format ${request.format}=${request.destination}`, values.followSymlinks !== false);
    });
  }
  for (const file of filtered) {
    for (const error of file.errors) io.stderr.write(`cib-lint: ${visible(`${file.filePath}: ${error}`)}
`);
  }
  if (exitCode === EXIT_FINDINGS && (values.quiet === true || values.failOn !== "error" || maxWarnings !== void 0)) {
    const reason = failureReason(filtered, values.failOn, maxWarnings);
    io.stderr.write(`cib-lint: exit code 1: ${reason}${values.quiet === true ? " (--quiet shows errors only)" : ""}
`);
  }
  if (values.writeBaseline !== void 0) {
    const wrote = writeBaseline(files, cwd, String(values.writeBaseline), { followSymlinks: values.followSymlinks !== false });
    io.stderr.write(`cib-lint: ${visible(wrote)}
`);
  }
  return exitCode;
}
function fixModeOf(values) {
  if (values.fix === true && values.fixDryRun === true) throw new UsageError("--fix writes the files, --fix-dry-run writes nothing: give one of them");
  const mode = values.fix === true ? "fix" : values.fixDryRun === true ? "dry-run" : void 0;
  if (mode === void 0 && values.fixRule !== void 0) throw new UsageError("--fix-rule limits --fix or --fix-dry-run: give one of them too");
  return mode;
}
function parseDryRunFormats(values) {
  const requests = values.length === 0 ? [] : parseFormats(values);
  const toStdout = requests.find((request) => request.destination === void 0);
  if (toStdout) throw new UsageError(`--fix-dry-run prints the diff on standard output: write --format ${toStdout.format} to a file (--format ${toStdout.format}=FILE)`);
  return requests;
}
function fixRules(values, rules) {
  const ids = values.fixRule;
  if (ids === void 0) return {};
  const known = rules.map((rule) => rule.meta.id);
  for (const id of ids) if (!known.includes(id)) throw new UsageError(`--fix-rule ${id}: unknown rule${didYouMean(id, known)}`);
  return { rules: new Set(ids) };
}
function writeOutput(target, content, what, followSymlinks) {
  try {
    mkdirSync(dirname3(target), { recursive: true });
    writeFileAtomic(target, (fd) => writeOutputTo(fd, content), { followSymlinks });
  } catch (error) {
    if (typeof error.code !== "string") throw error;
    throw new UsageError(`${what}: cannot write ${target}: ${error.code ?? error.message}`);
  }
}
function outputFiles(values, requests, cwd) {
  const outputs = requests.flatMap(
    ({ format, destination }) => destination === void 0 ? [] : [{ path: resolve3(cwd, destination), what: `--format ${format}=${destination}` }]
  );
  const baselineOut = values.writeBaseline === void 0 ? void 0 : { path: resolve3(cwd, String(values.writeBaseline)), what: `--write-baseline ${String(values.writeBaseline)}` };
  if (baselineOut !== void 0) outputs.push(baselineOut);
  const claimed = /* @__PURE__ */ new Map();
  outputs.forEach((output, index) => {
    for (const key of fileKeys(output.path)) {
      const other = claimed.get(key);
      if (other !== void 0 && other !== index) throw new UsageError(`${outputs[other].what} and ${output.what} name the same file: give each its own`);
      claimed.set(key, index);
    }
  });
  for (const [flag, value] of [["--baseline", values.baseline], ["--diff-against", values.diffAgainst]]) {
    if (value === void 0) continue;
    const keys = new Set(fileKeys(resolve3(cwd, String(value))));
    const output = outputs.find((each) => !(flag === "--baseline" && each === baselineOut) && fileKeys(each.path).some((key) => keys.has(key)));
    if (output !== void 0) throw new UsageError(`${output.what} would overwrite ${flag} ${String(value)}, which this run reads: write to another file`);
  }
  return outputs;
}
function wholeNumberOption(value, flag, minimum) {
  if (value === void 0) return void 0;
  if (typeof value !== "number" || !Number.isInteger(value) || value < minimum) {
    throw new UsageError(`${flag} must be a whole number of at least ${minimum}${Number.isNaN(value) ? "" : `, not ${String(value)}`}`);
  }
  return value;
}
var LINT = {
  summary: "lint CIB files",
  description: "Lint Pacemaker CIB files: files, directories (every *.xml below), globs, or - for standard input.",
  operand: { name: "files", description: "files, directories, globs, or - for stdin", repeatable: true },
  options: {
    format: { type: "string", short: "f", multiple: true, description: `${FORMAT_IDS.join(" | ")}, optionally =FILE; repeatable` },
    "fail-on": { type: "string", choices: ["error", "warning", "note", "none"], default: "error", description: "lowest level that makes the exit code 1" },
    "max-warnings": { type: "number", description: "exit 1 when there are more warnings than this" },
    quiet: { type: "boolean", short: "q", description: "report errors only" },
    color: { type: "boolean", description: "force colour on or off (NO_COLOR and FORCE_COLOR are honoured)" },
    rule: { type: "string", multiple: true, description: "ID=off|note|warning|error; repeatable, overrides the config" },
    config: {
      type: "string",
      short: "c",
      negatable: true,
      description: "configuration file (default: .cib-lint.yaml|.yml|.json found upward); --no-config ignores them"
    },
    "print-config": { type: "boolean", description: "print the effective configuration and exit" },
    plugin: { type: "string", multiple: true, description: "module with custom rules; repeatable" },
    pacemaker: { type: "string", description: "Pacemaker version the cluster runs, e.g. 2.1 or 3.0" },
    "schema-dir": { type: "string", description: "folder with Pacemaker's RelaxNG schemas (default: $CIB_LINT_SCHEMA_DIR, /usr/share/pacemaker)" },
    "stdin-filename": { type: "string", description: "name to report for standard input" },
    "max-file-size": { type: "number", description: `largest file to read, in bytes (default ${DEFAULT_MAX_FILE_SIZE})` },
    "follow-symlinks": {
      type: "boolean",
      default: true,
      description: "follow symbolic links named as files, and those found in folders and globs that stay inside the folder (--no-follow-symlinks follows none)"
    },
    "inline-suppressions": { type: "boolean", default: true, description: "honour cib-lint-disable comments (--no-inline-suppressions ignores them)" },
    "report-unused-suppressions": { type: "boolean", description: "report suppressions that suppress nothing" },
    "show-suppressed": { type: "boolean", description: "show suppressed findings in text output" },
    "sarif-suppressed": { type: "boolean", description: "keep suppressed findings in SARIF (code scanning shows them as open alerts, so they are left out by default)" },
    baseline: { type: "string", description: "report only findings not recorded in this baseline file" },
    "write-baseline": { type: "string", description: "record the current findings in this baseline file" },
    "diff-against": { type: "string", description: "report only findings the CIB adds relative to this older CIB" },
    "skip-non-cib": {
      type: "boolean",
      description: "skip XML files that are not CIBs (root element not <cib>) even when named, as pre-commit names every staged .xml file; folders and globs always skip them"
    },
    fix: { type: "boolean", description: "apply the safe fixes to the files (docs/fixes.md), then report what is left" },
    "fix-dry-run": { type: "boolean", description: "print the diff --fix would apply; write nothing" },
    "fix-rule": { type: "string", multiple: true, description: "apply only this rule's fixes; repeatable" }
  },
  run: commandLint
};
var CONFIG_OPTIONS = {
  config: { type: "string", short: "c", negatable: true, description: "configuration file whose plugins and policies to include (default: found upward); --no-config: built-in rules only" },
  plugin: { type: "string", multiple: true, description: "module with custom rules; repeatable" }
};
var PROGRAM = {
  name: "cib-lint",
  commands: [
    LINT,
    {
      name: "rules",
      summary: "list the rules",
      options: { format: { type: "string", short: "f", choices: ["text", "json"], default: "text", description: "output format" }, ...CONFIG_OPTIONS },
      run: async (values, io) => (await import("./chunks/rules-command-SW3BVSGT.mjs")).commandRules(values, io)
    },
    {
      name: "explain",
      summary: "print a rule's documentation",
      operand: { name: "id", description: "a rule id, as `cib-lint rules` lists them", required: true },
      options: CONFIG_OPTIONS,
      run: async (values, io) => (await import("./chunks/rules-command-SW3BVSGT.mjs")).commandExplain(values, io)
    }
  ]
};
async function runCommand(argv, io) {
  try {
    const invocation = parseCommandLine(argv, PROGRAM);
    switch (invocation.kind) {
      case "help":
        io.stdout.write(helpText(PROGRAM, invocation.command, Math.min(110, io.stdout.columns || 100)));
        return EXIT_OK;
      case "version":
        io.stdout.write(`${TOOL_VERSION}
`);
        return EXIT_OK;
      case "run":
        return await invocation.command.run(invocation.values, io);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      for (const problem of error instanceof ConfigError ? error.problems : [error.message]) io.stderr.write(`cib-lint: ${visible(problem)}
`);
    } else {
      const stack = error.stack ?? "";
      const frames = stack.includes("\n    at ") ? stack.slice(stack.indexOf("\n    at ") + 1) : "";
      io.stderr.write(`cib-lint: internal error: ${visible(error.message)}
${frames}
`);
    }
    return EXIT_ERROR;
  }
}

// src/cli/bin.ts
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}
process.exitCode = await runCommand(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env
});
