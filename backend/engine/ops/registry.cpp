// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "anyrequest.h"
#include "registry.h"

#include <KLocalizedString>

namespace plexus {

namespace {

template<class R> OperationType typeOf()
{
    return {&R::info,
            [](const QVariantList &arguments, AnyRequest *out) {
                R r;
                const Status s = parseRequest(arguments, &r);
                if (s)
                    *out = AnyRequest(r);
                return s;
            },
            [](const QJsonObject &json) {
                R r;
                JsonReader reader(json);
                r.visit(reader);
                return AnyRequest(r);
            }};
}

} // namespace

const QList<OperationType> &operationTypes()
{
    static const QList<OperationType> types = [] {
        QList<OperationType> list;
        forEachRequestType([&list](auto type) { list << typeOf<typename decltype(type)::type>(); });
        return list;
    }();
    return types;
}

const OperationType *operationType(const QString &method)
{
    for (const OperationType &t : operationTypes())
        if (method == QLatin1String(t.info->method))
            return &t;
    return nullptr;
}

Status AnyRequest::fromDBus(const QString &method, const QVariantList &arguments, AnyRequest *out)
{
    const OperationType *type = operationType(method);
    if (!type)
        return Status::failure(ErrorCode::Invalid, mi18n("Unknown operation '%1'.", method));
    return type->parse(arguments, out);
}

Status AnyRequest::fromJson(const QString &method, const QJsonObject &json, AnyRequest *out)
{
    const OperationType *type = operationType(method);
    if (!type)
        return Status::failure(ErrorCode::Invalid, mi18n("The journal names an operation this Plexus does not know: '%1'.", method));
    *out = type->fromJson(json);
    return {};
}

} // namespace plexus
