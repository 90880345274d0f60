#pragma once

#include <QString>

#include <mutex>
#include <string>
#include <vector>

namespace Tessera::Core {

// The one place that removes secrets from text bound for a log: auth headers, bearer tokens, key-shaped
// strings, and every secret value registered at run time (each API key Tessera loads is registered).
class Redactor final {
public:
    static constexpr std::string_view mask = "[REDACTED]";

    void addSecret(const QString& secret);
    std::string redact(std::string_view text) const;
    QString redact(const QString& text) const;

private:
    mutable std::mutex m_mutex;
    std::vector<std::string> m_secrets;
};

} // namespace Tessera::Core
