#!/usr/bin/env bash
# Build what a liaison gets, into dist/:
#
#   dist/ceping.exe            Windows 10/11 (x86_64-pc-windows-gnu, mingw)
#   dist/ceping-linux-x86_64   static Linux (x86_64-unknown-linux-musl):
#                              runs whatever the distribution's glibc
#                              (UOS, Kylin, Debian, ...)
#   dist/快速上手.txt           the Chinese quick start (scripts/quickstart-zh.txt)
#                              as UTF-8 with a BOM and CRLF line ends, so that
#                              Windows Notepad shows it right
#
# Release builds (lto, one codegen unit, stripped: Cargo.toml), each in
# target/<triple>/release. Needs the Rust targets and the C cross
# compilers (SQLite is compiled in):
#   rustup target add x86_64-pc-windows-gnu x86_64-unknown-linux-musl
#   apt-get install gcc-mingw-w64-x86-64 musl-tools
set -euo pipefail
cd "$(dirname "$0")/.."
win=x86_64-pc-windows-gnu musl=x86_64-unknown-linux-musl

missing=()
sysroot=$(rustc --print sysroot)
for t in $win $musl; do
  [ -d "$sysroot/lib/rustlib/$t/lib" ] || missing+=("Rust target $t (rustup target add $t)")
done
command -v x86_64-w64-mingw32-gcc >/dev/null || missing+=("x86_64-w64-mingw32-gcc (Debian: gcc-mingw-w64-x86-64)")
command -v musl-gcc >/dev/null || missing+=("musl-gcc (Debian: musl-tools)")
if [ ${#missing[@]} -gt 0 ]; then
  printf 'dist.sh: missing %s\n' "${missing[@]}" >&2
  exit 1
fi

for t in $win $musl; do
  echo "dist.sh: building $t (release)"
  start=$SECONDS
  cargo build --release --locked --target $t
  echo "dist.sh: $t built in $((SECONDS - start)) s"
done

rm -rf dist
mkdir dist
cp target/$win/release/ceping.exe dist/ceping.exe
cp target/$musl/release/ceping dist/ceping-linux-x86_64
chmod 755 dist/ceping-linux-x86_64
if ! ldd dist/ceping-linux-x86_64 2>&1 | grep -q "statically linked\|not a dynamic executable"; then
  echo "dist.sh: dist/ceping-linux-x86_64 is not static" >&2
  exit 1
fi
# UTF-8 with a byte-order mark and CRLF: Notepad (before Windows 10 1903
# it took BOM-less text as the ANSI code page) and WPS show it right.
python3 -c '
import sys
text = open(sys.argv[1], encoding="utf-8").read()
assert "\r" not in text, "keep the source with LF line ends"
sys.stdout.buffer.write(("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8"))
' scripts/quickstart-zh.txt >dist/快速上手.txt

echo "dist.sh: dist/"
for f in dist/*; do
  printf '  %10s bytes  sha256 %s  %s\n' "$(stat -c %s "$f")" \
    "$(sha256sum "$f" | cut -c1-16)" "$(basename "$f")"
done
