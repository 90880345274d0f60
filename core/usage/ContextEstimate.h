#pragma once

#include "providers/ChatRequest.h"
#include "providers/ProviderConfig.h"
#include "usage/Pricing.h"

#include <QString>

#include <optional>
#include <vector>

namespace Tessera::Core {

// What the composer is about to send.
struct ContextInput {
    ProviderConfig provider;
    QString model;
    QString systemPrompt;
    std::vector<QString> history; // the branch's messages that will be sent, oldest first
    QString draft;
    int images = 0;
    std::optional<int> maxOutputTokens; // the answer's maximum, when one is set
    std::optional<Price> price;         // the price in effect (PriceBook::priceFor); unset when unknown
};

struct ContextEstimate {
    qint64 inputTokens = 0;
    bool exact = true;                // counted with the model's own encoding
    std::optional<qint64> costMicros; // of the input at the price in effect; unset when the price is unknown
    qint64 contextWindow = 0;         // from the catalog; 0 when the model is not in it
    // How many of the oldest history messages must be left out for the request (and the answer's maximum) to fit
    // the window: 0 when it fits; -1 when even the draft alone does not.
    int leaveOut = 0;
};

// Tokens of one message as a request carries it: its text with the model's tokenizer (an estimate for models whose
// tokenizer is not public), its framing, and a typical high-detail cost per image.
qint64 messageTokens(QStringView text, const QString& model, int images = 0);
// The whole request's input tokens, as ChatService checks it against the window and the budgets.
qint64 requestInputTokens(const ChatRequest& request);
// Counts what the composer would send, as you type (run it off the UI thread: it counts the whole history).
ContextEstimate estimateContext(const ContextInput& input);

} // namespace Tessera::Core
