#!/usr/bin/env bash
# One run of the cross-platform CLI test set, with one build of ceping.
#
#   scripts/cli-set.sh OUT FIXTURES CEPING [ARG...]
#
# CEPING [ARG...] is how to start ceping: a path, or `wine path/ceping.exe`.
# FIXTURES holds the inputs every run shares (written by cross-test.sh:
# `街道 方案.toml`, a campaign TOML with CRLF line ends, and `花名册
# GBK.csv`, a GBK roster with CRLF; `有错 方案.toml`, the TOML with a
# mistake). The commands run in OUT/work, with
# relative paths that have Chinese characters and spaces; OUT/results gets,
# per step, the exit code, the normalised standard output, the first error
# sentence when one is expected, and every exported file normalised
# (scripts/normalise.py). cross-test.sh compares the results folders of
# the three builds with `diff -r`. Exit 1 if a step's exit code is not
# the expected one.
set -uo pipefail

out=$1 fixtures=$2
shift 2
ceping=("$@")
here=$(cd "$(dirname "$0")" && pwd)
work="$out/work" res="$out/results" raw="$out/raw"
rm -rf "$out"
mkdir -p "$work" "$res" "$raw"
failed=0
unset CEPING_LANG

# step NAME RC ARG...: run ceping in the work folder, expecting exit RC.
step() {
  local name=$1 want=$2
  shift 2
  (cd "$work" && "${ceping[@]}" "$@" </dev/null >"$raw/$name.out" 2>"$raw/$name.err")
  local rc=$?
  echo "$rc" >"$res/$name.rc"
  python3 "$here/normalise.py" text "$raw/$name.out" "$work" >"$res/$name.out"
  if [ "$want" != 0 ]; then
    # ceping's own sentence only: the system's wording after it (详情) and
    # wine's notes on stderr differ by platform.
    grep -m1 '^错误：' "$raw/$name.err" | sed 's/详情：.*//' >"$raw/$name.err1" || true
    python3 "$here/normalise.py" text "$raw/$name.err1" "$work" >"$res/$name.err"
  fi
  if [ "$rc" != "$want" ]; then
    echo "  FAIL $name: exit $rc, expected $want; stderr:" >&2
    sed 's/^/    /' "$raw/$name.err" >&2
    failed=1
  fi
}

# keep NAME KIND FILE: an output file, normalised, into the results.
keep() {
  local name=$1 kind=$2 file="$work/$3"
  if [ -f "$file" ]; then
    python3 "$here/normalise.py" "$kind" "$file" "$work" >"$res/$name" \
      || { echo "  FAIL $name: cannot read $3" >&2; failed=1; }
  else
    echo "  FAIL $name: $3 was not written" >&2
    failed=1
  fi
}

mkdir -p "$work/测评 文件" "$work/方案 文件夹" "$work/名单 文件" "$work/备份 文件夹" "$work/导出 结果"
cp "$fixtures/街道 方案.toml" "$fixtures/有错 方案.toml" "$work/方案 文件夹/"
cp "$fixtures/花名册 GBK.csv" "$work/名单 文件/"
A="测评 文件/南塘 村.ceping"
B="测评 文件/另一台 电脑.ceping"
C="测评 文件/方案 村.ceping"
M="合并 结果.ceping"
E="导出 结果"

step 01-template 0 template
step 02-init-demo 0 init "$A"
step 03-init-again 1 init "$A"
step 04-init-toml 0 init "$C" --campaign "方案 文件夹/街道 方案.toml"
step 04-init-bad-toml 1 init "测评 文件/不会建立.ceping" --campaign "方案 文件夹/有错 方案.toml"
step 05-verify-new 0 verify "$A"
step 06-verify-toml 0 verify "$C"
step 07-import-gbk 0 import "$A" "名单 文件/花名册 GBK.csv"
# Ballots: the CLI records ballots only through the hidden `debug-append`
# (the crash test's writer): ballots appended through Session::record like
# the meeting screen's, in the first unit's annual review.
if (cd "$work" && "${ceping[@]}" debug-append --help </dev/null >/dev/null 2>&1); then
  step 08-ballots 0 debug-append "$A" --count 30
else
  echo "  (no debug-append command in this build: ballots skipped)"
fi
step 09-verify-keyed 0 verify "$A"
step 10-init-other 0 init "$B"
step 11-import-other 0 import "$B" "名单 文件/花名册 GBK.csv"
step 12-merge 0 merge "$M" "$A" "$B"
step 13-merge-again 1 merge "$M" "$A" "$B"
step 14-verify-merged 0 verify "$M"
step 15-backup 0 backup "$A" "备份 文件夹"
step 16-backup-again 1 backup "$A" "备份 文件夹"
step 17-backup-force 0 backup "$A" "备份 文件夹" --force
step 18-verify-backup 0 verify "备份 文件夹/南塘 村.ceping"
step 19-verify-en 0 --lang en verify "$M"
for f in A C M; do
  file=${!f}
  step "20-$f-json" 0 export "$file" --format json
  step "21-$f-csv" 0 export "$file" --format csv -o "$E/$f 结果.csv"
  step "22-$f-xlsx" 0 export "$file" --format xlsx -o "$E/$f 结果.xlsx"
  python3 "$here/normalise.py" json "$raw/20-$f-json.out" "$work" >"$res/20-$f.json" \
    || { echo "  FAIL 20-$f-json: not JSON" >&2; failed=1; }
  keep "21-$f.csv" text "$E/$f 结果.csv"
  keep "22-$f.xlsx" xlsx "$E/$f 结果.xlsx"
done
step 23-csv-exists 1 export "$A" --format csv -o "$E/A 结果.csv"
step 24-csv-force 0 export "$A" --format csv -o "$E/A 结果.csv" --force
step 25-over-campaign 1 export "$A" --format csv -o "$B" --force
step 26-ballot-forms 0 ballots "$A" --unit 南塘村 --copies 2 -o "$E/选票 南塘村.xlsx"
keep 26-ballot-forms.xlsx xlsx "$E/选票 南塘村.xlsx"

exit $failed
