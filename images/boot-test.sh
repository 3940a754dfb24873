#!/usr/bin/env bash
# Boot test: QEMU boots the Debian image with its NIC on a tap device in a throwaway network namespace and mosnetd
# brings the VM onto that network. Checked from outside: the VM's lease (DHCP case) and that the VM answers ping from
# the address mosnet configured, with the NIC's own MAC (mosnet's bridge takes the uplink's MAC), and in the static
# case that the firewall lets SSH through and drops other ports; checked from the serial console: `mosnet health`
# exits 0.
#
# Usage: images/boot-test.sh [dhcp|static]...      (default: both)
#
# Cases:
#   dhcp    image built with MOSNET_KERNEL_APPEND="mosdhcp_timeout=10"; dnsmasq in the namespace serves DHCPv4
#   static  image built with MOSNET_KERNEL_APPEND="mosip4=10.0.100.10,10.0.100.1,255.255.255.0 mosfirewall=ssh";
#           no DHCP server runs, so only the static path can bring the VM up
#
# The lab, all inside namespace mbt-<random>: bridge br0 with the gateway 10.0.100.1/24 (dnsmasq listens there) and
# tap0, a port of br0, which QEMU (started inside the namespace) uses as the VM's NIC. The root namespace's network
# is never touched. Everything is removed on exit, even on failure: QEMU and dnsmasq stopped by PID, the namespace
# deleted, the scratch directory removed (kept when MOSNET_LAB_KEEP is set).
#
# Needs root, qemu-system-x86_64, dnsmasq, ip, ping, debootstrap and e2fsprogs (the image is (re)built by
# images/build-debian-image.sh from dist/target/mosnet; build that first with mvn -B -DskipTests package).
# Environment: MOSNET_BOOT_TIMEOUT (seconds to wait for the health report; default 240 with KVM, 900 without),
# MOSNET_ACCEL (kvm or tcg; default kvm on hardware
# virtualisation, else tcg).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "boot-test: $*" >&2; }
die() { say "FAIL: $*"; exit 1; }

[ "$(id -u)" = 0 ] || die "network namespaces and tap devices need root; run with sudo"
for tool in qemu-system-x86_64 dnsmasq ip ping; do
  command -v "$tool" >/dev/null || die "$tool not found (apt-get install qemu-system-x86 dnsmasq-base iproute2 iputils-ping)"
done

cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=(dhcp static)

# KVM only on hardware virtualisation (kvm_intel or kvm_amd) and when QEMU can open it. Some nested set-ups offer
# /dev/kvm through PVM (module kvm_pvm), which runs only PVM-enabled guest kernels (Debian's kernel did not get past
# its decompressor in minutes there), so such hosts use QEMU's emulation (TCG) like hosts without /dev/kvm.
accel=${MOSNET_ACCEL:-}
if [ -z "$accel" ]; then
  accel=tcg
  if [ -e /sys/module/kvm_intel ] || [ -e /sys/module/kvm_amd ]; then
    if echo quit | qemu-system-x86_64 -accel kvm -machine none -display none -nodefaults -monitor stdio \
        >/dev/null 2>&1; then
      accel=kvm
    fi
  fi
fi
if [ "$accel" = kvm ]; then timeout=${MOSNET_BOOT_TIMEOUT:-240}; else timeout=${MOSNET_BOOT_TIMEOUT:-900}; fi

gateway=10.0.100.1
static_addr=10.0.100.10
run=$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')
ns=mbt-$run
scratch=$(mktemp -d "/tmp/mosnet-boot-test-$run.XXXX")
pids=()
ns_made=no

cleanup() {
  local rc=$? pid
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    pid=${pids[i]}
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  [ "$ns_made" = yes ] && delete_lab
  if [ -n "${MOSNET_LAB_KEEP:-}" ]; then
    say "kept $scratch (MOSNET_LAB_KEEP is set)"
  else
    rm -rf "$scratch"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

in_ns() { ip netns exec "$ns" "$@"; }

# Deletes the namespace. Anything still running in it was started by this script and escaped its PID list: that is
# a bug here, so it is said, and those PIDs (only the namespace's own) are stopped first.
delete_lab() {
  local left
  left=$(ip netns pids "$ns" 2>/dev/null | tr '\n' ' ')
  if [ -n "${left// /}" ]; then
    say "processes left in $ns: $left; stopping them"
    kill $left 2>/dev/null || true
    sleep 1
    kill -9 $left 2>/dev/null || true
  fi
  ip netns del "$ns" || say "could not delete namespace $ns"
  ns_made=no
}

# Stops one process started by this script (by PID) and forgets it.
stop() {
  local pid=$1 keep=() p
  kill "$pid" 2>/dev/null || true
  for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  for p in "${pids[@]}"; do [ "$p" = "$pid" ] || keep+=("$p"); done
  pids=(${keep[@]+"${keep[@]}"})
}

make_lab() {
  ip netns add "$ns"
  ns_made=yes
  in_ns ip link set lo up
  in_ns ip link add br0 type bridge
  in_ns ip link set br0 up
  in_ns ip address add "$gateway/24" dev br0
  # The tap is created inside the namespace; QEMU, also started there, attaches to it by name.
  in_ns ip tuntap add dev tap0 mode tap
  in_ns ip link set tap0 master br0
  in_ns ip link set tap0 up
}

start_dnsmasq() {
  # Started with ip netns exec directly (not through a shell function), so that $! is dnsmasq's own PID.
  ip netns exec "$ns" dnsmasq --keep-in-foreground --no-daemon --conf-file=/dev/null --no-resolv --no-hosts --bind-interfaces \
    --interface=br0 --except-interface=lo --port=0 --no-ping --dhcp-authoritative --log-dhcp \
    --dhcp-range=10.0.100.100,10.0.100.150,1h --dhcp-option=option:router,$gateway \
    --dhcp-option=option:dns-server,$gateway --dhcp-option=option:domain-search,boot.test \
    --dhcp-leasefile="$scratch/dnsmasq.leases" >"$scratch/dnsmasq.log" 2>&1 &
  pids+=($!)
}

# Boots image directory $1 with NIC MAC $2, serial console to $3; returns QEMU's PID in $qemu_pid.
boot() {
  local image=$1 mac=$2 serial=$3
  # ip netns exec execs QEMU, so $! is QEMU's own PID.
  ip netns exec "$ns" qemu-system-x86_64 -accel "$accel" -m 512 -smp 1 -nodefaults -no-user-config -display none -no-reboot \
    -serial "file:$serial" -monitor none \
    -kernel "$image/vmlinuz" -initrd "$image/initrd.img" -append "$(cat "$image/cmdline")" \
    -drive "file=$image/rootfs.ext4,format=raw,if=virtio,snapshot=on" \
    -netdev tap,id=n0,ifname=tap0,script=no,downscript=no -device "virtio-net-pci,netdev=n0,mac=$mac" \
    >"$scratch/qemu.log" 2>&1 &
  qemu_pid=$!
  pids+=("$qemu_pid")
}

# Waits for the boot report on the serial console; prints it; returns mosnet health's exit code in $health.
await_report() {
  local serial=$1 started=$SECONDS line
  while :; do
    line=$(grep -a -m1 -o 'MOSNET-HEALTH: [0-9]*' "$serial" 2>/dev/null || true)
    [ -n "$line" ] && break
    kill -0 "$qemu_pid" 2>/dev/null || { tail -n 60 "$serial" >&2; cat "$scratch/qemu.log" >&2; die "QEMU exited before the health report"; }
    if [ $((SECONDS - started)) -ge "$timeout" ]; then
      tail -n 60 "$serial" >&2
      die "no health report on the serial console after ${timeout}s"
    fi
    sleep 1
  done
  health=${line#MOSNET-HEALTH: }
  sed -n '/MOSNET-HEALTH-REPORT-BEGIN/,/MOSNET-HEALTH-REPORT-END/p' "$serial" | tr -d '\r' | sed 's/^/  vm| /' >&2
  say "health report after $((SECONDS - started))s: exit $health"
}

# The VM answers ping on $1, and its reply comes from MAC $2.
check_answers() {
  local addr=$1 mac=$2 neigh
  in_ns ping -c 3 -W 2 "$addr" >"$scratch/ping.log" 2>&1 || { cat "$scratch/ping.log" >&2; die "VM does not answer ping on $addr"; }
  say "VM answers ping on $addr: $(grep -o '[0-9]* received' "$scratch/ping.log")"
  neigh=$(in_ns ip neigh show "$addr" dev br0)
  [[ "$neigh" == *"lladdr $mac"* ]] || die "$addr answered from another MAC than the VM's NIC ($mac): $neigh"
}

# mosfirewall=ssh from outside: the SSH port is let through (no SSH server runs, so the VM's kernel answers with a
# reset: "refused"), any other port is dropped by mosnet's nftables rules (no answer at all).
check_firewall() {
  local addr=$1 out
  out=$(timeout 5 ip netns exec "$ns" bash -c "exec 3<>/dev/tcp/$addr/22" 2>&1) && die "port 22 on $addr accepted a connection"
  [[ "$out" == *"refused"* ]] || die "port 22 on $addr: expected a reset (allowed by the firewall, nothing listening), got: $out"
  if timeout 5 ip netns exec "$ns" bash -c "exec 3<>/dev/tcp/$addr/8080" >/dev/null 2>&1; then
    die "port 8080 on $addr accepted a connection"
  elif [ $? -ne 124 ]; then
    die "port 8080 on $addr answered (refused) although mosfirewall=ssh should drop it"
  fi
  say "firewall: port 22 reaches $addr (reset, nothing listens), port 8080 is dropped"
}

run_case() {
  local name=$1 append image mac serial t0 lease
  case $name in
    dhcp) append="mosdhcp_timeout=10" ;;
    static) append="mosip4=$static_addr,$gateway,255.255.255.0 mosfirewall=ssh" ;;
    *) die "unknown case '$name' (dhcp or static)" ;;
  esac
  image=out/boot-test/$name
  t0=$SECONDS
  say "[$name] building the image with MOSNET_KERNEL_APPEND=\"$append\""
  MOSNET_KERNEL_APPEND="$append" images/build-debian-image.sh "$image"
  say "[$name] image built in $((SECONDS - t0))s"

  make_lab
  [ "$name" = dhcp ] && start_dnsmasq
  mac=52:54:00:$(od -An -N3 -tx1 /dev/urandom | sed 's/^ //; s/ /:/g')
  serial=$scratch/serial-$name.log
  t0=$SECONDS
  boot "$image" "$mac" "$serial"
  say "[$name] booting ($accel) in namespace $ns, NIC $mac, console $serial"
  await_report "$serial"
  [ "$health" = 0 ] || die "[$name] mosnet health exited $health in the VM"

  if [ "$name" = dhcp ]; then
    lease=$(awk -v mac="$mac" '$2 == mac { print $3 }' "$scratch/dnsmasq.leases")
    [ -n "$lease" ] || { cat "$scratch/dnsmasq.leases" "$scratch/dnsmasq.log" >&2; die "[dhcp] dnsmasq gave no lease to $mac"; }
    say "[dhcp] dnsmasq leased $lease to $mac"
    check_answers "$lease" "$mac"
    # The VM's real /etc/resolv.conf (no bind mount there, unlike in namespace labs) carries the lease's DNS.
    report=$(sed -n '/MOSNET-HEALTH-REPORT-BEGIN/,/MOSNET-HEALTH-REPORT-END/p' "$serial" | tr -d '\r')
    grep -q "^nameserver $gateway" <<<"$report" && grep -q "^search boot.test" <<<"$report" \
      || die "[dhcp] /etc/resolv.conf in the VM does not carry the lease's DNS server $gateway and search boot.test"
    say "[dhcp] /etc/resolv.conf in the VM: nameserver $gateway, search boot.test"
  else
    check_answers "$static_addr" "$mac"
    check_firewall "$static_addr"
  fi
  say "[$name] PASS (boot to healthy and checked in $((SECONDS - t0))s)"

  # Next case on a fresh lab.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do stop "${pids[i]}"; done
  delete_lab
}

for c in "${cases[@]}"; do run_case "$c"; done
say "all passed: ${cases[*]}"
