#!/bin/sh
# psql, pg_dump, pg_restore and pg_isready 17 in the offline PostgreSQL image. zonky's binaries (the server the local
# stack runs) hold no client tools, and Debian 12 ships only version 15, whose pg_dump refuses a 17 server; these are
# Debian 13's postgresql-client-17 with the libraries and loader of its own release, kept apart under /opt/pg-client.
exec /opt/pg-client/lib/ld-linux-x86-64.so.2 --library-path /opt/pg-client/lib \
  "/opt/pg-client/bin/$(basename "$0")" "$@"
