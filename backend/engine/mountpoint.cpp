// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "mountpoint.h"

#include "checks/refusal.h"

#include <KLocalizedString>

#include <QDir>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace plexus {

namespace {

// A file descriptor closed when it goes.
struct Fd {
    int fd = -1;
    explicit Fd(int f = -1) : fd(f) {}
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
    ~Fd() { reset(-1); }
    void reset(int f)
    {
        if (fd >= 0)
            ::close(fd);
        fd = f;
    }
};

QString ownerName(uid_t uid)
{
    if (const passwd *pw = ::getpwuid(uid))
        return QString::fromLocal8Bit(pw->pw_name);
    return i18nc("a user without a name; %1 its number", "user %1", QString::number(uid));
}

QString errnoWords(int error) { return QString::fromLocal8Bit(std::strerror(error)); }

// A directory on the way that someone other than `owner` could change.
Status checkOwnership(const QString &shown, const struct stat &st, uid_t owner, const QString &path)
{
    if (st.st_uid != owner)
        return invalid(mi18nc("%1 a directory, %2 and %3 users, %4 a mount point",
                             "%1 belongs to %2, not to %3: whoever owns it could move the mount point %4 elsewhere. Choose a "
                             "place in directories only %3 can change.",
                             shown, ownerName(st.st_uid), ownerName(owner), path));
    if (st.st_mode & (S_IWGRP | S_IWOTH))
        return invalid(mi18nc("%1 a user, %2 a directory, %3 its octal mode, %4 a mount point",
                             "Users other than %1 can write in %2 (mode %3): they could move the mount point %4 elsewhere. Choose "
                             "a place in directories only %1 can change.",
                             ownerName(owner), shown, QStringLiteral("%1").arg(st.st_mode & 07777, 4, 8, QLatin1Char('0')), path));
    return {};
}

// The entries of the directory `dirFd` (itself not consumed), "." and ".." aside.
int countEntries(int dirFd)
{
    const int copy = ::openat(dirFd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (copy < 0)
        return -1;
    DIR *dir = ::fdopendir(copy);
    if (!dir) {
        ::close(copy);
        return -1;
    }
    int count = 0;
    while (const dirent *e = ::readdir(dir))
        if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0)
            ++count;
    ::closedir(dir);
    return count;
}

// Walks from `root` down to `path` one component at a time, each opened
// O_NOFOLLOW|O_DIRECTORY in its parent; makes the missing ones when `created`
// is given, else stops at the first missing one (the rest is missing too).
Status walk(const QString &root, const QString &path, uid_t owner, QStringList *created)
{
    if (Status s = checkMountPointWords(path); !s)
        return s;
    const QByteArray top = root.isEmpty() ? QByteArray("/") : QFile::encodeName(root);
    Fd dir(::open(top.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    struct stat st {};
    if (dir.fd < 0 || ::fstat(dir.fd, &st) != 0)
        return toolFailed(mi18nc("%1 the system's error", "Cannot open /: %1", errnoWords(errno)));
    if (Status s = checkOwnership(QStringLiteral("/"), st, owner, path); !s)
        return s;
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    QString shown;
    for (int i = 0; i < parts.size(); ++i) {
        shown += QLatin1Char('/') + parts[i];
        const QByteArray name = QFile::encodeName(parts[i]);
        const bool last = i == parts.size() - 1;
        if (::fstatat(dir.fd, name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
            if (errno != ENOENT)
                return toolFailed(mi18nc("%1 a directory, %2 the system's error", "Cannot look at %1: %2", shown, errnoWords(errno)));
            if (!created)
                return {};
            if (::mkdirat(dir.fd, name.constData(), 0755) != 0 && errno != EEXIST)
                return toolFailed(mi18nc("%1 a directory, %2 the system's error", "Cannot make the directory %1: %2", shown, errnoWords(errno)));
            *created << shown;
            Fd made(::openat(dir.fd, name.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
            // The mode exactly, whatever the umask; the owner is whoever runs this (root).
            if (made.fd < 0 || ::fchmod(made.fd, 0755) != 0)
                return toolFailed(mi18nc("%1 a directory, %2 the system's error", "Cannot open the new directory %1: %2", shown, errnoWords(errno)));
            dir.reset(made.fd);
            made.fd = -1;
            continue;
        }
        if (S_ISLNK(st.st_mode))
            return invalid(mi18nc("%1 a path, %2 a mount point",
                                 "%1 is a symbolic link. The mount point %2 is reached through real directories only: give the "
                                 "path it leads to, if that is what you mean.",
                                 shown, path));
        if (!S_ISDIR(st.st_mode))
            return invalid(last ? mi18nc("%1 a path", "%1 is a file, not a directory: nothing can be mounted on it.", shown)
                                : mi18nc("%1 a path", "%1 is a file, not a directory: nothing can be mounted below it.", shown));
        Fd next(::openat(dir.fd, name.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (next.fd < 0 || ::fstat(next.fd, &st) != 0)
            return toolFailed(mi18nc("%1 a directory, %2 the system's error", "Cannot open %1: %2", shown, errnoWords(errno)));
        if (Status s = checkOwnership(shown, st, owner, path); !s)
            return s;
        if (last) {
            const int entries = countEntries(next.fd);
            if (entries < 0)
                return toolFailed(mi18nc("%1 a directory, %2 the system's error", "Cannot read the directory %1: %2", shown, errnoWords(errno)));
            if (entries > 0)
                return inUse(mi18ncp("%2 a directory, %1 how many files and directories it holds",
                                    "%2 is not empty: it holds %1 entry, which the mounted filesystem would hide. Choose an empty "
                                    "or new directory, or move them away first.",
                                    "%2 is not empty: it holds %1 entries, which the mounted filesystem would hide. Choose an empty "
                                    "or new directory, or move them away first.",
                                    entries, shown));
        }
        dir.reset(next.fd);
        next.fd = -1;
    }
    return {};
}

} // namespace

Status checkMountPointWords(const QString &path)
{
    if (!path.startsWith(QLatin1Char('/')))
        return invalid(mi18n("The mount point '%1' is not an absolute path: it starts with /, as /srv/data does.", path));
    if (path == QLatin1String("/"))
        return invalid(mi18n("/ is where the running system is mounted: choose a directory below it, such as /srv/data."));
    for (const QChar c : path) {
        if (c.isSpace() || c.category() == QChar::Other_Control || c == QLatin1Char('\\') || c == QLatin1Char('#'))
            return invalid(mi18n("The mount point '%1' contains a space, a control character, '\\' or '#', which /etc/fstab "
                                "would read otherwise. Choose a path without them.",
                                path));
    }
    if (QDir::cleanPath(path) != path)
        return invalid(mi18nc("%1 a path as given, %2 as it is written plainly",
                             "The mount point '%1' is not written plainly (no '.', '..', '//' or trailing '/'): write it as %2.", path,
                             QDir::cleanPath(path)));
    for (const char *system : {"/proc", "/sys", "/dev", "/run", "/tmp", "/var/tmp"}) {
        const QString s = QLatin1String(system);
        if (path == s || path.startsWith(s + QLatin1Char('/')))
            return invalid(mi18nc("%1 a path, %2 a system directory such as /proc",
                                 "%1 belongs to the running system (%2 is for the kernel, devices or temporary files): choose a "
                                 "place such as /srv/data or /mnt/data.",
                                 path, s));
    }
    return {};
}

Status checkMountPointDirectories(const QString &root, const QString &path, uid_t owner)
{
    return walk(root, path, owner, nullptr);
}

Status makeMountPointDirectories(const QString &root, const QString &path, uid_t owner, QStringList *created)
{
    return walk(root, path, owner, created);
}

} // namespace plexus
