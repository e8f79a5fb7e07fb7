// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// "Create array": the user picks devices (those selected in the disk map come
// checked), a level (each with a picture, its space, how many disks may fail
// and its speed), and, under Advanced, the array device, name, missing slots
// ("add the other disk later"), spares, chunk, bitmap and metadata. Everything
// is recomputed on each change. "Review…" turns the choice into an Operation
// through the engine (createArrayOperation): a refusal is shown in the dialog,
// in words, with everything the user entered kept; a plan is handed on with
// reviewRequested(). The dialog stays open meanwhile, so going back from the
// review finds it as it was; the caller closes it once the operation runs.

#include "engine/ops/createarray.h"
#include "engine/ops/createvolumegroup.h"
#include "operations/operation.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QToolButton;

namespace plexus {

class DeviceList;
class LevelList;

class CreateArrayDialog : public QDialog
{
    Q_OBJECT
public:
    // `selected`: kernel names chosen in the disk map ("vdb", "vdc1").
    CreateArrayDialog(const PlanningContext &ctx, const QStringList &selected, QWidget *parent = nullptr);

    // The machine changed (a new snapshot): devices are judged again; every
    // choice the user made is kept.
    void setContext(const PlanningContext &ctx);

    // The Operation "Review…" made last (refused or not); empty before.
    Operation operation() const { return m_operation; }
    // What "Review…" would send now: the helper's own request.
    CreateArrayRequest request() const;
    // For Linear: the same devices as one LVM volume group with one volume
    // filling it ("concat", or the name given), what "Review…" sends instead.
    CreateVolumeGroupRequest concatRequest() const;

    DeviceList *deviceList() const { return m_devices; }
    LevelList *levelList() const { return m_levels; }

Q_SIGNALS:
    void reviewRequested(const plexus::Operation &operation);

public Q_SLOTS:
    void review();

private:
    QWidget *buildAdvanced();
    void recompute();
    void syncSpares();
    QStringList spareNames() const;
    QStringList memberNames() const;
    void showRefusal(const QString &message);

    PlanningContext m_ctx;
    Operation m_operation;
    QString m_userLevel; // the level the user picked last; kept while the devices allow it

    DeviceList *m_devices = nullptr;
    LevelList *m_levels = nullptr;
    QToolButton *m_advancedToggle = nullptr;
    QWidget *m_advanced = nullptr;
    QLineEdit *m_arrayDevice = nullptr;
    QLineEdit *m_name = nullptr;
    QSpinBox *m_missing = nullptr;
    QListWidget *m_spares = nullptr;
    QCheckBox *m_partitionDisks = nullptr;
    QComboBox *m_filesystem = nullptr;
    QLineEdit *m_label = nullptr;
    QComboBox *m_chunk = nullptr;
    QComboBox *m_bitmap = nullptr;
    QComboBox *m_metadata = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_refusal = nullptr;
    QPushButton *m_review = nullptr;
};

} // namespace plexus
