#include "chat/Message.h"

#include "common/EnumNames.h"

namespace Tessera::Core {

QLatin1StringView roleName(Role role) {
    switch (role) {
    case Role::System:
        return QLatin1StringView("system");
    case Role::User:
        return QLatin1StringView("user");
    case Role::Assistant:
        return QLatin1StringView("assistant");
    }
    return QLatin1StringView("user");
}

std::optional<Role> parseRole(const QString& text) {
    return enumFromName(text, {Role::System, Role::User, Role::Assistant}, roleName);
}

QLatin1StringView messageStateName(MessageState state) {
    switch (state) {
    case MessageState::Complete:
        return QLatin1StringView("complete");
    case MessageState::Streaming:
        return QLatin1StringView("streaming");
    case MessageState::Incomplete:
        return QLatin1StringView("incomplete");
    case MessageState::Failed:
        return QLatin1StringView("failed");
    }
    return QLatin1StringView("complete");
}

std::optional<MessageState> parseMessageState(const QString& text) {
    return enumFromName(
        text, {MessageState::Complete, MessageState::Streaming, MessageState::Incomplete, MessageState::Failed},
        messageStateName);
}

} // namespace Tessera::Core
