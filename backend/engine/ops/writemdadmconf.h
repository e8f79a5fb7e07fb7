// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// WriteMdadmConf: the running arrays into mdadm.conf, its other lines kept, a backup first.

#include "engine/plan.h"
#include "engine/validator.h"

namespace plexus {

struct ValidWriteConf { QString confPath; bool confExists = false; int arrays = 0; QString stamp; };

struct WriteMdadmConfRequest {
    static constexpr OperationInfo info{"WriteMdadmConf", "write-conf", kli18nc("plexusctl: what a command does", "write the running arrays into mdadm.conf (backup first)"), polkitActions::modify};
    using Valid = ValidWriteConf;

    CommonOptions common;

    template<class V> void visit(V &v) { common.visit(v); }
    QString title() const;
};

// Checks the request against the machine (checks' snapshot and device nodes).
Status validate(const Validator &checks, const WriteMdadmConfRequest &r, ValidWriteConf *out);
// The steps, with their previews; nothing runs here.
Plan makePlan(const ValidWriteConf &v);

} // namespace plexus
