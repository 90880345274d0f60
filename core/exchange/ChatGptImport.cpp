#include "exchange/ChatGptImport.h"

#include <QJsonObject>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace Tessera::Core {

namespace {

struct Node {
    QString id;
    QString parent; // "" for a root
    QJsonObject message;
    int depth = -1;
};

QDateTime fromEpoch(const QJsonValue& value) {
    const double seconds = value.toDouble(std::nan(""));
    if (!value.isDouble() || !std::isfinite(seconds) || seconds < 0 || seconds > 1e11) {
        return {};
    }
    return QDateTime::fromMSecsSinceEpoch(qint64(seconds * 1000.0), Qt::UTC);
}

// The text of a message: its string parts joined; pictures and other attachments noted, not imported.
std::optional<QString> textOf(const QJsonObject& content) {
    const QJsonValue parts = content.value(QLatin1StringView("parts"));
    if (parts.isArray()) {
        QStringList pieces;
        for (const QJsonValue& part : parts.toArray()) {
            if (part.isString()) {
                if (!part.toString().isEmpty()) {
                    pieces << part.toString();
                }
            } else if (part.isObject()) {
                pieces << QStringLiteral("*[attachment not imported]*");
            }
        }
        return pieces.join(QStringLiteral("\n\n"));
    }
    if (content.value(QLatin1StringView("text")).isString()) {
        return content.value(QLatin1StringView("text")).toString();
    }
    return std::nullopt;
}

Result<PortableConversation> readConversation(const QJsonValue& value, const QString& place) {
    if (!value.isObject()) {
        return fail(importProblem(place, QStringLiteral("not an object")));
    }
    const QJsonObject object = value.toObject();
    PortableConversation conversation;
    const QJsonValue title = object.value(QLatin1StringView("title"));
    if (!title.isString() && !title.isNull() && !title.isUndefined()) {
        return fail(importProblem(place + QStringLiteral(".title"), QStringLiteral("not text")));
    }
    conversation.title = title.toString().left(10'000);
    if (conversation.title.trimmed().isEmpty()) {
        conversation.title = QStringLiteral("Imported conversation");
    }
    conversation.createdAt = fromEpoch(object.value(QLatin1StringView("create_time")));
    conversation.updatedAt = fromEpoch(object.value(QLatin1StringView("update_time")));
    const QJsonValue mappingValue = object.value(QLatin1StringView("mapping"));
    if (!mappingValue.isObject()) {
        return fail(importProblem(place + QStringLiteral(".mapping"), QStringLiteral("missing or not an object")));
    }
    const QJsonObject mapping = mappingValue.toObject();
    if (mapping.size() > ImportLimits::maxMessagesPerConversation) {
        return fail(importProblem(place + QStringLiteral(".mapping"), QStringLiteral("too many messages")));
    }

    // The nodes and their parents; every parent must exist.
    std::unordered_map<QString, Node> nodes;
    for (auto it = mapping.begin(); it != mapping.end(); ++it) {
        const QString nodePlace = place + QStringLiteral(".mapping[\"%1\"]").arg(it.key().left(80));
        if (!it.value().isObject()) {
            return fail(importProblem(nodePlace, QStringLiteral("not an object")));
        }
        const QJsonObject node = it.value().toObject();
        const QJsonValue parent = node.value(QLatin1StringView("parent"));
        if (!parent.isString() && !parent.isNull() && !parent.isUndefined()) {
            return fail(importProblem(nodePlace + QStringLiteral(".parent"), QStringLiteral("not text")));
        }
        const QJsonValue message = node.value(QLatin1StringView("message"));
        if (!message.isObject() && !message.isNull() && !message.isUndefined()) {
            return fail(importProblem(nodePlace + QStringLiteral(".message"), QStringLiteral("not an object")));
        }
        nodes.emplace(it.key(), Node{it.key(), parent.toString(), message.toObject(), -1});
    }
    for (auto& [id, node] : nodes) {
        if (!node.parent.isEmpty() && !nodes.count(node.parent)) {
            return fail(importProblem(place + QStringLiteral(".mapping[\"%1\"].parent").arg(id.left(80)),
                                      QStringLiteral("refers to no message")));
        }
    }
    // Depths, walking up; a walk longer than the number of nodes is a cycle.
    for (auto& [id, node] : nodes) {
        std::vector<Node*> chain;
        Node* at = &node;
        while (at->depth < 0) {
            chain.push_back(at);
            if (chain.size() > nodes.size()) {
                return fail(importProblem(place + QStringLiteral(".mapping[\"%1\"]").arg(id.left(80)),
                                          QStringLiteral("is its own ancestor")));
            }
            if (at->parent.isEmpty()) {
                break;
            }
            at = &nodes.at(at->parent);
        }
        int depth = at->depth >= 0 ? at->depth : -1;
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
            (*it)->depth = ++depth;
        }
    }
    std::vector<Node*> ordered;
    for (auto& [id, node] : nodes) {
        ordered.push_back(&node);
    }
    std::sort(ordered.begin(), ordered.end(), [](const Node* a, const Node* b) {
        const double ta = a->message.value(QLatin1StringView("create_time")).toDouble();
        const double tb = b->message.value(QLatin1StringView("create_time")).toDouble();
        return std::tie(a->depth, ta, a->id) < std::tie(b->depth, tb, b->id);
    });

    // Keep the user and assistant messages with text; the rest pass their place to their replies.
    std::unordered_map<QString, std::optional<qint64>> keyOf; // node -> key of itself or its nearest kept ancestor
    qint64 nextKey = 1;
    for (Node* node : ordered) {
        const std::optional<qint64> parentKey = node->parent.isEmpty() ? std::nullopt : keyOf.at(node->parent);
        keyOf[node->id] = parentKey;
        if (node->message.isEmpty()) {
            continue;
        }
        const QString nodePlace = place + QStringLiteral(".mapping[\"%1\"].message").arg(node->id.left(80));
        const QString role =
            node->message.value(QLatin1StringView("author")).toObject().value(QLatin1StringView("role")).toString();
        const auto text = textOf(node->message.value(QLatin1StringView("content")).toObject());
        if (!text || text->trimmed().isEmpty()) {
            continue;
        }
        if (text->size() > ImportLimits::maxMessageCharacters) {
            return fail(importProblem(nodePlace + QStringLiteral(".content"), QStringLiteral("too long")));
        }
        if (role == QLatin1StringView("system")) {
            if (conversation.systemPrompt.isEmpty()) {
                conversation.systemPrompt = *text;
            }
            continue;
        }
        if (role != QLatin1StringView("user") && role != QLatin1StringView("assistant")) {
            continue; // tool output and the like
        }
        PortableMessage message;
        message.key = nextKey++;
        message.parentKey = parentKey;
        message.role = role == QLatin1StringView("user") ? Role::User : Role::Assistant;
        message.content = *text;
        message.createdAt = fromEpoch(node->message.value(QLatin1StringView("create_time")));
        if (!message.createdAt.isValid()) {
            message.createdAt = conversation.createdAt;
        }
        message.model = node->message.value(QLatin1StringView("metadata"))
                            .toObject()
                            .value(QLatin1StringView("model_slug"))
                            .toString()
                            .left(200);
        if (message.role == Role::Assistant) {
            message.providerName = QStringLiteral("chatgpt");
        }
        keyOf[node->id] = message.key;
        conversation.messages.push_back(std::move(message));
    }
    const QString current = object.value(QLatin1StringView("current_node")).toString();
    if (!current.isEmpty() && keyOf.count(current)) {
        conversation.currentLeafKey = keyOf.at(current);
    }
    return conversation;
}

} // namespace

Result<std::vector<PortableConversation>> readChatGptExport(const QJsonArray& array) {
    if (array.size() > ImportLimits::maxConversations) {
        return fail(importProblem(QStringLiteral("file"), QStringLiteral("too many conversations")));
    }
    std::vector<PortableConversation> conversations;
    for (qsizetype i = 0; i < array.size(); ++i) {
        auto conversation = readConversation(array[i], QStringLiteral("[%1]").arg(i));
        if (!conversation) {
            return fail(conversation.error());
        }
        if (!conversation->messages.empty()) {
            conversations.push_back(std::move(*conversation));
        }
    }
    return conversations;
}

} // namespace Tessera::Core
