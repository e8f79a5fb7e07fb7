#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
"""Fuzzes plexus-helper over the system bus.

For every method of org.plexus.Helper1.xml: calls with random and ill-typed
arguments (wrong signatures, missing and extra arguments, huge strings, deep
variants, huge lists, paths with ../ and symlinks into and out of /dev, option
maps with unknown keys and wrong types), for --seconds in all, shared out among
the methods. A device never comes with its real serial and size, and an array
name never comes with clean options, so no call can be valid: the caller checks
that the machine did not change.

Every reply must be a success (counted per method), an org.plexus.Error.*, or
org.freedesktop.DBus.Error.UnknownMethod: Qt's adaptor gives that, not
InvalidArgs, when no method of that name takes the signature sent. Anything else
(NoReply: a hang; ServiceUnknown, a new owner of the name: a crash) is a failure.
Prints: calls made, replies by error name, crashes, longest reply.
Exit status 0 when every reply was allowed and the helper never changed owner.
"""
import argparse
import logging
import random
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter

import dbus

NAME, PATH, IFACE = "org.plexus.Helper1", "/org/plexus/Helper1", "org.plexus.Helper1"
ALLOWED_OTHER = {"org.freedesktop.DBus.Error.UnknownMethod"}
OPTION_KEYS = ["tag", "overwrite", "force_single", "bitmap", "chunk_kib", "metadata", "run_degraded", "partition_disks",
               "partition_like", "partition_like_members", "partition_like_old", "zero_superblock", "zero_old",
               "allow_same_disk", "allow_system_disk", "spare", "wait", "size", "percent", "extents", "filesystem",
               "label", "name", "stripe_kib", "sync_speed_min", "sync_speed_max", "raid_devices", "layout"]


def methods(xml_path):
    root = ET.parse(xml_path).getroot()
    for iface in root.iter("interface"):
        if iface.get("name") != IFACE:
            continue
        for m in iface.iter("method"):
            yield m.get("name"), [a.get("type") for a in m.iter("arg") if a.get("direction", "in") == "in"]


class Gen:
    def __init__(self, rng, arrays, disks):
        self.r = rng
        self.arrays = arrays  # names of arrays that exist: only ever sent with bad options
        self.disks = disks    # real device nodes: only ever sent with a wrong serial or size

    def path(self):
        r = self.r
        d = r.choice(self.disks)
        return r.choice([
            d, d + "/", "/dev/../dev/" + d[5:], "/dev/./" + d[5:], "/dev/../../" + d, "../" + d, d[5:],
            "/tmp/plexus-fuzz-into-dev", "/dev/plexus-fuzz-out-of-dev", "/dev/shm/plexus-fuzz", "/dev/disk/by-id/../../" + d[5:],
            "/dev/md/../md0", "/dev/md/md0", "/dev/md0", "/dev/md127", "/dev/mapper/control", "/dev/null", "/dev/zero",
            "/dev/mem", "/etc/passwd", "/proc/self/fd/0", "/sys/block/" + d[5:], "missing", "", "-", "--force", "/",
            "/dev/" + "a" * r.randint(1, 5000), "/dev/vd" + chr(r.randint(97, 122)) + str(r.randint(0, 99)),
            "/dev/vda\n/dev/vdb", "/dev/vda;rm -rf /", "/dev/vda --zero-superblock", "\u00e9\u4e2d\U0001f600",
        ])

    def string(self):
        r = self.r
        k = r.randint(0, 9)
        if k == 0:
            # Huge ones now and then: they cost the most time.
            return "x" * (1 << 20 if r.random() < 0.02 else r.choice([0, 1, 255, 4096, 65536]))
        if k == 1:
            return "".join(chr(r.randint(1, 0xD7FF)) for _ in range(r.randint(0, 64)))
        if k == 2:
            return r.choice(self.arrays + ["md97", "/dev/md97", "-x", ".x", "../md0", "md/../../sda", "name:md0"])
        if k == 3:
            return r.choice(["raid0", "raid1", "raid4", "raid5", "raid6", "raid10", "linear", "multipath", "container",
                             "check", "repair", "idle", "frozen", "resync", "recover", "ext4", "xfs", "swap", "btrfs", "vfat"])
        if k == 4:
            return r.choice(["0", "-1", "1K", "max", "system", "18446744073709551615", "1e9", "NaN", ""])
        if k == 5:
            return "%08d-%06d-%03d-%04x" % (r.randint(0, 99999999), r.randint(0, 999999), r.randint(0, 999), r.randint(0, 0xFFFF))
        if k == 6:
            # A NUL cannot be in a D-Bus string: the library refuses to send it
            # (counted); NULs go on the wire in byte arrays (wrong()).
            return r.choice(["../../etc/shadow", "20261204-000000-000-0000/../../x", "*", ".", "..", "a" * 300, "/dev/vda\0/dev/vdb"])
        return self.path()

    def spec(self):
        r = self.r
        # A real node comes with a wrong serial or a wrong size (never both right).
        serial = r.choice(["", "PLXDISK1", "PLXDISK2", "PLXFUZZ", self.string()[:200]])
        size = r.choice([0, 1, 512, 64 * 1024 * 1024 + 1, 2 ** 64 - 1, r.randint(0, 2 ** 64 - 1)])
        return dbus.Struct((self.path(), serial, dbus.UInt64(size)), signature="sst")

    def variant(self):
        r = self.r
        k = r.randint(0, 9)
        if k == 0:
            return dbus.Boolean(True, variant_level=r.randint(2, 60))  # a deep variant: <<<...true>>>
        return r.choice([
            dbus.Boolean(r.random() < 0.5, variant_level=1), dbus.String(self.string(), variant_level=1),
            dbus.Int32(r.randint(-2 ** 31, 2 ** 31 - 1), variant_level=1), dbus.UInt64(r.randint(0, 2 ** 64 - 1), variant_level=1),
            dbus.Double(r.choice([0.0, -1.0, 1e308, float("nan"), float("inf")]), variant_level=1),
            dbus.Byte(r.randint(0, 255), variant_level=1), dbus.ObjectPath("/org/plexus/Helper1", variant_level=1),
            dbus.Array([dbus.String(self.string()) for _ in range(r.randint(0, 5))], signature="s", variant_level=1),
            dbus.Array(bytes(r.randint(0, 255) for _ in range(r.randint(0, 64))) + b"\0x\0", signature="y", variant_level=1),
            dbus.Dictionary({"x": dbus.Int32(1, variant_level=1)}, signature="sv", variant_level=1),
            dbus.Struct((self.path(), "S", dbus.UInt64(1)), signature="sst", variant_level=1),
        ])

    def options(self, clean_allowed):
        r = self.r
        opts = {}
        for _ in range(r.randint(0, 6)):
            opts[r.choice(OPTION_KEYS)] = self.variant()
        if r.random() < 0.3 or not clean_allowed:
            opts[r.choice(["no_such_option", "", "tag\t", "x" * 1000, "__proto__", "OVERWRITE"])] = self.variant()
        if not opts and not clean_allowed:
            opts["no_such_option"] = dbus.Boolean(True, variant_level=1)
        return dbus.Dictionary(opts, signature="sv")

    def names_something_real(self, s):
        # Any mention of a real array or disk ("md0", "/dev/md/../md0", "vdb1").
        tokens = self.arrays + self.disks + [d[5:] for d in self.disks]
        return any(len(t) >= 3 and t in s for t in tokens)

    def value(self, sig, names_array):
        r = self.r
        if sig == "s":
            s = self.string()
            # Clean options go only with names of nothing real: a real array with
            # valid options would be a valid call (root once stopped md0 so).
            if not names_array and self.names_something_real(s):
                s = "md97"
            return dbus.String(s)
        if sig == "i":
            return dbus.Int32(r.choice([0, -1, 1, 2, 3, 4, 64, 2 ** 31 - 1, -2 ** 31, r.randint(-2 ** 31, 2 ** 31 - 1)]))
        if sig == "u":
            return dbus.UInt32(r.randint(0, 2 ** 32 - 1))
        if sig == "t":
            return dbus.UInt64(r.randint(0, 2 ** 64 - 1))
        if sig == "(sst)":
            return self.spec()
        if sig == "a(sst)":
            n = 1000 if r.random() < 0.02 else r.choice([0, 1, 2, 3, 4, 5, 30])
            return dbus.Array([self.spec() for _ in range(n)], signature="(sst)")
        if sig == "a{sv}":
            return self.options(clean_allowed=not names_array)
        if sig == "v":
            return self.variant()
        return dbus.String(self.string())

    def wrong(self):
        # One argument of a random type (what a signature mismatch sends).
        r = self.r
        return r.choice([
            lambda: ("s", dbus.String(self.string())), lambda: ("i", dbus.Int32(r.randint(-9, 9))),
            lambda: ("b", dbus.Boolean(True)), lambda: ("ay", dbus.ByteArray(b"/dev/vda\0/dev/vdb\0" * r.randint(1, 100))),
            lambda: ("v", self.variant()), lambda: ("a{sv}", self.options(False)), lambda: ("(sst)", self.spec()),
            lambda: ("as", dbus.Array(["/dev/vda", "\u00e9"], signature="s")), lambda: ("o", dbus.ObjectPath("/")),
            lambda: ("a(sst)", dbus.Array([self.spec()], signature="(sst)")), lambda: ("t", dbus.UInt64(2 ** 63)),
            lambda: ("(ss)", dbus.Struct(("/dev/vda", "x"), signature="ss")), lambda: ("a{ss}", dbus.Dictionary({"overwrite": "true"}, signature="ss")),
        ])()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--xml", required=True)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--seconds", type=float, default=40)
    ap.add_argument("--arrays", default="md0")
    ap.add_argument("--disks", default="/dev/vda")
    ap.add_argument("--who", default="?")
    a = ap.parse_args()
    logging.getLogger("dbus.connection").setLevel(logging.CRITICAL)  # it logs each unsendable call whole
    rng = random.Random(a.seed)
    print(f"fuzz ({a.who}): seed {a.seed}, {a.seconds:.0f} s", flush=True)
    gen = Gen(rng, a.arrays.split(","), a.disks.split(","))
    bus = dbus.SystemBus()
    busd = bus.get_object("org.freedesktop.DBus", "/org/freedesktop/DBus")
    owner = lambda: str(busd.GetNameOwner(NAME, dbus_interface="org.freedesktop.DBus"))
    bus.call_blocking(NAME, PATH, IFACE, "UnfinishedJobs", "", [], timeout=60)  # starts the helper
    first_owner = owner()
    all_methods = list(methods(a.xml))
    replies, per_method, unsendable = Counter(), Counter(), 0
    bad, successes = [], Counter()
    calls, longest, longest_what, crashes = 0, 0.0, "", 0
    deadline = time.monotonic() + a.seconds
    for i, (name, sigs) in enumerate(all_methods):
        # An equal share of the time left to each method left.
        until = time.monotonic() + max(0.0, deadline - time.monotonic()) / (len(all_methods) - i)
        while time.monotonic() < until:
            mode = rng.random()
            if mode < 0.45:
                # The right signature, hostile values.
                names_array = any(s == "s" for s in sigs) and rng.random() < 0.5
                args = [gen.value(s, names_array) for s in sigs]
                sig = "".join(sigs)
            else:
                # A wrong signature: a typed argument changed, dropped or added.
                pairs = [(s, gen.value(s, True)) for s in sigs]
                k = rng.randint(0, 3)
                if k == 0 and pairs:
                    pairs[rng.randrange(len(pairs))] = gen.wrong()
                elif k == 1 and pairs:
                    pairs.pop(rng.randrange(len(pairs)))
                elif k == 2:
                    pairs.insert(rng.randint(0, len(pairs)), gen.wrong())
                else:
                    pairs = [gen.wrong() for _ in range(rng.randint(0, 6))]
                sig = "".join(p[0] for p in pairs)
                args = [p[1] for p in pairs]
            t0 = time.monotonic()
            try:
                bus.call_blocking(NAME, PATH, IFACE, name, sig, args, timeout=30)
                result = "success"
                successes[name] += 1
            except dbus.exceptions.DBusException as e:
                result = e.get_dbus_name() or "?"
                if result is None or result == "?" or not (result.startswith("org.plexus.Error.") or result in ALLOWED_OTHER):
                    bad.append(f"{name}({sig}): {result}: {str(e)[:200]}")
            except (TypeError, ValueError, UnicodeError, OverflowError):
                unsendable += 1  # the D-Bus library refused to send it (a NUL in a string, ...)
                continue
            took = time.monotonic() - t0
            calls += 1
            per_method[name] += 1
            replies[result] += 1
            if took > longest:
                longest, longest_what = took, f"{name}({sig[:40]})"
            if result in ("org.freedesktop.DBus.Error.NoReply", "org.freedesktop.DBus.Error.ServiceUnknown"):
                crashes += 1
        try:
            if owner() != first_owner:
                crashes += 1
                bad.append(f"after {name}: the helper's bus name changed owner (it exited or crashed)")
                first_owner = owner()
        except dbus.exceptions.DBusException as e:
            crashes += 1
            bad.append(f"after {name}: no helper on the bus: {e}")
    print(f"fuzz ({a.who}): {calls} calls to {len(per_method)} methods (fewest {min(per_method.values())}, "
          f"most {max(per_method.values())}); {unsendable} not sendable (refused by the D-Bus library)")
    print(f"fuzz ({a.who}): replies by name:")
    for k, v in replies.most_common():
        print(f"    {v:6d}  {k}")
    print(f"fuzz ({a.who}): successes by method: {dict(successes) or 'none'}")
    print(f"fuzz ({a.who}): crashes {crashes}; longest reply {longest:.2f} s ({longest_what})")
    for b in bad[:20]:
        print("BAD: " + b)
    return 0 if not bad and crashes == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
