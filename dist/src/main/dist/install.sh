#!/bin/sh
# Installs this mosnet distribution on a host, or into a staging directory for a package or an image.
# Run it again to upgrade or repair: every step replaces what an earlier run put there. See --help.
set -eu

usage() {
	cat <<EOF
Usage: install.sh [--prefix DIR] [--destdir DIR] [--init auto|systemd|openrc|both|none] [--enable] [--uninstall]

Installs the distribution this script belongs to:
  PREFIX (default /opt/mosnet)          bin/, lib/, plugins/, runtime/, etc/, share/
  /usr/sbin/mosnetd, /usr/bin/mosnet    symbolic links to PREFIX/bin
  /etc/systemd/system/mosnetd.service   when systemd runs the host
  /etc/init.d/mosnet                    when OpenRC is installed
  /etc/logrotate.d/mosnet               rotation of /var/log/mosnet.log
  /etc/mosnet/mosnet.toml.example       all settings; copy it to /etc/mosnet/mosnet.toml to use one
  /usr/share/man/man1/mosnet.1, /usr/share/bash-completion/completions/mosnet
and creates the system group 'mosnet', whose members may use the API socket (the mosnet CLI) without root.
Start-up caches (lib/*.aot) come along only when they were trained for PREFIX; otherwise train them on the target
system, as root, with PREFIX/bin/mosnet-aot (optional: without them mosnet only starts more slowly).

Options (the same settings can come from the environment as PREFIX=, DESTDIR=, INIT=):
  --prefix DIR    where the distribution goes
  --destdir DIR   staged install: every path is put under DIR and the running system is left alone (no group
                  is created, no service manager is called); with --init auto the init system is looked for in
                  DIR, and both service files are installed when DIR has none
  --init WHICH    service files to install; auto: systemd when /run/systemd/system exists, OpenRC when
                  openrc-run does
  --enable        also enable the service at boot (systemctl enable, or rc-update add mosnet boot). Not the
                  default: mosnetd takes over the host's NIC, so disable other network configuration first.
                  With --destdir it makes the links these would: /etc/systemd/system/<target>.wants/ for each
                  WantedBy= target of the unit, /etc/runlevels/boot/mosnet
  --uninstall     remove what an install put there; /etc/mosnet/mosnet.toml, the log, the state file and the
                  group stay. A running mosnetd is stopped; the network stays configured until the next boot
EOF
}

PREFIX=${PREFIX:-/opt/mosnet}
DESTDIR=${DESTDIR:-}
INIT=${INIT:-auto}
ENABLE=no
ACTION=install
while [ $# -gt 0 ]; do
	case $1 in
		--prefix) PREFIX=${2:?--prefix needs a directory}; shift 2 ;;
		--prefix=*) PREFIX=${1#*=}; shift ;;
		--destdir) DESTDIR=${2:?--destdir needs a directory}; shift 2 ;;
		--destdir=*) DESTDIR=${1#*=}; shift ;;
		--init) INIT=${2:?--init needs a value}; shift 2 ;;
		--init=*) INIT=${1#*=}; shift ;;
		--enable) ENABLE=yes; shift ;;
		--uninstall) ACTION=uninstall; shift ;;
		-h|--help) usage; exit 0 ;;
		*) echo "install.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
	esac
done

die() {
	echo "install.sh: $*" >&2
	exit 1
}

case $PREFIX in
	/?*) PREFIX=${PREFIX%/} ;;
	*) die "--prefix '$PREFIX' must be an absolute directory other than /" ;;
esac
case $INIT in
	auto|systemd|openrc|both|none) ;;
	*) die "--init '$INIT' is not one of auto, systemd, openrc, both, none" ;;
esac
DESTDIR=${DESTDIR%/}
if [ -n "$DESTDIR" ]; then
	mkdir -p "$DESTDIR"
	DESTDIR=$(cd "$DESTDIR" && pwd -P)
fi

SRC=$(cd "$(dirname "$0")" && pwd -P)
TARGET=$DESTDIR$PREFIX
UNIT=/etc/systemd/system/mosnetd.service
OPENRC=/etc/init.d/mosnet
LOGROTATE=/etc/logrotate.d/mosnet
EXAMPLE=/etc/mosnet/mosnet.toml.example
MAN=/usr/share/man/man1/mosnet.1
COMPLETION=/usr/share/bash-completion/completions/mosnet
SBIN_LINK=/usr/sbin/mosnetd
BIN_LINK=/usr/bin/mosnet

say() {
	echo "install.sh: $*"
}

# The running system is only touched by an install without DESTDIR.
live() {
	[ -z "$DESTDIR" ]
}

has_systemd() {
	if live; then
		[ -d /run/systemd/system ]
	else
		[ -x "$DESTDIR/lib/systemd/systemd" ] || [ -x "$DESTDIR/usr/lib/systemd/systemd" ]
	fi
}

has_openrc() {
	if live; then
		command -v openrc-run >/dev/null 2>&1 || [ -x /sbin/openrc-run ]
	else
		[ -x "$DESTDIR/sbin/openrc-run" ] || [ -x "$DESTDIR/usr/sbin/openrc-run" ]
	fi
}

# Which service files: systemd, openrc, both or none.
init_system() {
	if [ "$INIT" != auto ]; then
		echo "$INIT"
	elif has_systemd; then
		echo systemd
	elif has_openrc; then
		echo openrc
	elif live; then
		echo none
	else
		echo both # a bare staging directory: the package or image decides which one it uses
	fi
}

# Copies one file to DESTDIR + path with the given mode, replacing /opt/mosnet by PREFIX in service files.
put() { # mode, source, path
	mkdir -p "$DESTDIR$(dirname "$3")"
	if [ "$PREFIX" != /opt/mosnet ]; then
		sed "s#/opt/mosnet/#$PREFIX/#g" "$2" > "$DESTDIR$3.tmp"
	else
		cp "$2" "$DESTDIR$3.tmp"
	fi
	chmod "$1" "$DESTDIR$3.tmp"
	mv -f "$DESTDIR$3.tmp" "$DESTDIR$3"
}

link() { # target, path
	mkdir -p "$DESTDIR$(dirname "$2")"
	ln -sfn "$1" "$DESTDIR$2"
}

# The AOT caches bin/mosnet-aot trained (lib/*.aot, lib/aot.home naming the directory they were trained for) serve
# only that directory: the launchers ignore them anywhere else. Caches trained for another place (the build's
# dist/target/mosnet, say) are left out of the copy instead of carried along unused.
drop_foreign_caches() { # the new lib/
	[ -f "$1/aot.home" ] || return 0
	trained=$(cat "$1/aot.home")
	if [ "$trained" = "$PREFIX" ] || [ "$trained" = "$(cd "$TARGET" && pwd -P)" ]; then
		return 0
	fi
	rm -f "$1"/*.aot "$1/aot.home"
	say "left out the start-up caches of $SRC: they were trained for $trained, not $PREFIX"
}

# The distribution tree. lib/ and runtime/ are replaced whole, so an upgrade leaves no old module behind (two
# versions of a module on the module path stop the JVM); plugins/ keeps files the user dropped in and replaces
# only older versions of the plugins this distribution ships.
copy_tree() {
	if [ "$SRC" = "$(cd "$TARGET" 2>/dev/null && pwd -P || true)" ]; then
		say "running from $TARGET itself; the tree is already in place"
		return
	fi
	[ -x "$SRC/bin/mosnetd" ] && [ -d "$SRC/lib" ] && [ -x "$SRC/runtime/bin/java" ] \
		|| die "$SRC is not a mosnet distribution (bin/mosnetd, lib/, runtime/ expected beside install.sh)"
	mkdir -p "$TARGET/plugins"
	for d in bin lib runtime etc share; do
		rm -rf "$TARGET/$d.new"
		cp -R "$SRC/$d" "$TARGET/$d.new"
		[ "$d" != lib ] || drop_foreign_caches "$TARGET/lib.new"
		rm -rf "$TARGET/$d"
		mv "$TARGET/$d.new" "$TARGET/$d"
	done
	for jar in "$SRC"/plugins/*.jar; do
		[ -e "$jar" ] || continue
		artifact=$(basename "$jar" | sed 's/-[0-9][^/]*\.jar$//')
		rm -f "$TARGET/plugins/$artifact"-[0-9]*.jar
		cp "$jar" "$TARGET/plugins/"
	done
	cp "$SRC/install.sh" "$TARGET/install.sh"
	chmod 0755 "$TARGET/install.sh"
}

create_group() {
	if ! live; then
		if [ -f "$DESTDIR/etc/group" ] && ! grep -q '^mosnet:' "$DESTDIR/etc/group" \
			&& command -v groupadd >/dev/null 2>&1; then
			groupadd --root "$DESTDIR" --system mosnet && say "created group mosnet in $DESTDIR/etc/group"
		elif [ ! -f "$DESTDIR/etc/group" ]; then
			say "no $DESTDIR/etc/group: create the system group 'mosnet' when the package is installed"
		fi
		return
	fi
	if getent group mosnet >/dev/null 2>&1; then
		return
	fi
	if command -v groupadd >/dev/null 2>&1; then
		groupadd --system mosnet
	elif command -v addgroup >/dev/null 2>&1; then
		addgroup -S mosnet # BusyBox (Alpine)
	else
		die "cannot create group mosnet: neither groupadd nor addgroup found"
	fi
	say "created group mosnet: add users to it to let them run mosnet without root"
}

# The targets in the installed unit's [Install] WantedBy= lines, one a line.
wanted_by() {
	sed -n '/^\[Install\]/,/^\[/s/^WantedBy[[:space:]]*=//p' "$DESTDIR$UNIT" | tr -s ' \t' '\n\n' | grep . || true
}

install_systemd() {
	put 0644 "$TARGET/share/systemd/mosnetd.service" "$UNIT"
	if [ "$ENABLE" = yes ]; then
		# What systemctl enable does, also in a staging directory where no systemctl may run: a link to the unit
		# in <target>.wants for each WantedBy= target.
		targets=$(wanted_by)
		[ -n "$targets" ] || die "$UNIT has no WantedBy= in [Install]; cannot enable it"
		for t in $targets; do
			link "$UNIT" "/etc/systemd/system/$t.wants/mosnetd.service"
		done
	fi
	if live && [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
		systemctl daemon-reload
	fi
	if [ "$ENABLE" = yes ]; then
		say "mosnetd.service enabled ($(echo $targets)); it starts at the next boot (or now: systemctl start mosnetd)"
	else
		say "installed $UNIT; enable it with: systemctl enable mosnetd.service"
	fi
}

install_openrc() {
	put 0755 "$TARGET/share/openrc/mosnet" "$OPENRC"
	if [ "$ENABLE" = yes ]; then
		link "$OPENRC" /etc/runlevels/boot/mosnet
		say "mosnet added to the boot runlevel"
	else
		say "installed $OPENRC; enable it with: rc-update add mosnet boot"
	fi
}

install_all() {
	copy_tree
	link "$PREFIX/bin/mosnetd" "$SBIN_LINK"
	link "$PREFIX/bin/mosnet" "$BIN_LINK"
	put 0644 "$TARGET/etc/mosnet.toml.example" "$EXAMPLE"
	put 0644 "$TARGET/share/logrotate/mosnet" "$LOGROTATE"
	put 0644 "$TARGET/share/man/man1/mosnet.1" "$MAN"
	put 0644 "$TARGET/share/bash-completion/mosnet" "$COMPLETION"
	case $(init_system) in
		systemd) install_systemd ;;
		openrc) install_openrc ;;
		both) install_systemd; install_openrc ;;
		none) say "neither systemd nor OpenRC found: start $PREFIX/bin/mosnetd from your init system" ;;
	esac
	create_group
	if [ ! -f "$TARGET/lib/aot.home" ]; then
		where=; live || where=" on the system made from $DESTDIR"
		say "no start-up caches trained for $PREFIX: for a faster start run $PREFIX/bin/mosnet-aot as root$where"
	fi
	say "installed mosnet in $TARGET"
}

uninstall_all() {
	had_unit=no
	[ ! -f "$DESTDIR$UNIT" ] || had_unit=yes
	if live; then
		if [ -f "$UNIT" ] && command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
			systemctl disable --now mosnetd.service || true
		fi
		if [ -f "$OPENRC" ] && command -v rc-service >/dev/null 2>&1; then
			rc-service mosnet stop || true
			rc-update del mosnet boot || true
		fi
	fi
	rm -f "$DESTDIR"/etc/systemd/system/*.wants/mosnetd.service "$DESTDIR/etc/runlevels/boot/mosnet"
	for f in "$UNIT" "$OPENRC" "$LOGROTATE" "$EXAMPLE" "$MAN" "$COMPLETION" "$SBIN_LINK" "$BIN_LINK"; do
		rm -f "$DESTDIR$f"
	done
	rmdir "$DESTDIR/etc/mosnet" 2>/dev/null || true
	if live && [ "$had_unit" = yes ] && [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
		systemctl daemon-reload
	fi
	if [ -d "$TARGET" ]; then
		[ -e "$TARGET/bin/mosnetd" ] || [ ! -e "$TARGET/bin" ] \
			|| die "$TARGET does not look like a mosnet installation (no bin/mosnetd); not removing it"
		rm -rf "$TARGET"
	fi
	say "removed mosnet from ${DESTDIR:-/} (kept: /etc/mosnet/mosnet.toml, /var/log/mosnet.log, the state file, group mosnet)"
}

case $ACTION in
	install) install_all ;;
	uninstall) uninstall_all ;;
esac
