#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
"""Calls plexus-helper's methods, many over one system bus connection.

Reads calls from stdin, one per line: the method and its arguments separated by
';', each argument in GVariant text as `gdbus call` takes it (its type comes
from the helper's introspection data). Prints one line per call, in order:
`ok` or the D-Bus error name and message, as gdbus prints them, on one line.

Why not one `gdbus call` each: a process start costs about 400 ms under the VM
tier's emulated CPU, and the polkit matrix makes hundreds of calls; the caller's
identity, which is all polkit looks at, is the connection's, so one will do.
"""
import sys
import xml.etree.ElementTree as ET

from gi.repository import Gio, GLib

NAME, PATH, IFACE = "org.plexus.Helper1", "/org/plexus/Helper1", "org.plexus.Helper1"


def signatures(xml_path):
    root = ET.parse(xml_path).getroot()
    return {m.get("name"): [a.get("type") for a in m.iter("arg") if a.get("direction", "in") == "in"]
            for iface in root.iter("interface") if iface.get("name") == IFACE for m in iface.iter("method")}


def value(type_text, text):
    """The argument as gdbus call reads it: GVariant text, or failing that a bare string."""
    vtype = GLib.VariantType.new(type_text)
    try:
        return GLib.Variant.parse(vtype, text, None, None)
    except GLib.Error:
        quoted = '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
        return GLib.Variant.parse(vtype, quoted, None, None)


def main():
    types = signatures(sys.argv[1])
    bus = Gio.bus_get_sync(Gio.BusType.SYSTEM, None)
    for line in sys.stdin:
        method, *texts = line.rstrip("\n").split(";")
        args = [value(t, text) for t, text in zip(types[method], texts, strict=True)]
        try:
            bus.call_sync(NAME, PATH, IFACE, method, GLib.Variant.new_tuple(*args), None,
                          Gio.DBusCallFlags.NONE, 120000, None)
            print("ok")
        except GLib.Error as e:
            print(" ".join(e.message.split()))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
