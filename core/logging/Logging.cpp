#include "logging/Logging.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QtGlobal>

#include <cstdio>

#include <spdlog/details/log_msg.h>
#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/dist_sink.h>
#include <spdlog/sinks/null_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>

#include <mutex>

namespace Tessera::Core {

namespace {

// Set while a record is being written: a Qt message raised from inside a sink (by QRegularExpression, say)
// must not re-enter the sinks, which hold their lock.
thread_local bool t_insideSink = false;

constexpr std::string_view kCategories[] = {"app", "cli", "ui", "net", "providers", "chat", "store", "secrets", "qt"};

// Rewrites the payload of every record through the redactor, then hands it to the wrapped sinks.
class RedactingSink final : public spdlog::sinks::base_sink<std::mutex> {
public:
    RedactingSink(std::shared_ptr<Redactor> redactor, std::vector<spdlog::sink_ptr> sinks)
        : m_redactor(std::move(redactor))
        , m_sinks(std::move(sinks)) {}

protected:
    void sink_it_(const spdlog::details::log_msg& msg) override {
        t_insideSink = true;
        const auto reset = qScopeGuard([] { t_insideSink = false; });
        const std::string clean = m_redactor->redact(std::string_view(msg.payload.data(), msg.payload.size()));
        spdlog::details::log_msg copy(msg.time, msg.source, msg.logger_name, msg.level, clean);
        copy.thread_id = msg.thread_id;
        for (auto& target : m_sinks) {
            if (target->should_log(copy.level)) {
                target->log(copy);
            }
        }
    }
    void flush_() override {
        for (auto& target : m_sinks) {
            target->flush();
        }
    }

private:
    std::shared_ptr<Redactor> m_redactor;
    std::vector<spdlog::sink_ptr> m_sinks;
};

// One JSON object per line: ts, level, category, cid (when the message names one), msg.
class JsonFormatter final : public spdlog::formatter {
public:
    void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
        static const QRegularExpression cidPattern(QStringLiteral(R"(\bcid=([0-9a-f]+))"));
        const QString text = QString::fromUtf8(msg.payload.data(), qsizetype(msg.payload.size()));
        QJsonObject object;
        const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(msg.time.time_since_epoch()).count();
        object.insert(QStringLiteral("ts"),
                      QDateTime::fromMSecsSinceEpoch(millis, Qt::UTC).toString(Qt::ISODateWithMs));
        const auto level = spdlog::level::to_string_view(msg.level);
        object.insert(QStringLiteral("level"), QString::fromUtf8(level.data(), qsizetype(level.size())));
        object.insert(QStringLiteral("category"),
                      QString::fromUtf8(msg.logger_name.data(), qsizetype(msg.logger_name.size())));
        const auto match = cidPattern.match(text);
        if (match.hasMatch()) {
            object.insert(QStringLiteral("cid"), match.captured(1));
        }
        object.insert(QStringLiteral("msg"), text);
        const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact);
        dest.append(line.constData(), line.constData() + line.size());
        dest.push_back('\n');
    }
    std::unique_ptr<spdlog::formatter> clone() const override { return std::make_unique<JsonFormatter>(); }
};

void qtMessageHandler(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    if (t_insideSink) {
        std::fprintf(stderr, "qt: %s\n", qUtf8Printable(message));
        return;
    }
    auto logger = log("qt");
    const char* category = context.category ? context.category : "default";
    switch (type) {
    case QtDebugMsg:
        logger->debug("[{}] {}", category, message);
        break;
    case QtInfoMsg:
        logger->info("[{}] {}", category, message);
        break;
    case QtWarningMsg:
        logger->warn("[{}] {}", category, message);
        break;
    case QtCriticalMsg:
    case QtFatalMsg:
        logger->error("[{}] {}", category, message);
        break;
    }
}

std::unique_ptr<spdlog::formatter> makeFormatter(bool json) {
    if (json) {
        return std::make_unique<JsonFormatter>();
    }
    return std::make_unique<spdlog::pattern_formatter>("%Y-%m-%dT%H:%M:%S.%e %-5l [%n] %v");
}

} // namespace

LogConfig LogConfig::forDataDirectory(const QString& dataDirectory) {
    LogConfig config;
    config.directory = QDir(dataDirectory).filePath(QStringLiteral("logs"));
    config.json =
        qEnvironmentVariable("TESSERA_LOG_FORMAT").compare(QLatin1StringView("json"), Qt::CaseInsensitive) == 0;
    return config;
}

Logging::Logging(const LogConfig& config, std::vector<spdlog::sink_ptr> extraSinks)
    : m_redactor(std::make_shared<Redactor>()) {
    std::vector<spdlog::sink_ptr> sinks = std::move(extraSinks);
    if (!config.directory.isEmpty() && QDir().mkpath(config.directory)) {
        m_logFile = QDir(config.directory).filePath(QStringLiteral("tessera.log"));
        try {
            sinks.push_back(
                std::make_shared<spdlog::sinks::rotating_file_sink_mt>(m_logFile.toStdString(), 5 * 1024 * 1024, 3));
        } catch (const spdlog::spdlog_ex&) {
            m_logFile.clear(); // unwritable directory: keep running with the other sinks
        }
    }
    if (config.toStderr) {
        sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
    }
    for (auto& sink : sinks) {
        sink->set_formatter(makeFormatter(config.json));
    }
    m_sink = std::make_shared<RedactingSink>(m_redactor, std::move(sinks));

    spdlog::drop_all();
    for (const auto category : kCategories) {
        auto logger = std::make_shared<spdlog::logger>(std::string(category), m_sink);
        logger->set_level(config.level);
        logger->flush_on(spdlog::level::warn);
        spdlog::register_logger(logger);
    }
    spdlog::set_default_logger(spdlog::get("app"));
    if (config.captureQtMessages) {
        qInstallMessageHandler(qtMessageHandler);
    }
}

Logging::~Logging() {
    qInstallMessageHandler(nullptr);
    spdlog::apply_all([](const std::shared_ptr<spdlog::logger>& logger) { logger->flush(); });
    spdlog::drop_all();
    spdlog::set_default_logger(
        std::make_shared<spdlog::logger>("app", std::make_shared<spdlog::sinks::null_sink_mt>()));
}

void Logging::setLevel(spdlog::level::level_enum level) {
    spdlog::apply_all([level](const std::shared_ptr<spdlog::logger>& logger) { logger->set_level(level); });
}

std::shared_ptr<spdlog::logger> log(std::string_view category) {
    if (auto logger = spdlog::get(std::string(category))) {
        return logger;
    }
    // Not set up (or an unknown category): derive from the default logger so nothing is lost.
    return spdlog::default_logger()->clone(std::string(category));
}

std::optional<spdlog::level::level_enum> parseLogLevel(const QString& text) {
    const QString lower = text.trimmed().toLower();
    static const std::pair<const char*, spdlog::level::level_enum> levels[] = {
        {"trace", spdlog::level::trace},       {"debug", spdlog::level::debug},  {"info", spdlog::level::info},
        {"warn", spdlog::level::warn},         {"warning", spdlog::level::warn}, {"error", spdlog::level::err},
        {"critical", spdlog::level::critical}, {"off", spdlog::level::off},
    };
    for (const auto& [name, level] : levels) {
        if (lower == QLatin1StringView(name)) {
            return level;
        }
    }
    return std::nullopt;
}

} // namespace Tessera::Core
