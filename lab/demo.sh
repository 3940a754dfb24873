#!/usr/bin/env bash
# Builds mosnet and runs its main job in a throwaway namespace lab (needs root): mosnetd brings a namespace "host"
# onto the network from an "upstream" namespace with a gateway and dnsmasq, then the demo shows the result and
# removes the lab. Usage: lab/demo.sh [dhcp|static]   (default: dhcp)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" != 0 ]; then
  echo "demo: network namespaces need root; run with sudo" >&2
  exit 1
fi
mvn -B -q -DskipTests package
# The lab classes run on the distribution's own Java runtime (the build's default java may be older than 21).
exec dist/target/mosnet/runtime/bin/java -cp lab/target/test-classes io.mosnet.lab.Demo dist/target/mosnet "${1:-dhcp}"
