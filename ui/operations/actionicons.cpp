// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "actionicons.h"

#include <QHash>

namespace plexus {

QString actionIconName(const QString &id)
{
    static const QHash<QString, QString> names{
        // Arrays and their members
        {QStringLiteral("createArray"), QStringLiteral("list-add")},
        {QStringLiteral("addSpare"), QStringLiteral("list-add")},
        {QStringLiteral("addMember"), QStringLiteral("list-add")},
        {QStringLiteral("replace"), QStringLiteral("edit-find-replace")},
        {QStringLiteral("replaceMissingDisk"), QStringLiteral("edit-find-replace")},
        {QStringLiteral("fail"), QStringLiteral("dialog-cancel")},
        {QStringLiteral("remove"), QStringLiteral("list-remove")},
        {QStringLiteral("takeDiskOut"), QStringLiteral("media-eject")},
        {QStringLiteral("locate"), QStringLiteral("find-location")},
        {QStringLiteral("growMirror"), QStringLiteral("zoom-in")},
        {QStringLiteral("shrinkMirror"), QStringLiteral("zoom-out")},
        {QStringLiteral("start"), QStringLiteral("media-playback-start")},
        {QStringLiteral("startStopped"), QStringLiteral("media-playback-start")},
        {QStringLiteral("keepHalf"), QStringLiteral("media-playback-start")},
        {QStringLiteral("stop"), QStringLiteral("media-playback-stop")},
        // Syncing and checking
        {QStringLiteral("syncSpeed"), QStringLiteral("speedometer")},
        {QStringLiteral("fullSpeed"), QStringLiteral("media-seek-forward")},
        {QStringLiteral("check"), QStringLiteral("tools-check-spelling")},
        {QStringLiteral("repair"), QStringLiteral("tools-wizard")},
        {QStringLiteral("stopCheck"), QStringLiteral("process-stop")},
        {QStringLiteral("checkSchedule"), QStringLiteral("view-calendar")},
        // Split-mirror backups
        {QStringLiteral("backUp"), QStringLiteral("document-save")},
        {QStringLiteral("refreshBackup"), QStringLiteral("view-refresh")},
        {QStringLiteral("copyAllAgain"), QStringLiteral("edit-copy")},
        {QStringLiteral("openBackup"), QStringLiteral("document-open")},
        {QStringLiteral("closeBackup"), QStringLiteral("document-close")},
        // Volumes
        {QStringLiteral("useForVolumes"), QStringLiteral("drive-multidisk")},
        {QStringLiteral("makeFilesystem"), QStringLiteral("document-new")},
        {QStringLiteral("createVolume"), QStringLiteral("list-add")},
        {QStringLiteral("growVolume"), QStringLiteral("zoom-in")},
        {QStringLiteral("shrinkVolume"), QStringLiteral("zoom-out")},
        {QStringLiteral("useNewSpace"), QStringLiteral("transform-scale")},
        {QStringLiteral("reduceVolumeGroup"), QStringLiteral("list-remove")},
        {QStringLiteral("removeVolume"), QStringLiteral("edit-delete")},
        {QStringLiteral("removeVolumeGroup"), QStringLiteral("edit-delete")},
        // An unfinished job (the banner's buttons)
        {QStringLiteral("followJob"), QStringLiteral("view-process-all")},
        {QStringLiteral("resumeJob"), QStringLiteral("media-playback-start")},
        {QStringLiteral("rollBackJob"), QStringLiteral("edit-undo")},
        {QStringLiteral("dropJob"), QStringLiteral("edit-delete")},
    };
    return names.value(id);
}

void ensureIconTheme()
{
    // Qt falls back to hicolor, which has none of these names; and where no
    // platform theme names a theme (a bare X session, offscreen) there is none.
    if (QIcon::themeName().isEmpty())
        QIcon::setThemeName(QStringLiteral("breeze"));
    if (QIcon::fallbackThemeName().isEmpty() || QIcon::fallbackThemeName() == QLatin1String("hicolor"))
        QIcon::setFallbackThemeName(QStringLiteral("breeze"));
}

QIcon actionIcon(const QString &id)
{
    const QString name = actionIconName(id);
    return name.isEmpty() ? QIcon() : QIcon::fromTheme(name);
}

} // namespace plexus
