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
    std::vector<ImageAttachment> images = {};
};

// What to ask a provider: a value, independent of any wire format.
struct ChatRequest {
    QString model;
    QString systemPrompt;
    std::vector<ChatTurn> messages;
    std::optional<int> maxTokens;
    std::optional<double> temperature;
    bool stream = true;
    // Mark the stable prefix (the system prompt and the history up to the question) for the provider's prompt
    // cache, so the next turn reads it at the cached rate (Anthropic's cache_control; others cache on their own).
    bool promptCache = false;
    QString correlationId;
    int attempt = 1; // 1 for the first try, 2 for the first retry, ... (for the log)
};

// Characters in the prompt (system prompt and every turn), for local token estimates; an image counts as about
// a thousand tokens.
qsizetype promptCharacters(const ChatRequest& request);

// The turns with consecutive messages of the same role joined (by a blank line), starting with a user turn, as
// Anthropic and Gemini require strictly alternating roles.
std::vector<ChatTurn> alternatingTurns(const std::vector<ChatTurn>& turns);

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
    QString providerName;      // the configured provider that answered (a fallback's, when one was used)
    int attempts = 1;          // requests made, retries and fallbacks included
    bool viaFallback = false;
    bool cacheHit = false; // served from the response cache: no tokens were spent

    bool operator==(const ChatAnswer&) const = default;
};

} // namespace Tessera::Core
