#pragma once

#include "usage/ContextEstimate.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

class QLabel;
class QProgressBar;

namespace Tessera::Ui {

// The composer's live count: the tokens and estimated cost of what will be sent (system prompt, the branch's
// history, attachments, the draft) and a gauge of the model's context window. Counting runs on a worker thread a
// moment after typing pauses, so typing never waits for it; a newer count replaces an older one.
class ContextMeter final : public QObject {
    Q_OBJECT
public:
    // input() is asked on the UI thread for what would be sent now (nullopt: nothing to count, the meter hides).
    ContextMeter(QLabel* label, QProgressBar* gauge, std::function<std::optional<Core::ContextInput>()> input,
                 QObject* parent = nullptr);

    // Counts again soon (after typing pauses), off the UI thread.
    void schedule();
    // Counts now, on this thread (before sending, when the answer must be right).
    std::optional<Core::ContextEstimate> estimateNow() const;
    const std::optional<Core::ContextEstimate>& last() const { return m_last; }

Q_SIGNALS:
    void updated();

private:
    void start();
    void show(const Core::ContextEstimate& estimate);

    QLabel* m_label;
    QProgressBar* m_gauge;
    std::function<std::optional<Core::ContextInput>()> m_input;
    QTimer m_debounce;
    quint64 m_generation = 0;
    std::optional<Core::ContextEstimate> m_last;
};

} // namespace Tessera::Ui
