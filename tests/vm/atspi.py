#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Plexus developers
# SPDX-License-Identifier: GPL-2.0-or-later
"""Drives a running application through AT-SPI, the way a screen reader or a
desktop automation tool does: it finds objects by role and name in the
application's accessibility tree and runs their actions. Used by VM tests on
the installed window (no test hooks in the program).

  atspi.py APP wait   ROLE NAME [--description TEXT] [--timeout S]
                                            until a showing object matches
  atspi.py APP press  ROLE NAME             run its press (or toggle) action
  atspi.py APP select ROLE NAME             select a list item
  atspi.py APP dump                         print the tree (for a failure)

NAME and TEXT match as prefixes; ROLE is AT-SPI's role name ("button",
"check box", "list item", "label"). Each command waits (60 s unless told: TCG
is slow) for the object to appear, and exits 1 with the tree it saw if it does
not.
"""
import argparse
import sys
import time

import gi
gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402


def application(name):
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        if app is not None and (app.get_name() or "").lower() == name.lower():
            return app
    return None


def showing(node):
    states = node.get_state_set()
    return states.contains(Atspi.StateType.SHOWING) or node.get_role() == Atspi.Role.APPLICATION


def walk(node, depth=0):
    """Showing objects, depth first, with their depth."""
    try:
        if not showing(node):
            return
        yield node, depth
        for i in range(node.get_child_count()):
            child = node.get_child_at_index(i)
            if child is not None:
                yield from walk(child, depth + 1)
    except gi.repository.GLib.Error:
        return  # the object went away while we looked


def find(app_name, role, name, description="", timeout=60.0):
    deadline = time.monotonic() + timeout
    while True:
        app = application(app_name)
        if app is not None:
            for node, _ in walk(app):
                if (node.get_role_name() == role and (node.get_name() or "").startswith(name)
                        and (node.get_description() or "").startswith(description)):
                    return node
        if time.monotonic() > deadline:
            dump(app_name)
            said = f" described '{description}...'" if description else ""
            sys.exit(f"FAIL: no showing {role} named '{name}...'{said} in {app_name} after {timeout:.0f} s")
        time.sleep(0.5)


def dump(app_name):
    app = application(app_name)
    if app is None:
        print(f"({app_name} is not on the accessibility bus)", file=sys.stderr)
        return
    for node, depth in walk(app):
        print(f"{'  ' * depth}{node.get_role_name()}: {node.get_name()!r} {node.get_description()!r}", file=sys.stderr)


def run_action(node, names):
    actions = node.get_action_iface()
    if actions is None:
        sys.exit(f"FAIL: {node.get_role_name()} '{node.get_name()}' has no actions")
    have = [actions.get_action_name(i) for i in range(actions.get_n_actions())]
    for wanted in names:
        if wanted in have:
            actions.do_action(have.index(wanted))
            return wanted
    sys.exit(f"FAIL: {node.get_role_name()} '{node.get_name()}' offers {have}, none of {names}")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("app")
    parser.add_argument("command", choices=["wait", "press", "select", "dump"])
    parser.add_argument("role", nargs="?")
    parser.add_argument("name", nargs="?")
    parser.add_argument("--description", default="")
    parser.add_argument("--timeout", type=float, default=60.0)
    args = parser.parse_args(argv[1:])
    if args.command == "dump":
        dump(args.app)
        return
    if args.role is None or args.name is None:
        parser.error(f"{args.command} needs ROLE and NAME")
    node = find(args.app, args.role, args.name, args.description, args.timeout)
    if args.command == "press":
        run_action(node, ["Press", "press", "Toggle", "toggle", "click"])
    elif args.command == "select":
        parent = node.get_parent()
        selection = parent.get_selection_iface() if parent is not None else None
        if selection is not None:
            selection.select_child(node.get_index_in_parent())
        else:  # lists without the Selection interface select an item by toggling it
            run_action(node, ["Toggle", "toggle", "Press", "press"])
    print(f"ok: {args.command} {args.role} '{node.get_name()}' {node.get_description()!r}")


if __name__ == "__main__":
    main(sys.argv)
