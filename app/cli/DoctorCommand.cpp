#include "DoctorCommand.h"

#include "app/CoreServices.h"
#include "app/StoreAdministration.h"
#include "common/DataDirectory.h"
#include "logging/Logging.h"
#include "providers/ProviderProbe.h"
#include "providers/ProviderService.h"
#include "secrets/SecretStore.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace Tessera::Cli {

using namespace Tessera::Core;

namespace {

// Collects the checks, printing each as it is made (or all as one JSON document at the end).
class DoctorReport {
public:
    explicit DoctorReport(bool json)
        : m_json(json) {}

    void add(const QString& name, bool ok, const QString& detail) {
        m_allOk = m_allOk && ok;
        m_checks.append(QJsonObject{
            {QStringLiteral("check"), name}, {QStringLiteral("ok"), ok}, {QStringLiteral("detail"), detail}});
        if (!m_json) {
            printOut(QStringLiteral("[%1] %2: %3\n")
                         .arg(ok ? QStringLiteral(" ok ") : QStringLiteral("FAIL"), name, detail));
        }
    }

    void addStore(const StoreHealth& health) {
        const QString schema =
            health.schemaVersion >= 0 ? QStringLiteral(", schema %1").arg(health.schemaVersion) : QString();
        add(QStringLiteral("database"), health.ok,
            QStringLiteral("%1 (%2)%3: %4").arg(health.location, health.engine, schema, health.detail.simplified()));
    }

    void addDirectory(const QString& directory) {
        const QFileInfo dir(directory);
        add(QStringLiteral("data directory"), dir.isDir() && dir.isWritable(),
            directory + (dir.isWritable() ? QString() : QStringLiteral(" (not writable)")));
    }

    void addKeychain(SecretStore& secrets) {
        const Status keychain =
            await<Status>([&](std::function<void(Status)> done) { secrets.probe(std::move(done)); });
        add(QStringLiteral("keychain"), bool(keychain),
            keychain ? secrets.backendName() + QStringLiteral(" available") : keychain.error().translatedMessage());
    }

    void addLog(Logging* logging) {
        if (logging) {
            const QString logFile = logging->logFilePath();
            add(QStringLiteral("log file"), !logFile.isEmpty(),
                logFile.isEmpty() ? QStringLiteral("not writable; logging to stderr only") : logFile);
        }
    }

    int finish() const {
        if (m_json) {
            printJson(QJsonObject{{QStringLiteral("ok"), m_allOk}, {QStringLiteral("checks"), m_checks}});
        }
        return m_allOk ? exitOk : exitFailure;
    }

private:
    bool m_json;
    bool m_allOk = true;
    QJsonArray m_checks;
};

} // namespace

int runDoctorWithoutStore(const QString& dataDirectory, const StoreLocation& location, SecretStore& secrets,
                          Logging* logging, bool json, const QStringList& args) {
    if (!args.isEmpty()) {
        return usageError(QStringLiteral("doctor takes no arguments"));
    }
    DoctorReport report(json);
    report.addDirectory(dataDirectory);
    report.addStore(StoreAdministration(secrets).check(location));
    report.addKeychain(secrets);
    report.addLog(logging);
    return report.finish();
}

int runDoctor(Context& context, const QStringList& args) {
    if (!args.isEmpty()) {
        return usageError(QStringLiteral("doctor takes no arguments"));
    }
    CoreServices& services = context.services;
    DoctorReport report(context.json);
    report.addDirectory(services.dataDirectory());
    report.addStore(services.checkStore());
    report.addKeychain(services.secrets());
    report.addLog(services.logging());
    const auto add = [&](const QString& name, bool ok, const QString& detail) {
        report.add(name, ok, detail);
    };

    auto providers = services.providers().list(context.actor);
    if (!providers) {
        add(QStringLiteral("providers"), false, providers.error().toLogString());
    } else if (providers->empty()) {
        add(QStringLiteral("providers"), true, QStringLiteral("none configured"));
    } else {
        for (const ProviderConfig& provider : *providers) {
            const ProbeReport probe = await<ProbeReport>(
                [&](std::function<void(ProbeReport)> done) { services.probe().run(provider, std::move(done)); });
            const QString detail =
                probe.ok()
                    ? QStringLiteral("%1 models, %2 ms").arg(probe.models.size()).arg(probe.latencyMs)
                    : QStringLiteral("[%1] %2 (correlation id %3)")
                          .arg(codeName(probe.error->code), probe.error->translatedMessage(), probe.correlationId);
            add(QStringLiteral("provider ") + provider.name, probe.ok(), detail);
        }
    }
    return report.finish();
}

} // namespace Tessera::Cli
