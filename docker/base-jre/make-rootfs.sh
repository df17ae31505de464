#!/usr/bin/env bash
# Assembles the root file system of the locally made base image (wedops/base-jre:17) into DIR:
#   - a jlinked Java 17 runtime from the JDK that builds the project (/opt/java), only the modules Spring Boot, the
#     Kafka clients and the broker use, without debug symbols: ~55 MB instead of a ~200 MB JRE;
#   - the shared libraries it (and busybox, if dynamic) loads, copied from this machine with their paths (ldd);
#   - busybox-static as /bin/sh, wget (health checks) and the few tools the Kafka and PostgreSQL entry points use;
#   - passwd/group with the users the images run as (wedops 10001, kafka 1000, postgres 999), /tmp (1777).
# Why not debootstrap: a Debian root is ~200 MB before a JRE, and the engine here stores images with the vfs driver,
# which copies every layer and every container's root in full: small roots make the proof minutes faster.
#   docker/base-jre/make-rootfs.sh DIR
set -euo pipefail
out="${1:?usage: $0 DIR}"
java_home="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
[ -d "$java_home/jmods" ] || { echo "no jmods in $java_home (jlink needs a full JDK)" >&2; exit 1; }
busybox="$(command -v busybox || true)"
[ -n "$busybox" ] || { echo "busybox is missing (Debian package busybox-static)" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out"/{bin,etc,opt,tmp,var/tmp,usr/bin,usr/local/bin,home}
chmod 1777 "$out/tmp" "$out/var/tmp"

# java.desktop only for java.beans (Spring's property binding); its X11/sound libraries are left out below
"$java_home/bin/jlink" --output "$out/opt/java" --strip-debug --no-man-pages --no-header-files --compress=2 \
  --include-locales=en \
  --add-modules java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.management.rmi,\
java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,\
java.transaction.xa,java.xml,java.xml.crypto,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.httpserver,jdk.jfr,jdk.jcmd,\
jdk.management,jdk.management.agent,jdk.management.jfr,jdk.naming.dns,jdk.net,jdk.security.auth,jdk.security.jgss,\
jdk.unsupported,jdk.zipfs,jdk.localedata
for desktop in libawt_xawt libsplashscreen libjsound libfontmanager libjawt liblcms libjavajpeg; do
  rm -f "$out/opt/java/lib/$desktop.so"
done
# Debian's JDK keeps the CA certificates outside the JDK (a symlink jlink does not follow): HTTPS to Slack/PagerDuty
if [ -f /etc/ssl/certs/java/cacerts ]; then
  cp -L /etc/ssl/certs/java/cacerts "$out/opt/java/lib/security/cacerts"
fi

install -m 0755 "$(readlink -f "$busybox")" "$out/bin/busybox"
for tool in sh ash cat cp chmod chown date echo env false grep head hostname id kill ln ls mkdir mktemp mv nc ps \
            readlink rm sed sleep sort tail tar tee test timeout touch tr true uname wc wget xargs [ awk cut find \
            basename dirname printf printenv seq uniq expr; do
  ln -sf busybox "$out/bin/$tool"
done
ln -sf /bin/env "$out/usr/bin/env"

# every shared library the runtime and busybox load, at the path this machine has it
"$(dirname "$0")/../copy-libraries.sh" "$out" "$out/opt/java/bin/"* "$out/opt/java/lib/"*.so \
  "$out/opt/java/lib/server/libjvm.so" "$out/bin/busybox"
# the dynamic loader at the path the ELF headers name
mkdir -p "$out/lib64"
[ -e "$out/lib64/ld-linux-x86-64.so.2" ] || cp -L /lib64/ld-linux-x86-64.so.2 "$out/lib64/"

cat >"$out/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
postgres:x:999:999:PostgreSQL:/var/lib/postgresql:/bin/sh
kafka:x:1000:1000:Kafka:/var/lib/kafka:/bin/sh
wedops:x:10001:10001:WedOps:/home/wedops:/bin/false
PASSWD
cat >"$out/etc/group" <<'GROUP'
root:x:0:
nogroup:x:65534:
postgres:x:999:
kafka:x:1000:
wedops:x:10001:
GROUP
printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$out/etc/nsswitch.conf"
mkdir -p "$out/home/wedops" && chown 10001:10001 "$out/home/wedops"
