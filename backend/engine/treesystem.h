// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The SystemView of a fixture tree (plexus --root DIR, the UI tests): /dev/NAME
// is the block device NAME when the tree's sys/block has it (a partition in its
// disk's directory); md numbers come from the tree's sys/block as LiveSystem
// reads them. With it the GUI plans against a fixture exactly as it plans
// against the live machine, so what a test sees is what a user would.

#include "systemview.h"

namespace plexus {

class TreeSystem : public LiveSystem
{
public:
    explicit TreeSystem(const QString &root);

    NodeInfo node(const QString &path) const override;
    bool exists(const QString &path) const override;

private:
    bool isBlockDevice(const QString &name) const;
    QString m_root;
};

} // namespace plexus
