// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "createarraydialog.h"
#include "engine/steps/volumesteps.h"

#include "devicelist.h"
#include "engine/devicespec.h"
#include "levelchoices.h"
#include "levellist.h"
#include "model/describe.h"
#include "model/raidlevel.h"
#include "tone.h"
#include "words.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace plexus {

namespace {

constexpr uint defaultChunkKib = 512; // mdadm's

QLabel *heading(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    label->setBuddy(buddy);
    return label;
}

QLabel *hint(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QString listWords(const QStringList &names)
{
    if (names.size() <= 1)
        return names.join(QString());
    return QObject::tr("%1 and %2").arg(names.mid(0, names.size() - 1).join(QStringLiteral(", ")), names.last());
}

const QList<std::pair<QString, QString>> metadataVersions = {
    {QStringLiteral("1.2"), QObject::tr("The default: the superblock sits 4 KiB after the start of each member.")},
    {QStringLiteral("1.1"), QObject::tr("The superblock at the very start of each member.")},
    {QStringLiteral("1.0"), QObject::tr("The superblock at the end: a mirror's members look like plain filesystems, "
                                        "so boot loaders and firmware (/boot, the EFI partition) can read them.")},
    {QStringLiteral("0.90"), QObject::tr("The old format, at the end: members up to 2 TiB, at most 28 of them; "
                                         "only for old systems that assemble arrays in the kernel.")},
};

} // namespace

CreateArrayDialog::CreateArrayDialog(const PlanningContext &ctx, const QStringList &selected, QWidget *parent)
    : QDialog(parent), m_ctx(ctx)
{
    setWindowTitle(tr("Create array"));
    setObjectName(QStringLiteral("createArrayDialog"));
    const QFontMetrics fm(font());

    m_devices = new DeviceList(this);
    m_devices->setObjectName(QStringLiteral("devices"));
    m_levels = new LevelList(this);
    m_levels->setObjectName(QStringLiteral("levels"));
    m_levels->setMinimumWidth(fm.averageCharWidth() * 70);

    auto *devicesColumn = new QVBoxLayout;
    devicesColumn->addWidget(heading(tr("&Devices"), m_devices, this));
    devicesColumn->addWidget(hint(tr("Check the disks or partitions to build the array from. Greyed ones cannot be used: "
                                     "the last column says why."), this));
    devicesColumn->addWidget(m_devices, 1);
    auto *levelsColumn = new QVBoxLayout;
    levelsColumn->addWidget(heading(tr("&Level"), m_levels, this));
    levelsColumn->addWidget(m_levels, 1);
    auto *top = new QHBoxLayout;
    top->addLayout(devicesColumn, 3);
    top->addSpacing(fm.averageCharWidth() * 2);
    top->addLayout(levelsColumn, 2);

    // Ready to mount: a filesystem straight on the new array (for volumes on it, "Use for volumes…" later).
    m_filesystem = new QComboBox(this);
    m_filesystem->setObjectName(QStringLiteral("filesystem"));
    m_filesystem->addItem(tr("none (decide later)"), QString());
    for (const QString &type : filesystemTypes())
        m_filesystem->addItem(type, type);
    m_label = new QLineEdit(this);
    m_label->setObjectName(QStringLiteral("label"));
    m_label->setPlaceholderText(tr("label (optional)"));
    m_label->setEnabled(false);
    auto *filesystemRow = new QHBoxLayout;
    auto *filesystemHeading = new QLabel(tr("&Filesystem:"), this);
    filesystemHeading->setBuddy(m_filesystem);
    filesystemRow->addWidget(filesystemHeading);
    filesystemRow->addWidget(m_filesystem);
    filesystemRow->addWidget(m_label);
    filesystemRow->addStretch(1);
    connect(m_filesystem, &QComboBox::currentIndexChanged, this, [this] {
        m_label->setEnabled(!m_filesystem->currentData().toString().isEmpty());
        recompute();
    });
    connect(m_label, &QLineEdit::textChanged, this, &CreateArrayDialog::recompute);

    m_advancedToggle = new QToolButton(this);
    m_advancedToggle->setObjectName(QStringLiteral("advancedToggle"));
    m_advancedToggle->setText(tr("&Advanced"));
    m_advancedToggle->setCheckable(true);
    m_advancedToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_advancedToggle->setArrowType(Qt::RightArrow);
    m_advancedToggle->setAutoRaise(true);
    m_advanced = buildAdvanced();
    m_advanced->setVisible(false);
    connect(m_advancedToggle, &QToolButton::toggled, this, [this](bool on) {
        m_advanced->setVisible(on);
        m_advancedToggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_refusal = new QLabel(this);
    m_refusal->setObjectName(QStringLiteral("refusal"));
    m_refusal->setWordWrap(true);
    m_refusal->setTextFormat(Qt::PlainText);
    m_refusal->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_refusal->setVisible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_review = buttons->addButton(tr("&Review…"), QDialogButtonBox::AcceptRole);
    m_review->setObjectName(QStringLiteral("review"));
    m_review->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &CreateArrayDialog::review);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addLayout(filesystemRow);
    layout->addWidget(m_advancedToggle, 0, Qt::AlignLeft);
    layout->addWidget(m_advanced);
    layout->addWidget(m_summary);
    layout->addWidget(m_refusal);
    layout->addWidget(buttons);

    connect(m_devices, &DeviceList::chosenChanged, this, [this] {
        syncSpares();
        recompute();
    });
    connect(m_levels, &LevelList::levelPicked, this, [this](const QString &level) {
        m_userLevel = level;
        recompute();
    });

    m_devices->setChoices(deviceChoices(*m_ctx.snapshot, *m_ctx.system));
    m_arrayDevice->setText(firstFreeArray(m_ctx));
    const QSignalBlocker block(m_devices);
    m_devices->setChosen(selected);
    // One disk: the classic start of a mirror, its partner added later.
    if (m_devices->chosen().size() == 1) {
        m_missing->setValue(1);
        m_advancedToggle->setChecked(true);
    }
    syncSpares();
    recompute();
}

QWidget *CreateArrayDialog::buildAdvanced()
{
    auto *box = new QWidget(this);
    box->setObjectName(QStringLiteral("advanced"));
    const QFontMetrics fm(font());

    m_arrayDevice = new QLineEdit(box);
    m_arrayDevice->setObjectName(QStringLiteral("arrayDevice"));
    m_name = new QLineEdit(box);
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("optional, for example data"));
    m_name->setMaxLength(32);
    m_missing = new QSpinBox(box);
    m_missing->setObjectName(QStringLiteral("missing"));
    m_missing->setRange(0, 8);
    m_missing->setSpecialValueText(tr("none"));
    m_spares = new QListWidget(box);
    m_spares->setObjectName(QStringLiteral("spares"));
    m_spares->setMaximumHeight(fm.height() * 5);
    m_spares->setMinimumWidth(fm.averageCharWidth() * 24);
    m_partitionDisks = new QCheckBox(tr("Partition &whole disks first"), box);
    m_partitionDisks->setObjectName(QStringLiteral("partitionDisks"));

    m_chunk = new QComboBox(box);
    m_chunk->setObjectName(QStringLiteral("chunk"));
    for (uint kib = 4; kib <= 4096; kib *= 2)
        m_chunk->addItem(kib == defaultChunkKib ? tr("%1 KiB (mdadm's default)").arg(kib) : tr("%1 KiB").arg(kib), kib);
    m_chunk->setCurrentIndex(m_chunk->findData(defaultChunkKib));
    m_bitmap = new QComboBox(box);
    m_bitmap->setObjectName(QStringLiteral("bitmap"));
    m_bitmap->addItem(tr("Internal: after a crash, resync only what was being written"), QStringLiteral("internal"));
    m_bitmap->addItem(tr("None: slightly faster writes, full resync after a crash"), QStringLiteral("none"));
    m_metadata = new QComboBox(box);
    m_metadata->setObjectName(QStringLiteral("metadata"));
    for (const auto &[version, why] : metadataVersions)
        m_metadata->addItem(version == QLatin1String("1.2") ? tr("1.2 (default)") : version, version);
    auto *metadataWhy = hint(metadataVersions.first().second, box);
    metadataWhy->setObjectName(QStringLiteral("metadataHint"));
    connect(m_metadata, &QComboBox::currentIndexChanged, metadataWhy, [metadataWhy](int i) {
        metadataWhy->setText(metadataVersions.value(i).second);
    });

    auto *left = new QFormLayout;
    left->addRow(tr("Array de&vice:"), m_arrayDevice);
    left->addRow(tr("&Name:"), m_name);
    left->addRow(tr("&Missing members:"), m_missing);
    left->addRow(QString(), hint(tr("Leave slots empty and add the other disk later: build a mirror on a new disk, "
                                    "copy your data over, then add the old disk into the empty slot."), box));
    left->addRow(tr("S&pares:"), m_spares);
    left->addRow(QString(), m_partitionDisks);
    left->addRow(QString(), hint(tr("Each whole disk gets one Linux RAID partition, which becomes the member: every tool "
                                    "then sees what the disk holds, and a replacement disk slightly smaller still fits."), box));
    auto *right = new QFormLayout;
    right->addRow(tr("&Chunk size:"), m_chunk);
    right->addRow(tr("&Bitmap:"), m_bitmap);
    right->addRow(tr("M&etadata:"), m_metadata);
    right->addRow(QString(), metadataWhy);
    auto *columns = new QHBoxLayout(box);
    columns->setContentsMargins(fm.averageCharWidth() * 2, 0, 0, 0);
    columns->addLayout(left, 1);
    columns->addSpacing(fm.averageCharWidth() * 3);
    columns->addLayout(right, 1);

    for (QLineEdit *edit : {m_arrayDevice, m_name})
        connect(edit, &QLineEdit::textEdited, this, &CreateArrayDialog::recompute);
    connect(m_missing, &QSpinBox::valueChanged, this, &CreateArrayDialog::recompute);
    connect(m_spares, &QListWidget::itemChanged, this, &CreateArrayDialog::recompute);
    connect(m_partitionDisks, &QCheckBox::toggled, this, &CreateArrayDialog::recompute);
    for (QComboBox *combo : {m_chunk, m_bitmap, m_metadata})
        connect(combo, &QComboBox::currentIndexChanged, this, &CreateArrayDialog::recompute);
    return box;
}

void CreateArrayDialog::setContext(const PlanningContext &ctx)
{
    m_ctx = ctx;
    m_devices->setChoices(deviceChoices(*m_ctx.snapshot, *m_ctx.system));
    if (!m_arrayDevice->isModified())
        m_arrayDevice->setText(firstFreeArray(m_ctx));
    syncSpares();
    recompute();
}

// The spares list offers the chosen devices, keeping the ones checked before.
void CreateArrayDialog::syncSpares()
{
    const QStringList before = spareNames();
    const QSignalBlocker block(m_spares);
    m_spares->clear();
    for (const QString &name : m_devices->chosen()) {
        auto *item = new QListWidgetItem(name, m_spares);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(before.contains(name) ? Qt::Checked : Qt::Unchecked);
    }
}

QStringList CreateArrayDialog::spareNames() const
{
    QStringList names;
    for (int i = 0; i < m_spares->count(); ++i)
        if (m_spares->item(i)->checkState() == Qt::Checked)
            names << m_spares->item(i)->text();
    return names;
}

QStringList CreateArrayDialog::memberNames() const
{
    QStringList names = m_devices->chosen();
    for (const QString &spare : spareNames())
        names.removeAll(spare);
    return names;
}

void CreateArrayDialog::recompute()
{
    const QStringList members = memberNames();
    LevelInput input;
    for (const QString &name : members)
        input.memberSizes << (m_devices->choice(name) ? m_devices->choice(name)->sizeBytes : 0);
    input.missing = m_missing->value();
    input.spares = int(spareNames().size());
    m_levels->setChoices(levelChoices(input), members, input.missing);

    const LevelChoice *userPick = m_levels->choice(m_userLevel);
    m_levels->setLevel(userPick && userPick->allowed ? m_userLevel : recommendedLevel(input));
    const QString level = m_levels->level();
    const RaidLevel *rules = raidLevel(level);
    m_chunk->setEnabled(rules && rules->striped);
    m_bitmap->setEnabled(rules && rules->redundant);
    m_review->setEnabled(!level.isEmpty());

    // What will happen, in one or two sentences.
    QString text;
    if (members.isEmpty()) {
        text = tr("Check the devices for the new array.");
    } else if (level.isEmpty()) {
        text = tr("No level can be made of %1 as chosen: each level above says why.").arg(listWords(members));
    } else {
        const LevelChoice *c = m_levels->choice(level);
        QStringList from = members;
        if (input.missing)
            from << (input.missing == 1 ? tr("a missing slot") : tr("%1 missing slots").arg(input.missing));
        if (level == QLatin1String("linear")) {
            const CreateVolumeGroupRequest concat = concatRequest();
            text = tr("Joins %1 end to end into the volume <b>/dev/%2/%3</b> (LVM): %4 usable.")
                       .arg(listWords(from).toHtmlEscaped(), concat.name.toHtmlEscaped(), concat.volume, aboutSize(c->capacityBytes));
        } else {
            text = tr("Creates <b>%1</b>, %2 of %3: %4 usable.")
                       .arg(m_arrayDevice->text().trimmed().toHtmlEscaped(), levelTitle(level), listWords(from).toHtmlEscaped(), aboutSize(c->capacityBytes));
        }
        if (input.spares)
            text += QLatin1Char(' ') + tr("Spare: %1.").arg(listWords(spareNames()));
        if (const QString fs = m_filesystem ? m_filesystem->currentData().toString() : QString(); !fs.isEmpty())
            text += QLatin1Char(' ') + tr("With %1 on it, ready to mount.").arg(fs);
        QStringList erased;
        for (const QString &name : m_devices->chosen())
            if (const DeviceChoice *d = m_devices->choice(name); d && d->erases)
                erased << tr("%1 (%2)").arg(name, d->contents);
        if (!erased.isEmpty())
            text += QStringLiteral("<br><span style=\"color:%1\">%2</span>")
                        .arg(toneColor(Tone::Warning, palette()).name(), tr("Erases what is on %1.").arg(listWords(erased)).toHtmlEscaped());
    }
    m_summary->setText(text);
    // An earlier refusal was about an earlier choice.
    m_refusal->setVisible(false);
}

CreateArrayRequest CreateArrayDialog::request() const
{
    CreateArrayRequest r;
    const Snapshot &snap = *m_ctx.snapshot;
    r.array = m_arrayDevice->text().trimmed();
    r.level = m_levels->level();
    const QStringList slots = slotOrder(r.level, memberNames(), m_missing->value());
    for (const QString &name : slots)
        r.members << (name.isEmpty() ? DeviceSpec{QStringLiteral("missing"), {}, 0} : deviceSpecFor(snap, QStringLiteral("/dev/") + name));
    for (const QString &name : spareNames())
        r.spares << deviceSpecFor(snap, QStringLiteral("/dev/") + name);
    for (const QString &name : m_devices->chosen())
        if (const DeviceChoice *d = m_devices->choice(name); d && d->erases)
            r.overwrite = true;

    r.metadata = m_metadata->currentData().toString();
    const RaidLevel *rules = raidLevel(r.level);
    if (rules && rules->redundant)
        r.bitmap = m_bitmap->currentData().toString();
    // mdadm's default chunk is left out, so the command reads as a person would type it.
    if (rules && rules->striped && m_chunk->currentData().toUInt() != defaultChunkKib)
        r.chunkKib = int(m_chunk->currentData().toUInt());
    r.name = m_name->text().trimmed();
    r.partitionDisks = m_partitionDisks->isChecked();
    r.filesystem = m_filesystem->currentData().toString();
    if (!r.filesystem.isEmpty())
        r.label = m_label->text().trimmed();
    r.forceSingle = r.level == QLatin1String("raid1") && slots.size() == 1;
    return r;
}

CreateVolumeGroupRequest CreateArrayDialog::concatRequest() const
{
    const CreateArrayRequest r = request();
    CreateVolumeGroupRequest concat;
    concat.name = r.name;
    for (int n = 0; concat.name.isEmpty() || m_ctx.snapshot->volumeGroup(concat.name); ++n)
        concat.name = n == 0 ? QStringLiteral("concat") : QStringLiteral("concat%1").arg(n);
    concat.devices = r.members;
    concat.overwrite = r.overwrite;
    concat.volume = QStringLiteral("data");
    concat.filesystem = r.filesystem;
    concat.label = r.label;
    return concat;
}

void CreateArrayDialog::review()
{
    // md's linear personality is gone from current kernels (Debian 13's among
    // them): vinum's concatenation is an LVM linear volume over the devices.
    if (m_levels->level() == QLatin1String("linear") && m_partitionDisks->isChecked()) {
        showRefusal(tr("a concatenation uses the devices as they are: uncheck \"Partition whole disks first\"."));
        return;
    }
    m_operation = m_levels->level() == QLatin1String("linear") ? planOperation(m_ctx, concatRequest()) : planOperation(m_ctx, request());
    if (m_operation.isRefused()) {
        showRefusal(m_operation.refusal.message());
        return;
    }
    m_refusal->setVisible(false);
    Q_EMIT reviewRequested(m_operation);
}

void CreateArrayDialog::showRefusal(const QString &message)
{
    QPalette pal = m_refusal->palette();
    pal.setColor(QPalette::WindowText, toneColor(Tone::Bad, palette()));
    m_refusal->setPalette(pal);
    m_refusal->setText(tr("Plexus cannot create this array: %1").arg(message));
    m_refusal->setVisible(true);
}

} // namespace plexus
