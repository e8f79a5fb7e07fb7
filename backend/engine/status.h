// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// What every engine and helper operation ends with: success, or one typed error.
// Each ErrorCode is one D-Bus error name (org.plexus.Error.*), so clients react
// to the cause, never to the English text, which is for people only.

#include "engine/message.h"

#include <QString>
#include <optional>

namespace plexus {

enum class ErrorCode {
    NotAuthorized,  // polkit said no
    Dismissed,      // authentication was needed and did not happen (cancelled, no agent)
    InUse,          // mounted, swap, member of an array, LVM PV, system disk, held open
    TooSmall,       // a device is too small for its role
    NotFound,       // no such device or array, or it is not the one the user chose
    Invalid,        // the request itself is wrong (level, counts, names, options, paths)
    Busy,           // the kernel or another Plexus job is busy with it; try again later
    ToolFailed,     // a tool or the kernel refused; the message carries its stderr
};

QString errorName(ErrorCode code);                             // "org.plexus.Error.InUse"
std::optional<ErrorCode> errorCodeFromName(const QString &name); // the reverse; nullopt for others
QString errorShortName(ErrorCode code);                        // "InUse"

class Status
{
public:
    Status() = default; // success
    static Status success() { return {}; }
    // Success with something to tell ("restart the computer to go on").
    static Status success(const QString &note)
    {
        Status s;
        s.m_message = Message::plain(note);
        return s;
    }
    static Status failure(ErrorCode code, const QString &message) { return failure(code, Message::plain(message)); }
    // Catalogued, so that the helper's client can say it in its own language.
    static Status failure(ErrorCode code, const Message &message)
    {
        Status s;
        s.m_code = code;
        s.m_message = message;
        return s;
    }

    bool ok() const { return !m_code.has_value(); }
    explicit operator bool() const { return ok(); }
    ErrorCode code() const { return m_code.value_or(ErrorCode::Invalid); }
    QString message() const { return m_message.toString(); } // in this process's language
    const Message &structuredMessage() const { return m_message; }
    QString name() const { return ok() ? QString() : errorName(*m_code); }

private:
    std::optional<ErrorCode> m_code;
    Message m_message;
};

} // namespace plexus
