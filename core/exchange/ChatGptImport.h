#pragma once

#include "common/Error.h"
#include "common/Result.h"
#include "exchange/ConversationFormats.h"

#include <QJsonArray>

namespace Tessera::Core {

// An import problem at a place in the file: import.invalid, with "place: what" as detail and subject.
inline Error importProblem(const QString& place, const QString& what) {
    Error error = makeError(ErrorCode::ImportInvalid, place + QStringLiteral(": ") + what);
    error.subject = error.detail;
    return error;
}

// Reads ChatGPT's conversations.json (a list of conversations whose messages form a tree in "mapping", with
// "current_node" the branch shown). Every branch is kept; hidden system messages, tool output and empty nodes
// are left out and their replies attached to the nearest message kept; pictures are noted in the text.
Result<std::vector<PortableConversation>> readChatGptExport(const QJsonArray& array);

} // namespace Tessera::Core
