#include "experiments/ExperimentResultsLoader.h"

#include <QPointer>

#include <limits>

namespace Tessera::Ui {

ExperimentResultsLoader::ExperimentResultsLoader(const Core::ExperimentRuns& runs, QObject* parent)
    : QObject(parent)
    , m_runs(runs) {
    m_thread.setObjectName(QStringLiteral("experiment-results"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start(QThread::LowPriority);
}

ExperimentResultsLoader::~ExperimentResultsLoader() {
    // Nothing new starts; the worker finishes what it runs, closes its connection and ends.
    m_newest = std::numeric_limits<quint64>::max();
    const Core::ExperimentRuns* runs = &m_runs;
    QMetaObject::invokeMethod(
        m_worker, [runs] { runs->finishThread(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void ExperimentResultsLoader::load(const Core::Actor& actor, const QString& name) {
    const quint64 generation = ++m_newest;
    m_loading = true;
    QPointer<ExperimentResultsLoader> self(this);
    const Core::ExperimentRuns* runs = &m_runs;
    QMetaObject::invokeMethod(
        m_worker,
        [this, self, runs, actor, name, generation] {
            if (m_newest.load() != generation) {
                return; // a newer request is queued behind this one
            }
            auto results = runs->results(actor, name);
            QMetaObject::invokeMethod(
                self.data(),
                [self, name, generation, results = std::move(results)] {
                    if (!self || self->m_newest.load() != generation) {
                        return;
                    }
                    self->m_loading = false;
                    Q_EMIT self->loaded(name, results);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace Tessera::Ui
