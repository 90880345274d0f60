#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace Tessera::Core {

// Which conversations a list holds: the ones in use, the archived ones, or both.
enum class ListScope { Active, Archived, All };

// The rules a conversation's values follow, checked in core (ConversationService, ChatService) and shown by the
// screens that edit them.
namespace ConversationLimits {
inline constexpr int maxTitleLength = 200;
inline constexpr int maxMaxTokens = 1'000'000;
inline constexpr double minTemperature = 0.0;
inline constexpr double maxTemperature = 2.0;
inline constexpr int maxTagNameLength = 40;
inline constexpr int maxTagsPerConversation = 20;
// The draft key of a conversation not started yet.
inline constexpr qint64 newConversation = 0;
} // namespace ConversationLimits

// The one rule for temperature (0 to 2) and max tokens (1 to maxMaxTokens): every path that sets them (Conversation
// Settings, the chat command, an import) is checked by it. Unset leaves them to the provider.
Status validateGeneration(std::optional<double> temperature, std::optional<int> maxTokens);

// A tag and how many conversations carry it.
struct TagUse {
    QString name;
    qint64 conversations = 0;

    bool operator==(const TagUse&) const = default;
};

struct Conversation {
    qint64 id = 0;
    qint64 ownerId = 1; // the account it belongs to (only its owner reads it)
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

// What a person sets for one conversation (Conversation Settings, or the chat command's options for a new one).
struct ConversationSettings {
    QString systemPrompt;
    std::optional<double> temperature;
    std::optional<int> maxTokens;
    std::optional<qint64> fallbackProviderId;
    QString fallbackModel;

    bool operator==(const ConversationSettings&) const = default;
};

} // namespace Tessera::Core
