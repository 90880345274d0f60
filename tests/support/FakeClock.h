#pragma once

#include "common/Clock.h"

namespace Tessera::Testing {

// A clock that moves only when the test says so.
class FakeClock final : public Core::Clock {
public:
    explicit FakeClock(QDateTime start = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC))
        : m_now(std::move(start)) {}
    QDateTime nowUtc() const override { return m_now; }
    qint64 monotonicMs() const override { return m_monotonic; }
    void advance(qint64 ms) {
        m_now = m_now.addMSecs(ms);
        m_monotonic += ms;
    }

private:
    QDateTime m_now;
    qint64 m_monotonic = 0;
};

} // namespace Tessera::Testing
