#!/bin/sh
# Boots the image in this directory with QEMU: serial console on the terminal (leave with Ctrl-A X), the kernel
# command line fixed at build time (./cmdline), writes kept in a throw-away snapshot. Without options the VM has no
# NIC; pass one, e.g. a tap device as in docs/vm-image.md:
#   ./run-vm.sh -netdev tap,id=n0,ifname=tap-mosnet,script=no,downscript=no -device virtio-net-pci,netdev=n0
here=$(cd "$(dirname "$0")" && pwd)
# KVM on hardware virtualisation only (a PVM /dev/kvm, module kvm_pvm, cannot run Debian's stock kernel).
accel=${MOSNET_ACCEL:-tcg}
if [ -z "${MOSNET_ACCEL:-}" ] && [ -w /dev/kvm ] && { [ -e /sys/module/kvm_intel ] || [ -e /sys/module/kvm_amd ]; }; then
  accel=kvm
fi
exec qemu-system-x86_64 -accel "$accel" -m "${MOSNET_VM_MEMORY:-512}" -smp 1 -nodefaults -no-user-config \
  -display none -serial mon:stdio -no-reboot \
  -kernel "$here/vmlinuz" -initrd "$here/initrd.img" -append "$(cat "$here/cmdline")" \
  -drive "file=$here/rootfs.ext4,format=raw,if=virtio,snapshot=on" "$@"
