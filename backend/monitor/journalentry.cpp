// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "journalentry.h"

#include <QtEndian>

#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace plexus {

QByteArray journalMessageId(EventKind kind)
{
    // Made once with uuidgen; published in the README: never change one.
    switch (kind) {
    case EventKind::MemberFailed: return "ecee4c4f2205457e81e6a1fddd046bcd";
    case EventKind::ArrayDegraded: return "4091f079b1344714917a018f4145c3a3";
    case EventKind::ArrayFailed: return "0188ebcdc1b04fdf87170fb4bd8a4fc8";
    case EventKind::ArrayRecovered: return "ca2e214a06ce428d956fc74c30fec461";
    case EventKind::SpareActivated: return "d190ee9f3cf9411caf5038b161e9eba8";
    case EventKind::MemberAdded: return "775cb43c9adc4cf39519b0c28c4e18e8";
    case EventKind::MemberRemoved: return "a37eaa8a23834deeac1142f426dd6306";
    case EventKind::SyncStarted: return "06c91786e49f4829adcf1fa8e37a7f4e";
    case EventKind::SyncProgress: return "089cea1a26164d2980265983a8a699f3";
    case EventKind::SyncFinished: return "0b91cd01000646718b64e21b96024eb9";
    case EventKind::MismatchFound: return "6e104f5e32794d8cb8a1ce0bd75d7c60";
    case EventKind::DiskAdded: return "2019684d67d0429eaa79c212193bba7e";
    case EventKind::DiskRemoved: return "4f7afdebbda942af8860a11e70626f06";
    case EventKind::ArrayStarted: return "f9c5e8962b624b4e8790c226f99c3043";
    case EventKind::ArrayStopped: return "72d430962604441f8ee53b06d20a356b";
    case EventKind::DriveAtRisk: return "8107628d9a534f83a12c52fe9b24cd6f";
    case EventKind::JobDone: return "b1c311f256bd412f9120059617b92de4";
    case EventKind::JobFailed: return "c8fb2a2efea4495bb056bd5ea7565869";
    }
    return {};
}

QList<JournalField> journalFields(const Event &e)
{
    // syslog priorities by urgency: low 6 info, normal 5 notice, critical 2 crit.
    static const char *priorities[] = {"6", "5", "2"};
    QList<JournalField> fields{
        {"MESSAGE", e.englishSummary().toUtf8()},
        {"MESSAGE_ID", journalMessageId(e.kind)},
        {"PRIORITY", priorities[int(e.urgency())]},
        {"SYSLOG_IDENTIFIER", "plexus"},
        {"PLEXUS_EVENT", toString(e.kind).toUtf8()},
    };
    if (!e.array.isEmpty()) fields.append({"PLEXUS_ARRAY", e.array.toUtf8()});
    if (!e.device.isEmpty()) fields.append({"PLEXUS_DEVICE", e.device.toUtf8()});
    if (e.action) fields.append({"PLEXUS_ACTION", toString(*e.action).toUtf8()});
    if (e.mismatches) fields.append({"PLEXUS_MISMATCHES", QByteArray::number(*e.mismatches)});
    if (!e.planned.isEmpty()) fields.append({"PLEXUS_PLANNED", e.planned.toUtf8()});
    if (!e.job.isEmpty()) fields.append({"PLEXUS_JOB", e.job.toUtf8()});
    if (!e.user.isEmpty()) fields.append({"PLEXUS_USER", e.user.toUtf8()});
    if (!e.health.isEmpty()) fields.append({"PLEXUS_HEALTH", e.health.toUtf8()});
    return fields;
}

QByteArray journalDatagram(const QList<JournalField> &fields)
{
    QByteArray out;
    for (const JournalField &f : fields) {
        out += f.name;
        if (!f.value.contains('\n')) {
            out += '=' + f.value + '\n';
            continue;
        }
        char size[8];
        qToLittleEndian<quint64>(quint64(f.value.size()), size);
        out += '\n' + QByteArray(size, 8) + f.value + '\n';
    }
    return out;
}

QString writeJournalEntry(const QList<JournalField> &fields, const QString &socketPath)
{
    const QByteArray path = socketPath.toLocal8Bit();
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (size_t(path.size()) >= sizeof address.sun_path)
        return QStringLiteral("the journal's socket path %1 is too long").arg(socketPath);
    std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return QStringLiteral("no socket for the journal: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
    const QByteArray datagram = journalDatagram(fields);
    const ssize_t sent = ::sendto(fd, datagram.constData(), size_t(datagram.size()), MSG_NOSIGNAL,
                                  reinterpret_cast<const sockaddr *>(&address), sizeof address);
    const int saved = errno;
    ::close(fd);
    if (sent < 0)
        return QStringLiteral("no journal at %1: %2").arg(socketPath, QString::fromLocal8Bit(std::strerror(saved)));
    return {};
}

} // namespace plexus
