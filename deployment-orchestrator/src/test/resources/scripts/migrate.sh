#!/bin/sh
# A stand-in migration for the command driver's tests: fails when "<service>-<env>-<version>.migration-fails" exists.
# usage: migrate.sh <state-dir> <service> <environment> <version>
dir="$1"; service="$2"; env="$3"; version="$4"
mkdir -p "$dir"
if [ -f "$dir/$service-$env-$version.migration-fails" ]; then echo "migration to $version failed: column exists"; exit 1; fi
echo "$version" >> "$dir/$service-$env.migrations"
echo "migrated to $version"
