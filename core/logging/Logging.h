#pragma once

#include "logging/Redactor.h"

#include <QString>

#include <spdlog/spdlog.h>

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

template <> struct fmt::formatter<QString> : fmt::formatter<std::string_view> {
    auto format(const QString& value, format_context& ctx) const {
        const QByteArray utf8 = value.toUtf8();
        return fmt::formatter<std::string_view>::format(std::string_view(utf8.constData(), size_t(utf8.size())), ctx);
    }
};

template <> struct fmt::formatter<QLatin1StringView> : fmt::formatter<std::string_view> {
    auto format(QLatin1StringView value, format_context& ctx) const {
        return fmt::formatter<std::string_view>::format(std::string_view(value.data(), size_t(value.size())), ctx);
    }
};

namespace Tessera::Core {

struct LogConfig {
    QString directory; // rotating file tessera.log goes here; empty = no file
    spdlog::level::level_enum level = spdlog::level::info;
    bool toStderr = false;         // on in development builds and for the CLI's --log-level
    bool json = false;             // JSON lines instead of text
    bool captureQtMessages = true; // route qDebug/qWarning into the "qt" category

    // The defaults for an application whose data lives in dataDirectory: a rotating file in its logs folder,
    // and JSON lines when the environment says TESSERA_LOG_FORMAT=json.
    static LogConfig forDataDirectory(const QString& dataDirectory);
};

// Owns the log sinks. Built once by each composition root; category loggers are then available through
// Tessera::Core::log(). Every sink sits behind the redacting sink, so no log line can carry a secret.
class Logging final {
public:
    explicit Logging(const LogConfig& config, std::vector<spdlog::sink_ptr> extraSinks = {});
    ~Logging();
    Logging(const Logging&) = delete;
    Logging& operator=(const Logging&) = delete;

    Redactor& redactor() { return *m_redactor; }
    QString logFilePath() const { return m_logFile; }
    void setLevel(spdlog::level::level_enum level);

private:
    std::shared_ptr<Redactor> m_redactor;
    spdlog::sink_ptr m_sink;
    QString m_logFile;
};

// Category logger ("net", "store", "chat", "secrets", "providers", "ui", "cli", "qt"). Safe to call before
// Logging exists (then it logs to a quiet default logger).
std::shared_ptr<spdlog::logger> log(std::string_view category);

std::optional<spdlog::level::level_enum> parseLogLevel(const QString& text);

} // namespace Tessera::Core
