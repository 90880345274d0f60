#include "common/Clock.h"

#include <chrono>

namespace Tessera::Core {

namespace {
qint64 steadyNowMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}
} // namespace

SystemClock::SystemClock()
    : m_origin(steadyNowMs()) {
}

QDateTime SystemClock::nowUtc() const {
    return QDateTime::currentDateTimeUtc();
}

qint64 SystemClock::monotonicMs() const {
    return steadyNowMs() - m_origin;
}

} // namespace Tessera::Core
