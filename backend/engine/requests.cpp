#include "requests.h"

#include <QDBusArgument>
#include <QDBusVariant>
#include <QRegularExpression>

namespace plexus {

namespace {

// Takes options out of the map by name and type; whatever is left at the end was
// not understood, and is refused rather than silently ignored.
class OptionReader
{
public:
    explicit OptionReader(const QVariantMap &options) : m_left(options) {}

    void flag(const char *key, bool *out)
    {
        const QVariant v = take(key);
        if (!v.isValid())
            return;
        if (v.metaType().id() != QMetaType::Bool)
            return wrongType(key, "a boolean");
        *out = v.toBool();
    }

    void text(const char *key, QString *out)
    {
        const QVariant v = take(key);
        if (!v.isValid())
            return;
        if (v.metaType().id() != QMetaType::QString)
            return wrongType(key, "a string");
        *out = v.toString();
    }

    void integer(const char *key, int *out)
    {
        const QVariant v = take(key);
        if (!v.isValid())
            return;
        switch (v.metaType().id()) {
        case QMetaType::Int: case QMetaType::UInt: case QMetaType::LongLong: case QMetaType::ULongLong:
        case QMetaType::Short: case QMetaType::UShort: case QMetaType::UChar: {
            bool ok = false;
            const qlonglong n = v.toLongLong(&ok);
            if (!ok || n < INT_MIN || n > INT_MAX)
                return fail(QStringLiteral("Option '%1' is out of range.").arg(QLatin1String(key)));
            *out = int(n);
            return;
        }
        default:
            return wrongType(key, "an integer");
        }
    }

    void common(CommonOptions *c)
    {
        flag("allow_system_disk", &c->allowSystemDisk);
        text("tag", &c->tag);
        // The tag is echoed in a signal everyone on the bus sees: keep it an identifier.
        static const QRegularExpression tagRe(QStringLiteral("^[A-Za-z0-9_.:-]{0,64}$"));
        if (!tagRe.match(c->tag).hasMatch())
            fail(QStringLiteral("Option 'tag' must be up to 64 letters, digits, '_', '.', ':' or '-'."));
        text("array_uuid", &c->arrayUuid);
        static const QRegularExpression uuidRe(QStringLiteral("^[0-9A-Fa-f:-]{0,64}$"));
        if (!uuidRe.match(c->arrayUuid).hasMatch())
            fail(QStringLiteral("Option 'array_uuid' must be a UUID, not '%1'.").arg(c->arrayUuid.left(64)));
    }

    Status finish()
    {
        if (m_status.ok() && !m_left.isEmpty())
            fail(QStringLiteral("Unknown option '%1'. Leave it out, or check its spelling.").arg(m_left.firstKey()));
        return m_status;
    }

private:
    QVariant take(const char *key)
    {
        QVariant v = m_left.take(QLatin1String(key));
        // Values nested in a variant (v inside v) arrive as QDBusVariant.
        if (v.canConvert<QDBusVariant>() && v.metaType() == QMetaType::fromType<QDBusVariant>())
            v = v.value<QDBusVariant>().variant();
        return v;
    }
    void wrongType(const char *key, const char *what)
    {
        fail(QStringLiteral("Option '%1' must be %2.").arg(QLatin1String(key), QLatin1String(what)));
    }
    void fail(const QString &message)
    {
        if (m_status.ok())
            m_status = Status::failure(ErrorCode::Invalid, message);
    }

    QVariantMap m_left;
    Status m_status;
};

} // namespace

Status parseOptions(const QVariantMap &options, CreateArrayRequest *r)
{
    OptionReader o(options);
    o.integer("chunk_kib", &r->chunkKib);
    o.text("bitmap", &r->bitmap);
    o.text("metadata", &r->metadata);
    o.text("name", &r->name);
    o.flag("force_single", &r->forceSingle);
    o.flag("overwrite", &r->overwrite);
    o.flag("allow_same_disk", &r->allowSameDisk);
    o.flag("partition_disks", &r->partitionDisks);
    o.common(&r->common);
    return o.finish();
}

Status parseOptions(const QVariantMap &options, StopArrayRequest *r)
{
    OptionReader o(options);
    o.common(&r->common);
    return o.finish();
}

Status parseOptions(const QVariantMap &options, AssembleArrayRequest *r)
{
    OptionReader o(options);
    o.flag("run_degraded", &r->runDegraded);
    o.common(&r->common);
    return o.finish();
}

Status parseOptions(const QVariantMap &options, AddDeviceRequest *r)
{
    OptionReader o(options);
    o.flag("overwrite", &r->overwrite);
    o.flag("partition_like_members", &r->partitionLikeMembers);
    o.common(&r->common);
    return o.finish();
}

Status parseOptions(const QVariantMap &options, FailMemberRequest *r)
{
    OptionReader o(options);
    o.common(&r->common);
    return o.finish();
}

Status parseOptions(const QVariantMap &options, RemoveMemberRequest *r)
{
    OptionReader o(options);
    o.flag("fail", &r->fail);
    o.flag("zero_superblock", &r->zeroSuperblock);
    o.common(&r->common);
    return o.finish();
}

Status parseOptions(const QVariantMap &options, ReplaceMemberRequest *r)
{
    OptionReader o(options);
    o.flag("wait", &r->wait);
    o.flag("overwrite", &r->overwrite);
    o.flag("partition_like_old", &r->partitionLikeOld);
    o.flag("zero_old", &r->zeroOld);
    o.common(&r->common);
    return o.finish();
}

Status parseOptions(const QVariantMap &options, GrowArrayRequest *r)
{
    OptionReader o(options);
    o.text("size", &r->size);
    o.flag("force_single", &r->forceSingle);
    o.flag("overwrite", &r->overwrite);
    o.common(&r->common);
    return o.finish();
}

Status parseOptions(const QVariantMap &options, SyncActionRequest *r)
{
    OptionReader o(options);
    o.common(&r->common);
    return o.finish();
}

Status parseOptions(const QVariantMap &options, SpeedLimitsRequest *r)
{
    OptionReader o(options);
    o.common(&r->common);
    return o.finish();
}

Status parseOptions(const QVariantMap &options, ZeroSuperblockRequest *r)
{
    OptionReader o(options);
    o.common(&r->common);
    return o.finish();
}

Status parseOptions(const QVariantMap &options, CopyPartitionTableRequest *r)
{
    OptionReader o(options);
    o.flag("overwrite", &r->overwrite);
    o.common(&r->common);
    return o.finish();
}

Status parseOptions(const QVariantMap &options, WriteMdadmConfRequest *r)
{
    OptionReader o(options);
    o.common(&r->common);
    return o.finish();
}

} // namespace plexus
