#include "usage/ContextEstimate.h"

#include "tokenizer/TokenCounter.h"
#include "usage/ModelCatalog.h"

namespace Tessera::Core {

namespace {

constexpr qint64 framingTokens = 4;      // each message's role and separators
constexpr qint64 tokensPerImage = 1'100; // a typical high-detail image

} // namespace

qint64 messageTokens(QStringView text, const QString& model, int images) {
    return countTokens(text, model).tokens + framingTokens + qint64(images) * tokensPerImage;
}

qint64 requestInputTokens(const ChatRequest& request) {
    qint64 tokens = request.systemPrompt.isEmpty() ? 0 : messageTokens(request.systemPrompt, request.model);
    for (const ChatTurn& turn : request.messages) {
        tokens += messageTokens(turn.content, request.model, int(turn.images.size()));
    }
    return tokens;
}

ContextEstimate estimateContext(const ContextInput& input) {
    ContextEstimate estimate;
    estimate.exact = encodingForModel(input.model).has_value();
    const qint64 fixed = (input.systemPrompt.isEmpty() ? 0 : messageTokens(input.systemPrompt, input.model)) +
                         messageTokens(input.draft, input.model, input.images);
    std::vector<qint64> history;
    history.reserve(input.history.size());
    qint64 historyTokens = 0;
    for (const QString& text : input.history) {
        history.push_back(messageTokens(text, input.model));
        historyTokens += history.back();
    }
    estimate.inputTokens = fixed + historyTokens;
    if (input.price) {
        estimate.costMicros = input.price->costMicros({estimate.inputTokens, 0, 0, 0, 0});
    }
    if (const CatalogModel* known = ModelCatalog::builtIn().find(priceVendorOf(input.provider), input.model)) {
        estimate.contextWindow = known->contextWindow;
    }
    if (estimate.contextWindow <= 0) {
        return estimate;
    }
    const qint64 room = estimate.contextWindow - input.maxOutputTokens.value_or(0);
    qint64 total = estimate.inputTokens;
    int leaveOut = 0;
    while (total > room && leaveOut < int(history.size())) {
        total -= history[std::size_t(leaveOut)];
        ++leaveOut;
    }
    estimate.leaveOut = total > room ? -1 : leaveOut;
    return estimate;
}

} // namespace Tessera::Core
