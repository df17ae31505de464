#!/usr/bin/env bash
# Fetches Debian 13's postgresql-client-17 and the libraries it loads (with their own loader) into DIR/{bin,lib},
# through apt with a private list directory: the machine's own apt sources and state are left alone. Kept when DIR
# already holds it.
#   docker/postgres/pg-client.sh DIR
set -euo pipefail
out="${1:?usage: $0 DIR}"
[ -x "$out/bin/pg_dump" ] && [ -f "$out/lib/ld-linux-x86-64.so.2" ] && exit 0
apt_dir="$(mktemp -d)"
trap 'rm -rf "$apt_dir"' EXIT
mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/debs" "$apt_dir/root"
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main" >"$apt_dir/sources.list"
apt_options=(-o "Dir::Etc::SourceList=$apt_dir/sources.list" -o Dir::Etc::SourceParts=/dev/null
  -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache" -o APT::Sandbox::User=root)
apt-get -q "${apt_options[@]}" update >"$apt_dir/apt.log" 2>&1 || { cat "$apt_dir/apt.log" >&2; exit 1; }
# the client and every library it loads, resolved by apt (the wrapper scripts of postgresql-client-common are not used)
packages=(postgresql-client-17 $(apt-cache "${apt_options[@]}" depends --recurse --no-recommends --no-suggests \
  --no-conflicts --no-breaks --no-replaces --no-enhances libpq5 libc6 liblz4-1 libreadline8t64 libzstd1 zlib1g \
  | grep -v '^[ <]' | sort -u))
(cd "$apt_dir/debs" && apt-get -q "${apt_options[@]}" download "${packages[@]}" >>"$apt_dir/apt.log" 2>&1) \
  || { cat "$apt_dir/apt.log" >&2; exit 1; }
for deb in "$apt_dir"/debs/*.deb; do dpkg-deb -x "$deb" "$apt_dir/root"; done
rm -rf "$out" && mkdir -p "$out/bin" "$out/lib"
cp -a "$apt_dir/root/usr/lib/postgresql/17/bin/." "$out/bin/"
cp -a "$apt_dir/root/usr/lib/x86_64-linux-gnu/." "$out/lib/"
"$out/lib/ld-linux-x86-64.so.2" --library-path "$out/lib" "$out/bin/pg_dump" --version >/dev/null
