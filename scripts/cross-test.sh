#!/usr/bin/env bash
# The cross-platform test, run at the end of .ci/run (or by hand):
#
# 1. `cargo clippy --target x86_64-pc-windows-gnu -- -D warnings`: the
#    Windows-only code (cfg(windows)) is compiled and linted too;
# 2. the same CLI test set (scripts/cli-set.sh: init, verify, a GBK roster
#    import, ballots, merge, backup, export json/csv/xlsx, ballot forms,
#    paths with Chinese characters and spaces, a CRLF campaign TOML) run
#    three times: the Linux build, the Windows build (ceping.exe) under
#    wine, and the static musl build;
# 3. the three runs' normalised results compared (scripts/normalise.py:
#    equal apart from times, chain heads and paths).
#
# A part whose tools are missing (no mingw, wine, musl-gcc or Rust
# target: .ci/run installs them where it can) is skipped with the reason
# printed; a part that runs must pass. Set CEPING_CROSS_KEEP=1 to keep the
# work folders (printed at the end).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
win=x86_64-pc-windows-gnu musl=x86_64-unknown-linux-musl
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ceping-cross.XXXXXX")
failed=() skipped=() timings=()

wineserver_bin() {
  command -v wineserver || command -v wineserver64 \
    || ls /usr/lib/wine/wineserver64 /usr/lib/wine/wineserver 2>/dev/null | head -1
}
cleanup() {
  # The wineserver of our throwaway prefix only (it lingers a few seconds
  # after the last wine process otherwise).
  if [ -d "$tmp/wineprefix" ] && ws=$(wineserver_bin) && [ -n "$ws" ]; then
    WINEPREFIX="$tmp/wineprefix" "$ws" -k 2>/dev/null || true
  fi
  if [ "${CEPING_CROSS_KEEP:-}" = 1 ]; then
    echo "cross-test: work folders kept in $tmp"
  else
    rm -rf "$tmp"
  fi
}
trap cleanup EXIT

say() { echo "cross-test: $*"; }
skip() {
  say "SKIPPED $1: $2"
  skipped+=("$1 ($2)")
}
fail() {
  say "FAILED $1"
  failed+=("$1")
}
# timed LABEL CMD...: run CMD, note its wall time under LABEL.
timed() {
  local label=$1 start=$SECONDS rc
  shift
  "$@"
  rc=$?
  timings+=("$label: $((SECONDS - start)) s")
  return $rc
}
has_target() {
  local sysroot
  sysroot=$(rustc --print sysroot 2>/dev/null) && [ -d "$sysroot/lib/rustlib/$1/lib" ]
}
# compare NAME: the run's results against the Linux build's.
compare() {
  if diff -r "$tmp/linux/results" "$tmp/$1/results" >"$tmp/$1.diff"; then
    say "$1: results equal to the Linux build's ($(ls "$tmp/$1/results" | wc -l) files)"
  else
    head -60 "$tmp/$1.diff"
    fail "$1: results differ from the Linux build's (above)"
  fi
}

if ! command -v python3 >/dev/null; then
  say "SKIPPED everything: python3 (which compares the runs) not found"
  exit 0
fi

# ---------------------------------------------------------------- Linux
say "native build"
if ! timed "native build" cargo build --quiet; then
  fail "native build"
  exit 1
fi
native="$root/target/debug/ceping"

# The inputs every run shares: the campaign template with CRLF line ends
# (as Notepad saves it), and a roster as Chinese Excel and WPS save CSV:
# GBK with CRLF. Names are invented.
mkdir -p "$tmp/fixtures"
"$native" template | python3 -c '
import sys
text = sys.stdin.read()
assert "\r" not in text
sys.stdout.buffer.write(text.replace("\n", "\r\n").encode("utf-8"))
' >"$tmp/fixtures/街道 方案.toml"
# The same with a mistake (a misspelt key on line 1), to compare the error.
printf 'yaer = 2021\r\n' | cat - "$tmp/fixtures/街道 方案.toml" >"$tmp/fixtures/有错 方案.toml"
python3 -c '
import sys
rows = ["单位,姓名,职务,述职方式",
        "南塘村,石晓岚,党组织书记,口头",
        "南塘村,陶立群,两委成员,书面",
        "南塘村,柏　云,两委成员,",
        "南塘村,\"韦建明\",工作队队长,",
        "回龙村,卜家豪,党组织书记,",
        "回龙村,薛宁,两委成员,口头"]
sys.stdout.buffer.write(("\r\n".join(rows) + "\r\n").encode("gbk"))
' >"$tmp/fixtures/花名册 GBK.csv"

say "CLI set, Linux build"
timed "CLI set, Linux" scripts/cli-set.sh "$tmp/linux" "$tmp/fixtures" "$native" \
  || fail "CLI set, Linux build"

# -------------------------------------------------------------- Windows
if ! has_target $win; then
  skip "Windows" "Rust target $win not installed (rustup target add $win)"
elif ! command -v x86_64-w64-mingw32-gcc >/dev/null; then
  skip "Windows" "x86_64-w64-mingw32-gcc not found (Debian: gcc-mingw-w64-x86-64)"
else
  say "clippy for Windows"
  timed "clippy, Windows" cargo clippy --quiet --target $win -- -D warnings \
    || fail "cargo clippy --target $win -- -D warnings"
  say "Windows build"
  if timed "Windows build" cargo build --quiet --target $win; then
    exe="$root/target/$win/debug/ceping.exe"
    wine=$(command -v wine || command -v wine64 || ls /usr/lib/wine/wine64 2>/dev/null)
    if [ -z "$wine" ]; then
      skip "wine runs" "wine not found (Debian: wine wine64)"
    # Test environment only: wine 8 lacks ProcessPrng, which Rust's std
    # calls and Windows 10/11 have; a shim beside the exe provides it.
    elif ! x86_64-w64-mingw32-gcc -shared -O2 -s -o "$(dirname "$exe")/bcryptprimitives.dll" \
      scripts/wine/bcryptprimitives.c -ladvapi32; then
      fail "building the wine shim bcryptprimitives.dll"
    else
      export WINEPREFIX="$tmp/wineprefix" WINEDEBUG=-all LC_ALL=C.UTF-8
      # No prompts to install Mono or Gecko into the new prefix.
      export WINEDLLOVERRIDES="mscoree,mshtml="
      say "wine: first start (makes the prefix)"
      if ! timed "wine first start" "$wine" "$exe" --version </dev/null >"$tmp/wine-version" 2>&1 \
        || ! grep -q '^ceping ' "$tmp/wine-version"; then
        cat "$tmp/wine-version"
        fail "ceping.exe --version under wine"
      else
        say "CLI set, Windows build under wine"
        timed "CLI set, wine" scripts/cli-set.sh "$tmp/wine" "$tmp/fixtures" "$wine" "$exe" \
          || fail "CLI set, Windows build under wine"
        compare wine
      fi
      unset WINEPREFIX WINEDEBUG LC_ALL WINEDLLOVERRIDES
    fi
  else
    fail "Windows build"
  fi
fi

# ----------------------------------------------------------------- musl
if ! has_target $musl; then
  skip "musl" "Rust target $musl not installed (rustup target add $musl)"
elif ! command -v musl-gcc >/dev/null; then
  skip "musl" "musl-gcc not found (Debian: musl-tools)"
else
  say "musl build"
  if timed "musl build" cargo build --quiet --target $musl; then
    bin="$root/target/$musl/debug/ceping"
    # Static: runs on any distribution's libc (UOS, Kylin).
    if ldd "$bin" 2>&1 | grep -q "statically linked\|not a dynamic executable"; then
      say "musl: $bin is static"
    else
      ldd "$bin"
      fail "musl build is not static"
    fi
    say "CLI set, musl build"
    timed "CLI set, musl" scripts/cli-set.sh "$tmp/musl" "$tmp/fixtures" "$bin" \
      || fail "CLI set, musl build"
    compare musl
  else
    fail "musl build"
  fi
fi

echo
say "times: $(printf '%s; ' "${timings[@]}")"
for s in "${skipped[@]}"; do say "skipped: $s"; done
if [ ${#failed[@]} -gt 0 ]; then
  for f in "${failed[@]}"; do say "failed: $f"; done
  exit 1
fi
say "passed"
