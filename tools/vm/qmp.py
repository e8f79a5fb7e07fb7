#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
"""Talk to a Plexus VM's qemu over QMP: plug and pull disks, take screenshots.

    qmp.py SOCKET plug   RUNDIR [SIZE]   add a blank disk; prints its serial (PLXDISKn)
    qmp.py SOCKET unplug RUNDIR DISK     pull DISK out: vdX (as the guest names it),
                                         PLXDISKn or diskn
    qmp.py SOCKET unplug RUNDIR DISK keep   pull it out but keep its image, to replug
    qmp.py SOCKET replug RUNDIR DISK     plug a disk pulled with keep back in, as it was
    qmp.py SOCKET disks  RUNDIR          list the guest's disks: NAME SERIAL
    qmp.py SOCKET screendump FILE        write the screen as a PPM image
    qmp.py SOCKET quit                   stop qemu at once
    qmp.py SOCKET serve  RUNDIR PORT     answer the guest's control port (run-vm starts this)

RUNDIR is run-vm's run directory: disk images diskn.img, the counter next-disk, and
share/disks (the guest's "NAME SERIAL" list, kept by guest-disk-map).

The control port protocol (one line each way, used by plexus-vm-disk in the guest):
    plug SIZE      -> ok PLXDISKn       unplug PLXDISKn [keep] -> ok
    replug PLXDISKn -> ok PLXDISKn      (the same image and serial, as a USB disk plugged back)
    qmp JSON       -> ok JSON (any QMP command, passed through; the reply's "return")
    anything that fails -> error MESSAGE
"""
import fcntl
import json
import os
import re
import socket
import sys
import time


class QMPError(Exception):
    pass


class QMP:
    def __init__(self, path, wait=30.0):
        deadline = time.monotonic() + wait
        while True:
            try:
                self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                self.sock.connect(path)
                break
            except OSError as e:
                self.sock.close()
                if time.monotonic() > deadline:
                    raise QMPError(f"cannot connect to {path}: {e.strerror}")
                time.sleep(0.1)
        self.file = self.sock.makefile("rb")
        self.events = []
        self._read(30)  # greeting
        self.execute("qmp_capabilities")

    def close(self):
        self.file.close()
        self.sock.close()

    def _read(self, timeout):
        self.sock.settimeout(timeout)
        line = self.file.readline()
        if not line:
            raise QMPError("qemu closed the QMP connection")
        return json.loads(line)

    def execute(self, command, timeout=60, **arguments):
        msg = {"execute": command}
        if arguments:
            msg["arguments"] = arguments
        self.sock.sendall(json.dumps(msg).encode() + b"\n")
        while True:
            reply = self._read(timeout)
            if "event" in reply:
                self.events.append(reply)
            elif "error" in reply:
                raise QMPError(f"{command}: {reply['error'].get('desc', reply['error'])}")
            elif "return" in reply:
                return reply["return"]

    def wait_event(self, name, timeout, **data):
        deadline = time.monotonic() + timeout
        while True:
            for ev in self.events:
                if ev["event"] == name and all(ev.get("data", {}).get(k) == v for k, v in data.items()):
                    self.events.remove(ev)
                    return ev
            left = deadline - time.monotonic()
            if left <= 0:
                raise QMPError(f"no {name} event within {timeout} s")
            try:
                reply = self._read(left)
            except socket.timeout:
                continue
            if "event" in reply:
                self.events.append(reply)


def parse_size(text):
    m = re.fullmatch(r"(\d+)([KMGT]?)i?B?", text.strip(), re.IGNORECASE)
    if not m:
        raise QMPError(f"not a size: {text!r} (use e.g. 256M, 1G)")
    return int(m.group(1)) * 1024 ** " KMGT".index((m.group(2) or " ").upper())


def next_disk_number(rundir):
    """Serials are never reused within a run: a counter file, locked."""
    with open(os.path.join(rundir, "next-disk"), "a+") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        f.seek(0)
        n = int(f.read().strip() or "1")
        f.seek(0)
        f.truncate()
        f.write(f"{n + 1}\n")
        return n


def plug(qmp, rundir, size="256M"):
    n = next_disk_number(rundir)
    image = os.path.join(rundir, f"disk{n}.img")
    with open(image, "wb") as f:
        f.truncate(parse_size(size))
    return attach(qmp, n, image, remove_on_failure=True)


def replug(qmp, rundir, disk):
    n = disk_number(rundir, disk)
    image = os.path.join(rundir, f"disk{n}.img")
    if not os.path.exists(image):
        raise QMPError(f"disk{n} was not pulled with keep: no image to plug back")
    return attach(qmp, n, image, remove_on_failure=False)


def attach(qmp, n, image, remove_on_failure):
    with open(image, "rb") as f:  # run-vm --boot-disk's first disk is a qcow2 overlay
        driver = "qcow2" if f.read(4) == b"QFI\xfb" else "raw"
    qmp.execute("blockdev-add", driver=driver, **{"node-name": f"node{n}"},
                file={"driver": "file", "filename": image})
    try:
        qmp.execute("device_add", driver="virtio-blk-pci", id=f"disk{n}",
                    drive=f"node{n}", serial=f"PLXDISK{n}")
    except QMPError:
        qmp.execute("blockdev-del", **{"node-name": f"node{n}"})
        if remove_on_failure:
            os.unlink(image)
        raise
    return f"PLXDISK{n}"


def disk_number(rundir, disk):
    """diskN, PLXDISKN, or a guest name looked up in share/disks."""
    m = re.fullmatch(r"(?:disk|PLXDISK)(\d+)", disk)
    if m:
        return int(m.group(1))
    try:
        with open(os.path.join(rundir, "share", "disks")) as f:
            for line in f:
                name, _, serial = line.strip().partition(" ")
                if name == disk.removeprefix("/dev/"):
                    return disk_number(rundir, serial)
    except FileNotFoundError:
        pass
    raise QMPError(f"no disk {disk!r} (use vdX as the VM names it, PLXDISKn or diskn)")


def unplug(qmp, rundir, disk, keep=False):
    n = disk_number(rundir, disk)
    qmp.execute("device_del", id=f"disk{n}")
    # The guest has to let go (ACPI eject) before qemu frees the device.
    qmp.wait_event("DEVICE_DELETED", 60, device=f"disk{n}")
    qmp.execute("blockdev-del", **{"node-name": f"node{n}"})
    if keep:
        return
    try:
        os.unlink(os.path.join(rundir, f"disk{n}.img"))
    except FileNotFoundError:
        pass


def answer(qmp_path, rundir, line):
    verb, _, arg = line.strip().partition(" ")
    qmp = QMP(qmp_path)
    try:
        if verb == "plug":
            return "ok " + plug(qmp, rundir, arg or "256M")
        if verb == "unplug":
            disk, _, keep = arg.partition(" ")
            unplug(qmp, rundir, disk, keep == "keep")
            return "ok"
        if verb == "replug":
            return "ok " + replug(qmp, rundir, arg)
        if verb == "qmp":
            req = json.loads(arg)
            return "ok " + json.dumps(qmp.execute(req["execute"], **req.get("arguments", {})))
        return f"error unknown request {verb!r} (plug, unplug, replug, qmp)"
    finally:
        qmp.close()


def serve(qmp_path, rundir, port_path):
    """Answer the guest's requests on the control port until qemu goes away."""
    sock = None
    deadline = time.monotonic() + 60
    while sock is None:
        try:
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.connect(port_path)
        except OSError:
            sock.close()
            sock = None
            if time.monotonic() > deadline:
                sys.exit(f"qmp.py: no control port at {port_path}")
            time.sleep(0.1)
    for raw in sock.makefile("rb"):
        line = raw.decode(errors="replace").strip()
        if not line:
            continue
        try:
            reply = answer(qmp_path, rundir, line)
        except (QMPError, OSError, ValueError, KeyError) as e:
            reply = f"error {e}"
        sock.sendall(reply.replace("\n", " ").encode() + b"\n")


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    path, verb, args = argv[1], argv[2], argv[3:]
    try:
        if verb == "serve" and len(args) == 2:
            serve(path, *args)
        elif verb == "plug" and len(args) in (1, 2):
            qmp = QMP(path, wait=2)
            print(plug(qmp, *args))
        elif verb == "unplug" and len(args) == 2:
            qmp = QMP(path, wait=2)
            unplug(qmp, *args)
        elif verb == "disks" and len(args) == 1:
            with open(os.path.join(args[0], "share", "disks")) as f:
                sys.stdout.write(f.read())
        elif verb == "quit" and not args:
            qmp = QMP(path, wait=2)
            try:
                qmp.execute("quit")
            except QMPError:
                pass    # qemu may close the connection before it answers
        elif verb == "screendump" and len(args) == 1:
            qmp = QMP(path, wait=2)
            qmp.execute("screendump", filename=os.path.abspath(args[0]))
        else:
            sys.exit(__doc__)
    except (QMPError, OSError) as e:
        sys.exit(f"qmp.py: {e}")


if __name__ == "__main__":
    try:
        main(sys.argv)
    except KeyboardInterrupt:     # Ctrl-C reaches the whole process group; run-vm reports it
        sys.exit(130)
