#include "FeedbackCommands.h"

#include "FineTuneCommands.h"

#include "app/CoreServices.h"
#include "common/Csv.h"
#include "prompts/Feedback.h"
#include "prompts/FineTuning.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>

namespace Tessera::Cli {

using namespace Tessera::Core;

namespace {

QJsonObject feedbackJson(const Feedback& f) {
    return {{QStringLiteral("message_id"), double(f.messageId)},
            {QStringLiteral("rating"), f.positive ? QStringLiteral("up") : QStringLiteral("down")},
            {QStringLiteral("tags"), QJsonArray::fromStringList(f.tags)},
            {QStringLiteral("comment"), f.comment},
            {QStringLiteral("created_at"), timeJson(f.createdAt)},
            {QStringLiteral("updated_at"), timeJson(f.updatedAt)}};
}

std::optional<qint64> messageId(const QString& text) {
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    return ok && id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

int runSet(Context& context, const CommandArgs& parsed) {
    const auto id = messageId(parsed.positional.value(0));
    const QString rating = parsed.positional.value(1);
    if (parsed.positional.size() != 2 || !id ||
        (rating != QLatin1StringView("up") && rating != QLatin1StringView("down"))) {
        return usageError(QStringLiteral("feedback set takes an answer's id and up or down"));
    }
    auto saved =
        context.services.feedback().set(context.actor, *id, rating == QLatin1StringView("up"),
                                        parsed.values(QStringLiteral("tag")), parsed.value(QStringLiteral("comment")));
    if (!saved) {
        return reportError(context, saved.error());
    }
    if (context.json) {
        printJson(feedbackJson(*saved));
    } else {
        printOut(
            QStringLiteral("Rated answer %1 %2%3.\n")
                .arg(*id)
                .arg(rating, saved->tags.isEmpty()
                                 ? QString()
                                 : QStringLiteral(" (") + saved->tags.join(QStringLiteral(", ")) + QLatin1Char(')')));
    }
    return exitOk;
}

int runExport(Context& context, const CommandArgs& parsed) {
    const QString format =
        parsed.has(QStringLiteral("format")) ? parsed.value(QStringLiteral("format")) : QStringLiteral("jsonl");
    if (format != QLatin1StringView("jsonl") && format != QLatin1StringView("csv")) {
        return usageError(QStringLiteral("--format takes jsonl or csv"));
    }
    auto records = context.services.feedback().records(context.actor);
    if (!records) {
        return reportError(context, records.error());
    }
    QByteArray out;
    if (format == QLatin1StringView("csv")) {
        out += csvLine({QStringLiteral("message_id"), QStringLiteral("conversation_id"), QStringLiteral("provider"),
                        QStringLiteral("model"), QStringLiteral("rating"), QStringLiteral("tags"),
                        QStringLiteral("comment"), QStringLiteral("rater"), QStringLiteral("updated_at"),
                        QStringLiteral("template"), QStringLiteral("template_version")})
                   .toUtf8();
    }
    for (const FeedbackRecord& r : *records) {
        if (format == QLatin1StringView("csv")) {
            out += csvLine({QString::number(r.feedback.messageId), QString::number(r.conversationId), r.provider,
                            r.model, r.feedback.positive ? QStringLiteral("up") : QStringLiteral("down"),
                            r.feedback.tags.join(QLatin1Char(';')), r.feedback.comment, r.rater,
                            timeText(r.feedback.updatedAt), r.templateName,
                            r.templateName.isEmpty() ? QString() : QString::number(r.templateVersion)})
                       .toUtf8();
            continue;
        }
        QJsonObject line = feedbackJson(r.feedback);
        line.insert(QStringLiteral("conversation_id"), double(r.conversationId));
        line.insert(QStringLiteral("provider"), r.provider);
        line.insert(QStringLiteral("model"), r.model);
        line.insert(QStringLiteral("rater"), r.rater);
        if (!r.templateName.isEmpty()) {
            line.insert(QStringLiteral("template"), r.templateName);
            line.insert(QStringLiteral("template_version"), r.templateVersion);
        }
        out += QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    }
    if (!parsed.has(QStringLiteral("output"))) {
        printOut(QString::fromUtf8(out));
        return exitOk;
    }
    const QString path = parsed.value(QStringLiteral("output"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(out) != out.size() || !file.commit()) {
        return reportError(context, makeError(ErrorCode::ExportFailed,
                                              QStringLiteral("cannot write %1: %2").arg(path, file.errorString())));
    }
    if (context.json) {
        printJson(QJsonObject{{QStringLiteral("path"), QFileInfo(path).absoluteFilePath()},
                              {QStringLiteral("records"), double(records->size())}});
    } else {
        printOut(
            QStringLiteral("Wrote %1 ratings to %2.\n").arg(records->size()).arg(QFileInfo(path).absoluteFilePath()));
    }
    return exitOk;
}

int runStats(Context& context, const CommandArgs& parsed) {
    const QString name =
        parsed.has(QStringLiteral("by")) ? parsed.value(QStringLiteral("by")) : QStringLiteral("model");
    const auto by = parseFeedbackGrouping(name);
    if (!by) {
        return usageError(QStringLiteral("--by takes model, provider or template"));
    }
    auto stats = context.services.feedback().stats(context.actor, *by);
    if (!stats) {
        return reportError(context, stats.error());
    }
    if (context.json) {
        QJsonArray array;
        for (const FeedbackStats& s : *stats) {
            QJsonArray tags;
            for (const auto& [tag, count] : s.topTags) {
                tags.append(QJsonObject{{QStringLiteral("tag"), tag}, {QStringLiteral("count"), double(count)}});
            }
            const bool rated = s.positiveRate.has_value();
            QJsonObject row{
                {name, s.key},
                {QStringLiteral("answers"), double(s.answers)},
                {QStringLiteral("rated"), double(s.rated)},
                {QStringLiteral("rated_share"), s.ratedShare()},
                {QStringLiteral("positive"), double(s.positive)},
                {QStringLiteral("positive_rate"), rated ? QJsonValue(*s.positiveRate) : QJsonValue(QJsonValue::Null)},
                {QStringLiteral("interval_low"), rated ? QJsonValue(s.interval.low) : QJsonValue(QJsonValue::Null)},
                {QStringLiteral("interval_high"), rated ? QJsonValue(s.interval.high) : QJsonValue(QJsonValue::Null)},
                {QStringLiteral("top_tags"), tags}};
            if (*by == FeedbackGrouping::Template) {
                row.insert(QStringLiteral("version"), s.version);
            }
            array.append(row);
        }
        printJson(array);
        return exitOk;
    }
    if (stats->empty()) {
        printOut(QStringLiteral("No answers yet.\n"));
        return exitOk;
    }
    const QLocale c = QLocale::c();
    QString out = QStringLiteral("%1\tanswers\trated\tpositive\t95% interval\ttop tags\n").arg(name);
    for (const FeedbackStats& s : *stats) {
        QStringList tags;
        for (const auto& [tag, count] : s.topTags) {
            tags << QStringLiteral("%1 (%2)").arg(tag).arg(count);
        }
        out += QStringLiteral("%1\t%2\t%3 (%4%)\t%5\t%6\t%7\n")
                   .arg(s.key.isEmpty()                     ? QStringLiteral("-")
                        : *by == FeedbackGrouping::Template ? QStringLiteral("%1@%2").arg(s.key).arg(s.version)
                                                            : s.key)
                   .arg(s.answers)
                   .arg(s.rated)
                   .arg(c.toString(s.ratedShare() * 100.0, 'f', 0))
                   .arg(s.positiveRate ? c.toString(*s.positiveRate * 100.0, 'f', 0) + QLatin1Char('%')
                                       : QStringLiteral("-"))
                   .arg(s.positiveRate ? QStringLiteral("%1% to %2%")
                                             .arg(c.toString(s.interval.low * 100.0, 'f', 0),
                                                  c.toString(s.interval.high * 100.0, 'f', 0))
                                       : QStringLiteral("-"))
                   .arg(tags.join(QStringLiteral(", ")));
    }
    printOut(out);
    return exitOk;
}

} // namespace

int runFeedback(Context& context, const QStringList& args) {
    if (args.isEmpty()) {
        return usageError(QStringLiteral("feedback needs a subcommand: set, clear, export, stats or tags"));
    }
    const QString sub = args.first();
    QString problem;
    auto parsed = CommandArgs::parse(args.mid(1),
                                     {QStringLiteral("tag"), QStringLiteral("comment"), QStringLiteral("format"),
                                      QStringLiteral("output"), QStringLiteral("by"), QStringLiteral("set")},
                                     {}, &problem);
    if (!parsed) {
        return usageError(problem);
    }
    if (sub == QLatin1StringView("set")) {
        return runSet(context, *parsed);
    }
    if (sub == QLatin1StringView("clear")) {
        const auto id = messageId(parsed->positional.value(0));
        if (parsed->positional.size() != 1 || !id) {
            return usageError(QStringLiteral("feedback clear takes an answer's id"));
        }
        if (auto cleared = context.services.feedback().clear(context.actor, *id); !cleared) {
            return reportError(context, cleared.error());
        }
        if (context.json) {
            printJson(QJsonObject{{QStringLiteral("cleared"), double(*id)}});
        } else {
            printOut(QStringLiteral("Cleared the feedback on answer %1.\n").arg(*id));
        }
        return exitOk;
    }
    if (sub == QLatin1StringView("export")) {
        return parsed->positional.isEmpty() ? runExport(context, *parsed)
                                            : usageError(QStringLiteral("feedback export takes options only"));
    }
    if (sub == QLatin1StringView("stats")) {
        return parsed->positional.isEmpty() ? runStats(context, *parsed)
                                            : usageError(QStringLiteral("feedback stats takes options only"));
    }
    if (sub == QLatin1StringView("tags")) {
        if (parsed->has(QStringLiteral("set"))) {
            if (auto set = context.services.feedback().setTags(
                    context.actor, parsed->value(QStringLiteral("set")).split(QLatin1Char(',')));
                !set) {
                return reportError(context, set.error());
            }
        }
        auto tags = context.services.feedback().tags();
        if (!tags) {
            return reportError(context, tags.error());
        }
        if (context.json) {
            printJson(QJsonArray::fromStringList(*tags));
        } else {
            printOut(tags->join(QLatin1Char('\n')) + QLatin1Char('\n'));
        }
        return exitOk;
    }
    return usageError(QStringLiteral("unknown feedback subcommand '%1'").arg(sub));
}

} // namespace Tessera::Cli

namespace Tessera::Cli {

std::optional<int> readConversationFilter(const CommandArgs& parsed, FineTuneFilter& filter) {
    if (parsed.has(QStringLiteral("rating"))) {
        const QString rating = parsed.value(QStringLiteral("rating"));
        if (rating != QLatin1StringView("up") && rating != QLatin1StringView("down")) {
            return usageError(QStringLiteral("--rating takes up or down"));
        }
        filter.rating = rating == QLatin1StringView("up");
    }
    filter.tag = parsed.value(QStringLiteral("tag")).trimmed();
    filter.model = parsed.value(QStringLiteral("model")).trimmed();
    filter.templateName = parsed.value(QStringLiteral("template")).trimmed();
    if (parsed.has(QStringLiteral("since"))) {
        filter.since = QDate::fromString(parsed.value(QStringLiteral("since")), Qt::ISODate);
        if (!filter.since.isValid()) {
            return usageError(QStringLiteral("--since takes a date as YYYY-MM-DD"));
        }
    }
    return std::nullopt;
}

int runFinetune(Context& context, const QStringList& args) {
    if (!args.isEmpty() &&
        (args.first() == QLatin1StringView("submit") || args.first() == QLatin1StringView("status"))) {
        return runFinetuneJob(context, args.first(), args.mid(1));
    }
    if (args.isEmpty() || args.first() != QLatin1StringView("export")) {
        return usageError(QStringLiteral("finetune needs a subcommand: export, submit or status"));
    }
    QString problem;
    auto parsed = CommandArgs::parse(args.mid(1),
                                     {QStringLiteral("rating"), QStringLiteral("tag"), QStringLiteral("model"),
                                      QStringLiteral("template"), QStringLiteral("since"), QStringLiteral("max-tokens"),
                                      QStringLiteral("output")},
                                     {}, &problem);
    if (!parsed) {
        return usageError(problem);
    }
    if (!parsed->positional.isEmpty() || !parsed->has(QStringLiteral("output"))) {
        return usageError(QStringLiteral("finetune export takes options and --output PATH"));
    }
    FineTuneFilter filter;
    if (const auto bad = readConversationFilter(*parsed, filter)) {
        return *bad;
    }
    if (parsed->has(QStringLiteral("max-tokens"))) {
        bool ok = false;
        filter.maxTokensPerExample = parsed->value(QStringLiteral("max-tokens")).toLongLong(&ok);
        if (!ok || filter.maxTokensPerExample < 100) {
            return usageError(QStringLiteral("--max-tokens takes a whole number of at least 100"));
        }
    }
    auto summary = context.services.fineTuning().write(context.actor, filter, parsed->value(QStringLiteral("output")));
    if (!summary) {
        return reportError(context, summary.error());
    }
    if (context.json) {
        QJsonArray skipped;
        for (const FineTuneSkip& skip : summary->skipped) {
            skipped.append(QJsonObject{{QStringLiteral("conversation_id"), double(skip.conversationId)},
                                       {QStringLiteral("reason"), skip.reason}});
        }
        printJson(QJsonObject{{QStringLiteral("path"), summary->path},
                              {QStringLiteral("examples"), summary->examples},
                              {QStringLiteral("considered"), summary->considered},
                              {QStringLiteral("skipped"), skipped},
                              {QStringLiteral("tokens"), double(summary->tokens)},
                              {QStringLiteral("min_tokens"), double(summary->minTokens)},
                              {QStringLiteral("max_tokens"), double(summary->maxTokens)},
                              {QStringLiteral("assistant_tokens"), double(summary->assistantTokens)},
                              {QStringLiteral("down_weighted"), summary->downWeighted},
                              {QStringLiteral("epochs"), summary->epochs},
                              {QStringLiteral("training_tokens"), double(summary->trainingTokens)},
                              {QStringLiteral("encoding"), encodingName(filter.encoding)},
                              {QStringLiteral("max_tokens_per_example"), double(filter.maxTokensPerExample)}});
        return exitOk;
    }
    QString out = QStringLiteral("Wrote %1 examples to %2.\n").arg(summary->examples).arg(summary->path);
    if (summary->examples > 0) {
        out += QStringLiteral("Tokens: %1 (%2 to %3 an example; %4 in answers learned from), counted with %5.\n")
                   .arg(summary->tokens)
                   .arg(summary->minTokens)
                   .arg(summary->maxTokens)
                   .arg(summary->assistantTokens)
                   .arg(encodingName(filter.encoding));
        out += QStringLiteral("Estimated training: %1 epochs, about %2 tokens.\n")
                   .arg(summary->epochs)
                   .arg(summary->trainingTokens);
    }
    if (summary->downWeighted > 0) {
        out += QStringLiteral("%1 answers rated down are kept as context with weight 0.\n").arg(summary->downWeighted);
    }
    for (const FineTuneSkip& skip : summary->skipped) {
        out += QStringLiteral("Left out conversation %1: %2.\n").arg(skip.conversationId).arg(skip.reason);
    }
    if (summary->examples > 0 && summary->examples < 10) {
        out += QStringLiteral("OpenAI needs at least 10 examples for a fine-tuning job.\n");
    }
    printOut(out);
    return exitOk;
}

} // namespace Tessera::Cli
