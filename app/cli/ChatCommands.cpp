#include "ChatCommands.h"
#include "PromptCommands.h"

#include "app/CoreServices.h"
#include "chat/Attachments.h"
#include "chat/ChatService.h"
#include "chat/ConversationService.h"
#include "exchange/ConversationExchange.h"
#include "pdf/PdfExport.h"
#include "prompts/PromptLibrary.h"
#include "prompts/PromptSend.h"
#include "providers/ProviderService.h"
#include "usage/Pricing.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <iostream>
#include <string>

namespace Tessera::Cli {

using namespace Tessera::Core;

namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void handleInterrupt(int) {
    g_interrupted = true;
}

QJsonValue optionalNumber(const std::optional<qint64>& value) {
    return value ? QJsonValue(double(*value)) : QJsonValue(QJsonValue::Null);
}

QJsonObject usageJson(const std::optional<Usage>& usage) {
    const Usage u = usage.value_or(Usage{});
    return QJsonObject{{QStringLiteral("input_tokens"), double(u.inputTokens)},
                       {QStringLiteral("cached_input_tokens"), double(u.cachedInputTokens)},
                       {QStringLiteral("output_tokens"), double(u.outputTokens)},
                       {QStringLiteral("cache_write_tokens"), double(u.cacheWriteTokens)},
                       {QStringLiteral("reasoning_tokens"), double(u.reasoningTokens)},
                       {QStringLiteral("estimated"), u.estimated}};
}

QJsonObject messageJson(const Message& m) {
    QJsonObject object{{QStringLiteral("id"), double(m.id)},
                       {QStringLiteral("role"), QString(roleName(m.role))},
                       {QStringLiteral("content"), m.content},
                       {QStringLiteral("state"), QString(messageStateName(m.state))},
                       {QStringLiteral("created_at"), m.createdAt.toString(Qt::ISODateWithMs)}};
    object.insert(QStringLiteral("parent_id"), m.parentId ? QJsonValue(double(*m.parentId)) : QJsonValue());
    if (m.siblingCount > 1) {
        // One of several versions (edits or regenerations): which one, of how many.
        object.insert(QStringLiteral("version"), m.siblingIndex + 1);
        object.insert(QStringLiteral("versions"), m.siblingCount);
    }
    if (!m.images.empty()) {
        QJsonArray images;
        for (const ImageAttachment& image : m.images) {
            images.append(QJsonObject{{QStringLiteral("name"), image.name},
                                      {QStringLiteral("mime_type"), image.mimeType},
                                      {QStringLiteral("bytes"), double(image.data.size())}});
        }
        object.insert(QStringLiteral("images"), images);
    }
    if (m.role == Role::Assistant) {
        object.insert(QStringLiteral("provider"), m.providerName);
        object.insert(QStringLiteral("model"), m.model);
        object.insert(QStringLiteral("finish_reason"), m.finishReason);
        object.insert(QStringLiteral("usage"), usageJson(m.usage));
        object.insert(QStringLiteral("ttft_ms"), optionalNumber(m.ttftMs));
        object.insert(QStringLiteral("latency_ms"), optionalNumber(m.latencyMs));
        object.insert(QStringLiteral("correlation_id"), m.correlationId);
        object.insert(QStringLiteral("attempts"), m.attempts);
        object.insert(QStringLiteral("cache_hit"), m.cacheHit);
        object.insert(QStringLiteral("via_fallback"), m.viaFallback);
        if (!m.errorCode.isEmpty()) {
            object.insert(QStringLiteral("error_code"), m.errorCode);
        }
    }
    return object;
}

QJsonObject conversationJson(const Conversation& c) {
    const auto optionalNumber = [](const auto& value) {
        return value ? QJsonValue(double(*value)) : QJsonValue();
    };
    return QJsonObject{{QStringLiteral("id"), double(c.id)},
                       {QStringLiteral("title"), c.title},
                       {QStringLiteral("model"), c.model},
                       {QStringLiteral("system_prompt"), c.systemPrompt},
                       {QStringLiteral("temperature"), optionalNumber(c.temperature)},
                       {QStringLiteral("max_tokens"), optionalNumber(c.maxTokens)},
                       {QStringLiteral("fallback_model"), c.fallbackModel},
                       {QStringLiteral("message_count"), double(c.messageCount)},
                       {QStringLiteral("pinned"), c.pinned},
                       {QStringLiteral("archived"), c.archived},
                       {QStringLiteral("tags"), QJsonArray::fromStringList(c.tags)},
                       {QStringLiteral("created_at"), c.createdAt.toString(Qt::ISODateWithMs)},
                       {QStringLiteral("updated_at"), c.updatedAt.toString(Qt::ISODateWithMs)}};
}

std::optional<qint64> parseId(const QString& text) {
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    return ok && id > 0 ? std::optional(id) : std::nullopt;
}

// --prompt NAME[@N] with --var KEY=VALUE and --file-var KEY=PATH: the template rendered, or the exit status of why not.
tl::expected<RenderedPrompt, int> renderForChat(Context& context, const CommandArgs& parsed) {
    QString name = parsed.value(QStringLiteral("prompt"));
    QString problem;
    const std::optional<int> version = splitTemplateVersion(name, parsed, &problem);
    if (!problem.isEmpty()) {
        return tl::unexpected(usageError(problem));
    }
    QHash<QString, QString> values;
    if (const auto failed = readTemplateValues(context, parsed, values)) {
        return tl::unexpected(*failed);
    }
    auto rendered = context.services.prompts().render(context.actor, name, version, values);
    if (!rendered) {
        return tl::unexpected(reportError(context, rendered.error()));
    }
    return *rendered;
}

} // namespace

int runChat(Context& context, const QStringList& args) {
    QString problem;
    auto parsed = CommandArgs::parse(
        args,
        {QStringLiteral("provider"), QStringLiteral("model"), QStringLiteral("conversation"), QStringLiteral("system"),
         QStringLiteral("max-tokens"), QStringLiteral("temperature"), QStringLiteral("fallback"),
         QStringLiteral("image"), QStringLiteral("file"), QStringLiteral("tag"), QStringLiteral("prompt"),
         QStringLiteral("var"), QStringLiteral("file-var")},
        {QStringLiteral("no-stream"), QStringLiteral("refresh"), QStringLiteral("no-cache")}, &problem);
    if (!parsed) {
        return usageError(problem);
    }
    // A template from the prompt library, rendered with its values, instead of a prompt.
    std::optional<RenderedPrompt> rendered;
    if (parsed->has(QStringLiteral("prompt"))) {
        if (!parsed->positional.isEmpty()) {
            return usageError(QStringLiteral("chat takes --prompt NAME or a PROMPT, not both"));
        }
        auto made = renderForChat(context, *parsed);
        if (!made) {
            return made.error();
        }
        rendered = std::move(*made);
    } else if (!parsed->values(QStringLiteral("var")).isEmpty() ||
               !parsed->values(QStringLiteral("file-var")).isEmpty()) {
        return usageError(QStringLiteral("--var and --file-var fill a template's variables: give --prompt NAME"));
    }
    if (!rendered && parsed->positional.size() != 1) {
        return usageError(
            QStringLiteral("chat needs one PROMPT (quote it), - to read it from stdin, or --prompt NAME"));
    }
    QString prompt = rendered ? rendered->userText : parsed->positional.first();
    if (prompt == QLatin1StringView("-")) {
        // Bounded: a prompt is at most ChatService::maxPromptCharacters, which is at most 4 bytes each in UTF-8.
        constexpr std::streamsize maxBytes = std::streamsize(ChatService::maxPromptCharacters) * 4;
        std::string input(size_t(maxBytes) + 1, '\0');
        std::cin.read(input.data(), maxBytes + 1);
        input.resize(size_t(std::cin.gcount()));
        if (std::streamsize(input.size()) > maxBytes) {
            return usageError(QStringLiteral("the prompt on stdin is larger than %1 bytes").arg(maxBytes));
        }
        prompt = QString::fromStdString(input);
    }
    SendOptions options;
    options.providerName = parsed->value(QStringLiteral("provider"));
    options.model = parsed->value(QStringLiteral("model"));
    options.stream = !parsed->has(QStringLiteral("no-stream"));
    if (parsed->has(QStringLiteral("conversation"))) {
        options.conversationId = parseId(parsed->value(QStringLiteral("conversation")));
        if (!options.conversationId) {
            return usageError(QStringLiteral("--conversation needs a numeric id"));
        }
    }
    for (const QString& tag : parsed->values(QStringLiteral("tag"))) {
        auto cleaned = ConversationService::cleanTag(tag);
        if (!cleaned) {
            return usageError(QStringLiteral("--tag: %1").arg(cleaned.error().detail));
        }
        options.tags << *cleaned;
    }
    std::vector<TextAttachment> files;
    for (const QString& path : parsed->values(QStringLiteral("file"))) {
        auto file = loadTextFile(path);
        if (!file) {
            return reportError(context, file.error());
        }
        files.push_back(std::move(*file));
    }
    options.files = std::move(files); // core appends them to the prompt
    for (const QString& path : parsed->values(QStringLiteral("image"))) {
        auto image = loadImageFile(path);
        if (!image) {
            return reportError(context, image.error());
        }
        options.images.push_back(std::move(*image));
    }
    if (parsed->has(QStringLiteral("fallback"))) {
        // NAME or NAME:MODEL; "" clears the conversation's fallback.
        const QString fallback = parsed->value(QStringLiteral("fallback"));
        const qsizetype colon = fallback.indexOf(QLatin1Char(':'));
        options.fallbackProvider = colon < 0 ? fallback : fallback.left(colon);
        options.fallbackModel = colon < 0 ? QString() : fallback.mid(colon + 1);
    }
    if (parsed->has(QStringLiteral("refresh")) && parsed->has(QStringLiteral("no-cache"))) {
        return usageError(QStringLiteral("give --refresh or --no-cache, not both"));
    }
    options.cache = parsed->has(QStringLiteral("refresh"))    ? CacheMode::Refresh
                    : parsed->has(QStringLiteral("no-cache")) ? CacheMode::NoStore
                                                              : CacheMode::Default;
    if (parsed->has(QStringLiteral("system"))) {
        options.systemPrompt = parsed->value(QStringLiteral("system"));
    }
    if (rendered) {
        // The template's system part and suggested settings, unless the command line says otherwise (below).
        applyRenderedPrompt(options, *rendered);
    }
    if (parsed->has(QStringLiteral("max-tokens"))) {
        bool ok = false;
        const int value = parsed->value(QStringLiteral("max-tokens")).toInt(&ok);
        if (!ok) {
            return usageError(QStringLiteral("--max-tokens needs a whole number"));
        }
        options.maxTokens = value;
    }
    if (parsed->has(QStringLiteral("temperature"))) {
        bool ok = false;
        const double value = parsed->value(QStringLiteral("temperature")).toDouble(&ok);
        if (!ok) {
            return usageError(QStringLiteral("--temperature needs a number"));
        }
        options.temperature = value;
    }

    ChatService& chat = context.services.chat();
    std::optional<TurnOutcome> outcome;
    bool wroteText = false;
    QEventLoop loop;
    QObject guard;
    QObject::connect(&chat, &ChatService::deltaReceived, &guard, [&](qint64, qint64, const QString& delta) {
        if (!context.json) {
            printOut(delta);
            wroteText = true;
        }
    });
    QObject::connect(&chat, &ChatService::turnFinished, &guard, [&](const TurnOutcome& finished) {
        outcome = finished;
        loop.quit();
    });
    auto started = chat.send(context.actor, prompt, options);
    if (started && rendered) {
        (void)context.services.prompts().markUsed(context.actor, rendered->templateName); // the palette's order
    }
    if (!started) {
        return reportError(context, started.error());
    }
    for (const QuotaDetail& warning : started->budgetWarnings) {
        printErr(QStringLiteral("tessera-cli: warning: %1\n").arg(warning.limitName));
    }
    // Ctrl+C stops the answer; what arrived is kept, marked incomplete.
    g_interrupted = false;
    auto previous = std::signal(SIGINT, handleInterrupt);
    QTimer interruptPoll;
    QObject::connect(&interruptPoll, &QTimer::timeout, &guard, [&] {
        if (g_interrupted.exchange(false)) {
            chat.stop(context.actor, started->assistantMessageId);
        }
    });
    interruptPoll.start(100);
    if (!outcome) {
        loop.exec();
    }
    std::signal(SIGINT, previous);

    const Message& message = outcome->message;
    if (wroteText) {
        printOut(QStringLiteral("\n"));
    }
    if (context.json) {
        QJsonObject object{{QStringLiteral("conversation_id"), double(message.conversationId)},
                           {QStringLiteral("message_id"), double(message.id)},
                           {QStringLiteral("provider"), message.providerName},
                           {QStringLiteral("model"), message.model},
                           {QStringLiteral("text"), message.content},
                           {QStringLiteral("finish_reason"), message.finishReason},
                           {QStringLiteral("usage"), usageJson(message.usage)},
                           {QStringLiteral("cost_usd"), outcome->costMicros ? QJsonValue(usdValue(*outcome->costMicros))
                                                                            : QJsonValue(QJsonValue::Null)},
                           {QStringLiteral("cost_exact"), outcome->costExact},
                           {QStringLiteral("ttft_ms"), optionalNumber(message.ttftMs)},
                           {QStringLiteral("latency_ms"), optionalNumber(message.latencyMs)},
                           {QStringLiteral("complete"), message.state == MessageState::Complete},
                           {QStringLiteral("attempts"), message.attempts},
                           {QStringLiteral("cache_hit"), message.cacheHit},
                           {QStringLiteral("via_fallback"), message.viaFallback},
                           {QStringLiteral("correlation_id"), message.correlationId}};
        if (outcome->error) {
            object.insert(QStringLiteral("error"), errorJson(*outcome->error));
        }
        printJson(object);
    }
    if (outcome->error) {
        Context quiet{context.services, false, context.actor, {}};
        if (message.state == MessageState::Incomplete) {
            printErr(QStringLiteral("tessera-cli: the partial answer was saved in conversation %1 (message %2).\n")
                         .arg(message.conversationId)
                         .arg(message.id));
        }
        return reportError(quiet, *outcome->error);
    }
    return exitOk;
}

namespace {

int listConversations(Context& context, const QStringList& args) {
    QString problem;
    auto parsed = CommandArgs::parse(args, {QStringLiteral("tag")}, {QStringLiteral("archived")}, &problem);
    if (!parsed) {
        return usageError(problem);
    }
    if (!parsed->positional.isEmpty()) {
        return usageError(QStringLiteral("conversations list takes only --archived and --tag NAME"));
    }
    const ListScope scope = parsed->has(QStringLiteral("archived")) ? ListScope::Archived : ListScope::Active;
    const QString tag = parsed->value(QStringLiteral("tag"));
    auto conversations = context.services.conversations().list(context.actor, scope, tag);
    if (!conversations) {
        return reportError(context, conversations.error());
    }
    if (context.json) {
        QJsonArray array;
        for (const auto& c : *conversations) {
            array.append(conversationJson(c));
        }
        printJson(array);
        return exitOk;
    }
    if (conversations->empty()) {
        if (!tag.isEmpty()) {
            printOut(QStringLiteral("No %1conversations tagged \"%2\".\n")
                         .arg(scope == ListScope::Archived ? QStringLiteral("archived ") : QString(), tag));
        } else if (scope == ListScope::Archived) {
            printOut(QStringLiteral("No archived conversations.\n"));
        } else {
            printOut(QStringLiteral("No conversations yet. Start one with: tessera-cli chat \"Hello\"\n"));
        }
        return exitOk;
    }
    QString text = QStringLiteral("%1  %2  %3  %4\n")
                       .arg(QStringLiteral("ID"), 6)
                       .arg(QStringLiteral("UPDATED"), -19)
                       .arg(QStringLiteral("MSGS"), 5)
                       .arg(QStringLiteral("TITLE"));
    for (const auto& c : *conversations) {
        QString title = c.title;
        for (const QString& t : c.tags) {
            title += QStringLiteral(" #") + t;
        }
        text += QStringLiteral("%1  %2  %3  %4\n")
                    .arg(c.id, 6)
                    .arg(c.updatedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), -19)
                    .arg(c.messageCount, 5)
                    .arg(title);
    }
    printOut(text);
    return exitOk;
}

int showConversation(Context& context, qint64 id) {
    auto conversation = context.services.conversations().get(context.actor, id);
    if (!conversation) {
        return reportError(context, conversation.error());
    }
    auto messages = context.services.conversations().branch(context.actor, id);
    if (!messages) {
        return reportError(context, messages.error());
    }
    if (context.json) {
        QJsonObject object = conversationJson(*conversation);
        QJsonArray array;
        for (const auto& m : *messages) {
            array.append(messageJson(m));
        }
        object.insert(QStringLiteral("messages"), array);
        printJson(object);
        return exitOk;
    }
    QString text = QStringLiteral("# %1 (conversation %2)\n").arg(conversation->title).arg(conversation->id);
    if (!conversation->tags.isEmpty()) {
        text += QStringLiteral("Tags: %1\n").arg(conversation->tags.join(QStringLiteral(", ")));
    }
    if (!conversation->systemPrompt.isEmpty()) {
        text += QStringLiteral("\n[system]\n%1\n").arg(conversation->systemPrompt);
    }
    for (const auto& m : *messages) {
        QString header = QStringLiteral("[%1]").arg(roleName(m.role));
        if (m.siblingCount > 1) {
            header += QStringLiteral(" (version %1 of %2)").arg(m.siblingIndex + 1).arg(m.siblingCount);
        }
        if (m.role == Role::Assistant) {
            header += QStringLiteral(" %1/%2").arg(m.providerName, m.model);
            if (m.state != MessageState::Complete) {
                header += QStringLiteral(" (%1%2)").arg(
                    messageStateName(m.state), m.errorCode.isEmpty() ? QString() : QStringLiteral(": ") + m.errorCode);
            }
        }
        for (const ImageAttachment& image : m.images) {
            header += QStringLiteral(" [image %1, %2 KB]")
                          .arg(image.name.isEmpty() ? image.mimeType : image.name)
                          .arg((image.data.size() + 1023) / 1024);
        }
        text += QStringLiteral("\n%1\n%2\n").arg(header, m.content);
    }
    printOut(text);
    return exitOk;
}

// The snippet with its matches in **bold** (Markdown style, readable in a terminal and in a pipe).
QString markedSnippet(const HighlightedText& snippet) {
    QString text;
    int at = 0;
    for (const auto& [start, length] : snippet.highlights) {
        text += snippet.text.mid(at, start - at) + QStringLiteral("**") + snippet.text.mid(start, length) +
                QStringLiteral("**");
        at = start + length;
    }
    text += snippet.text.mid(at);
    return text.simplified();
}

int searchConversations(Context& context, const QStringList& args) {
    QString problem;
    auto parsed = CommandArgs::parse(args, {QStringLiteral("limit"), QStringLiteral("before")}, {}, &problem);
    if (!parsed) {
        return usageError(problem);
    }
    if (parsed->positional.size() != 1) {
        return usageError(QStringLiteral("conversations search needs one QUERY (quote it)"));
    }
    SearchOptions options;
    if (parsed->has(QStringLiteral("limit"))) {
        bool ok = false;
        options.limit = parsed->value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || options.limit < 1 || options.limit > 500) {
            return usageError(QStringLiteral("--limit takes a number from 1 to 500"));
        }
    }
    if (parsed->has(QStringLiteral("before"))) {
        options.olderThanMessage = parseId(parsed->value(QStringLiteral("before")));
        if (!options.olderThanMessage) {
            return usageError(QStringLiteral("--before needs a message id"));
        }
    }
    auto hits = context.services.conversations().search(context.actor, parsed->positional.first(), options);
    if (!hits) {
        return reportError(context, hits.error());
    }
    if (context.json) {
        QJsonArray array;
        for (const SearchHit& hit : *hits) {
            QJsonArray highlights;
            for (const auto& [start, length] : hit.snippet.highlights) {
                highlights.append(QJsonArray{start, length});
            }
            array.append(QJsonObject{{QStringLiteral("conversation_id"), double(hit.conversationId)},
                                     {QStringLiteral("conversation_title"), hit.conversationTitle},
                                     {QStringLiteral("message_id"), double(hit.messageId)},
                                     {QStringLiteral("role"), QString(roleName(hit.role))},
                                     {QStringLiteral("created_at"), hit.createdAt.toString(Qt::ISODateWithMs)},
                                     {QStringLiteral("snippet"), hit.snippet.text},
                                     {QStringLiteral("highlights"), highlights}});
        }
        printJson(array);
        return exitOk;
    }
    if (hits->empty()) {
        printOut(QStringLiteral("No messages match.\n"));
        return exitOk;
    }
    QString text;
    for (const SearchHit& hit : *hits) {
        text += QStringLiteral("conversation %1 \"%2\", message %3 (%4, %5)\n    %6\n")
                    .arg(hit.conversationId)
                    .arg(hit.conversationTitle)
                    .arg(hit.messageId)
                    .arg(roleName(hit.role), hit.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                         markedSnippet(hit.snippet));
    }
    if (int(hits->size()) == options.limit) {
        text += QStringLiteral("More matches: add --before %1\n").arg(hits->back().messageId);
    }
    printOut(text);
    return exitOk;
}

int exportConversations(Context& context, const QStringList& args) {
    QString problem;
    auto parsed = CommandArgs::parse(args, {QStringLiteral("format"), QStringLiteral("output")},
                                     {QStringLiteral("all")}, &problem);
    if (!parsed) {
        return usageError(problem);
    }
    const bool all = parsed->has(QStringLiteral("all"));
    if (all == !parsed->positional.isEmpty() || parsed->positional.size() > 1) {
        return usageError(QStringLiteral("conversations export needs one ID or --all"));
    }
    const QString formatName = parsed->value(QStringLiteral("format"));
    ExportFormat format = ExportFormat::Markdown;
    const bool pdf = formatName == QLatin1StringView("pdf");
    if (formatName == QLatin1StringView("json")) {
        format = ExportFormat::Json;
    } else if (formatName != QLatin1StringView("md") && !formatName.isEmpty() && !pdf) {
        return usageError(QStringLiteral("--format takes md, json or pdf"));
    }
    if (pdf && !parsed->has(QStringLiteral("output"))) {
        return usageError(QStringLiteral("--format pdf needs --output PATH"));
    }
    ConversationExchange& exchange = context.services.exchange();
    std::vector<PortableConversation> conversations;
    if (all) {
        auto collected = exchange.collectAll(context.actor);
        if (!collected) {
            return reportError(context, collected.error());
        }
        conversations = std::move(*collected);
    } else {
        const auto id = parseId(parsed->positional.first());
        if (!id) {
            return usageError(QStringLiteral("'%1' is not a conversation id").arg(parsed->positional.first()));
        }
        auto one = exchange.collect(context.actor, *id);
        if (!one) {
            return reportError(context, one.error());
        }
        conversations.push_back(std::move(*one));
    }
    const QByteArray bytes = exchange.render(conversations, format);
    if (!parsed->has(QStringLiteral("output"))) {
        std::cout.write(bytes.constData(), bytes.size());
        std::cout.flush();
        return exitOk;
    }
    const QString path = parsed->value(QStringLiteral("output"));
    // A PDF is the Markdown laid out on pages.
    if (auto written =
            pdf ? Ui::writeMarkdownPdf(path, QString::fromUtf8(bytes),
                                       all ? QStringLiteral("Tessera conversations") : conversations.front().title)
                : exchange.writeFile(path, bytes);
        !written) {
        return reportError(context, written.error());
    }
    if (context.json) {
        printJson(QJsonObject{{QStringLiteral("path"), path},
                              {QStringLiteral("conversations"), double(conversations.size())},
                              {QStringLiteral("bytes"), double(bytes.size())}});
    } else {
        printOut(QStringLiteral("Exported %1 conversation(s) to %2.\n").arg(conversations.size()).arg(path));
    }
    return exitOk;
}

int importConversations(Context& context, const QStringList& args) {
    QString problem;
    auto parsed = CommandArgs::parse(args, {}, {}, &problem);
    if (!parsed) {
        return usageError(problem);
    }
    if (parsed->positional.size() != 1) {
        return usageError(QStringLiteral("conversations import needs one PATH (a Tessera or ChatGPT export)"));
    }
    auto report = context.services.exchange().importFile(context.actor, parsed->positional.first());
    if (!report) {
        return reportError(context, report.error());
    }
    if (context.json) {
        QJsonArray ids;
        for (qint64 id : report->conversationIds) {
            ids.append(double(id));
        }
        printJson(QJsonObject{{QStringLiteral("format"), report->format},
                              {QStringLiteral("conversations"), report->conversations},
                              {QStringLiteral("messages"), report->messages},
                              {QStringLiteral("conversation_ids"), ids}});
    } else {
        printOut(QStringLiteral("Imported %1 conversation(s) with %2 message(s) from a %3 export.\n")
                     .arg(report->conversations)
                     .arg(report->messages)
                     .arg(report->format == QLatin1StringView("chatgpt") ? QStringLiteral("ChatGPT")
                                                                         : QStringLiteral("Tessera")));
    }
    return exitOk;
}

// conversations tag|untag ID TAG...
int tagConversation(Context& context, const QStringList& args, bool add) {
    const QString command = add ? QStringLiteral("tag") : QStringLiteral("untag");
    if (args.size() < 2) {
        return usageError(QStringLiteral("conversations %1 needs an ID and at least one TAG").arg(command));
    }
    const auto id = parseId(args.first());
    if (!id) {
        return usageError(QStringLiteral("'%1' is not a conversation id").arg(args.first()));
    }
    const QStringList names = args.mid(1);
    if (add) {
        for (const QString& name : names) {
            if (auto cleaned = ConversationService::cleanTag(name); !cleaned) {
                return usageError(QStringLiteral("'%1': %2").arg(name, cleaned.error().detail));
            }
        }
    }
    const ConversationService& conversations = context.services.conversations();
    if (auto changed = add ? conversations.addTags(context.actor, *id, names)
                           : conversations.removeTags(context.actor, *id, names);
        !changed) {
        return reportError(context, changed.error());
    }
    auto now = conversations.tagsOf(context.actor, *id);
    if (!now) {
        return reportError(context, now.error());
    }
    if (context.json) {
        printJson(QJsonObject{{QStringLiteral("id"), double(*id)},
                              {QStringLiteral("tags"), QJsonArray::fromStringList(*now)}});
    } else if (now->isEmpty()) {
        printOut(QStringLiteral("Conversation %1 has no tags.\n").arg(*id));
    } else {
        printOut(QStringLiteral("Conversation %1 is tagged: %2\n").arg(*id).arg(now->join(QStringLiteral(", "))));
    }
    return exitOk;
}

} // namespace

int runConversations(Context& context, const QStringList& args) {
    if (args.isEmpty()) {
        return usageError(
            QStringLiteral("conversations needs a subcommand: list, show, search, tag, untag, export, import, delete"));
    }
    const QString& sub = args.first();
    if (sub == QLatin1StringView("search")) {
        return searchConversations(context, args.mid(1));
    }
    if (sub == QLatin1StringView("export")) {
        return exportConversations(context, args.mid(1));
    }
    if (sub == QLatin1StringView("import")) {
        return importConversations(context, args.mid(1));
    }
    if (sub == QLatin1StringView("list")) {
        return listConversations(context, args.mid(1));
    }
    if (sub == QLatin1StringView("tag") || sub == QLatin1StringView("untag")) {
        return tagConversation(context, args.mid(1), sub == QLatin1StringView("tag"));
    }
    if (sub != QLatin1StringView("show") && sub != QLatin1StringView("delete")) {
        return usageError(QStringLiteral("unknown conversations subcommand '%1'").arg(sub));
    }
    if (args.size() != 2) {
        return usageError(QStringLiteral("conversations %1 needs exactly one ID").arg(sub));
    }
    const auto id = parseId(args[1]);
    if (!id) {
        return usageError(QStringLiteral("'%1' is not a conversation id").arg(args[1]));
    }
    if (sub == QLatin1StringView("show")) {
        return showConversation(context, *id);
    }
    if (auto removed = context.services.conversations().remove(context.actor, *id); !removed) {
        return reportError(context, removed.error());
    }
    if (context.json) {
        printJson(QJsonObject{{QStringLiteral("deleted"), double(*id)}});
    } else {
        printOut(QStringLiteral("Deleted conversation %1.\n").arg(*id));
    }
    return exitOk;
}

int runTags(Context& context, const QStringList& args) {
    const ConversationService& conversations = context.services.conversations();
    const QString sub = args.value(0, QStringLiteral("list"));
    if (sub == QLatin1StringView("list")) {
        if (args.size() > 1) {
            return usageError(QStringLiteral("tags list takes no arguments"));
        }
        auto all = conversations.tags(context.actor);
        if (!all) {
            return reportError(context, all.error());
        }
        if (context.json) {
            QJsonArray array;
            for (const TagUse& use : *all) {
                array.append(QJsonObject{{QStringLiteral("name"), use.name},
                                         {QStringLiteral("conversations"), double(use.conversations)}});
            }
            printJson(array);
            return exitOk;
        }
        if (all->empty()) {
            printOut(QStringLiteral("No tags yet. Tag a conversation with: tessera-cli conversations tag ID TAG\n"));
            return exitOk;
        }
        QString text = QStringLiteral("%1  %2\n").arg(QStringLiteral("CONVERSATIONS"), 13).arg(QStringLiteral("TAG"));
        for (const TagUse& use : *all) {
            text += QStringLiteral("%1  %2\n").arg(use.conversations, 13).arg(use.name);
        }
        printOut(text);
        return exitOk;
    }
    if (sub == QLatin1StringView("rename")) {
        if (args.size() != 3) {
            return usageError(QStringLiteral("tags rename needs OLD and NEW"));
        }
        if (auto renamed = conversations.renameTag(context.actor, args[1], args[2]); !renamed) {
            return reportError(context, renamed.error());
        }
        if (context.json) {
            printJson(QJsonObject{{QStringLiteral("renamed"), args[1]}, {QStringLiteral("to"), args[2]}});
        } else {
            printOut(QStringLiteral("Renamed tag \"%1\" to \"%2\".\n").arg(args[1], args[2]));
        }
        return exitOk;
    }
    if (sub == QLatin1StringView("delete")) {
        if (args.size() != 2) {
            return usageError(QStringLiteral("tags delete needs one NAME"));
        }
        auto removed = conversations.deleteTag(context.actor, args[1]);
        if (!removed) {
            return reportError(context, removed.error());
        }
        if (context.json) {
            printJson(QJsonObject{{QStringLiteral("deleted"), args[1]}, {QStringLiteral("conversations"), *removed}});
        } else {
            printOut(QStringLiteral("Deleted tag \"%1\" from %2 conversation(s).\n").arg(args[1]).arg(*removed));
        }
        return exitOk;
    }
    return usageError(QStringLiteral("unknown tags subcommand '%1' (list, rename, delete)").arg(sub));
}

} // namespace Tessera::Cli
