#include "DoctorCommand.h"

#include "app/CoreServices.h"
#include "common/DataDirectory.h"
#include "logging/Logging.h"
#include "providers/ProviderProbe.h"
#include "secrets/SecretStore.h"
#include "storage/Database.h"
#include "storage/ProviderRepository.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace Tessera::Cli {

using namespace Tessera::Core;

int runDoctor(Context& context, const QStringList& args) {
    if (!args.isEmpty()) {
        return usageError(QStringLiteral("doctor takes no arguments"));
    }
    CoreServices& services = context.services;
    QJsonArray checks;
    bool allOk = true;
    const auto add = [&](const QString& name, bool ok, const QString& detail) {
        allOk = allOk && ok;
        checks.append(QJsonObject{
            {QStringLiteral("check"), name}, {QStringLiteral("ok"), ok}, {QStringLiteral("detail"), detail}});
        if (!context.json) {
            printOut(QStringLiteral("[%1] %2: %3\n")
                         .arg(ok ? QStringLiteral(" ok ") : QStringLiteral("FAIL"), name, detail));
        }
    };

    const QFileInfo dir(services.dataDirectory());
    add(QStringLiteral("data directory"), dir.isDir() && dir.isWritable(),
        services.dataDirectory() + (dir.isWritable() ? QString() : QStringLiteral(" (not writable)")));

    const auto integrity = services.database().integrityCheck();
    const bool dbOk = integrity && *integrity == QLatin1StringView("ok");
    add(QStringLiteral("database"), dbOk,
        QStringLiteral("%1, schema %2: %3")
            .arg(services.database().path())
            .arg(services.database().schemaVersion())
            .arg(integrity ? *integrity : integrity.error().toLogString()));

    const Status keychain =
        await<Status>([&](std::function<void(Status)> done) { services.secrets().probe(std::move(done)); });
    add(QStringLiteral("keychain"), bool(keychain),
        keychain ? services.secrets().backendName() + QStringLiteral(" available")
                 : keychain.error().translatedMessage());

    if (services.logging()) {
        const QString logFile = services.logging()->logFilePath();
        add(QStringLiteral("log file"), !logFile.isEmpty(),
            logFile.isEmpty() ? QStringLiteral("not writable; logging to stderr only") : logFile);
    }

    auto providers = services.providers().list();
    if (!providers) {
        add(QStringLiteral("providers"), false, providers.error().toLogString());
    } else if (providers->empty()) {
        add(QStringLiteral("providers"), true, QStringLiteral("none configured"));
    } else {
        for (const ProviderConfig& provider : *providers) {
            const ProbeReport report = await<ProbeReport>(
                [&](std::function<void(ProbeReport)> done) { services.probe().run(provider, std::move(done)); });
            const QString detail =
                report.ok()
                    ? QStringLiteral("%1 models, %2 ms").arg(report.models.size()).arg(report.latencyMs)
                    : QStringLiteral("[%1] %2 (correlation id %3)")
                          .arg(codeName(report.error->code), report.error->translatedMessage(), report.correlationId);
            add(QStringLiteral("provider ") + provider.name, report.ok(), detail);
        }
    }
    if (context.json) {
        printJson(QJsonObject{{QStringLiteral("ok"), allOk}, {QStringLiteral("checks"), checks}});
    }
    return allOk ? exitOk : exitFailure;
}

} // namespace Tessera::Cli
