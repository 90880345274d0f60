#include "providers/ChatRequest.h"

namespace Tessera::Core {

qsizetype promptCharacters(const ChatRequest& request) {
    constexpr qsizetype charactersPerImage = 4000;
    qsizetype characters = request.systemPrompt.size();
    for (const ChatTurn& turn : request.messages) {
        characters += turn.content.size() + qsizetype(turn.images.size()) * charactersPerImage;
    }
    return characters;
}

std::vector<ChatTurn> alternatingTurns(const std::vector<ChatTurn>& turns) {
    std::vector<ChatTurn> result;
    for (const ChatTurn& turn : turns) {
        if (turn.role == Role::System) {
            continue; // the system prompt travels separately
        }
        if (result.empty() && turn.role != Role::User) {
            continue; // the conversation must open with the user
        }
        if (!result.empty() && result.back().role == turn.role) {
            ChatTurn& previous = result.back();
            previous.content += QStringLiteral("\n\n") + turn.content;
            previous.images.insert(previous.images.end(), turn.images.begin(), turn.images.end());
            continue;
        }
        result.push_back(turn);
    }
    return result;
}

} // namespace Tessera::Core
