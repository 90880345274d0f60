#include "ObservabilityCommands.h"

#include "app/CoreServices.h"
#include "app/SettingsService.h"
#include "cache/ResponseCache.h"
#include "observability/HealthChecker.h"
#include "observability/Metrics.h"
#include "providers/ProviderService.h"
#include "resilience/ResilienceRegistry.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Tessera::Cli {

using namespace Tessera::Core;

namespace {

constexpr int exitUnhealthy = 5;

QJsonObject healthJson(const HealthReport& report) {
    QJsonArray breakers;
    for (const auto& b : report.breakers) {
        breakers.append(QJsonObject{{QStringLiteral("model"), b.model},
                                    {QStringLiteral("state"), QString(breakerStateName(b.state))},
                                    {QStringLiteral("retry_in_ms"), double(b.remainingOpenMs)},
                                    {QStringLiteral("failure_rate_percent"), b.failureRatePercent}});
    }
    QJsonObject object{{QStringLiteral("provider"), report.provider.name},
                       {QStringLiteral("kind"), QString(kindName(report.provider.kind))},
                       {QStringLiteral("healthy"), report.healthy()},
                       {QStringLiteral("reachable"), report.probe.reachable},
                       {QStringLiteral("authenticated"), report.probe.authenticated},
                       {QStringLiteral("models"), double(report.probe.models.size())},
                       {QStringLiteral("latency_ms"), double(report.probe.latencyMs)},
                       {QStringLiteral("breaker_forced_open"), report.provider.resilience.breaker.forcedOpen},
                       {QStringLiteral("breakers"), breakers},
                       {QStringLiteral("correlation_id"), report.probe.correlationId}};
    if (!report.status.rateLimits.isEmpty()) {
        object.insert(QStringLiteral("rate_limits"), report.status.rateLimits.summary());
    }
    if (report.status.lastError) {
        object.insert(QStringLiteral("last_error"), errorJson(*report.status.lastError));
    }
    return object;
}

} // namespace

int runMetrics(Context& context, const QStringList& args) {
    if (!args.isEmpty()) {
        return usageError(QStringLiteral("metrics takes no arguments"));
    }
    printOut(context.services.metrics().prometheusText());
    return exitOk;
}

int runHealth(Context& context, const QStringList& args) {
    QString problem;
    auto parsed = CommandArgs::parse(args, {}, {}, &problem);
    if (!parsed) {
        return usageError(problem);
    }
    if (parsed->positional.size() > 1) {
        return usageError(QStringLiteral("health takes at most one provider NAME"));
    }
    std::vector<ProviderConfig> providers;
    if (parsed->positional.size() == 1) {
        auto one = context.services.providers().find(context.actor, parsed->positional.first());
        if (!one) {
            return reportError(context, one.error());
        }
        providers.push_back(*one);
    } else {
        auto all = context.services.providers().list(context.actor);
        if (!all) {
            return reportError(context, all.error());
        }
        providers = *all;
    }
    HealthChecker checker(context.services.probe(), context.services.resilience());
    const auto reports = await<std::vector<HealthReport>>(
        [&](std::function<void(std::vector<HealthReport>)> done) { checker.check(providers, std::move(done)); });
    bool allHealthy = true;
    QJsonArray array;
    for (const HealthReport& report : reports) {
        allHealthy = allHealthy && report.healthy();
        if (context.json) {
            array.append(healthJson(report));
            continue;
        }
        QString line = QStringLiteral("%1  %2  %3")
                           .arg(report.healthy() ? QStringLiteral("healthy  ") : QStringLiteral("UNHEALTHY"),
                                report.provider.name, QString(kindName(report.provider.kind)));
        line += QStringLiteral("  reachable=%1 authenticated=%2 models=%3 latency=%4ms")
                    .arg(report.probe.reachable ? QStringLiteral("yes") : QStringLiteral("no"),
                         report.probe.authenticated ? QStringLiteral("yes") : QStringLiteral("no"))
                    .arg(report.probe.models.size())
                    .arg(report.probe.latencyMs);
        if (report.provider.resilience.breaker.forcedOpen) {
            line += QStringLiteral(" breaker=forced_open");
        }
        for (const auto& breaker : report.breakers) {
            line += QStringLiteral(" breaker[%1]=%2").arg(breaker.model, breakerStateName(breaker.state));
        }
        if (!report.status.rateLimits.isEmpty()) {
            line += QStringLiteral(" limits: ") + report.status.rateLimits.summary();
        }
        printOut(line + QLatin1Char('\n'));
        if (report.status.lastError) {
            const Error& error = *report.status.lastError;
            printOut(QStringLiteral("    last error [%1] %2 (cid %3)\n")
                         .arg(codeName(error.code), error.translatedMessage(), error.correlationId));
        }
    }
    if (context.json) {
        printJson(array);
    } else if (reports.empty()) {
        printOut(QStringLiteral("No enabled providers. Add one with 'tessera-cli providers add'.\n"));
    }
    return allHealthy ? exitOk : exitUnhealthy;
}

int runCache(Context& context, const QStringList& args) {
    if (args.isEmpty()) {
        return usageError(QStringLiteral("cache needs a subcommand: stats, clear or settings"));
    }
    const QString sub = args.first();
    QString problem;
    SettingsService& settingsService = context.services.settings();
    if (sub == QLatin1StringView("stats")) {
        auto stats = settingsService.cacheStats(context.actor);
        if (!stats) {
            return reportError(context, stats.error());
        }
        const CacheSettings settings = settingsService.cacheSettings(context.actor);
        if (context.json) {
            printJson(QJsonObject{{QStringLiteral("entries"), double(stats->entries)},
                                  {QStringLiteral("expired"), double(stats->expired)},
                                  {QStringLiteral("hits"), double(stats->hits)},
                                  {QStringLiteral("interactive"), settings.interactive},
                                  {QStringLiteral("batch"), settings.batch},
                                  {QStringLiteral("ttl_seconds"), double(settings.ttlSeconds)}});
        } else {
            printOut(QStringLiteral("%1 entries (%2 expired), %3 hits; chat %4, batch %5, lifetime %6 s\n")
                         .arg(stats->entries)
                         .arg(stats->expired)
                         .arg(stats->hits)
                         .arg(settings.interactive ? QStringLiteral("on") : QStringLiteral("off"),
                              settings.batch ? QStringLiteral("on") : QStringLiteral("off"))
                         .arg(settings.ttlSeconds));
        }
        return exitOk;
    }
    if (sub == QLatin1StringView("clear")) {
        auto parsed = CommandArgs::parse(args.mid(1), {QStringLiteral("provider"), QStringLiteral("model")},
                                         {QStringLiteral("expired")}, &problem);
        if (!parsed) {
            return usageError(problem);
        }
        if (parsed->has(QStringLiteral("model")) && !parsed->has(QStringLiteral("provider"))) {
            return usageError(QStringLiteral("--model needs --provider"));
        }
        auto removed = parsed->has(QStringLiteral("expired"))
                           ? settingsService.clearExpiredCache(context.actor)
                           : settingsService.clearCache(context.actor, parsed->value(QStringLiteral("provider")),
                                                        parsed->value(QStringLiteral("model")));
        if (!removed) {
            return reportError(context, removed.error());
        }
        if (context.json) {
            printJson(QJsonObject{{QStringLiteral("removed"), double(*removed)}});
        } else {
            printOut(QStringLiteral("Removed %1 cached answers.\n").arg(*removed));
        }
        return exitOk;
    }
    if (sub == QLatin1StringView("settings")) {
        auto parsed = CommandArgs::parse(
            args.mid(1), {QStringLiteral("chat"), QStringLiteral("batch"), QStringLiteral("ttl")}, {}, &problem);
        if (!parsed) {
            return usageError(problem);
        }
        CacheSettings settings = settingsService.cacheSettings(context.actor);
        for (const auto& [name, target] : {std::pair<QString, bool*>{QStringLiteral("chat"), &settings.interactive},
                                           std::pair<QString, bool*>{QStringLiteral("batch"), &settings.batch}}) {
            if (!parsed->has(name)) {
                continue;
            }
            const QString value = parsed->value(name);
            if (value != QLatin1StringView("on") && value != QLatin1StringView("off")) {
                return usageError(QStringLiteral("--%1 takes on or off").arg(name));
            }
            *target = value == QLatin1StringView("on");
        }
        if (parsed->has(QStringLiteral("ttl"))) {
            bool ok = false;
            settings.ttlSeconds = parsed->value(QStringLiteral("ttl")).toLongLong(&ok);
            if (!ok) {
                return usageError(QStringLiteral("--ttl needs a number of seconds"));
            }
        }
        if (auto saved = settingsService.setCacheSettings(context.actor, settings); !saved) {
            return usageError(saved.error().detail);
        }
        printOut(QStringLiteral("Cache: chat %1, batch %2, lifetime %3 s.\n")
                     .arg(settings.interactive ? QStringLiteral("on") : QStringLiteral("off"),
                          settings.batch ? QStringLiteral("on") : QStringLiteral("off"))
                     .arg(settings.ttlSeconds));
        return exitOk;
    }
    return usageError(QStringLiteral("unknown cache subcommand '%1'").arg(sub));
}

} // namespace Tessera::Cli
