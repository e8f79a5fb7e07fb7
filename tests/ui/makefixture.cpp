// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// plexus-make-fixture DIR [DISKS ARRAYS]: writes a machine fixture tree of
// DISKS disks (two partitions each) and ARRAYS md arrays over them, for the
// start-up benchmark (tools/bench/startup).
#include "machinetree.h"

#include <QCoreApplication>
#include <QDir>
#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 2 && args.size() != 4) {
        std::fprintf(stderr, "usage: plexus-make-fixture DIR [DISKS ARRAYS]\n");
        return 2;
    }
    const int disks = args.size() == 4 ? args[2].toInt() : 24;
    const int arrays = args.size() == 4 ? args[3].toInt() : 8;
    if (disks < 2 || arrays < 1 || arrays > disks / 2) {
        std::fprintf(stderr, "plexus-make-fixture: need at least two disks per array\n");
        return 2;
    }
    QDir(args[1]).removeRecursively();
    QList<MachineTree::Disk> diskList;
    QList<MachineTree::Array> arrayList;
    MachineTree::describeLargeMachine(disks, arrays, &diskList, &arrayList);
    MachineTree tree(args[1]);
    tree.build(diskList, arrayList);
    return 0;
}
