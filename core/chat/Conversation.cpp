#include "chat/Conversation.h"

#include <cmath>

namespace Tessera::Core {

Status validateGeneration(std::optional<double> temperature, std::optional<int> maxTokens) {
    if (temperature && (!std::isfinite(*temperature) || *temperature < ConversationLimits::minTemperature ||
                        *temperature > ConversationLimits::maxTemperature)) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the temperature must be from %1 to %2")
                                                    .arg(ConversationLimits::minTemperature)
                                                    .arg(ConversationLimits::maxTemperature));
    }
    if (maxTokens && (*maxTokens < 1 || *maxTokens > ConversationLimits::maxMaxTokens)) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("max tokens must be from 1 to %1").arg(ConversationLimits::maxMaxTokens));
    }
    return {};
}

} // namespace Tessera::Core
