#include "CliSupport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#ifndef _WIN32
#include <termios.h>
#include <unistd.h>
#endif

#include <cstdio>
#include <iostream>
#include <string>

namespace Tessera::Cli {

std::optional<CommandArgs> CommandArgs::parse(const QStringList& args, const std::set<QString>& valueOptions,
                                              const std::set<QString>& flagOptions, QString* problem) {
    CommandArgs parsed;
    bool onlyPositional = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args[i];
        if (onlyPositional || !arg.startsWith(QLatin1StringView("--"))) {
            parsed.positional << arg;
            continue;
        }
        if (arg == QLatin1StringView("--")) {
            onlyPositional = true;
            continue;
        }
        QString name = arg.mid(2);
        std::optional<QString> inlineValue;
        if (const qsizetype eq = name.indexOf(QLatin1Char('=')); eq >= 0) {
            inlineValue = name.mid(eq + 1);
            name = name.left(eq);
        }
        if (flagOptions.count(name)) {
            if (inlineValue) {
                *problem = QStringLiteral("option --%1 takes no value").arg(name);
                return std::nullopt;
            }
            parsed.m_values.insert(name, QStringLiteral("1"));
        } else if (valueOptions.count(name)) {
            if (!inlineValue) {
                if (i + 1 >= args.size()) {
                    *problem = QStringLiteral("option --%1 needs a value").arg(name);
                    return std::nullopt;
                }
                inlineValue = args[++i];
            }
            parsed.m_values.insert(name, *inlineValue);
            parsed.m_all[name] << *inlineValue;
        } else {
            *problem = QStringLiteral("unknown option --%1").arg(name);
            return std::nullopt;
        }
    }
    return parsed;
}

void printOut(const QString& text) {
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), stdout);
    std::fflush(stdout);
}

void printErr(const QString& text) {
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), stderr);
    std::fflush(stderr);
}

void printJson(const QJsonValue& value) {
    QByteArray bytes;
    if (value.isObject()) {
        bytes = QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    } else if (value.isArray()) {
        bytes = QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    }
    bytes += '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

QString readSecretFromStdin() {
    std::string line;
    std::getline(std::cin, line);
    return QString::fromStdString(line).trimmed();
}

namespace {

std::optional<QString> readLine() {
    std::string line;
    if (!std::getline(std::cin, line)) {
        return std::nullopt;
    }
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
    return QString::fromStdString(line);
}

#ifndef _WIN32
// Reads one line from the terminal with echo off, restoring the terminal afterwards.
std::optional<QString> askWithoutEcho(const QString& prompt) {
    printErr(prompt);
    termios saved{};
    const bool terminal = tcgetattr(STDIN_FILENO, &saved) == 0;
    if (terminal) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    auto line = readLine();
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    }
    printErr(QStringLiteral("\n"));
    return line;
}
#endif

} // namespace

std::optional<QString> readPassword(bool fromStdin, const QString& prompt, bool confirm, QString* problem) {
    if (fromStdin) {
        auto line = readLine();
        if (!line || line->isEmpty()) {
            *problem = QStringLiteral("--password-stdin found no password on stdin");
            return std::nullopt;
        }
        return line;
    }
#ifndef _WIN32
    if (isatty(STDIN_FILENO) != 0) {
        auto first = askWithoutEcho(prompt);
        if (!first || first->isEmpty()) {
            *problem = QStringLiteral("no password was given");
            return std::nullopt;
        }
        if (confirm) {
            auto second = askWithoutEcho(QStringLiteral("Repeat it: "));
            if (!second || *second != *first) {
                *problem = QStringLiteral("the two passwords differ");
                return std::nullopt;
            }
        }
        return first;
    }
#endif
    *problem = QStringLiteral("give the password on stdin with --password-stdin (never as an argument)");
    return std::nullopt;
}

int usageError(const QString& message) {
    printErr(QStringLiteral("tessera-cli: %1\nRun 'tessera-cli --help' for usage.\n").arg(message));
    return exitUsage;
}

QJsonValue errorJson(const Core::Error& error) {
    QJsonObject object{{QStringLiteral("code"), QString(Core::codeName(error.code))},
                       {QStringLiteral("message"), error.translatedMessage()},
                       {QStringLiteral("detail"), error.detail}};
    if (!error.correlationId.isEmpty()) {
        object.insert(QStringLiteral("correlation_id"), error.correlationId);
    }
    if (!error.subject.isEmpty()) {
        object.insert(QStringLiteral("subject"), error.subject);
    }
    if (error.httpStatus) {
        object.insert(QStringLiteral("http_status"), *error.httpStatus);
    }
    if (error.retryAfterMs) {
        object.insert(QStringLiteral("retry_after_ms"), double(*error.retryAfterMs));
    }
    if (error.quota) {
        const bool usd = error.quota->unit == QLatin1StringView("usd");
        const auto amount = [usd](qint64 value) {
            return usd ? double(value) / 1e6 : double(value);
        };
        object.insert(QStringLiteral("quota"),
                      QJsonObject{{QStringLiteral("limit_name"), error.quota->limitName},
                                  {QStringLiteral("unit"), error.quota->unit},
                                  {QStringLiteral("used"), amount(error.quota->used)},
                                  {QStringLiteral("reserved"), amount(error.quota->reserved)},
                                  {QStringLiteral("limit"), amount(error.quota->limit)},
                                  {QStringLiteral("requested"), amount(error.quota->requested)},
                                  {QStringLiteral("resets_at"), timeJson(error.quota->resetsAt)}});
    }
    return object;
}

int reportError(const Context& context, const Core::Error& error) {
    return reportError(context.json, error);
}

int reportError(bool json, const Core::Error& error) {
    QString text =
        QStringLiteral("tessera-cli: error [%1]: %2\n").arg(Core::codeName(error.code), error.translatedMessage());
    // What the error is about: the provider and model, or the place in a file (said once when the detail says it).
    if (!error.subject.isEmpty() && error.subject != error.detail) {
        text += (error.code == Core::ErrorCode::ImportInvalid ? QStringLiteral("  where: %1\n")
                                                              : QStringLiteral("  provider/model: %1\n"))
                    .arg(error.subject);
    }
    if (error.quota) {
        text += QStringLiteral("  limit: %1\n").arg(error.quota->limitName);
    }
    if (!error.providerMessage.isEmpty()) {
        text += QStringLiteral("  provider said: %1\n").arg(error.providerMessage);
    } else if (!error.detail.isEmpty()) {
        text += QStringLiteral("  detail: %1\n").arg(error.detail);
    }
    if (error.retryAfterMs) {
        text += QStringLiteral("  retry after: %1 s\n").arg(double(*error.retryAfterMs) / 1000.0, 0, 'f', 1);
    }
    if (!error.correlationId.isEmpty()) {
        text += QStringLiteral("  correlation id: %1\n").arg(error.correlationId);
    }
    printErr(text);
    if (json) {
        printJson(QJsonObject{{QStringLiteral("error"), errorJson(error)}});
    }
    return Core::cliExitCode(error.code);
}

QString timeText(const QDateTime& time) {
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

QJsonValue timeJson(const QDateTime& time) {
    return time.isValid() ? QJsonValue(timeText(time)) : QJsonValue(QJsonValue::Null);
}

QJsonArray permissionsJson(const Core::PermissionSet& permissions) {
    QJsonArray array;
    for (const Core::Permission permission : Core::allPermissions()) {
        if (permissions.has(permission)) {
            array.append(permissionName(permission));
        }
    }
    return array;
}

// Text shown in a terminal: control characters (from names or audit details) cannot move the cursor.
QString printable(const QString& text) {
    QString shown = text;
    for (QChar& c : shown) {
        if (c.category() == QChar::Other_Control) {
            c = QChar(0xFFFD);
        }
    }
    return shown;
}

std::optional<QDateTime> parseTime(const QString& text) {
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid()) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (!date.isValid()) {
            return std::nullopt;
        }
        time = QDateTime(date, QTime(0, 0), Qt::UTC);
    }
    if (time.timeSpec() == Qt::LocalTime && !text.endsWith(QLatin1Char('Z')) && !text.contains(QLatin1Char('+'))) {
        time.setTimeSpec(Qt::UTC); // a time without a zone is UTC, as the log keeps it
    }
    return time.toUTC();
}

QString tableText(const QStringList& header, const std::vector<QStringList>& lines, qsizetype keyColumns) {
    std::vector<qsizetype> widths(std::size_t(header.size()), 0);
    for (qsizetype c = 0; c < header.size(); ++c) {
        widths[std::size_t(c)] = header.at(c).size();
        for (const QStringList& cells : lines) {
            widths[std::size_t(c)] = std::max(widths[std::size_t(c)], printable(cells.value(c)).size());
        }
    }
    const auto render = [&](const QStringList& cells) -> QString {
        QStringList padded;
        for (qsizetype c = 0; c < header.size(); ++c) {
            const QString cell = printable(cells.value(c));
            const int width = int(widths[std::size_t(c)]);
            padded << (c < keyColumns ? cell.leftJustified(width) : cell.rightJustified(width));
        }
        return padded.join(QStringLiteral("  ")) + QLatin1Char('\n');
    };
    QString out = render(header);
    for (const QStringList& cells : lines) {
        out += render(cells);
    }
    return out;
}

} // namespace Tessera::Cli
