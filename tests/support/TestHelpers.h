#pragma once

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>

#include <functional>

namespace Tessera::Testing {

// Runs the event loop until condition holds or the deadline passes; returns the condition's final value.
// The deadline only bounds a hung test; it is not a speed assertion.
inline bool waitUntil(const std::function<bool()>& condition, int timeoutMs = 10'000) {
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired()) {
            return condition();
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 20);
    }
    return true;
}

} // namespace Tessera::Testing
