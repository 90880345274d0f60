#include "UsageCommands.h"
#include "PriceCommands.h"
#include "UsageReportCommands.h"

#include "accounts/AccountService.h"
#include "app/CoreServices.h"
#include "common/Csv.h"
#include "tokenizer/TokenCounter.h"
#include "usage/Pricing.h"
#include "usage/UsageGenerator.h"
#include "usage/UsageLedger.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringDecoder>

#include <iostream>
#include <iterator>

namespace Tessera::Cli {

using namespace Tessera::Core;

namespace {

// A file or stdin to count: at most this many bytes (the count of a larger text is no use to a request).
constexpr qint64 maxCountBytes = qint64(64) * 1024 * 1024;

// The cost as people read it: "$1.23", "unknown" when nothing was priced, "≥ $1.23" when part was not.
QString costText(const UsageRow& row) {
    if (row.unpriced > 0 && row.unpriced == row.requests) {
        return QStringLiteral("unknown");
    }
    return (row.unpriced > 0 ? QStringLiteral("≥ $") : QStringLiteral("$")) + usdDecimal(row.costMicros);
}

QJsonObject rowJson(const UsageRow& row, const std::vector<UsageGrouping>& by) {
    QJsonObject json;
    for (std::size_t i = 0; i < by.size(); ++i) {
        json.insert(usageGroupingName(by[i]), row.keys.value(qsizetype(i)));
    }
    json.insert(QStringLiteral("requests"), double(row.requests));
    json.insert(QStringLiteral("input_tokens"), double(row.inputTokens));
    json.insert(QStringLiteral("cached_input_tokens"), double(row.cachedInputTokens));
    json.insert(QStringLiteral("cache_write_tokens"), double(row.cacheWriteTokens));
    json.insert(QStringLiteral("output_tokens"), double(row.outputTokens));
    json.insert(QStringLiteral("reasoning_tokens"), double(row.reasoningTokens));
    const bool unknown = row.unpriced > 0 && row.unpriced == row.requests;
    json.insert(QStringLiteral("cost_usd"),
                unknown ? QJsonValue(QJsonValue::Null) : QJsonValue(usdValue(row.costMicros)));
    json.insert(QStringLiteral("unpriced_requests"), double(row.unpriced));
    return json;
}

int runUsageReport(Context& context, const QStringList& args) {
    QString problem;
    auto parsed = CommandArgs::parse(args,
                                     {QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("by"),
                                      QStringLiteral("user"), QStringLiteral("provider"), QStringLiteral("model")},
                                     {QStringLiteral("csv")}, &problem);
    if (!parsed) {
        return usageError(problem);
    }
    if (!parsed->positional.isEmpty()) {
        return usageError(QStringLiteral("usage report takes options only"));
    }
    if (parsed->has(QStringLiteral("csv")) && context.json) {
        return usageError(QStringLiteral("usage report takes --json or --csv, not both"));
    }
    UsageQuery query;
    for (const char* name : {"from", "to"}) {
        const QString option = QString::fromLatin1(name);
        if (!parsed->has(option)) {
            continue;
        }
        const QDate date = QDate::fromString(parsed->value(option), Qt::ISODate);
        if (!date.isValid()) {
            return usageError(QStringLiteral("--%1 takes a date as YYYY-MM-DD").arg(option));
        }
        (option == QLatin1StringView("from") ? query.from : query.to) = date;
    }
    for (const QString& name : parsed->values(QStringLiteral("by"))) {
        for (const QString& part : name.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const auto grouping = parseUsageGrouping(part.trimmed());
            if (!grouping) {
                return usageError(
                    QStringLiteral("--by takes day, week, month, user, role, provider, model or feature"));
            }
            query.by.push_back(*grouping);
        }
    }
    if (parsed->has(QStringLiteral("user"))) {
        auto user = context.services.accounts().user(context.actor, parsed->value(QStringLiteral("user")));
        if (!user) {
            return reportError(context, user.error());
        }
        query.accountId = user->account.id;
    }
    query.provider = parsed->value(QStringLiteral("provider"));
    query.model = parsed->value(QStringLiteral("model"));
    auto rows = context.services.usage().report(context.actor, query);
    if (!rows) {
        return reportError(context, rows.error());
    }
    UsageRow total;
    for (const UsageRow& row : *rows) {
        total.add(row);
    }
    if (context.json) {
        QJsonArray array;
        for (const UsageRow& row : *rows) {
            array.append(rowJson(row, query.by));
        }
        printJson(QJsonObject{{QStringLiteral("rows"), array}, {QStringLiteral("total"), rowJson(total, {})}});
        return exitOk;
    }
    QStringList header;
    for (const UsageGrouping grouping : query.by) {
        header << usageGroupingName(grouping);
    }
    header << QStringLiteral("requests") << QStringLiteral("input") << QStringLiteral("cached_input")
           << QStringLiteral("output") << QStringLiteral("reasoning") << QStringLiteral("cost");
    std::vector<QStringList> lines;
    const auto line = [](const UsageRow& row, const QStringList& keys) -> QStringList {
        return keys + QStringList{QString::number(row.requests),          QString::number(row.inputTokens),
                                  QString::number(row.cachedInputTokens), QString::number(row.outputTokens),
                                  QString::number(row.reasoningTokens),   costText(row)};
    };
    for (const UsageRow& row : *rows) {
        lines.push_back(line(row, row.keys));
    }
    QStringList totalKeys;
    for (std::size_t i = 0; i < query.by.size(); ++i) {
        totalKeys << (i == 0 ? QStringLiteral("total") : QString());
    }
    lines.push_back(line(total, query.by.empty() ? QStringList() : totalKeys));
    QString out;
    if (parsed->has(QStringLiteral("csv"))) {
        for (const QStringList& cells : {header}) {
            out += cells.join(QLatin1Char(',')) + QLatin1Char('\n');
        }
        for (QStringList cells : lines) {
            for (QString& cell : cells) {
                cell = csvCell(cell);
            }
            out += cells.join(QLatin1Char(',')) + QLatin1Char('\n');
        }
        printOut(out);
        return exitOk;
    }
    out += tableText(header, lines, qsizetype(query.by.size()));
    if (total.unpriced > 0) {
        out += QStringLiteral("%1 requests have no price yet: their cost is unknown, not zero.\n").arg(total.unpriced);
    }
    printOut(out);
    return exitOk;
}

int runUsageSettings(Context& context, const QStringList& args) {
    QString problem;
    auto parsed =
        CommandArgs::parse(args, {QStringLiteral("time-zone"), QStringLiteral("prompt-caching")}, {}, &problem);
    if (!parsed) {
        return usageError(problem);
    }
    if (!parsed->positional.isEmpty()) {
        return usageError(QStringLiteral("usage settings takes only --time-zone and --prompt-caching"));
    }
    const UsageLedger& ledger = context.services.usage();
    UsageSettings settings = ledger.settings();
    qint64 rebuilt = 0;
    const bool changing = parsed->has(QStringLiteral("time-zone")) || parsed->has(QStringLiteral("prompt-caching"));
    if (changing) {
        if (parsed->has(QStringLiteral("time-zone"))) {
            const QString zone = parsed->value(QStringLiteral("time-zone"));
            settings.timeZone = zone.compare(QLatin1StringView("UTC"), Qt::CaseInsensitive) == 0 ? QString() : zone;
        }
        if (parsed->has(QStringLiteral("prompt-caching"))) {
            const QString value = parsed->value(QStringLiteral("prompt-caching"));
            if (value != QLatin1StringView("on") && value != QLatin1StringView("off")) {
                return usageError(QStringLiteral("--prompt-caching takes on or off"));
            }
            settings.promptCaching = value == QLatin1StringView("on");
        }
        auto saved = ledger.setSettings(context.actor, settings);
        if (!saved) {
            return reportError(context, saved.error());
        }
        rebuilt = *saved;
        settings = ledger.settings();
    }
    const QString zone = settings.timeZone.isEmpty() ? QStringLiteral("UTC") : settings.timeZone;
    if (context.json) {
        QJsonObject out{{QStringLiteral("time_zone"), zone},
                        {QStringLiteral("prompt_caching"), settings.promptCaching}};
        if (changing) {
            out.insert(QStringLiteral("rollups_rebuilt"), double(rebuilt));
        }
        printJson(out);
    } else {
        printOut(QStringLiteral("Time zone: %1\nAnthropic prompt caching: %2\n")
                     .arg(zone, settings.promptCaching ? QStringLiteral("on") : QStringLiteral("off")));
        if (rebuilt > 0) {
            printOut(QStringLiteral("Counted every day again in %1: %2 daily totals.\n").arg(zone).arg(rebuilt));
        }
    }
    return exitOk;
}

int runUsageGenerate(Context& context, const QStringList& args) {
    QString problem;
    auto parsed = CommandArgs::parse(
        args, {QStringLiteral("days"), QStringLiteral("entries"), QStringLiteral("seed"), QStringLiteral("last")},
        {QStringLiteral("no-budgets"), QStringLiteral("add")}, &problem);
    if (!parsed) {
        return usageError(problem);
    }
    if (!parsed->positional.isEmpty()) {
        return usageError(QStringLiteral("usage generate-sample takes options only"));
    }
    UsageGeneration options;
    bool ok = true;
    if (parsed->has(QStringLiteral("days"))) {
        options.days = parsed->value(QStringLiteral("days")).toInt(&ok);
        if (!ok) {
            return usageError(QStringLiteral("--days takes a whole number"));
        }
    }
    if (parsed->has(QStringLiteral("entries"))) {
        options.entries = parsed->value(QStringLiteral("entries")).toLongLong(&ok);
        if (!ok) {
            return usageError(QStringLiteral("--entries takes a whole number"));
        }
    }
    if (parsed->has(QStringLiteral("seed"))) {
        options.seed = parsed->value(QStringLiteral("seed")).toUInt(&ok);
        if (!ok) {
            return usageError(QStringLiteral("--seed takes a whole number"));
        }
    }
    if (parsed->has(QStringLiteral("last"))) {
        options.last = QDate::fromString(parsed->value(QStringLiteral("last")), Qt::ISODate);
        if (!options.last.isValid()) {
            return usageError(QStringLiteral("--last takes a date as YYYY-MM-DD"));
        }
    }
    options.budgets = !parsed->has(QStringLiteral("no-budgets"));
    options.add = parsed->has(QStringLiteral("add"));
    auto made = context.services.usageGenerator().generate(context.actor, options);
    if (!made) {
        return reportError(context, made.error());
    }
    if (context.json) {
        printJson(QJsonObject{{QStringLiteral("entries"), double(made->entries)},
                              {QStringLiteral("people"), double(made->people)},
                              {QStringLiteral("cost_usd"), usdValue(made->costMicros)},
                              {QStringLiteral("spike_day"), made->spikeDay.toString(Qt::ISODate)},
                              {QStringLiteral("failing_provider"), made->failingProvider},
                              {QStringLiteral("outage_from"), made->outageFrom.toString(Qt::ISODate)},
                              {QStringLiteral("outage_to"), made->outageTo.toString(Qt::ISODate)},
                              {QStringLiteral("tight_budget"), made->tightBudget}});
    } else {
        printOut(QStringLiteral("Made %1 sample ledger entries for %2 people, costing %3. A spending spike on %4; %5 "
                                "failed more often and had an outage from %6 to %7.\n")
                     .arg(made->entries)
                     .arg(made->people)
                     .arg(formatUsd(made->costMicros), made->spikeDay.toString(Qt::ISODate), made->failingProvider,
                          made->outageFrom.toString(Qt::ISODate), made->outageTo.toString(Qt::ISODate)));
        if (!made->tightBudget.isEmpty()) {
            printOut(QStringLiteral("About to run out: %1.\n").arg(made->tightBudget));
        }
    }
    return exitOk;
}

} // namespace

int runUsage(Context& context, const QStringList& args) {
    if (args.isEmpty()) {
        return usageError(QStringLiteral(
            "usage needs a subcommand: report, chart, pdf, unpriced, rebuild, settings or generate-sample"));
    }
    if (args.first() == QLatin1StringView("settings")) {
        return runUsageSettings(context, args.mid(1));
    }
    const QString sub = args.first();
    if (sub == QLatin1StringView("report")) {
        return runUsageReport(context, args.mid(1));
    }
    if (sub == QLatin1StringView("chart")) {
        return runUsageChart(context, args.mid(1));
    }
    if (sub == QLatin1StringView("pdf")) {
        return runUsagePdf(context, args.mid(1));
    }
    if (sub == QLatin1StringView("generate-sample")) {
        return runUsageGenerate(context, args.mid(1));
    }
    if (sub == QLatin1StringView("unpriced")) {
        return runUsageUnpriced(context, args.mid(1));
    }
    if (sub == QLatin1StringView("rebuild")) {
        if (args.size() > 1) {
            return usageError(QStringLiteral("usage rebuild takes no arguments"));
        }
        auto rebuilt = context.services.usage().rebuild(context.actor);
        if (!rebuilt) {
            return reportError(context, rebuilt.error());
        }
        if (context.json) {
            printJson(QJsonObject{{QStringLiteral("rollups"), double(*rebuilt)}});
        } else {
            printOut(QStringLiteral("Rebuilt %1 daily totals from the ledger.\n").arg(*rebuilt));
        }
        return exitOk;
    }
    return usageError(QStringLiteral("unknown usage subcommand '%1'").arg(sub));
}

int runCountTokens(Context& context, const QStringList& args) {
    QString problem;
    auto parsed = CommandArgs::parse(args, {QStringLiteral("model"), QStringLiteral("encoding")}, {}, &problem);
    if (!parsed) {
        return usageError(problem);
    }
    if (parsed->positional.size() > 1) {
        return usageError(QStringLiteral("count-tokens takes at most one FILE (or - for stdin)"));
    }
    if (parsed->has(QStringLiteral("model")) && parsed->has(QStringLiteral("encoding"))) {
        return usageError(QStringLiteral("count-tokens takes --model or --encoding, not both"));
    }
    std::optional<Encoding> encoding = Encoding::O200kBase;
    if (parsed->has(QStringLiteral("encoding"))) {
        encoding = parseEncoding(parsed->value(QStringLiteral("encoding")));
        if (!encoding) {
            return usageError(QStringLiteral("--encoding takes o200k_base or cl100k_base"));
        }
    }
    const QString source = parsed->positional.value(0, QStringLiteral("-"));
    QByteArray bytes;
    if (source == QLatin1StringView("-")) {
        std::string input;
        input.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
        if (qint64(input.size()) > maxCountBytes) {
            return usageError(QStringLiteral("the text on stdin is larger than %1 bytes").arg(maxCountBytes));
        }
        bytes = QByteArray::fromStdString(input);
    } else {
        QFile file(source);
        if (!file.open(QIODevice::ReadOnly)) {
            Error error;
            error.code = ErrorCode::NotFound;
            error.detail = QStringLiteral("%1 cannot be read: %2").arg(source, file.errorString());
            return reportError(context, error);
        }
        if (file.size() > maxCountBytes) {
            return usageError(QStringLiteral("%1 is larger than %2 bytes").arg(source).arg(maxCountBytes));
        }
        bytes = file.readAll();
    }
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8.decode(bytes);
    if (utf8.hasError()) {
        return usageError(QStringLiteral("%1 is not UTF-8 text")
                              .arg(source == QLatin1StringView("-") ? QStringLiteral("stdin") : source));
    }
    const TokenCount count = parsed->has(QStringLiteral("model"))
                                 ? countTokens(text, parsed->value(QStringLiteral("model")))
                                 : countTokens(text, *encoding);
    if (context.json) {
        printJson(QJsonObject{{QStringLiteral("tokens"), double(count.tokens)},
                              {QStringLiteral("encoding"), encodingName(count.encoding)},
                              {QStringLiteral("exact"), count.exact}});
    } else {
        printOut(
            QStringLiteral("%1%2 tokens (%3%4)\n")
                .arg(count.exact ? QString() : QStringLiteral("≈"))
                .arg(count.tokens)
                .arg(encodingName(count.encoding),
                     count.exact ? QString() : QStringLiteral(", an estimate: the model's tokenizer is not public")));
    }
    return exitOk;
}

} // namespace Tessera::Cli
