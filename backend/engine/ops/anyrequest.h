// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Any operation's request, as one value: what the helper parses from a D-Bus
// call, what the GUI keeps between its preview and the call, what plexusctl
// builds from a command line. Everything it does is read from the request's one
// field list (field.h) and its operation's info; nothing about an operation is
// written out here.

#include "engine/engine.h"
#include "field.h"
#include "wire.h"

#include <QJsonObject>
#include <memory>
#include <type_traits>

namespace plexus {

class AnyRequest
{
public:
    AnyRequest() = default;
    template<class R>
        requires(!std::is_same_v<std::decay_t<R>, AnyRequest>)
    AnyRequest(R request) : m_impl(std::make_shared<Model<R>>(std::move(request))) {}

    bool isNull() const { return !m_impl; }
    const OperationInfo &info() const { return m_impl->info(); }
    // The polkit actions it needs, from the parsed request: the operation's own,
    // and org.plexus.disk.erase when an option that destroys data is set.
    QStringList actions() const { return m_impl->actions(); }
    // Validates against the engine's machine, then plans.
    Status prepare(const Engine &engine, Plan *plan) const { return m_impl->prepare(engine, plan); }
    // The D-Bus in-arguments of its method (options last).
    QVariantList arguments() const { return m_impl->arguments(); }
    QJsonObject json() const { return m_impl->json(); }
    QString tag() const { return m_impl->common().tag; }
    void setTag(const QString &tag) { m_impl = m_impl->withTag(tag); }
    QString title() const { return m_impl->title(); }
    bool changesData() const { return m_impl->changesData(); }
    DeviceSpecList writtenOver() const { return m_impl->writtenOver(); }

    // The request a call of `method` with `arguments` makes; Invalid when the
    // method is unknown or anything in the arguments is (nothing is coerced).
    static Status fromDBus(const QString &method, const QVariantList &arguments, AnyRequest *out);
    // The request a journal recorded (json()) for `method`.
    static Status fromJson(const QString &method, const QJsonObject &json, AnyRequest *out);

private:
    struct Concept {
        virtual ~Concept() = default;
        virtual const OperationInfo &info() const = 0;
        virtual QStringList actions() const = 0;
        virtual Status prepare(const Engine &engine, Plan *plan) const = 0;
        virtual QVariantList arguments() const = 0;
        virtual QJsonObject json() const = 0;
        virtual const CommonOptions &common() const = 0;
        virtual std::shared_ptr<const Concept> withTag(const QString &tag) const = 0;
        virtual QString title() const = 0;
        virtual bool changesData() const = 0;
        virtual DeviceSpecList writtenOver() const = 0;
    };
    template<class R> struct Model final : Concept {
        explicit Model(R r) : request(std::move(r)) {}
        R request;
        // The writers only read: visit() is one function for reading and writing.
        template<class V> V visited(V v) const { const_cast<R &>(request).visit(v); return v; }

        const OperationInfo &info() const override { return R::info; }
        QStringList actions() const override { return visited(ActionCollector(R::info)).actions(); }
        Status prepare(const Engine &engine, Plan *plan) const override { return engine.prepare(request, plan); }
        QVariantList arguments() const override { return visited(WireWriter()).arguments(); }
        QJsonObject json() const override { return visited(JsonWriter()).json(); }
        const CommonOptions &common() const override { return request.common; }
        std::shared_ptr<const Concept> withTag(const QString &tag) const override
        {
            R copy = request;
            copy.common.tag = tag;
            return std::make_shared<Model<R>>(std::move(copy));
        }
        QString title() const override { return request.title(); }
        bool changesData() const override
        {
            if constexpr (requires { request.changesData(); })
                return request.changesData();
            return true;
        }
        DeviceSpecList writtenOver() const override { return visited(WrittenCollector()).devices; }
    };
    std::shared_ptr<const Concept> m_impl;
};

// Reads `arguments` into a request of type R (the helper's parser).
template<class R> Status parseRequest(const QVariantList &arguments, R *out)
{
    WireReader reader(arguments);
    out->visit(reader);
    return reader.finish(out->common);
}

// Every operation the helper offers (registry.h): its info, and a parser that
// makes an AnyRequest of the right type.
struct OperationType {
    const OperationInfo *info;
    Status (*parse)(const QVariantList &arguments, AnyRequest *out);
    AnyRequest (*fromJson)(const QJsonObject &json);
};
const QList<OperationType> &operationTypes();
const OperationType *operationType(const QString &method);

} // namespace plexus
