#include "exchange/ConversationFormats.h"

#include "chat/Attachments.h"
#include "exchange/ChatGptImport.h"
#include "storage/TagRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cmath>
#include <unordered_map>

namespace Tessera::Core {

namespace {

const QString kFormat = QStringLiteral("tessera-conversations");
constexpr int kVersion = 1;

QString isoTime(const QDateTime& time) {
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonValue optionalKey(const std::optional<qint64>& key) {
    return key ? QJsonValue(double(*key)) : QJsonValue(QJsonValue::Null);
}

// Indices of the messages on the branch that ends at the leaf, first message first.
std::vector<std::size_t> branchOf(const PortableConversation& conversation) {
    std::unordered_map<qint64, std::size_t> byKey;
    for (std::size_t i = 0; i < conversation.messages.size(); ++i) {
        byKey.emplace(conversation.messages[i].key, i);
    }
    std::optional<qint64> at = conversation.currentLeafKey;
    if (!at && !conversation.messages.empty()) {
        at = conversation.messages.back().key;
    }
    std::vector<std::size_t> path;
    while (at && byKey.count(*at) && path.size() <= conversation.messages.size()) {
        const std::size_t index = byKey[*at];
        path.insert(path.begin(), index);
        at = conversation.messages[index].parentKey;
    }
    return path;
}

// Checks a JSON document while naming the place of every problem ("conversations[2].messages[5].role").
class Checker {
public:
    Error problem(const QString& place, const QString& what) const { return importProblem(place, what); }

    Result<QString> string(const QJsonObject& object, const QString& place, const char* name, bool required,
                           qsizetype maxLength = 1'000'000) const {
        const QJsonValue value = object.value(QLatin1StringView(name));
        if (value.isUndefined() || value.isNull()) {
            if (required) {
                return fail(problem(place + QLatin1Char('.') + QLatin1StringView(name), QStringLiteral("missing")));
            }
            return QString();
        }
        if (!value.isString()) {
            return fail(problem(place + QLatin1Char('.') + QLatin1StringView(name), QStringLiteral("not text")));
        }
        if (value.toString().size() > maxLength) {
            return fail(problem(place + QLatin1Char('.') + QLatin1StringView(name), QStringLiteral("too long")));
        }
        return value.toString();
    }

    // A whole number stored as a JSON number (exactly representable), or nullopt for null/absent.
    Result<std::optional<qint64>> integer(const QJsonValue& value, const QString& place) const {
        if (value.isUndefined() || value.isNull()) {
            return std::optional<qint64>();
        }
        const double number = value.toDouble(std::nan(""));
        if (!value.isDouble() || !std::isfinite(number) || number != std::floor(number) || std::fabs(number) > 9e15) {
            return fail(problem(place, QStringLiteral("not a whole number")));
        }
        return std::optional<qint64>(qint64(number));
    }

    Result<QDateTime> time(const QJsonObject& object, const QString& place, const char* name) const {
        auto text = string(object, place, name, false);
        if (!text) {
            return fail(text.error());
        }
        if (text->isEmpty()) {
            return QDateTime();
        }
        const QDateTime parsed = QDateTime::fromString(*text, Qt::ISODateWithMs);
        if (!parsed.isValid()) {
            return fail(problem(place + QLatin1Char('.') + QLatin1StringView(name), QStringLiteral("not a date")));
        }
        return parsed.toUTC();
    }
};

// "template": {"name", "version", "values": {"variable": "value", ...}}: the template a prompt was rendered from.
Result<std::optional<TemplateUse>> readTemplateUse(const Checker& check, const QJsonObject& message,
                                                   const QString& messagePlace) {
    const QJsonValue value = message.value(QLatin1StringView("template"));
    if (value.isUndefined() || value.isNull()) {
        return std::optional<TemplateUse>();
    }
    const QString place = messagePlace + QStringLiteral(".template");
    if (!value.isObject()) {
        return fail(check.problem(place, QStringLiteral("not an object")));
    }
    const QJsonObject object = value.toObject();
    TemplateUse use;
    auto name = check.string(object, place, "name", true, 100);
    auto version = check.integer(object.value(QLatin1StringView("version")), place + QStringLiteral(".version"));
    if (!name || !version) {
        return fail(!name ? name.error() : version.error());
    }
    if (!*version || **version < 1 || **version > 1'000'000) {
        return fail(check.problem(place + QStringLiteral(".version"), QStringLiteral("missing or not a version")));
    }
    use.name = *name;
    use.version = int(**version);
    const QJsonValue values = object.value(QLatin1StringView("values"));
    if (!values.isUndefined() && !values.isObject()) {
        return fail(check.problem(place + QStringLiteral(".values"), QStringLiteral("not an object")));
    }
    const QJsonObject valueObject = values.toObject();
    if (valueObject.size() > 200) {
        return fail(check.problem(place + QStringLiteral(".values"), QStringLiteral("too many values")));
    }
    for (auto it = valueObject.begin(); it != valueObject.end(); ++it) {
        if (!it.value().isString() || it.key().size() > 100 ||
            it.value().toString().size() > ImportLimits::maxMessageCharacters) {
            return fail(check.problem(place + QStringLiteral(".values.") + it.key().left(40),
                                      QStringLiteral("not a name with a text value")));
        }
        use.values.insert(it.key(), it.value().toString());
    }
    return std::optional<TemplateUse>(std::move(use));
}

// "feedback": {"rating": "up"|"down", "tags": [...], "comment", "created_at", "updated_at"}: an answer's rating.
Result<std::optional<Feedback>> readFeedback(const Checker& check, const QJsonObject& message,
                                             const QString& messagePlace) {
    const QJsonValue value = message.value(QLatin1StringView("feedback"));
    if (value.isUndefined() || value.isNull()) {
        return std::optional<Feedback>();
    }
    const QString place = messagePlace + QStringLiteral(".feedback");
    if (!value.isObject()) {
        return fail(check.problem(place, QStringLiteral("not an object")));
    }
    const QJsonObject object = value.toObject();
    Feedback feedback;
    auto rating = check.string(object, place, "rating", true, 10);
    auto comment = check.string(object, place, "comment", false, 2'000);
    auto created = check.time(object, place, "created_at");
    auto updated = check.time(object, place, "updated_at");
    if (!rating || !comment || !created || !updated) {
        return fail(!rating    ? rating.error()
                    : !comment ? comment.error()
                    : !created ? created.error()
                               : updated.error());
    }
    if (*rating != QLatin1StringView("up") && *rating != QLatin1StringView("down")) {
        return fail(check.problem(place + QStringLiteral(".rating"), QStringLiteral("must be up or down")));
    }
    feedback.positive = *rating == QLatin1StringView("up");
    feedback.comment = *comment;
    feedback.createdAt = *created;
    feedback.updatedAt = *updated;
    const QJsonValue tags = object.value(QLatin1StringView("tags"));
    if (!tags.isUndefined() && !tags.isArray()) {
        return fail(check.problem(place + QStringLiteral(".tags"), QStringLiteral("not a list")));
    }
    const QJsonArray tagList = tags.toArray();
    if (tagList.size() > 30) {
        return fail(check.problem(place + QStringLiteral(".tags"), QStringLiteral("more than 30 tags")));
    }
    for (qsizetype i = 0; i < tagList.size(); ++i) {
        const QString tag = tagList[i].toString().trimmed().toLower();
        if (!tagList[i].isString() || tag.isEmpty() || tag.size() > 30 || tag.contains(QLatin1Char(','))) {
            return fail(check.problem(place + QStringLiteral(".tags[%1]").arg(i),
                                      QStringLiteral("not a tag (1 to 30 characters, no comma)")));
        }
        if (!feedback.tags.contains(tag)) {
            feedback.tags << tag;
        }
    }
    return std::optional<Feedback>(std::move(feedback));
}

Result<PortableMessage> readTesseraMessage(const Checker& check, const QJsonValue& value, const QString& place,
                                           const QSet<qint64>& earlierKeys) {
    if (!value.isObject()) {
        return fail(check.problem(place, QStringLiteral("not an object")));
    }
    const QJsonObject object = value.toObject();
    PortableMessage message;
    auto key = check.integer(object.value(QLatin1StringView("key")), place + QStringLiteral(".key"));
    if (!key) {
        return fail(key.error());
    }
    if (!*key) {
        return fail(check.problem(place + QStringLiteral(".key"), QStringLiteral("missing")));
    }
    if (earlierKeys.contains(**key)) {
        return fail(check.problem(place + QStringLiteral(".key"), QStringLiteral("used twice")));
    }
    message.key = **key;
    auto parent = check.integer(object.value(QLatin1StringView("parent")), place + QStringLiteral(".parent"));
    if (!parent) {
        return fail(parent.error());
    }
    if (*parent && !earlierKeys.contains(**parent)) {
        return fail(check.problem(place + QStringLiteral(".parent"),
                                  QStringLiteral("refers to no earlier message (%1)").arg(**parent)));
    }
    message.parentKey = *parent;
    auto role = check.string(object, place, "role", true);
    if (!role) {
        return fail(role.error());
    }
    const auto parsedRole = parseRole(*role);
    if (!parsedRole) {
        return fail(check.problem(place + QStringLiteral(".role"),
                                  QStringLiteral("must be user, assistant or system, not \"%1\"").arg(role->left(40))));
    }
    message.role = *parsedRole;
    auto content = check.string(object, place, "content", true, ImportLimits::maxMessageCharacters);
    if (!content) {
        return fail(content.error());
    }
    message.content = *content;
    auto state = check.string(object, place, "state", false);
    if (!state) {
        return fail(state.error());
    }
    if (!state->isEmpty()) {
        const auto parsedState = parseMessageState(*state);
        if (!parsedState) {
            return fail(check.problem(place + QStringLiteral(".state"), QStringLiteral("unknown state")));
        }
        // Nothing is being written in an imported conversation.
        message.state = *parsedState == MessageState::Streaming ? MessageState::Incomplete : *parsedState;
    }
    for (const auto& [field, target] :
         {std::pair{"provider", &message.providerName}, std::pair{"model", &message.model}}) {
        auto text = check.string(object, place, field, false, 500);
        if (!text) {
            return fail(text.error());
        }
        *target = *text;
    }
    auto created = check.time(object, place, "created_at");
    if (!created) {
        return fail(created.error());
    }
    message.createdAt = *created;
    const QJsonValue usage = object.value(QLatin1StringView("usage"));
    if (usage.isObject()) {
        Usage u;
        for (const auto& [field, target] :
             {std::pair{"input_tokens", &u.inputTokens}, std::pair{"cached_input_tokens", &u.cachedInputTokens},
              std::pair{"output_tokens", &u.outputTokens}, std::pair{"reasoning_tokens", &u.reasoningTokens}}) {
            auto number = check.integer(usage.toObject().value(QLatin1StringView(field)),
                                        place + QStringLiteral(".usage.") + QLatin1StringView(field));
            if (!number) {
                return fail(number.error());
            }
            if (number->value_or(0) < 0) {
                return fail(check.problem(place + QStringLiteral(".usage.") + QLatin1StringView(field),
                                          QStringLiteral("negative")));
            }
            *target = number->value_or(0);
        }
        u.estimated = usage.toObject().value(QLatin1StringView("estimated")).toBool();
        message.usage = u;
    } else if (!usage.isUndefined() && !usage.isNull()) {
        return fail(check.problem(place + QStringLiteral(".usage"), QStringLiteral("not an object")));
    }
    const QJsonValue images = object.value(QLatin1StringView("images"));
    if (!images.isUndefined() && !images.isArray()) {
        return fail(check.problem(place + QStringLiteral(".images"), QStringLiteral("not a list")));
    }
    const QJsonArray imageList = images.toArray();
    for (qsizetype i = 0; i < imageList.size(); ++i) {
        const QString imagePlace = place + QStringLiteral(".images[%1]").arg(i);
        if (!imageList[i].isObject()) {
            return fail(check.problem(imagePlace, QStringLiteral("not an object")));
        }
        const QJsonObject image = imageList[i].toObject();
        auto name = check.string(image, imagePlace, "name", false, 500);
        auto mime = check.string(image, imagePlace, "mime_type", true, 100);
        auto data = check.string(image, imagePlace, "data", true, ImageLimits::maxBytes * 2);
        if (!name || !mime || !data) {
            return fail(!name ? name.error() : !mime ? mime.error() : data.error());
        }
        const auto decoded = QByteArray::fromBase64Encoding(data->toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            return fail(check.problem(imagePlace + QStringLiteral(".data"), QStringLiteral("not base64")));
        }
        message.images.push_back({*mime, *decoded, *name});
    }
    if (auto valid = validateImages(message.images); !valid) {
        return fail(check.problem(place + QStringLiteral(".images"), valid.error().detail));
    }
    auto use = readTemplateUse(check, object, place);
    if (!use) {
        return fail(use.error());
    }
    message.templateUse = std::move(*use);
    auto feedback = readFeedback(check, object, place);
    if (!feedback) {
        return fail(feedback.error());
    }
    if (*feedback && message.role != Role::Assistant) {
        return fail(check.problem(place + QStringLiteral(".feedback"), QStringLiteral("only answers are rated")));
    }
    message.feedback = std::move(*feedback);
    return message;
}

Result<std::vector<PortableConversation>> readTessera(const Checker& check, const QJsonObject& root) {
    auto version = check.integer(root.value(QLatin1StringView("version")), QStringLiteral("version"));
    if (!version) {
        return fail(version.error());
    }
    if (version->value_or(0) != kVersion) {
        return fail(check.problem(QStringLiteral("version"),
                                  QStringLiteral("version %1 is not one this Tessera reads (it reads %2); "
                                                 "a newer Tessera may")
                                      .arg(version->value_or(0))
                                      .arg(kVersion)));
    }
    const QJsonValue list = root.value(QLatin1StringView("conversations"));
    if (!list.isArray()) {
        return fail(check.problem(QStringLiteral("conversations"), QStringLiteral("missing or not a list")));
    }
    const QJsonArray array = list.toArray();
    if (array.size() > ImportLimits::maxConversations) {
        return fail(check.problem(QStringLiteral("conversations"), QStringLiteral("too many conversations")));
    }
    std::vector<PortableConversation> conversations;
    for (qsizetype c = 0; c < array.size(); ++c) {
        const QString place = QStringLiteral("conversations[%1]").arg(c);
        if (!array[c].isObject()) {
            return fail(check.problem(place, QStringLiteral("not an object")));
        }
        const QJsonObject object = array[c].toObject();
        PortableConversation conversation;
        for (const auto& [field, target, limit] :
             {std::tuple{"title", &conversation.title, qsizetype(10'000)},
              std::tuple{"provider", &conversation.providerName, qsizetype(500)},
              std::tuple{"model", &conversation.model, qsizetype(500)},
              std::tuple{"system_prompt", &conversation.systemPrompt, ImportLimits::maxMessageCharacters}}) {
            auto text = check.string(object, place, field, false, limit);
            if (!text) {
                return fail(text.error());
            }
            *target = *text;
        }
        auto created = check.time(object, place, "created_at");
        auto updated = check.time(object, place, "updated_at");
        if (!created || !updated) {
            return fail(!created ? created.error() : updated.error());
        }
        conversation.createdAt = *created;
        conversation.updatedAt = *updated;
        const QJsonValue generation = object.value(QLatin1StringView("generation"));
        if (generation.isObject()) {
            const QJsonValue temperature = generation.toObject().value(QLatin1StringView("temperature"));
            if (temperature.isDouble() && temperature.toDouble() >= 0 && temperature.toDouble() <= 2) {
                conversation.temperature = temperature.toDouble();
            } else if (!temperature.isUndefined() && !temperature.isNull()) {
                return fail(check.problem(place + QStringLiteral(".generation.temperature"),
                                          QStringLiteral("must be a number from 0 to 2")));
            }
            auto maxTokens = check.integer(generation.toObject().value(QLatin1StringView("max_tokens")),
                                           place + QStringLiteral(".generation.max_tokens"));
            if (!maxTokens) {
                return fail(maxTokens.error());
            }
            if (*maxTokens && (**maxTokens < 1 || **maxTokens > 1'000'000)) {
                return fail(check.problem(place + QStringLiteral(".generation.max_tokens"),
                                          QStringLiteral("must be from 1 to 1000000")));
            }
            if (*maxTokens) {
                conversation.maxTokens = int(**maxTokens);
            }
        } else if (!generation.isUndefined() && !generation.isNull()) {
            return fail(check.problem(place + QStringLiteral(".generation"), QStringLiteral("not an object")));
        }
        const QJsonValue tags = object.value(QLatin1StringView("tags"));
        if (tags.isArray()) {
            const QJsonArray tagArray = tags.toArray();
            if (tagArray.size() > TagRepository::maxTagsPerConversation) {
                return fail(check.problem(place + QStringLiteral(".tags"), QStringLiteral("too many tags")));
            }
            for (qsizetype t = 0; t < tagArray.size(); ++t) {
                const QString tagPlace = place + QStringLiteral(".tags[%1]").arg(t);
                if (!tagArray[t].isString()) {
                    return fail(check.problem(tagPlace, QStringLiteral("not text")));
                }
                auto tag = TagRepository::clean(tagArray[t].toString());
                if (!tag) {
                    return fail(check.problem(tagPlace, tag.error().detail));
                }
                conversation.tags << *tag;
            }
        } else if (!tags.isUndefined() && !tags.isNull()) {
            return fail(check.problem(place + QStringLiteral(".tags"), QStringLiteral("not a list")));
        }
        for (const auto& [field, target] :
             {std::pair{"pinned", &conversation.pinned}, std::pair{"archived", &conversation.archived}}) {
            const QJsonValue flag = object.value(QLatin1StringView(field));
            if (flag.isBool()) {
                *target = flag.toBool();
            } else if (!flag.isUndefined() && !flag.isNull()) {
                return fail(check.problem(place + QLatin1Char('.') + QLatin1StringView(field),
                                          QStringLiteral("not true or false")));
            }
        }
        const QJsonValue messages = object.value(QLatin1StringView("messages"));
        if (!messages.isArray()) {
            return fail(check.problem(place + QStringLiteral(".messages"), QStringLiteral("missing or not a list")));
        }
        const QJsonArray messageArray = messages.toArray();
        if (messageArray.size() > ImportLimits::maxMessagesPerConversation) {
            return fail(check.problem(place + QStringLiteral(".messages"), QStringLiteral("too many messages")));
        }
        QSet<qint64> keys;
        for (qsizetype m = 0; m < messageArray.size(); ++m) {
            auto message =
                readTesseraMessage(check, messageArray[m], place + QStringLiteral(".messages[%1]").arg(m), keys);
            if (!message) {
                return fail(message.error());
            }
            keys.insert(message->key);
            conversation.messages.push_back(std::move(*message));
        }
        auto leaf =
            check.integer(object.value(QLatin1StringView("current_leaf")), place + QStringLiteral(".current_leaf"));
        if (!leaf) {
            return fail(leaf.error());
        }
        if (*leaf && !keys.contains(**leaf)) {
            return fail(check.problem(place + QStringLiteral(".current_leaf"), QStringLiteral("refers to no message")));
        }
        conversation.currentLeafKey = *leaf;
        conversations.push_back(std::move(conversation));
    }
    return conversations;
}

} // namespace

QByteArray toTesseraJson(const std::vector<PortableConversation>& conversations, const QDateTime& exportedAt) {
    QJsonArray list;
    for (const PortableConversation& conversation : conversations) {
        QJsonArray messages;
        for (const PortableMessage& message : conversation.messages) {
            QJsonObject object{{QStringLiteral("key"), double(message.key)},
                               {QStringLiteral("parent"), optionalKey(message.parentKey)},
                               {QStringLiteral("role"), QString(roleName(message.role))},
                               {QStringLiteral("content"), message.content},
                               {QStringLiteral("state"), QString(messageStateName(message.state))},
                               {QStringLiteral("created_at"), isoTime(message.createdAt)}};
            if (!message.providerName.isEmpty()) {
                object.insert(QStringLiteral("provider"), message.providerName);
            }
            if (!message.model.isEmpty()) {
                object.insert(QStringLiteral("model"), message.model);
            }
            if (message.usage) {
                object.insert(
                    QStringLiteral("usage"),
                    QJsonObject{{QStringLiteral("input_tokens"), double(message.usage->inputTokens)},
                                {QStringLiteral("cached_input_tokens"), double(message.usage->cachedInputTokens)},
                                {QStringLiteral("output_tokens"), double(message.usage->outputTokens)},
                                {QStringLiteral("reasoning_tokens"), double(message.usage->reasoningTokens)},
                                {QStringLiteral("estimated"), message.usage->estimated}});
            }
            if (!message.images.empty()) {
                QJsonArray images;
                for (const ImageAttachment& image : message.images) {
                    images.append(QJsonObject{{QStringLiteral("name"), image.name},
                                              {QStringLiteral("mime_type"), image.mimeType},
                                              {QStringLiteral("data"), QString::fromLatin1(image.data.toBase64())}});
                }
                object.insert(QStringLiteral("images"), images);
            }
            if (message.templateUse) {
                QJsonObject values;
                for (auto it = message.templateUse->values.begin(); it != message.templateUse->values.end(); ++it) {
                    values.insert(it.key(), it.value());
                }
                object.insert(QStringLiteral("template"),
                              QJsonObject{{QStringLiteral("name"), message.templateUse->name},
                                          {QStringLiteral("version"), message.templateUse->version},
                                          {QStringLiteral("values"), values}});
            }
            if (message.feedback) {
                object.insert(QStringLiteral("feedback"),
                              QJsonObject{{QStringLiteral("rating"),
                                           message.feedback->positive ? QStringLiteral("up") : QStringLiteral("down")},
                                          {QStringLiteral("tags"), QJsonArray::fromStringList(message.feedback->tags)},
                                          {QStringLiteral("comment"), message.feedback->comment},
                                          {QStringLiteral("created_at"), isoTime(message.feedback->createdAt)},
                                          {QStringLiteral("updated_at"), isoTime(message.feedback->updatedAt)}});
            }
            messages.append(object);
        }
        QJsonObject generation;
        if (conversation.temperature) {
            generation.insert(QStringLiteral("temperature"), *conversation.temperature);
        }
        if (conversation.maxTokens) {
            generation.insert(QStringLiteral("max_tokens"), *conversation.maxTokens);
        }
        list.append(QJsonObject{{QStringLiteral("title"), conversation.title},
                                {QStringLiteral("tags"), QJsonArray::fromStringList(conversation.tags)},
                                {QStringLiteral("pinned"), conversation.pinned},
                                {QStringLiteral("archived"), conversation.archived},
                                {QStringLiteral("generation"), generation},
                                {QStringLiteral("provider"), conversation.providerName},
                                {QStringLiteral("model"), conversation.model},
                                {QStringLiteral("system_prompt"), conversation.systemPrompt},
                                {QStringLiteral("created_at"), isoTime(conversation.createdAt)},
                                {QStringLiteral("updated_at"), isoTime(conversation.updatedAt)},
                                {QStringLiteral("current_leaf"), optionalKey(conversation.currentLeafKey)},
                                {QStringLiteral("messages"), messages}});
    }
    const QJsonObject root{{QStringLiteral("format"), kFormat},
                           {QStringLiteral("version"), kVersion},
                           {QStringLiteral("exported_at"), isoTime(exportedAt)},
                           {QStringLiteral("conversations"), list}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString toMarkdown(const PortableConversation& conversation) {
    QString text = QStringLiteral("# ") + conversation.title + QStringLiteral("\n\n");
    QStringList facts;
    if (!conversation.model.isEmpty()) {
        facts << QStringLiteral("- Model: ") +
                     (conversation.providerName.isEmpty()
                          ? conversation.model
                          : conversation.providerName + QStringLiteral(" / ") + conversation.model);
    }
    if (!conversation.tags.isEmpty()) {
        facts << QStringLiteral("- Tags: ") + conversation.tags.join(QStringLiteral(", "));
    }
    if (conversation.createdAt.isValid()) {
        facts << QStringLiteral("- Started: ") + conversation.createdAt.toUTC().toString(Qt::ISODate);
    }
    if (!facts.isEmpty()) {
        text += facts.join(QLatin1Char('\n')) + QStringLiteral("\n\n");
    }
    if (!conversation.systemPrompt.isEmpty()) {
        text += QStringLiteral("**System prompt:**\n\n> ") +
                QString(conversation.systemPrompt).replace(QLatin1Char('\n'), QStringLiteral("\n> ")) +
                QStringLiteral("\n\n");
    }
    for (std::size_t index : branchOf(conversation)) {
        const PortableMessage& message = conversation.messages[index];
        switch (message.role) {
        case Role::User:
            text += QStringLiteral("## You\n\n");
            break;
        case Role::Assistant:
            text += message.model.isEmpty() ? QStringLiteral("## Assistant\n\n")
                                            : QStringLiteral("## Assistant (%1)\n\n").arg(message.model);
            break;
        case Role::System:
            text += QStringLiteral("## System\n\n");
            break;
        }
        for (const ImageAttachment& image : message.images) {
            text += QStringLiteral("*[image: %1]*\n\n").arg(image.name.isEmpty() ? image.mimeType : image.name);
        }
        text += message.content + QStringLiteral("\n\n");
        if (message.state == MessageState::Incomplete) {
            text += QStringLiteral("*(incomplete answer)*\n\n");
        }
        if (message.templateUse) {
            text += QStringLiteral("*(from the template %1, version %2)*\n\n")
                        .arg(message.templateUse->name)
                        .arg(message.templateUse->version);
        }
        if (message.feedback) {
            QString rating = message.feedback->positive ? QStringLiteral("*Rated up") : QStringLiteral("*Rated down");
            if (!message.feedback->tags.isEmpty()) {
                rating += QStringLiteral(" (%1)").arg(message.feedback->tags.join(QStringLiteral(", ")));
            }
            if (!message.feedback->comment.isEmpty()) {
                rating += QStringLiteral(": ") + message.feedback->comment;
            }
            text += rating + QStringLiteral("*\n\n");
        }
    }
    return text;
}

Result<std::vector<PortableConversation>> readExport(const QByteArray& bytes, QString* format) {
    const Checker check;
    if (bytes.size() > ImportLimits::maxFileBytes) {
        return fail(check.problem(QStringLiteral("file"), QStringLiteral("larger than 512 MB")));
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return fail(check.problem(
            QStringLiteral("file"),
            QStringLiteral("not JSON (%1 at byte %2)").arg(parseError.errorString()).arg(parseError.offset)));
    }
    if (document.isObject() && document.object().value(QLatin1StringView("format")).toString() == kFormat) {
        if (format) {
            *format = QStringLiteral("tessera");
        }
        return readTessera(check, document.object());
    }
    if (document.isArray()) {
        if (format) {
            *format = QStringLiteral("chatgpt");
        }
        return readChatGptExport(document.array());
    }
    return fail(check.problem(QStringLiteral("file"), QStringLiteral("neither a Tessera export nor a ChatGPT "
                                                                     "conversations.json")));
}

} // namespace Tessera::Core
