#pragma once

#include <QStringList>

#include <vector>

namespace Tessera::Core {

struct Migration {
    int version;
    QStringList statements;
};

// Every schema change, in order. Never edit a released migration; append a new one.
const std::vector<Migration>& migrations();

} // namespace Tessera::Core
