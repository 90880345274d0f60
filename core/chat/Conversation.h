#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace Tessera::Core {

struct Conversation {
    qint64 id = 0;
    QString title;
    std::optional<qint64> providerId; // unset when the provider was removed
    QString model;
    QString systemPrompt;
    std::optional<qint64> fallbackProviderId; // asked when the main model fails before any output
    QString fallbackModel;
    std::optional<double> temperature; // unset: the provider's default
    std::optional<int> maxTokens;      // unset: the provider's default
    bool pinned = false;               // listed first
    bool archived = false;             // left out of the list unless archived ones are asked for
    QStringList tags;                  // by name, case-insensitively sorted
    QDateTime createdAt;
    QDateTime updatedAt;
    qint64 messageCount = 0; // filled by list queries
};

} // namespace Tessera::Core
