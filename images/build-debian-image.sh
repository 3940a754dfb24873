#!/usr/bin/env bash
# Builds a bootable Debian 12 (bookworm) VM image that carries the mosnet distribution and starts mosnetd at boot.
#
# Output, in OUTDIR (default out/mosnet-debian-x86_64):
#   vmlinuz, initrd.img  the image's own Debian kernel and initramfs, for QEMU's direct kernel boot
#   rootfs.ext4          the root file system (made with mkfs.ext4 -d: no loop mounts, no bootloader)
#   cmdline              the kernel command line, fixed at build time: root=/dev/vda rw console=ttyS0 + MOSNET_KERNEL_APPEND
#   run-vm.sh            boots the image with QEMU (serial console on the terminal; extra QEMU options are passed on)
#
# Environment:
#   MOSNET_KERNEL_APPEND  mos* parameters for mosnetd (default: mosdhcp_timeout=10), e.g.
#                         "mosip4=10.0.100.10,10.0.100.1,255.255.255.0 mosfirewall=ssh"
#   MOSNET_DIST           the distribution whose install.sh installs it at /opt/mosnet (default: dist/target/mosnet;
#                         build it first with mvn -B -DskipTests package; an unpacked tarball works too)
#   MOSNET_IMAGE_CACHE    where debootstrapped root file systems are kept, one per package list (default: out/cache)
#   MOSNET_DEBIAN_MIRROR  Debian mirror (default: http://deb.debian.org/debian)
#   MOSNET_IMAGE_SIZE     size of rootfs.ext4 (default: 1536M)
#
# Needs root (debootstrap), debootstrap and e2fsprogs >= 1.43 (mkfs.ext4 -d).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

out=${1:-out/mosnet-debian-x86_64}
append=${MOSNET_KERNEL_APPEND-mosdhcp_timeout=10}
dist=${MOSNET_DIST:-dist/target/mosnet}
cache=${MOSNET_IMAGE_CACHE:-out/cache}
mirror=${MOSNET_DEBIAN_MIRROR:-http://deb.debian.org/debian}
size=${MOSNET_IMAGE_SIZE:-1536M}
suite=bookworm
arch=amd64

# What the image runs: systemd and udev (NIC modules load on demand), the kernel and an initramfs that finds
# /dev/vda, libnftables1 for plugin-nftables (loaded through JNA). No JDK: the distribution brings its own runtime.
# iproute2, nftables and ping are not needed by mosnet, only handy on the console.
packages=(
  systemd systemd-sysv udev dbus kmod
  linux-image-amd64 initramfs-tools
  libnftables1
  iproute2 nftables iputils-ping procps less
)

say() { echo "build-debian-image: $*" >&2; }
# debootstrap mounts /proc and /sys (and more) inside its target and leaves them mounted when it fails or is
# interrupted; they must be gone before the target is removed.
unmount_under() {
  local dir m
  dir=$(readlink -f "$1")
  awk -v d="$dir" '$2 == d || index($2, d "/") == 1 { print $2 }' /proc/mounts | sort -r | while read -r m; do
    umount -l "$m" || true
  done
}
die() { say "$*"; exit 1; }

[ "$(id -u)" = 0 ] || die "debootstrap needs root; run with sudo"
for tool in debootstrap mkfs.ext4 sha256sum flock; do
  command -v "$tool" >/dev/null || die "$tool not found (apt-get install debootstrap e2fsprogs)"
done
[ -x "$dist/bin/mosnetd" ] && [ -x "$dist/runtime/bin/java" ] && [ -x "$dist/install.sh" ] \
  || die "no mosnet distribution in $dist (build it: mvn -B -DskipTests package)"

# 1. The debootstrapped base, cached under a key made of everything that decides its contents, so that a rerun
#    (or a second image with another command line) skips the minutes debootstrap takes.
key=$(printf '%s\n' "$suite" "$arch" "$mirror" minbase "${packages[@]}" | sha256sum | cut -c1-16)
base=$cache/rootfs-$suite-$key
mkdir -p "$cache"
# One debootstrap per key at a time: a second build waits here and then finds the cached tree.
exec 9>"$cache/rootfs-$suite-$key.lock"
flock 9
if [ -d "$base" ]; then
  say "reusing cached root file system $base"
else
  say "debootstrap $suite into $base (a few minutes; cached afterwards)"
  tmp=$base.tmp
  [ -e "$tmp" ] && unmount_under "$tmp"
  rm -rf --one-file-system "$tmp"
  include=$(IFS=,; echo "${packages[*]}")
  # debootstrap runs as a job of its own (set -m: its own process group, whose id is its PID) so that an interrupted
  # build stops it with everything it started (dpkg in the chroot), then removes its mounts.
  set -m
  debootstrap --variant=minbase --arch="$arch" --include="$include" "$suite" "$tmp" "$mirror" \
    > "$cache/debootstrap-$key.log" 2>&1 &
  debootstrap_pid=$!
  set +m
  trap 'kill -- -"$debootstrap_pid" 2>/dev/null; wait "$debootstrap_pid" 2>/dev/null; unmount_under "$tmp"' EXIT
  trap 'exit 130' INT TERM
  if ! wait "$debootstrap_pid"; then
    tail -n 30 "$cache/debootstrap-$key.log" >&2
    die "debootstrap failed; full log in $cache/debootstrap-$key.log"
  fi
  # Downloaded .debs and package lists are not needed in the image.
  rm -rf "$tmp"/var/cache/apt/archives/*.deb "$tmp"/var/lib/apt/lists/*_Packages
  ls "$tmp"/boot/vmlinuz-* "$tmp"/boot/initrd.img-* >/dev/null 2>&1 || die "debootstrap left no kernel/initramfs in $tmp/boot"
  unmount_under "$tmp"
  trap - EXIT INT TERM
  mv "$tmp" "$base" # only a complete root file system gets the cache's name
fi
exec 9>&-

# 2. A working copy with mosnet installed as a user installs it, and the overlay: the serial console, the boot report.
work=$out/rootfs
rm -rf --one-file-system "$work"
mkdir -p "$out"
cp -a "$base" "$work"

# The distribution's own install.sh, staged into the root file system: /opt/mosnet, /usr/sbin/mosnetd and
# /usr/bin/mosnet, the packaged mosnetd.service (it finds systemd in $work) enabled with the links systemctl enable
# makes, logrotate, man page, completion, and group mosnet in the image's /etc/group. Nothing runs in the chroot.
# Start-up caches trained for the build's directory are left out; the image's mosnet starts without them.
"$dist/install.sh" --destdir "$work" --enable | sed 's/^/build-debian-image: /' >&2
[ -L "$work/etc/systemd/system/multi-user.target.wants/mosnetd.service" ] && [ ! -e "$work/etc/init.d/mosnet" ] \
  || die "install.sh did not install and enable mosnetd.service (alone) in $work"
cp -a images/overlay/. "$work/"
chmod 0755 "$work/usr/local/sbin/mosnet-boot-report"
# Enabled the way systemctl enable would (WantedBy=multi-user.target), without running anything in the chroot.
ln -sf /etc/systemd/system/mosnet-boot-report.service \
  "$work/etc/systemd/system/multi-user.target.wants/mosnet-boot-report.service"

echo mosnet-vm > "$work/etc/hostname"
printf '127.0.0.1\tlocalhost\n127.0.1.1\tmosnet-vm\n::1\t\tlocalhost ip6-localhost ip6-loopback\n' > "$work/etc/hosts"
printf '/dev/vda\t/\text4\trw,errors=remount-ro\t0\t1\n' > "$work/etc/fstab"
# debootstrap copied the build host's resolv.conf; in the VM mosnetd writes it from the lease or the command line.
: > "$work/etc/resolv.conf"
# Empty machine-id: systemd makes a fresh one at first boot, so copies of the image do not share it.
: > "$work/etc/machine-id"
rm -f "$work/var/lib/dbus/machine-id"

# 3. Kernel, initramfs, command line, root file system.
kernel=$(ls "$work"/boot/vmlinuz-* | sort -V | tail -n 1)
initrd=$work/boot/initrd.img-${kernel##*/vmlinuz-}
cp "$kernel" "$out/vmlinuz"
cp "$initrd" "$out/initrd.img"
echo "root=/dev/vda rw console=ttyS0 $append" | sed 's/ *$//' > "$out/cmdline"
install -m 0755 images/run-vm.sh "$out/run-vm.sh"

rm -f "$out/rootfs.ext4"
truncate -s "$size" "$out/rootfs.ext4"
mkfs.ext4 -q -F -L mosnet-root -d "$work" "$out/rootfs.ext4" "$size"
rm -rf --one-file-system "$work"

say "done: $out ($(du -sh --apparent-size "$out/rootfs.ext4" | cut -f1) rootfs, kernel ${kernel##*/vmlinuz-})"
say "kernel command line: $(cat "$out/cmdline")"
say "boot it with: $out/run-vm.sh"
