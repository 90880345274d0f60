#pragma once

#include <QtGlobal>

namespace Tessera::Core {

// Token usage normalised across providers (see the usage table in the provider reference):
// cachedInputTokens (read from the provider's prompt cache) and cacheWriteTokens (written to it) are subsets of
// inputTokens; reasoningTokens is a subset of outputTokens.
struct Usage {
    qint64 inputTokens = 0;
    qint64 cachedInputTokens = 0;
    qint64 cacheWriteTokens = 0;
    qint64 outputTokens = 0;
    qint64 reasoningTokens = 0;
    bool estimated = false; // the provider sent no usage; the numbers are a local estimate

    qint64 totalTokens() const { return inputTokens + outputTokens; }
    bool operator==(const Usage&) const = default;
};

// Rough local estimate (about four characters per token) used only when a provider reports no usage.
qint64 estimateTokens(qsizetype characters);

} // namespace Tessera::Core
