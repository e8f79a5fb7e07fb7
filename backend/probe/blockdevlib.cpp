// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "blockdevlib.h"
#include "blockdev_c.h"

#include <QMutex>
#include <QStringList>

namespace plexus {

namespace {
QMutex initMutex;
bool initDone = false;
QString initError;
QStringList loadedPlugins;
} // namespace

bool ensureBlockdev(QString *error)
{
    QMutexLocker lock(&initMutex);
    if (!initDone) {
        initDone = true;
        BDPluginSpec lvm = {BD_PLUGIN_LVM, nullptr};
        BDPluginSpec md = {BD_PLUGIN_MDRAID, nullptr};
        BDPluginSpec part = {BD_PLUGIN_PART, nullptr};
        BDPluginSpec fs = {BD_PLUGIN_FS, nullptr};
        BDPluginSpec *plugins[] = {&lvm, &md, &part, &fs, nullptr};
        gchar **loaded = nullptr;
        GError *err = nullptr;
        // bd_try_init loads what it can: a missing lvm2 must not hide md.
        bd_try_init(plugins, nullptr, &loaded, &err);
        if (err) {
            initError = QString::fromUtf8(err->message);
            g_error_free(err);
        }
        for (gchar **p = loaded; p && *p; ++p)
            loadedPlugins.append(QString::fromUtf8(*p));
        g_free(loaded); // (transfer container): the names belong to libblockdev
        if (loadedPlugins.isEmpty() && initError.isEmpty())
            initError = QStringLiteral("libblockdev loaded no plugins");
    }
    if (error)
        *error = initError;
    return !loadedPlugins.isEmpty();
}

bool blockdevPluginAvailable(const char *pluginName)
{
    ensureBlockdev();
    QMutexLocker lock(&initMutex);
    return loadedPlugins.contains(QString::fromLatin1(pluginName));
}

} // namespace plexus
