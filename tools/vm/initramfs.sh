#!/bin/sh
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
# tools/vm/initramfs.sh KVER: print the path of the VM's initramfs for kernel KVER,
# building it first if it is not in the cache yet.
#
# Runs inside the build root. The initramfs holds busybox (static) and only the
# modules needed to reach the real root over 9p; everything else is loaded by the
# root's own modprobe later. busybox's insmod cannot read .ko.xz, so the modules
# are decompressed. The cache lives outside the root and the source tree
# ($PLEXUS_VM_CACHE, default /tmp/plexus-vm-cache-KVER); its file name carries a
# hash of this script and of init so that editing either rebuilds it.
set -eu

kver=$1
here=$(cd "$(dirname "$0")" && pwd)
cache=${PLEXUS_VM_CACHE:-/tmp/plexus-vm-cache-$kver}
modules="netfs 9pnet 9pnet_virtio 9p overlay virtio_blk"

key=$(cat "$0" "$here/initramfs-init" | sha256sum | cut -c1-12)
out=$cache/initrd-$key.cpio.gz
if [ -f "$out" ]; then
    echo "$out"
    exit 0
fi

mkdir -p "$cache"
work=$(mktemp -d "$cache/build.XXXXXX")
trap 'rm -rf "$work" "$work.cpio.gz"' EXIT

mkdir -p "$work/bin" "$work/proc" "$work/sys" "$work/dev" "$work/lower" "$work/upper" \
         "$work/newroot" "$work/lib/modules"
cp /bin/busybox "$work/bin/busybox"
cp "$here/initramfs-init" "$work/init"
chmod 755 "$work/init"

# Modules in dependency order (modprobe --show-depends lists what it would insmod).
for m in $modules; do
    modprobe --show-depends -S "$kver" "$m" | awk '$1 == "insmod" { print $2 }'
done | awk '!seen[$0]++' > "$work/order"
: > "$work/lib/modules/order"
while read -r ko; do
    name=$(basename "$ko" | sed 's/\.ko\(\.xz\|\.zst\|\.gz\)\{0,1\}$//')
    case "$ko" in
        *.xz) xz -dc "$ko" > "$work/lib/modules/$name.ko";;
        *.zst) zstd -dc "$ko" > "$work/lib/modules/$name.ko";;
        *.gz) gzip -dc "$ko" > "$work/lib/modules/$name.ko";;
        *) cp "$ko" "$work/lib/modules/$name.ko";;
    esac
    echo "$name" >> "$work/lib/modules/order"
done < "$work/order"
rm "$work/order"

(cd "$work" && find . | LC_ALL=C sort | cpio --quiet -o -H newc | gzip -1) > "$work.cpio.gz"
mv "$work.cpio.gz" "$out"    # atomic: concurrent builders both end with a whole file
echo "$out"
