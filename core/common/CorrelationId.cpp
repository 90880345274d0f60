#include "common/CorrelationId.h"

#include <QRandomGenerator>

namespace Tessera::Core {

QString newCorrelationId() {
    const quint64 value = QRandomGenerator::system()->generate64();
    return QStringLiteral("%1").arg(value, 16, 16, QLatin1Char('0'));
}

} // namespace Tessera::Core
