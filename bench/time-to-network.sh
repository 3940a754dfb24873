#!/usr/bin/env bash
# Time to network, side by side with the C DHCP clients, in a throwaway namespace lab (needs root).
#
# Builds namespace "up" (gateway 10.77.0.1 on bridge br-up, dnsmasq --no-ping) and namespace "host" with one NIC,
# then runs, alternately, mosnetd (DHCP mode), dhcpcd, dhclient and busybox udhcpc RUNS times each and measures
# exec of the client -> its IPv4 address appearing on the interface (eth0, or bridge mos for mosnetd), from the
# timestamps of `ip -ts monitor address`. Then: mosnetd in static mode, mosnetd on a host with 4 NICs of which only
# the last reaches a DHCP server, `mosnet status` wall time against a running daemon, the parked daemon's resident
# memory, and the size of the minimal distribution. Prints each median and its ratio to dhcpcd.
#
# Usage: sudo bench/time-to-network.sh [-n RUNS] [DIST]     (DIST defaults to dist/target/mosnet; build it first)
# Needs: iproute2, dnsmasq-base, dhcpcd-base, isc-dhcp-client, busybox (all installed by .ci/run).
#
# Everything happens in namespaces named tn-<random>-*; nothing is run in or changes the root namespace's network.
# Each client starts from nothing: no lease file, no bridge, no address (removed between runs). Benchmarks only:
# nothing here passes or fails on a time.
set -euo pipefail

runs=10
while getopts n: opt; do
  case $opt in
    n) runs=$OPTARG ;;
    *) echo "usage: $0 [-n RUNS] [DIST]" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
repo=$(cd "$(dirname "$0")/.." && pwd -P)
dist=$(cd "${1:-$repo/dist/target/mosnet}" && pwd -P)

if [ "$(id -u)" != 0 ]; then
  echo "time-to-network: network namespaces need root; run with sudo" >&2
  exit 1
fi
for tool in ip dnsmasq dhcpcd dhclient busybox; do
  command -v "$tool" >/dev/null || { echo "time-to-network: $tool is missing (see the header)" >&2; exit 1; }
done
[ -x "$dist/bin/mosnetd" ] || { echo "time-to-network: no distribution at $dist; run mvn -DskipTests package" >&2; exit 1; }

id=tn-$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')
tmp=$(mktemp -d "/tmp/mosnet-bench-$id.XXXX")
namespaces=()
pids=()

cleanup() {
  local p n
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  for ((n = ${#namespaces[@]} - 1; n >= 0; n--)); do ip netns del "${namespaces[n]}" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

forget_pid() { # pid: no longer ours to stop
  local keep=() p
  for p in "${pids[@]}"; do [ "$p" = "$1" ] || keep+=("$p"); done
  pids=("${keep[@]}")
}

netns() { # name
  ip netns add "$1"
  namespaces+=("$1")
  ip -n "$1" link set lo up
}

# A lab: <name>-up with the gateway and dnsmasq, <name>-host with NICs eth0..eth<nics-1>; only the last NIC reaches
# the gateway, the others lead to <name>-dead, where nobody answers.
lab() { # name nics
  local name=$1 nics=$2 i
  netns "$name-up"
  netns "$name-host"
  [ "$nics" -gt 1 ] && netns "$name-dead"
  ip -n "$name-up" link add br-up type bridge
  ip -n "$name-up" link set br-up up
  for ((i = 0; i < nics; i++)); do
    local peer=$name-dead
    [ "$i" = $((nics - 1)) ] && peer=$name-up
    # Both ends are created inside the host namespace and one is moved: the root namespace never holds either.
    ip -n "$name-host" link add "eth$i" type veth peer name "up$i" netns "$peer"
    ip -n "$name-host" link set "eth$i" up
    ip -n "$peer" link set "up$i" up
  done
  ip -n "$name-up" link set "up$((nics - 1))" master br-up
  ip -n "$name-up" addr add 10.77.0.1/24 dev br-up
  ip netns exec "$name-up" dnsmasq --keep-in-foreground --conf-file=/dev/null --no-resolv --no-hosts \
    --bind-interfaces --interface=br-up --except-interface=lo --port=0 --no-ping --dhcp-authoritative \
    --dhcp-leasefile="$tmp/$name-dnsmasq.leases" --dhcp-range=10.77.0.20,10.77.0.250,255.255.255.0,10m \
    --dhcp-option=option:router,10.77.0.1 --dhcp-option=option:dns-server,10.77.0.1 \
    >"$tmp/$name-dnsmasq.log" 2>&1 &
  pids+=($!)
}

# Lease scripts for dhclient and udhcpc: the address and default route only (their stock scripts also rewrite
# /etc/resolv.conf, which is shared with the root namespace). dhcpcd configures the interface itself.
cat >"$tmp/dhclient-script" <<'EOF'
#!/bin/sh
case $reason in
  BOUND|RENEW|REBIND|REBOOT)
    ip -4 addr add "$new_ip_address/$new_subnet_mask" dev "$interface"
    [ -z "$new_routers" ] || ip -4 route replace default via "${new_routers%% *}" dev "$interface" ;;
esac
exit 0
EOF
cat >"$tmp/udhcpc-script" <<'EOF'
#!/bin/sh
case $1 in
  bound|renew)
    ip -4 addr add "$ip/$mask" dev "$interface"
    [ -z "$router" ] || ip -4 route replace default via "${router%% *}" dev "$interface" ;;
esac
exit 0
EOF
chmod +x "$tmp/dhclient-script" "$tmp/udhcpc-script"
: >"$tmp/empty.conf"
mkdir -p "$tmp/plugins"

# Starts "$@" in namespace $1 and sets ms to the milliseconds from its exec to the first IPv4 address from the
# lab's subnet on device $2 (or "fail" after 30 s), and client to its PID. The start time is taken inside the
# namespace just before exec; the end time is ip monitor's timestamp of the kernel's RTM_NEWADDR. (No command
# substitutions here: the client must stay a child of this shell so that cleanup can stop it.)
measure() { # ns dev prepare-shell-code cmd...
  local ns=$1 dev=$2 prepare=$3 fifo=$tmp/monitor.fifo line t0 t1 mon
  shift 3
  rm -f "$fifo" "$tmp/t0"
  mkfifo "$fifo"
  nice -n -5 ip -n "$ns" -ts monitor address >"$fifo" &
  mon=$!
  exec 3<"$fifo"
  sleep 0.2 # let ip monitor subscribe before the client starts
  ip netns exec "$ns" bash -c "$prepare"'
    echo "$EPOCHREALTIME" >"$0"; exec "$@"' "$tmp/t0" "$@" >>"$tmp/clients.log" 2>&1 &
  client=$!
  pids+=("$client")
  t1=fail
  while IFS= read -r -t 30 line <&3; do
    if [[ $line =~ ^\[([^]]+)\]\ [0-9]+:\ $dev\ +inet\ 10\.77\.0\. ]]; then
      t1=$(date -d "${BASH_REMATCH[1]}" +%s.%N)
      break
    fi
  done
  exec 3<&-
  kill "$mon" 2>/dev/null || true
  wait "$mon" 2>/dev/null || true
  t0=$(cat "$tmp/t0" 2>/dev/null || echo fail)
  if [ "$t1" = fail ] || [ "$t0" = fail ]; then
    ms=fail
  else
    ms=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) * 1000 }')
  fi
}

finish() { # pid: stop the client if it is still running (dhcpcd -1 and udhcpc -q exit by themselves)
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  forget_pid "$1"
}

mosnetd_args() { # host-namespace cmdline-text
  printf '%s\n' "$2" >"$tmp/cmdline"
  echo "$dist/bin/mosnetd" --cmdline "$tmp/cmdline" --state-file "$tmp/mosnet.json" --socket "$tmp/mosnet.sock" \
    --resolv-conf "$tmp/resolv.conf" --log-file "$tmp/mosnetd.log" --plugins "$tmp/plugins"
}

reset_mosnetd() { # host namespace: back to a host mosnetd never ran on
  ip -n "$1" link del mos 2>/dev/null || true
  rm -f "$tmp/mosnet.json" "$tmp/mosnet.sock" "$tmp/resolv.conf"
}

run_mosnetd() { # ns cmdline
  # shellcheck disable=SC2046
  measure "$1" mos "" $(mosnetd_args "$1" "$2")
  finish "$client"
  reset_mosnetd "$1"
}

run_dhcpcd() { # ns
  local d=$tmp/dhcpcd
  rm -rf "$d"
  mkdir -p "$d/lib" "$d/run"
  # dhcpcd keeps its DUID and leases in /var/lib/dhcpcd and its pid file and socket in /run/dhcpcd: fresh empty
  # directories, bind-mounted in the private mount namespace that ip netns exec gives each process.
  measure "$1" eth0 "mount --bind $d/lib /var/lib/dhcpcd && mount --bind $d/run /run && " \
    dhcpcd -f "$tmp/empty.conf" -c /bin/true --noarp --nodelay -4 -1 -B eth0
  finish "$client"
  ip -n "$1" addr flush dev eth0 scope global
}

run_dhclient() { # ns
  rm -f "$tmp/dhclient.leases"
  measure "$1" eth0 "" dhclient -d -1 -4 -cf "$tmp/empty.conf" -sf "$tmp/dhclient-script" \
    -lf "$tmp/dhclient.leases" -pf "$tmp/dhclient.pid" eth0
  finish "$client"
  ip -n "$1" addr flush dev eth0 scope global
}

run_udhcpc() { # ns
  measure "$1" eth0 "" busybox udhcpc -f -q -n -i eth0 -s "$tmp/udhcpc-script"
  finish "$client"
  ip -n "$1" addr flush dev eth0 scope global
}

minimum() { # numbers... (the best run: the figure least disturbed by other load on the machine)
  printf '%s\n' "$@" | awk '$1 != "fail" && (n++ == 0 || $1 < m) { m = $1 } END { print n ? m : "fail" }'
}

median() { # numbers... ("fail" entries are left out and counted)
  printf '%s\n' "$@" | awk '$1 != "fail" { v[n++] = $1 } $1 == "fail" { f++ }
    END { if (n == 0) { print "fail"; exit }
          for (i = 0; i < n; i++) for (j = i + 1; j < n; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
          m = n % 2 ? v[(n - 1) / 2] : (v[n / 2 - 1] + v[n / 2]) / 2
          printf "%.1f%s\n", m, f ? " (" f " failed)" : "" }'
}

declare -A results
record() { results[$1]="${results[$1]:-} $2"; }

measure_into() { # key runner args...
  local key=$1 runner=$2
  shift 2
  "$runner" "$@"
  record "$key" "$ms"
  printf '  %-22s %s ms\n' "$key" "$ms" >&2
}

echo "time-to-network: lab $id, $runs runs each, distribution $dist" >&2
lab "$id-a" 1
host=$id-a-host
sleep 0.5 # dnsmasq up

for ((r = 1; r <= runs; r++)); do
  echo "run $r/$runs" >&2
  measure_into "mosnetd dhcp" run_mosnetd "$host" "mosdhcp_timeout=10"
  measure_into dhcpcd run_dhcpcd "$host"
  measure_into dhclient run_dhclient "$host"
  measure_into udhcpc run_udhcpc "$host"
  measure_into "mosnetd static" run_mosnetd "$host" "mosip4=10.77.0.9,10.77.0.1,255.255.255.0"
done

lab "$id-b" 4
for ((r = 1; r <= runs; r++)); do
  measure_into "mosnetd dhcp 4 NICs" run_mosnetd "$id-b-host" "mosdhcp_timeout=10"
done

# A parked daemon: DHCP mode, lease held, API open; resident memory once idle, then the CLI against it.
# shellcheck disable=SC2046
ip netns exec "$host" $(mosnetd_args "$host" "mosdhcp_timeout=10") >>"$tmp/clients.log" 2>&1 &
parked=$!
pids+=("$parked")
for ((i = 0; i < 300; i++)); do
  grep -q '"phase" *: *"running"' "$tmp/mosnet.json" 2>/dev/null && break
  sleep 0.1
done
grep -q '"phase" *: *"running"' "$tmp/mosnet.json" || { echo "mosnetd did not come up:" >&2; tail "$tmp/clients.log" >&2; exit 1; }
sleep 3
rss_kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$parked/status")
for ((r = 1; r <= runs; r++)); do
  t0=$EPOCHREALTIME
  "$dist/bin/mosnet" --socket "$tmp/mosnet.sock" status >/dev/null
  t1=$EPOCHREALTIME
  record "mosnet status" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) * 1000 }')"
done
finish "$parked"
reset_mosnetd "$host"
size_kb=$(du -sk "$dist" | cut -f1)
shipped_kb=$(du -sk --exclude='*.aot' "$dist" | cut -f1)

ref=$(median ${results[dhcpcd]})
ref=${ref%% *}
echo
printf '%-22s %12s %8s %16s   %s\n' "measurement" "median ms" "min ms" "ratio to dhcpcd" "runs (ms)"
for key in "mosnetd dhcp" "mosnetd dhcp 4 NICs" "mosnetd static" dhcpcd dhclient udhcpc "mosnet status"; do
  # shellcheck disable=SC2086
  m=$(median ${results[$key]})
  ratio=-
  if [ "${m%% *}" != fail ] && [ "$ref" != fail ]; then
    ratio=$(awk -v a="${m%% *}" -v b="$ref" 'BEGIN { printf "%.2f", a / b }')
  fi
  # shellcheck disable=SC2086
  printf '%-22s %12s %8s %16s  %s\n' "$key" "$m" "$(minimum ${results[$key]})" "$ratio" "${results[$key]}"
done
printf '%-22s %12s\n' "parked mosnetd RSS" "$((rss_kb / 1024)) MB ($rss_kb kB)"
printf '%-22s %12s\n' "distribution on disk" "$((size_kb / 1024)) MB ($size_kb kB, $dist)"
printf '%-22s %12s\n' "  without AOT caches" "$((shipped_kb / 1024)) MB ($shipped_kb kB: what the tarball unpacks to)"
