#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace Tessera::Core {

struct Conversation {
    qint64 id = 0;
    QString title;
    std::optional<qint64> providerId; // unset when the provider was removed
    QString model;
    QString systemPrompt;
    QDateTime createdAt;
    QDateTime updatedAt;
    qint64 messageCount = 0; // filled by list queries
};

} // namespace Tessera::Core
