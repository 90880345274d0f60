#include "ProviderCommands.h"

#include "app/CoreServices.h"
#include "providers/ProviderPresets.h"
#include "providers/ProviderProbe.h"
#include "providers/ProviderService.h"
#include "providers/RequestRunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QTextStream>

#include <cstdio>
#include <iostream>
#include <string>

namespace Tessera::Cli {

using namespace Tessera::Core;

namespace {

QJsonObject providerJson(const ProviderConfig& p) {
    return QJsonObject{{QStringLiteral("id"), double(p.id)},
                       {QStringLiteral("name"), p.name},
                       {QStringLiteral("kind"), QString(kindName(p.kind))},
                       {QStringLiteral("base_url"), p.baseUrl},
                       {QStringLiteral("default_model"), p.defaultModel},
                       {QStringLiteral("key_source"), QString(keySourceName(p.keySource))},
                       {QStringLiteral("key_env_var"), p.keyEnvVar},
                       {QStringLiteral("api_version"), p.apiVersion},
                       {QStringLiteral("enabled"), p.enabled},
                       {QStringLiteral("resilience"), QJsonDocument::fromJson(p.resilience.toJson()).object()}};
}

QString keyDescription(const ProviderConfig& p) {
    switch (p.keySource) {
    case KeySource::Keychain:
        return QStringLiteral("keychain");
    case KeySource::Environment:
        return QStringLiteral("env:") + p.keyEnvVar;
    case KeySource::None:
        return QStringLiteral("none");
    }
    return {};
}

// Reads --api-key-stdin's key into *key; false when stdin held none.
bool readKey(std::optional<QString>* key) {
    *key = readSecretFromStdin();
    return !(*key)->isEmpty();
}

// The provider named by the command's only argument. On a usage error or a failed lookup, the error is
// reported and *exitCode holds the status to return.
std::optional<ProviderConfig> namedProvider(Context& context, const QStringList& args, const QString& usage,
                                            int* exitCode) {
    if (args.size() != 1) {
        *exitCode = usageError(usage);
        return std::nullopt;
    }
    auto provider = context.services.providers().find(context.actor, args.first());
    if (!provider) {
        *exitCode = reportError(context, provider.error());
        return std::nullopt;
    }
    return *provider;
}

const std::set<QString>& resilienceOptions() {
    static const std::set<QString> names = {QStringLiteral("api-version"),
                                            QStringLiteral("max-retries"),
                                            QStringLiteral("rpm"),
                                            QStringLiteral("tpm"),
                                            QStringLiteral("connect-timeout"),
                                            QStringLiteral("first-token-timeout"),
                                            QStringLiteral("idle-timeout"),
                                            QStringLiteral("breaker"),
                                            QStringLiteral("breaker-open-seconds"),
                                            QStringLiteral("default-model"),
                                            QStringLiteral("kind"),
                                            QStringLiteral("base-url"),
                                            QStringLiteral("api-key-env"),
                                            QStringLiteral("rate-limit-max-wait")};
    return names;
}

// Applies --api-version and the resilience options; returns a problem for a usage error.
std::optional<QString> applyResilienceOptions(const CommandArgs& parsed, ProviderConfig& config) {
    const auto number = [&](const char* name, qint64 scale, auto& target) -> std::optional<QString> {
        if (!parsed.has(QLatin1StringView(name))) {
            return std::nullopt;
        }
        bool ok = false;
        const qint64 value = parsed.value(QLatin1StringView(name)).toLongLong(&ok);
        if (!ok || value < 0) {
            return QStringLiteral("--%1 needs a whole number of %2")
                .arg(QLatin1StringView(name), scale == 1000 ? QStringLiteral("seconds") : QStringLiteral("units"));
        }
        target = static_cast<std::remove_reference_t<decltype(target)>>(value * scale);
        return std::nullopt;
    };
    ResilienceSettings& r = config.resilience;
    for (auto problem :
         {number("max-retries", 1, r.retry.maxRetries), number("rpm", 1, r.rateLimit.requestsPerMinute),
          number("tpm", 1, r.rateLimit.tokensPerMinute), number("rate-limit-max-wait", 1000, r.rateLimit.maxWaitMs),
          number("connect-timeout", 1000, r.timeouts.connectMs),
          number("first-token-timeout", 1000, r.timeouts.firstTokenMs), number("idle-timeout", 1000, r.timeouts.idleMs),
          number("breaker-open-seconds", 1000, r.breaker.openMs)}) {
        if (problem) {
            return problem;
        }
    }
    if (parsed.has(QStringLiteral("breaker"))) {
        const QString mode = parsed.value(QStringLiteral("breaker"));
        if (mode == QLatin1StringView("on")) {
            r.breaker.enabled = true;
            r.breaker.forcedOpen = false;
        } else if (mode == QLatin1StringView("off")) {
            r.breaker.enabled = false;
            r.breaker.forcedOpen = false;
        } else if (mode == QLatin1StringView("forced-open")) {
            r.breaker.forcedOpen = true;
        } else {
            return QStringLiteral("--breaker takes on, off or forced-open");
        }
    }
    if (parsed.has(QStringLiteral("api-version"))) {
        config.apiVersion = parsed.value(QStringLiteral("api-version"));
    } else if (config.kind == ProviderKind::AzureOpenAi && config.apiVersion.isEmpty()) {
        config.apiVersion = QString::fromLatin1(defaultAzureApiVersion);
    }
    return std::nullopt;
}

int addProvider(Context& context, const QStringList& args) {
    QString problem;
    auto parsed = CommandArgs::parse(args, resilienceOptions(), {QStringLiteral("api-key-stdin")}, &problem);
    if (!parsed) {
        return usageError(problem);
    }
    if (parsed->positional.size() != 1) {
        return usageError(QStringLiteral("providers add needs exactly one NAME"));
    }
    if (!parsed->has(QStringLiteral("kind"))) {
        return usageError(QStringLiteral("providers add needs --kind (%1)").arg(providerKindNames().join(u'|')));
    }
    const auto kind = parseProviderKind(parsed->value(QStringLiteral("kind")));
    if (!kind) {
        return usageError(
            QStringLiteral("unknown kind '%1'; use one of: %2")
                .arg(parsed->value(QStringLiteral("kind")), providerKindNames().join(QStringLiteral(", "))));
    }
    if (parsed->has(QStringLiteral("api-key-env")) && parsed->has(QStringLiteral("api-key-stdin"))) {
        return usageError(QStringLiteral("give either --api-key-env or --api-key-stdin, not both"));
    }
    ProviderConfig config;
    config.name = parsed->positional.first();
    config.kind = *kind;
    config.baseUrl =
        parsed->has(QStringLiteral("base-url")) ? parsed->value(QStringLiteral("base-url")) : defaultBaseUrl(*kind);
    if (config.baseUrl.isEmpty()) {
        return usageError(
            QStringLiteral("--kind %1 needs --base-url (for example http://localhost:1234/v1)").arg(kindName(*kind)));
    }
    config.defaultModel = parsed->value(QStringLiteral("default-model"));
    if (parsed->has(QStringLiteral("api-key-env"))) {
        config.keySource = KeySource::Environment;
        config.keyEnvVar = parsed->value(QStringLiteral("api-key-env"));
    } else if (parsed->has(QStringLiteral("api-key-stdin"))) {
        config.keySource = KeySource::Keychain;
    }
    if (auto problemText = applyResilienceOptions(*parsed, config)) {
        return usageError(*problemText);
    }
    if (auto valid = ProviderService::validate(config); !valid) {
        return usageError(valid.error().detail);
    }
    if (auto existing = context.services.providers().find(context.actor, config.name)) {
        return reportError(context, makeError(ErrorCode::AlreadyExists,
                                              QStringLiteral("a provider named '%1' exists").arg(config.name)));
    }
    std::optional<QString> key;
    if (config.keySource == KeySource::Keychain && !readKey(&key)) {
        return usageError(QStringLiteral("--api-key-stdin read an empty key"));
    }
    // The service writes the key to the keychain first: if that fails, nothing is stored at all.
    const auto added = await<Result<ProviderConfig>>([&](ProviderService::ConfigDone done) {
        context.services.providers().add(context.actor, config, key, std::move(done));
    });
    if (!added) {
        return reportError(context, added.error());
    }
    if (context.json) {
        printJson(providerJson(*added));
    } else {
        printOut(QStringLiteral("Added provider %1 (%2, %3, key: %4).\n")
                     .arg(added->name, kindName(added->kind), added->baseUrl, keyDescription(*added)));
    }
    return exitOk;
}

int updateProvider(Context& context, const QStringList& args) {
    QString problem;
    auto parsed = CommandArgs::parse(args, resilienceOptions(),
                                     {QStringLiteral("api-key-stdin"), QStringLiteral("no-api-key"),
                                      QStringLiteral("enable"), QStringLiteral("disable")},
                                     &problem);
    if (!parsed) {
        return usageError(problem);
    }
    if (parsed->positional.size() != 1) {
        return usageError(QStringLiteral("providers update needs exactly one NAME"));
    }
    const int keyOptions = int(parsed->has(QStringLiteral("api-key-env"))) +
                           int(parsed->has(QStringLiteral("api-key-stdin"))) +
                           int(parsed->has(QStringLiteral("no-api-key")));
    if (keyOptions > 1) {
        return usageError(QStringLiteral("give at most one of --api-key-env, --api-key-stdin, --no-api-key"));
    }
    auto existing = context.services.providers().find(context.actor, parsed->positional.first());
    if (!existing) {
        return reportError(context, existing.error());
    }
    ProviderConfig config = *existing;
    if (parsed->has(QStringLiteral("kind"))) {
        const auto kind = parseProviderKind(parsed->value(QStringLiteral("kind")));
        if (!kind) {
            return usageError(QStringLiteral("unknown kind '%1'").arg(parsed->value(QStringLiteral("kind"))));
        }
        config.kind = *kind;
    }
    if (parsed->has(QStringLiteral("base-url"))) {
        config.baseUrl = parsed->value(QStringLiteral("base-url"));
    }
    if (parsed->has(QStringLiteral("default-model"))) {
        config.defaultModel = parsed->value(QStringLiteral("default-model"));
    }
    if (parsed->has(QStringLiteral("api-key-env"))) {
        config.keySource = KeySource::Environment;
        config.keyEnvVar = parsed->value(QStringLiteral("api-key-env"));
    } else if (parsed->has(QStringLiteral("api-key-stdin"))) {
        config.keySource = KeySource::Keychain;
    } else if (parsed->has(QStringLiteral("no-api-key"))) {
        config.keySource = KeySource::None;
    }
    if (parsed->has(QStringLiteral("enable")) && parsed->has(QStringLiteral("disable"))) {
        return usageError(QStringLiteral("give --enable or --disable, not both"));
    }
    if (parsed->has(QStringLiteral("enable")) || parsed->has(QStringLiteral("disable"))) {
        config.enabled = parsed->has(QStringLiteral("enable"));
    }
    if (auto problemText = applyResilienceOptions(*parsed, config)) {
        return usageError(*problemText);
    }
    if (auto valid = ProviderService::validate(config); !valid) {
        return usageError(valid.error().detail);
    }
    std::optional<QString> key;
    if (parsed->has(QStringLiteral("api-key-stdin")) && !readKey(&key)) {
        return usageError(QStringLiteral("--api-key-stdin read an empty key"));
    }
    const auto updated = await<Result<ProviderConfig>>([&](ProviderService::ConfigDone done) {
        context.services.providers().update(context.actor, config, key, std::move(done));
    });
    if (!updated) {
        return reportError(context, updated.error());
    }
    if (context.json) {
        printJson(providerJson(config));
    } else {
        printOut(QStringLiteral("Updated provider %1 (%2, %3, key: %4).\n")
                     .arg(config.name, kindName(config.kind), config.baseUrl, keyDescription(config)));
    }
    return exitOk;
}

int listProviders(Context& context) {
    auto providers = context.services.providers().list(context.actor);
    if (!providers) {
        return reportError(context, providers.error());
    }
    if (context.json) {
        QJsonArray array;
        for (const auto& p : *providers) {
            array.append(providerJson(p));
        }
        printJson(array);
        return exitOk;
    }
    if (providers->empty()) {
        printOut(QStringLiteral("No providers. Add one with: tessera-cli providers add NAME --kind openai "
                                "--api-key-env OPENAI_API_KEY\n"));
        return exitOk;
    }
    QString text = QStringLiteral("%1  %2  %3  %4  %5\n")
                       .arg(QStringLiteral("NAME"), -16)
                       .arg(QStringLiteral("KIND"), -17)
                       .arg(QStringLiteral("DEFAULT MODEL"), -20)
                       .arg(QStringLiteral("KEY"), -22)
                       .arg(QStringLiteral("BASE URL"));
    for (const auto& p : *providers) {
        text += QStringLiteral("%1  %2  %3  %4  %5\n")
                    .arg(p.name, -16)
                    .arg(QString(kindName(p.kind)), -17)
                    .arg(p.defaultModel.isEmpty() ? QStringLiteral("-") : p.defaultModel, -20)
                    .arg(keyDescription(p), -22)
                    .arg(p.baseUrl);
    }
    printOut(text);
    return exitOk;
}

int removeProvider(Context& context, const QStringList& args) {
    int exitCode = exitOk;
    const auto provider =
        namedProvider(context, args, QStringLiteral("providers remove needs exactly one NAME"), &exitCode);
    if (!provider) {
        return exitCode;
    }
    const auto removed = await<Result<ProviderRemoval>>([&](ProviderService::RemovalDone done) {
        context.services.providers().remove(context.actor, provider->name, std::move(done));
    });
    if (!removed) {
        return reportError(context, removed.error());
    }
    if (removed->keyError) {
        printErr(QStringLiteral("tessera-cli: warning: the provider was removed but its key could not be deleted "
                                "from the keychain: %1\n")
                     .arg(removed->keyError->translatedMessage()));
    }
    if (context.json) {
        printJson(QJsonObject{{QStringLiteral("removed"), provider->name}});
    } else {
        printOut(QStringLiteral("Removed provider %1. Its conversations are kept.\n").arg(provider->name));
    }
    return exitOk;
}

int testProvider(Context& context, const QStringList& args) {
    int exitCode = exitOk;
    const auto provider =
        namedProvider(context, args, QStringLiteral("providers test needs exactly one NAME"), &exitCode);
    if (!provider) {
        return exitCode;
    }
    const ProbeReport report = await<ProbeReport>(
        [&](std::function<void(ProbeReport)> done) { context.services.probe().run(*provider, std::move(done)); });
    const auto yesNo = [](bool value) {
        return value ? QStringLiteral("yes") : QStringLiteral("no");
    };
    if (context.json) {
        QJsonObject object{{QStringLiteral("provider"), provider->name},
                           {QStringLiteral("ok"), report.ok()},
                           {QStringLiteral("key_available"), report.keyAvailable},
                           {QStringLiteral("reachable"), report.reachable},
                           {QStringLiteral("authenticated"), report.authenticated},
                           {QStringLiteral("model_count"), int(report.models.size())},
                           {QStringLiteral("latency_ms"), double(report.latencyMs)},
                           {QStringLiteral("correlation_id"), report.correlationId}};
        if (report.error) {
            object.insert(QStringLiteral("error"), errorJson(*report.error));
        }
        printJson(object);
    } else {
        printOut(QStringLiteral("Provider %1 (%2)\n  key available:  %3\n  reachable:      %4\n  authenticated:  %5\n"
                                "  models:         %6\n  latency:        %7 ms\n")
                     .arg(provider->name, provider->baseUrl, yesNo(report.keyAvailable), yesNo(report.reachable),
                          yesNo(report.authenticated))
                     .arg(report.models.size())
                     .arg(report.latencyMs));
    }
    if (report.error) {
        Context quiet{context.services, false, context.actor, {}}; // the JSON above already carries the error
        return reportError(quiet, *report.error);
    }
    return exitOk;
}

} // namespace

int runProviders(Context& context, const QStringList& args) {
    if (args.isEmpty()) {
        return usageError(QStringLiteral("providers needs a subcommand: add, update, list, remove, test"));
    }
    const QString& sub = args.first();
    const QStringList rest = args.mid(1);
    if (sub == QLatin1StringView("add")) {
        return addProvider(context, rest);
    }
    if (sub == QLatin1StringView("update")) {
        return updateProvider(context, rest);
    }
    if (sub == QLatin1StringView("list")) {
        if (!rest.isEmpty()) {
            return usageError(QStringLiteral("providers list takes no arguments"));
        }
        return listProviders(context);
    }
    if (sub == QLatin1StringView("remove")) {
        return removeProvider(context, rest);
    }
    if (sub == QLatin1StringView("test")) {
        return testProvider(context, rest);
    }
    return usageError(QStringLiteral("unknown providers subcommand '%1'").arg(sub));
}

int runModels(Context& context, const QStringList& args) {
    int exitCode = exitOk;
    const auto provider = namedProvider(context, args, QStringLiteral("models needs exactly one PROVIDER"), &exitCode);
    if (!provider) {
        return exitCode;
    }
    QObject receiver;
    const ModelListing listing = await<ModelListing>([&](std::function<void(ModelListing)> done) {
        context.services.runner().listModels(*provider, std::nullopt, &receiver, std::move(done));
    });
    const Result<QStringList>& models = listing.models;
    if (!models) {
        return reportError(context, models.error());
    }
    if (context.json) {
        printJson(QJsonArray::fromStringList(*models));
    } else {
        printOut(models->isEmpty() ? QStringLiteral("(the provider lists no models)\n")
                                   : models->join(QLatin1Char('\n')) + QLatin1Char('\n'));
    }
    return exitOk;
}

} // namespace Tessera::Cli
