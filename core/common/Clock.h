#pragma once

#include <QDateTime>

namespace Tessera::Core {

// Injectable time. Production code uses SystemClock; tests pass a clock they advance themselves.
class Clock {
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;
    // Monotonic milliseconds, for durations.
    virtual qint64 monotonicMs() const = 0;
};

class SystemClock final : public Clock {
public:
    SystemClock();
    QDateTime nowUtc() const override;
    qint64 monotonicMs() const override;

private:
    qint64 m_origin;
};

} // namespace Tessera::Core
