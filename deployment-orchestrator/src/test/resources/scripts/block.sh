#!/bin/sh
# A stand-in deploy tool for the kill -9 tests. Records every step it starts in "<service>-<env>.steps", and in
# "<service>-<env>.overlaps" any process of an earlier step of the same service and environment still alive when it
# starts (there must never be one: the orchestrator fences a predecessor's step before it runs another).
# "<service>-<env>-<version>-<step>.block" makes it hang once: it writes its pid and its child's (one process group)
# to "<...>.pids" and waits. ".fail" makes the step fail; ".leave" makes it leave a child behind and exit 0.
# usage: block.sh <state-dir> <service> <environment> <version> [step]
dir="$1"; service="$2"; env="$3"; version="$4"; step="${5:-rollout}"
mkdir -p "$dir"
for f in "$dir/$service-$env"-*.pids; do
  [ -f "$f" ] || continue
  for p in $(cat "$f"); do
    if [ -r "/proc/$p/stat" ] && [ "$(cut -d' ' -f3 "/proc/$p/stat")" != "Z" ]; then
      echo "$step $version started while $p of $(basename "$f") was alive" >> "$dir/$service-$env.overlaps"
    fi
  done
done
echo "$step $version" >> "$dir/$service-$env.steps"
base="$dir/$service-$env-$version-$step"
if [ -f "$base.block" ]; then
  mv "$base.block" "$base.blocked"
  sleep 600 &
  echo "$$ $!" > "$base.pids.tmp" && mv "$base.pids.tmp" "$base.pids"
  wait
fi
if [ -f "$base.leave" ]; then
  sleep 600 &
  echo "$!" > "$base.leftover"
fi
if [ -f "$base.fail" ]; then echo "$step of $version failed"; exit 2; fi
echo "$step $version done"
