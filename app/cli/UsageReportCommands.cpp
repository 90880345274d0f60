#include "UsageReportCommands.h"

#include "accounts/AccountService.h"
#include "app/CoreServices.h"
#include "common/Clock.h"
#include "prompts/Feedback.h"
#include "usage/Pricing.h"
#include "usage/UsageCharts.h"
#include "usage/UsageFigures.h"
#include "usage/UsageLedger.h"
#include "usage/UsageReport.h"

#include <QChart>
#include <QFileInfo>
#include <QFont>
#include <QJsonArray>
#include <QJsonObject>

#include <memory>
#include <string_view>

namespace Tessera::Cli {

using namespace Tessera::Core;
using namespace Tessera::Ui;

namespace {

// The period and narrowing filters both commands take; the period defaults to the last 30 days up to today.
const std::set<QString> filterOptions{QStringLiteral("from"),     QStringLiteral("to"),    QStringLiteral("user"),
                                      QStringLiteral("provider"), QStringLiteral("model"), QStringLiteral("feature"),
                                      QStringLiteral("output")};

// Reads the filters into `filter`; returns an exit status when they are wrong (a usage error or a refusal).
std::optional<int> readFilter(Context& context, const CommandArgs& parsed, UsageFilter& filter) {
    const QDate today = context.services.clock().nowUtc().toTimeZone(context.services.usage().timeZone()).date();
    filter.to = today;
    for (const char* name : {"from", "to"}) {
        const QString option = QString::fromLatin1(name);
        if (!parsed.has(option)) {
            continue;
        }
        const QDate date = QDate::fromString(parsed.value(option), Qt::ISODate);
        if (!date.isValid()) {
            return usageError(QStringLiteral("--%1 takes a date as YYYY-MM-DD").arg(option));
        }
        (option == QLatin1StringView("from") ? filter.from : filter.to) = date;
    }
    if (!filter.from.isValid()) {
        filter.from = filter.to.addDays(-29);
    }
    if (filter.from > filter.to) {
        return usageError(QStringLiteral("--from must be on or before --to"));
    }
    if (parsed.has(QStringLiteral("user"))) {
        auto user = context.services.accounts().user(context.actor, parsed.value(QStringLiteral("user")));
        if (!user) {
            return reportError(context, user.error());
        }
        filter.accountId = user->account.id;
    }
    filter.provider = parsed.value(QStringLiteral("provider"));
    filter.model = parsed.value(QStringLiteral("model"));
    filter.feature = parsed.value(QStringLiteral("feature"));
    return std::nullopt;
}

QJsonObject periodJson(const UsageFilter& filter) {
    return {{QStringLiteral("from"), filter.from.toString(Qt::ISODate)},
            {QStringLiteral("to"), filter.to.toString(Qt::ISODate)}};
}

// Whom the report covers and how it is narrowed, in words, for its header.
QString scopeText(const Context& context, const CommandArgs& parsed) {
    UsageFigures::Scope scope;
    scope.everyone = context.actor.may(Permission::UsageViewAll);
    scope.person = parsed.value(QStringLiteral("user"));
    scope.provider = parsed.value(QStringLiteral("provider"));
    scope.model = parsed.value(QStringLiteral("model"));
    scope.feature = parsed.value(QStringLiteral("feature"));
    return UsageFigures::scopeText(scope);
}

} // namespace

bool needsWidgets(int argc, char** argv) {
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::string_view(argv[i]) == "usage") {
            const std::string_view sub(argv[i + 1]);
            return sub == "chart" || sub == "pdf";
        }
    }
    return false;
}

int runUsageChart(Context& context, const QStringList& args) {
    QString problem;
    std::set<QString> options = filterOptions;
    options.insert({QStringLiteral("metric"), QStringLiteral("by"), QStringLiteral("size")});
    auto parsed = CommandArgs::parse(args, options, {}, &problem);
    if (!parsed) {
        return usageError(problem);
    }
    if (!parsed->positional.isEmpty()) {
        return usageError(QStringLiteral("usage chart takes options only"));
    }
    const auto metric = parseUsageMetric(parsed->value(QStringLiteral("metric")));
    if (!metric) {
        return usageError(QStringLiteral("--metric takes cost, tokens or requests"));
    }
    const auto by = parseUsageDimension(parsed->value(QStringLiteral("by")));
    if (!by) {
        return usageError(QStringLiteral("--by takes model, provider, user, role or feature"));
    }
    const QString path = parsed->value(QStringLiteral("output"));
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (path.isEmpty() || (suffix != QLatin1StringView("png") && suffix != QLatin1StringView("svg"))) {
        return usageError(QStringLiteral("usage chart needs --output PATH ending in .png or .svg"));
    }
    QSize size(1280, 640);
    if (parsed->has(QStringLiteral("size"))) {
        const QStringList parts = parsed->value(QStringLiteral("size")).split(QLatin1Char('x'));
        bool wide = false;
        bool high = false;
        size = parts.size() == 2 ? QSize(parts[0].toInt(&wide), parts[1].toInt(&high)) : QSize();
        if (!wide || !high || size.width() < 320 || size.height() < 200 || size.width() > 8000 ||
            size.height() > 8000) {
            return usageError(QStringLiteral("--size takes WIDTHxHEIGHT in pixels, from 320x200 to 8000x8000"));
        }
    }
    UsageFilter filter;
    if (const auto failed = readFilter(context, *parsed, filter)) {
        return *failed;
    }
    auto timeline = context.services.dashboards().overTime(context.actor, filter, *by, *metric);
    if (!timeline) {
        return reportError(context, timeline.error());
    }
    const QStringList names = UsageFigures::seriesNames(*timeline, false, *by);
    const UsageUnit unit = *metric == UsageMetric::Cost ? UsageUnit::Money : UsageUnit::Count;
    std::unique_ptr<QChart> chart(Ui::usageTimelineChart(*timeline, names, unit));
    const QString title = usageChartTitle(*metric, *by, filter.from, filter.to);
    chart->setTitle(title);
    QFont font = chart->titleFont();
    font.setPointSizeF(font.pointSizeF() * 1.2);
    font.setBold(true);
    chart->setTitleFont(font);
    chart->setTitleBrush(chart->legend()->labelColor());
    if (auto written = writeUsageChartImage(chart.get(), path, size, title); !written) {
        return reportError(context, written.error());
    }
    if (context.json) {
        QJsonArray series;
        for (std::size_t i = 0; i < timeline->series.size(); ++i) {
            const UsageSeries& each = timeline->series[i];
            series.append(
                QJsonObject{{QStringLiteral("name"), names.value(qsizetype(i))},
                            {QStringLiteral("key"), each.key},
                            {QStringLiteral("total"), *metric == UsageMetric::Cost ? QJsonValue(usdValue(each.total))
                                                                                   : QJsonValue(double(each.total))}});
        }
        QJsonObject json = periodJson(filter);
        json.insert(QStringLiteral("path"), QFileInfo(path).absoluteFilePath());
        json.insert(QStringLiteral("format"), suffix);
        json.insert(QStringLiteral("metric"), usageMetricName(*metric));
        json.insert(QStringLiteral("by"), usageDimensionName(*by));
        json.insert(QStringLiteral("step"), usageStepName(timeline->step));
        json.insert(QStringLiteral("width"), size.width());
        json.insert(QStringLiteral("height"), size.height());
        json.insert(QStringLiteral("series"), series);
        json.insert(QStringLiteral("unpriced_requests"), double(timeline->unpriced));
        printJson(json);
    } else {
        printOut(QStringLiteral("Wrote %1 (%2 series, %3 periods of a %4) to %5.\n")
                     .arg(title)
                     .arg(timeline->series.size())
                     .arg(timeline->starts.size())
                     .arg(usageStepName(timeline->step), QFileInfo(path).absoluteFilePath()));
    }
    return exitOk;
}

int runUsagePdf(Context& context, const QStringList& args) {
    QString problem;
    std::set<QString> options = filterOptions;
    options.insert(QStringLiteral("split"));
    options.insert(QStringLiteral("quality-by"));
    auto parsed = CommandArgs::parse(args, options, {}, &problem);
    if (!parsed) {
        return usageError(problem);
    }
    if (!parsed->positional.isEmpty()) {
        return usageError(QStringLiteral("usage pdf takes options only"));
    }
    const QString path = parsed->value(QStringLiteral("output"));
    if (path.isEmpty()) {
        return usageError(QStringLiteral("usage pdf needs --output PATH"));
    }
    Ui::UsageRequest request;
    if (parsed->has(QStringLiteral("split"))) {
        const auto split = parseUsageDimension(parsed->value(QStringLiteral("split")));
        if (!split) {
            return usageError(QStringLiteral("--split takes model, provider, user, role or feature"));
        }
        request.split = *split;
    }
    if (parsed->has(QStringLiteral("quality-by"))) {
        const auto by = Core::parseFeedbackGrouping(parsed->value(QStringLiteral("quality-by")));
        if (!by) {
            return usageError(QStringLiteral("--quality-by takes model, provider or template"));
        }
        request.quality = *by;
    }
    if (const auto failed = readFilter(context, *parsed, request.filter)) {
        return *failed;
    }
    const Ui::UsageSnapshot snapshot =
        Ui::readUsageSnapshot(context.services.dashboards(), context.services.budgetPace(), context.actor, request,
                              &context.services.feedback());
    if (snapshot.error) {
        return reportError(context, *snapshot.error);
    }
    Ui::UsageReportHeader header;
    header.scope = scopeText(context, *parsed);
    header.generated = context.services.clock().nowUtc();
    header.zone = context.services.usage().timeZone();
    auto pages = Ui::writeUsageReportPdf(path, snapshot, header);
    if (!pages) {
        return reportError(context, pages.error());
    }
    const QFileInfo written(path);
    if (context.json) {
        QJsonObject json = periodJson(request.filter);
        json.insert(QStringLiteral("path"), written.absoluteFilePath());
        json.insert(QStringLiteral("pages"), *pages);
        json.insert(QStringLiteral("bytes"), double(written.size()));
        json.insert(QStringLiteral("cost_usd"), usdValue(snapshot.summary.current.costMicros));
        json.insert(QStringLiteral("requests"), double(snapshot.summary.current.requests));
        printJson(json);
    } else {
        printOut(QStringLiteral("Wrote the usage report for %1 to %2 (%3 pages) to %4.\n")
                     .arg(request.filter.from.toString(Qt::ISODate), request.filter.to.toString(Qt::ISODate))
                     .arg(*pages)
                     .arg(written.absoluteFilePath()));
    }
    return exitOk;
}

} // namespace Tessera::Cli
