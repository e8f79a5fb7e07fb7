#pragma once
// The main window: arrays (most urgent first), the disk map and LVM volumes
// on the left; details of the selection and the log of changes on the right.
// Everything drawn comes from one Snapshot; when the watcher says md changed,
// the window takes a new one, logs the differences and updates every view.

#include "model/snapshot.h"

#include <QMainWindow>
#include <QSet>

class QLabel;
class QListView;

namespace plexus {

class ArraysView;
class ChangeLogModel;
class DetailsPane;
class DiskMapView;
class MdWatcher;
class SelectionModel;
class VolumesView;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // root "/" is this machine; any other directory is a fixture tree.
    explicit MainWindow(const QString &root = QStringLiteral("/"), QWidget *parent = nullptr);

    SnapshotPtr snapshot() const { return m_snapshot; }
    MdWatcher *watcher() const { return m_watcher; }
    SelectionModel *selection() const { return m_selection; }
    ArraysView *arraysView() const { return m_arrays; }
    DiskMapView *diskMap() const { return m_disks; }
    VolumesView *volumesView() const { return m_volumes; }
    DetailsPane *detailsPane() const { return m_details; }
    ChangeLogModel *changeLog() const { return m_log; }

public Q_SLOTS:
    // Takes a new snapshot now and shows it.
    void reload();

Q_SIGNALS:
    void reloaded();

protected:
    void changeEvent(QEvent *event) override;

private:
    void showSnapshot(const SnapshotPtr &snapshot);
    QWidget *buildOverview();
    QWidget *buildSidebar();
    void logWarnings(const QStringList &warnings);
    void updateStatus();
    void updateTabOrder();

    QString m_root;
    SnapshotPtr m_snapshot;
    SelectionModel *m_selection;
    MdWatcher *m_watcher;
    ArraysView *m_arrays = nullptr;
    DiskMapView *m_disks = nullptr;
    VolumesView *m_volumes = nullptr;
    DetailsPane *m_details = nullptr;
    ChangeLogModel *m_log;
    QListView *m_logView = nullptr;
    QLabel *m_status = nullptr;
    QSet<QString> m_seenWarnings;
};

} // namespace plexus
