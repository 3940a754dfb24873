#!/usr/bin/env bash
# Finishes the distribution after Maven copied lib/ and jlink built runtime/: launchers, an empty plugins/, the
# AOT caches trained on the result (bin/mosnet-aot), and the minimal and full tarballs. Run by the dist module's
# package phase.
set -euo pipefail
base=$1 target=$2 version=$3
dist=$target/mosnet

install -d "$dist/bin" "$dist/plugins" "$dist/etc"
install -m 0755 "$base/src/main/dist/bin/mosnetd" "$base/src/main/dist/bin/mosnet" "$base/src/main/dist/bin/mosnet-aot" \
  "$dist/bin/"
cp "$base/src/main/dist/etc/mosnet.toml.example" "$dist/etc/"
# A build-tree artifact, not a module of the distribution.
rm -f "$dist/lib/"dist-*.jar

# The minimal distribution must not carry OVS code.
if unzip -l "$dist/lib/*.jar" 2>/dev/null | grep -q 'io/mosnet/ovs/'; then
  echo "assemble: OVS classes found in lib/; the minimal distribution must not contain them" >&2
  exit 1
fi

# The JDK's shared libraries carry full symbol tables (5 MB of libjvm.so alone); only the dynamic symbols are needed
# to run. Crash reports then show addresses instead of HotSpot function names. Skipped where binutils is missing.
if command -v strip >/dev/null; then
  find "$dist/runtime" -name '*.so' -exec strip --strip-unneeded {} +
fi

# JNA's native half, unpacked once here: otherwise JNA inflates it from its jar into ~/.cache/JNA on every start
# (costly on the boot path, and impossible while the root file system is still read-only). The launchers point
# jna.boot.library.path at it; JNA unpacks from the jar as before when the file is missing.
case $(uname -m) in
  x86_64) jna_arch=linux-x86-64 ;;
  aarch64) jna_arch=linux-aarch64 ;;
  *) jna_arch= ;;
esac
if [ -n "$jna_arch" ]; then
  install -d "$dist/lib/native"
  unzip -p "$dist/lib/"jna-[0-9]*.jar "com/sun/jna/$jna_arch/libjnidispatch.so" >"$dist/lib/native/libjnidispatch.so"
  [ -s "$dist/lib/native/libjnidispatch.so" ] || { echo "assemble: no $jna_arch/libjnidispatch.so in the JNA jar" >&2; exit 1; }
fi

# Start-up caches for this directory (see bin/mosnet-aot). They record where they were made, so the tarballs leave
# them out: an unpacked distribution trains its own with bin/mosnet-aot.
"$dist/bin/mosnet-aot"

ovs=$(ls "$target/plugins/"plugin-ovs-*.jar)
tarball() { # name, with-ovs
  local stage=$target/stage-$1 root=mosnet-$version
  rm -rf "$stage"
  mkdir -p "$stage"
  cp -a "$dist" "$stage/$root"
  rm -f "$stage/$root/lib/"*.aot "$stage/$root/lib/aot.home"
  if [ "$2" = yes ]; then cp "$ovs" "$stage/$root/plugins/"; fi
  tar -C "$stage" --owner=0 --group=0 -czf "$target/mosnet-$version-$1.tar.gz" "$root"
  rm -rf "$stage"
}
tarball minimal no
tarball full yes
echo "assemble: $dist ($(du -sh "$dist" | cut -f1)), $(basename "$ovs"), mosnet-$version-{minimal,full}.tar.gz"
