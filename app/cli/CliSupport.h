#pragma once

#include "common/Actor.h"
#include "common/Error.h"
#include "common/WaitFor.h"

#include <QDateTime>
#include <QEventLoop>
#include <QHash>
#include <QJsonArray>
#include <QJsonValue>
#include <QStringList>

#include <functional>
#include <optional>
#include <set>
#include <vector>

namespace Tessera::Core {
class CoreServices;
}

namespace Tessera::Cli {

// Exit statuses beyond the per-error ones of Core::cliExitCode (see docs/cli.md).
inline constexpr int exitOk = 0;
inline constexpr int exitFailure = 1;
inline constexpr int exitUsage = 2;

// Options and positional arguments of one command. Options take a value ("--model M" or "--model=M")
// unless listed as flags.
class CommandArgs {
public:
    // Parses args against the allowed options; an unknown option or a missing value is a usage error.
    static std::optional<CommandArgs> parse(const QStringList& args, const std::set<QString>& valueOptions,
                                            const std::set<QString>& flagOptions, QString* problem);
    QStringList positional;
    bool has(const QString& name) const { return m_values.contains(name); }
    // The last value given for the option.
    QString value(const QString& name) const { return m_values.value(name); }
    // Every value given for a repeatable option, in order.
    QStringList values(const QString& name) const { return m_all.value(name); }

private:
    QHash<QString, QString> m_values;
    QHash<QString, QStringList> m_all;
};

struct Context {
    Core::CoreServices& services;
    bool json = false;
    // Who runs the command (the owner of a personal store).
    Core::Actor actor = Core::Actor::owner(Core::ClientKind::Cli);
    // The global options that choose the store (--data-dir, --database), for a worker started in the background.
    QStringList storeArgs;
};

void printOut(const QString& text);      // UTF-8 to stdout, no newline added
void printErr(const QString& text);      // UTF-8 to stderr
void printJson(const QJsonValue& value); // one line of JSON to stdout
// A usage problem: message on stderr with a hint to --help; returns exitUsage.
int usageError(const QString& message);
// Reports an error as the user should see it (message, what to do, code, correlation id); in --json mode
// also prints {"error": {...}} on stdout. Returns the documented exit status for the code.
int reportError(const Context& context, const Core::Error& error);
int reportError(bool json, const Core::Error& error);
// One line from stdin, trimmed (keys and passwords are never taken as arguments: they would show in ps).
QString readSecretFromStdin();
// A password: with fromStdin one line of stdin exactly as typed (only the line break removed); otherwise asked for
// on the terminal without echo (twice when confirm). nullopt with *problem set when neither is possible.
std::optional<QString> readPassword(bool fromStdin, const QString& prompt, bool confirm, QString* problem);
QJsonValue errorJson(const Core::Error& error);

// A time as the account commands print it (UTC, ISO 8601; "" when invalid), or as JSON (null when invalid).
QString timeText(const QDateTime& time);
QJsonValue timeJson(const QDateTime& time);
// A date (2026-12-01) or a time (2026-12-01T08:30:00Z; without a zone: UTC); nullopt when it is neither.
std::optional<QDateTime> parseTime(const QString& text);
// The permissions' names in the list's order.
QJsonArray permissionsJson(const Core::PermissionSet& permissions);
// Text for a terminal: control characters (from names or audit details) become U+FFFD, so they cannot move the
// cursor or forge a line.
QString printable(const QString& text);

// A text table: columns as wide as their widest cell, the first `keyColumns` to the left, the rest (numbers) to
// the right; cells pass through printable().
QString tableText(const QStringList& header, const std::vector<QStringList>& lines, qsizetype keyColumns);

// Prints a list: one JSON array with --json, else one text block per item.
template <typename T, typename ToJson, typename PrintText>
int printList(const Context& context, const std::vector<T>& items, ToJson toJson, PrintText printText) {
    QJsonArray array;
    for (const T& item : items) {
        if (context.json) {
            array.append(toJson(item));
        } else {
            printText(item);
        }
    }
    if (context.json) {
        printJson(array);
    }
    return exitOk;
}

// Runs the event loop until the asynchronous operation started by start() calls back.
template <typename T> T await(const std::function<void(std::function<void(T)>)>& start) {
    return Core::waitFor<T>(start);
}

} // namespace Tessera::Cli
