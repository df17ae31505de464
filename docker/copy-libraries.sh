#!/usr/bin/env bash
# Copies into ROOT every shared library of this machine that the given ELF files load (ldd), at the same path, so
# that they run inside an image made from ROOT. Libraries already inside ROOT (an RPATH into it) are left as they are.
#   docker/copy-libraries.sh ROOT ELF...
set -euo pipefail
out="${1:?usage: $0 ROOT ELF...}"
shift
for elf in "$@"; do
  { ldd "$elf" 2>/dev/null || true; } | awk '/=> \// {print $3} $1 ~ /^\/.*ld-linux/ {print $1}'
done | sort -u | { grep -v "^$out/" || true; } | while read -r library; do
  mkdir -p "$out$(dirname "$library")"
  [ -e "$out$library" ] || cp -L "$library" "$out$library"
done
