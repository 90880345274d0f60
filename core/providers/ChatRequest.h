#pragma once

#include "chat/Message.h"
#include "providers/Usage.h"

#include <QString>

#include <optional>
#include <vector>

namespace Tessera::Core {

struct ChatTurn {
    Role role = Role::User;
    QString content;
};

// What to ask a provider: a value, independent of any wire format.
struct ChatRequest {
    QString model;
    QString systemPrompt;
    std::vector<ChatTurn> messages;
    std::optional<int> maxTokens;
    std::optional<double> temperature;
    bool stream = true;
    QString correlationId;
};

// What a provider answered.
struct ChatAnswer {
    QString text;
    QString model;        // the model the provider says answered
    QString finishReason; // "stop", "length", "content_filter", ...
    Usage usage;
    bool usageReported = false; // false: usage is a local estimate
    qint64 ttftMs = -1;         // time to first token; -1 when no token arrived
    qint64 latencyMs = 0;
    QString providerRequestId; // x-request-id, when sent

    bool operator==(const ChatAnswer&) const = default;
};

} // namespace Tessera::Core
