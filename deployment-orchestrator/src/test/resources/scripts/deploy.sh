#!/bin/sh
# A stand-in deploy tool for the command driver's tests: records the version it deployed per service and environment.
# A "<service>-<env>-<version>.hold" file makes it wait (up to 60 s) for a ".release" file; a ".fail" file makes it fail.
# usage: deploy.sh <state-dir> <service> <environment> <version>
dir="$1"; service="$2"; env="$3"; version="$4"
mkdir -p "$dir"
echo "deploying $service $version to $env"
if [ -f "$dir/$service-$env-$version.hold" ]; then
  i=0
  while [ ! -f "$dir/$service-$env-$version.release" ]; do
    i=$((i + 1))
    if [ "$i" -gt 600 ]; then echo "never released"; exit 3; fi
    sleep 0.1
  done
fi
if [ -f "$dir/$service-$env-$version.fail" ]; then echo "deploy of $version failed"; exit 2; fi
echo "$version" > "$dir/$service-$env.version"
echo "$version" >> "$dir/$service-$env.history"
echo "deployed $version"
