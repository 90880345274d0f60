#pragma once

#include "common/Error.h"
#include "providers/ProviderConfig.h"

#include <QObject>
#include <QStringList>

#include <functional>
#include <optional>

namespace Tessera::Core {

class RequestRunner;

struct ProbeReport {
    QString correlationId;
    bool keyAvailable = false;
    bool reachable = false;
    bool authenticated = false;
    QStringList models;
    qint64 latencyMs = 0;
    std::optional<Error> error;

    bool ok() const { return !error.has_value(); }
};

// "Test connection": resolves the key, lists the models, and reports reachability, authentication, model
// count and latency. Used by the add-provider dialog, `providers test` and `doctor`.
class ProviderProbe final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProviderProbe)

public:
    explicit ProviderProbe(const RequestRunner& runner, QObject* parent = nullptr);

    // With apiKeyOverride set, uses that key instead of resolving one (the dialog tests a key before saving it).
    void run(const ProviderConfig& config, std::function<void(ProbeReport)> done,
             std::optional<QString> apiKeyOverride = std::nullopt);

private:
    const RequestRunner& m_runner;
};

} // namespace Tessera::Core
