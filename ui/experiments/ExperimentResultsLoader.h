#pragma once

#include "common/Actor.h"
#include "common/Result.h"
#include "experiments/ExperimentRuns.h"

#include <QObject>
#include <QThread>

#include <atomic>

namespace Tessera::Ui {

// Reads an experiment's results (every answer, the statistics, the Bradley–Terry ranking with its bootstrap) on a
// worker thread with its own store connection, so the Experiments window never waits for them. Only the newest
// request counts: one still queued when a newer comes is skipped, and a result that is no longer the newest is
// dropped.
class ExperimentResultsLoader final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExperimentResultsLoader)

public:
    explicit ExperimentResultsLoader(const Core::ExperimentRuns& runs, QObject* parent = nullptr);
    ~ExperimentResultsLoader() override;

    // Starts reading; `loaded` follows on this object's thread.
    void load(const Core::Actor& actor, const QString& name);
    bool isLoading() const { return m_loading; }

Q_SIGNALS:
    void loaded(const QString& name, const Tessera::Core::Result<Tessera::Core::ExperimentResults>& results);

private:
    const Core::ExperimentRuns& m_runs;
    QThread m_thread;
    QObject* m_worker = nullptr;
    std::atomic<quint64> m_newest{0};
    bool m_loading = false;
};

} // namespace Tessera::Ui
