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

#include <KLocalizedString>
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
    return i18nc("@info a list: %1 all items but the last (joined by the separator), %2 the last", "%1 and %2",
                 names.mid(0, names.size() - 1).join(i18nc("@info the separator between the items of a list", ", ")), names.last());
}

// Two sentences of the summary, one after the other.
QString thenSentence(const QString &text, const QString &next)
{
    return i18nc("@info two sentences, one after the other", "%1 %2", text, next);
}

// mdadm's superblock formats, newest first.
const QStringList metadataVersions = {QStringLiteral("1.2"), QStringLiteral("1.1"), QStringLiteral("1.0"), QStringLiteral("0.90")};

// Where a metadata version keeps its superblock, and what for.
QString metadataHint(const QString &version)
{
    if (version == QLatin1String("1.2"))
        return i18nc("@info metadata 1.2", "The default: the superblock sits 4 KiB after the start of each member.");
    if (version == QLatin1String("1.1"))
        return i18nc("@info metadata 1.1", "The superblock at the very start of each member.");
    if (version == QLatin1String("1.0"))
        return i18nc("@info metadata 1.0", "The superblock at the end: a mirror's members look like plain filesystems, "
                                           "so boot loaders and firmware (/boot, the EFI partition) can read them.");
    if (version == QLatin1String("0.90"))
        return i18nc("@info metadata 0.90", "The old format, at the end: members up to 2 TiB, at most 28 of them; "
                                            "only for old systems that assemble arrays in the kernel.");
    return {};
}

} // namespace

CreateArrayDialog::CreateArrayDialog(const PlanningContext &ctx, const QStringList &selected, QWidget *parent)
    : QDialog(parent), m_ctx(ctx)
{
    setWindowTitle(i18nc("@title:window", "Create array"));
    setObjectName(QStringLiteral("createArrayDialog"));
    const QFontMetrics fm(font());

    m_devices = new DeviceList(this);
    m_devices->setObjectName(QStringLiteral("devices"));
    m_levels = new LevelList(this);
    m_levels->setObjectName(QStringLiteral("levels"));
    m_levels->setMinimumWidth(fm.averageCharWidth() * 70);

    auto *devicesColumn = new QVBoxLayout;
    devicesColumn->addWidget(heading(i18nc("@label the devices to build the array from", "&Devices"), m_devices, this));
    devicesColumn->addWidget(hint(i18nc("@info", "Check the disks or partitions to build the array from. Greyed ones cannot be used: "
                                           "the last column says why."), this));
    devicesColumn->addWidget(m_devices, 1);
    auto *levelsColumn = new QVBoxLayout;
    levelsColumn->addWidget(heading(i18nc("@label RAID level", "&Level"), m_levels, this));
    levelsColumn->addWidget(m_levels, 1);
    auto *top = new QHBoxLayout;
    top->addLayout(devicesColumn, 3);
    top->addSpacing(fm.averageCharWidth() * 2);
    top->addLayout(levelsColumn, 2);

    // Ready to mount: a filesystem straight on the new array (for volumes on it, "Use for volumes…" later).
    m_filesystem = new QComboBox(this);
    m_filesystem->setObjectName(QStringLiteral("filesystem"));
    m_filesystem->addItem(i18nc("@item:inlistbox no filesystem", "none (decide later)"), QString());
    for (const QString &type : filesystemTypes())
        m_filesystem->addItem(type, type);
    m_label = new QLineEdit(this);
    m_label->setObjectName(QStringLiteral("label"));
    m_label->setPlaceholderText(i18nc("@info:placeholder a filesystem label", "label (optional)"));
    m_label->setEnabled(false);
    auto *filesystemRow = new QHBoxLayout;
    auto *filesystemHeading = new QLabel(i18nc("@label:listbox", "&Filesystem:"), this);
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
    m_advancedToggle->setText(i18nc("@action:button show the advanced settings", "&Advanced"));
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
    m_review = buttons->addButton(i18nc("@action:button", "&Review…"), QDialogButtonBox::AcceptRole);
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
    m_name->setPlaceholderText(i18nc("@info:placeholder an array's name", "optional, for example data"));
    m_name->setMaxLength(32);
    m_missing = new QSpinBox(box);
    m_missing->setObjectName(QStringLiteral("missing"));
    m_missing->setRange(0, 8);
    m_missing->setSpecialValueText(i18nc("@item:inrange no missing members", "none"));
    m_spares = new QListWidget(box);
    m_spares->setObjectName(QStringLiteral("spares"));
    m_spares->setMaximumHeight(fm.height() * 5);
    m_spares->setMinimumWidth(fm.averageCharWidth() * 24);
    m_partitionDisks = new QCheckBox(i18nc("@option:check", "Partition &whole disks first"), box);
    m_partitionDisks->setObjectName(QStringLiteral("partitionDisks"));

    m_chunk = new QComboBox(box);
    m_chunk->setObjectName(QStringLiteral("chunk"));
    for (uint kib = 4; kib <= 4096; kib *= 2)
        m_chunk->addItem(kib == defaultChunkKib ? i18nc("@item:inlistbox a chunk size", "%1 KiB (mdadm's default)", QString::number(kib))
                                                 : i18nc("@item:inlistbox a chunk size", "%1 KiB", QString::number(kib)),
                         kib);
    m_chunk->setCurrentIndex(m_chunk->findData(defaultChunkKib));
    m_bitmap = new QComboBox(box);
    m_bitmap->setObjectName(QStringLiteral("bitmap"));
    m_bitmap->addItem(i18nc("@item:inlistbox a write-intent bitmap", "Internal: after a crash, resync only what was being written"), QStringLiteral("internal"));
    m_bitmap->addItem(i18nc("@item:inlistbox no write-intent bitmap", "None: slightly faster writes, full resync after a crash"), QStringLiteral("none"));
    m_metadata = new QComboBox(box);
    m_metadata->setObjectName(QStringLiteral("metadata"));
    for (const QString &version : metadataVersions)
        m_metadata->addItem(version == QLatin1String("1.2") ? i18nc("@item:inlistbox mdadm's metadata version", "1.2 (default)") : version, version);
    auto *metadataWhy = hint(metadataHint(metadataVersions.first()), box);
    metadataWhy->setObjectName(QStringLiteral("metadataHint"));
    connect(m_metadata, &QComboBox::currentIndexChanged, metadataWhy, [metadataWhy](int i) {
        metadataWhy->setText(metadataHint(metadataVersions.value(i)));
    });

    auto *left = new QFormLayout;
    left->addRow(i18nc("@label:textbox", "Array de&vice:"), m_arrayDevice);
    left->addRow(i18nc("@label:textbox an array's name", "&Name:"), m_name);
    left->addRow(i18nc("@label:spinbox", "&Missing members:"), m_missing);
    left->addRow(QString(), hint(i18nc("@info", "Leave slots empty and add the other disk later: build a mirror on a new disk, "
                                          "copy your data over, then add the old disk into the empty slot."), box));
    left->addRow(i18nc("@label:listbox", "S&pares:"), m_spares);
    left->addRow(QString(), m_partitionDisks);
    left->addRow(QString(), hint(i18nc("@info", "Each whole disk gets one Linux RAID partition, which becomes the member: every tool "
                                          "then sees what the disk holds, and a replacement disk slightly smaller still fits."), box));
    auto *right = new QFormLayout;
    right->addRow(i18nc("@label:listbox", "&Chunk size:"), m_chunk);
    right->addRow(i18nc("@label:listbox a write-intent bitmap", "&Bitmap:"), m_bitmap);
    right->addRow(i18nc("@label:listbox mdadm's superblock format", "M&etadata:"), m_metadata);
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
        text = i18nc("@info", "Check the devices for the new array.");
    } else if (level.isEmpty()) {
        text = i18nc("@info %1 a list of devices", "No level can be made of %1 as chosen: each level above says why.", listWords(members));
    } else {
        const LevelChoice *c = m_levels->choice(level);
        QStringList from = members;
        if (input.missing)
            from << i18ncp("@item in a list of an array's members", "a missing slot", "%1 missing slots", input.missing);
        if (level == QLatin1String("linear")) {
            const CreateVolumeGroupRequest concat = concatRequest();
            text = i18nc("@info %1 a list of devices, %2 a volume group, %3 a logical volume, %4 a size (about 2 GiB)",
                         "Joins %1 end to end into the volume <b>/dev/%2/%3</b> (LVM): %4 usable.", listWords(from).toHtmlEscaped(),
                         concat.name.toHtmlEscaped(), concat.volume, aboutSize(c->capacityBytes));
        } else {
            text = i18nc("@info %1 an array device, %2 a RAID level, %3 a list of devices, %4 a size (about 2 GiB)", "Creates <b>%1</b>, %2 of %3: %4 usable.",
                         m_arrayDevice->text().trimmed().toHtmlEscaped(), levelTitle(level), listWords(from).toHtmlEscaped(), aboutSize(c->capacityBytes));
        }
        if (input.spares)
            text = thenSentence(text, i18ncp("@info %2 the spare devices (vdb, or vdb and vdc)", "Spare: %2.", "Spare: %2.", input.spares, listWords(spareNames())));
        if (const QString fs = m_filesystem ? m_filesystem->currentData().toString() : QString(); !fs.isEmpty())
            text = thenSentence(text, i18nc("@info %1 a filesystem type (ext4)", "With %1 on it, ready to mount.", fs));
        QStringList erased;
        for (const QString &name : m_devices->chosen())
            if (const DeviceChoice *d = m_devices->choice(name); d && d->erases)
                erased << i18nc("@item a device (what it holds now)", "%1 (%2)", name, d->contents);
        if (!erased.isEmpty())
            text = i18nc("@info rich text: the summary, then a warning on a line of its own", "%1<br>%2", text,
                         QStringLiteral("<span style=\"color:%1\">%2</span>")
                             .arg(toneColor(Tone::Warning, palette()).name(),
                                  i18nc("@info %1 a list of devices", "Erases what is on %1.", listWords(erased)).toHtmlEscaped()));
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
        showRefusal(i18nc("@info why Plexus cannot create this array", "a concatenation uses the devices as they are: uncheck \"Partition whole disks first\"."));
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
    m_refusal->setText(i18nc("@info %1 why", "Plexus cannot create this array: %1", message));
    m_refusal->setVisible(true);
}

} // namespace plexus
