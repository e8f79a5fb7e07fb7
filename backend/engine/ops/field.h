// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// How one field of a request travels. Every request lists its fields once, in its
// visit(): the D-Bus argument or option name, how plexusctl spells it, and whether
// setting it destroys data. The D-Bus parser and call, the journal record, the
// command line and the polkit actions are all read from that one list.

#include <KLazyLocalizedString>
#include <QString>

namespace plexus {

struct FieldSpec {
    enum Place { Argument, Option };
    const char *name = "";            // D-Bus argument name or option key: "chunk_kib"
    Place place = Option;
    KLazyLocalizedString help;        // for plexusctl --help, in the user's language (kli18nc)
    // plexusctl: the --NAME of an option or a list argument ("spare" for spares);
    // nullptr: the name with '-' for '_'; "": a positional argument (a list takes the rest);
    // "-": not on the command line (plexusctl fills it itself).
    const char *cli = nullptr;
    const char *valueName = nullptr;  // plexusctl's placeholder: "KIB"
    bool erases = false;              // set, it destroys data beyond the new device: polkit's erase action too
    bool array = false;               // names an md array: plexusctl accepts "md0", and pins the array's UUID
    bool written = false;             // the device(s) named are written over (the GUI's review names them)
    const char *oldName = nullptr;    // an earlier D-Bus name still accepted

    QString cliName() const; // "chunk_kib" -> "chunk-kib" unless cli says otherwise
};

// Shorthands for the tables in the operations' visit().
constexpr FieldSpec argument(const char *name, const char *cli = "", const char *valueName = nullptr, KLazyLocalizedString help = {})
{
    return {name, FieldSpec::Argument, help, cli, valueName};
}
constexpr FieldSpec arrayArgument()
{
    FieldSpec f = argument("array", "", "ARRAY");
    f.array = true;
    return f;
}
constexpr FieldSpec option(const char *name, KLazyLocalizedString help, const char *valueName = nullptr, const char *cli = nullptr)
{
    return {name, FieldSpec::Option, help, cli, valueName};
}
constexpr FieldSpec erasing(FieldSpec f)
{
    f.erases = true;
    return f;
}
constexpr FieldSpec writtenOver(FieldSpec f)
{
    f.written = true;
    return f;
}
constexpr FieldSpec formerly(FieldSpec f, const char *oldName)
{
    f.oldName = oldName;
    return f;
}

// The polkit actions (helper/data/org.plexus.policy).
namespace polkitActions {
inline constexpr char modify[] = "org.plexus.array.modify";
inline constexpr char create[] = "org.plexus.array.create";
inline constexpr char erase[] = "org.plexus.disk.erase";   // auth_admin: asked again each time
inline constexpr char scrub[] = "org.plexus.array.scrub";
inline constexpr char volume[] = "org.plexus.volume.modify"; // LVM and filesystems on top of arrays
} // namespace polkitActions

// "/dev/md0" -> "md0", for titles; anything else as it is.
inline QString deviceName(const QString &path)
{
    return path.startsWith(QLatin1String("/dev/")) ? path.mid(5) : path;
}

// What every operation is, for the helper, plexusctl and the GUI.
struct OperationInfo {
    const char *method;   // the D-Bus method: "CreateArray"
    const char *command;  // the plexusctl verb: "create"
    KLazyLocalizedString summary; // for plexusctl's usage: "create an array (...)", translated where shown
    const char *action;   // the polkit action it always needs: "org.plexus.array.create"
    KLazyLocalizedString details;
    const char *alsoAction = nullptr; // a second one it always needs (ReplaceDisk always partitions: erase)
};

// Options every request may carry.
struct CommonOptions {
    bool allowSystemDisk = false; // the request may use the disk the system runs from
    QString tag;                  // echoed in JobStarted so a client can recognise its job
    QString arrayUuid;            // the array must still be this one (as the user saw it)

    template<class V> void visit(V &v)
    {
        v(allowSystemDisk, option("allow_system_disk", kli18nc("plexusctl --help: what an option does", "Allow using the disk the running system is on.")));
        v(tag, option("tag", {}, nullptr, "-"));
        v(arrayUuid, option("array_uuid", {}, nullptr, "-"));
    }
};

} // namespace plexus
