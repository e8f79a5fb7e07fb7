// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// What a drive says of its own health: ATA SMART or the NVMe health log, as
// UDisks reads them (probe/drivehealthprobe.h). md notices a disk only once it
// fails a request; this is the warning that can come weeks before.

#include <QDateTime>
#include <QStringList>
#include <optional>

namespace plexus {

struct DriveHealth {
    enum class Kind { Ata, Nvme };
    Kind kind = Kind::Ata;
    // ATA: the drive's own verdict (SMART RETURN STATUS) is "will fail".
    // NVMe: the controller raised a critical warning.
    bool failing = false;
    QStringList criticalWarnings;           // NVMe, UDisks' words: spare, temperature, degraded, readonly, ...
    int attributesFailing = 0;              // ATA attributes past their threshold now
    int attributesFailedInPast = 0;
    std::optional<qint64> reallocatedSectors; // ATA attribute 5
    std::optional<qint64> pendingSectors;     // ATA attribute 197
    std::optional<qint64> badSectors;         // reallocated and pending together (libatasmart's count)
    std::optional<qint64> mediaErrors;        // NVMe: data the drive could not read back intact
    std::optional<int> wearPercent;           // NVMe: share of its rated life used (may pass 100)
    std::optional<double> temperatureC;
    std::optional<qint64> powerOnHours;
    QString selfTest;                       // UDisks' word: success, inprogress, aborted, error_read, ...
    std::optional<int> selfTestRemainingPercent;
    QDateTime updated;                      // when UDisks last read the drive

    // Worth replacing before md finds out: the verdict, a warning, a failing
    // attribute or sectors the drive had to give up on.
    bool atRisk() const;
    // Hotter than most drives are made to run (60 °C): worth a look at the cooling,
    // not a sign of failure by itself (a drive's own threshold makes it "failing").
    bool hot() const { return temperatureC.value_or(0) >= 60; }
    // Why, in words, most serious first ("the drive reports it is failing").
    // Always in English: it goes into the JSON and the journal.
    QStringList risks() const;
    // The same, translated, for people to read.
    QStringList riskTexts() const;
    // A word or two for the disk map: "failing", "12 bad sectors", "hot", "healthy".
    QString badge() const;
    // The last self-test in words ("passed", "running, 40% left", "failed: read error").
    QString selfTestText() const;

    bool operator==(const DriveHealth &) const = default;
};

} // namespace plexus
