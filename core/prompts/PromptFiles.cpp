#include "prompts/PromptFiles.h"

#include <QLocale>

namespace Tessera::Core {

namespace {

const QString systemMarker = QStringLiteral("<!-- system -->");
const QString userMarker = QStringLiteral("<!-- user -->");

Status problem(const QString& where, int line, const QString& what) {
    return fail(ErrorCode::InvalidArgument, line > 0 ? QStringLiteral("%1, line %2: %3").arg(where).arg(line).arg(what)
                                                     : QStringLiteral("%1: %2").arg(where, what));
}

// A front-matter value: as written, or inside double quotes (with \" and \\) to keep spaces and colons.
QString valueOf(const QString& raw) {
    const QString value = raw.trimmed();
    if (value.size() >= 2 && value.startsWith(QLatin1Char('"')) && value.endsWith(QLatin1Char('"'))) {
        QString out;
        for (qsizetype i = 1; i + 1 < value.size(); ++i) {
            if (value[i] == QLatin1Char('\\') && i + 2 < value.size()) {
                ++i;
            }
            out += value[i];
        }
        return out;
    }
    return value;
}

QString quoted(const QString& value) {
    const bool plain = !value.isEmpty() && value == value.trimmed() && !value.startsWith(QLatin1Char('"')) &&
                       !value.contains(QLatin1Char('\n'));
    if (plain) {
        return value;
    }
    QString out = QStringLiteral("\"");
    for (const QChar c : QString(value).replace(QLatin1Char('\n'), QLatin1Char(' '))) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\')) {
            out += QLatin1Char('\\');
        }
        out += c;
    }
    return out + QLatin1Char('"');
}

} // namespace

Result<PromptDraft> readPromptMarkdown(const QString& text, const QString& where) {
    PromptDraft draft;
    QStringList lines = QString(text).replace(QStringLiteral("\r\n"), QStringLiteral("\n")).split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.first().startsWith(QChar(0xFEFF))) {
        lines.first().remove(0, 1); // a byte order mark
    }
    qsizetype body = 0;
    if (!lines.isEmpty() && lines.first().trimmed() == QLatin1StringView("---")) {
        qsizetype end = -1;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            if (lines[i].trimmed() == QLatin1StringView("---")) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return fail(problem(where, 1, QStringLiteral("the front matter is not closed with a line of ---")).error());
        }
        for (qsizetype i = 1; i < end; ++i) {
            const QString line = lines[i];
            const int number = int(i) + 1;
            if (line.trimmed().isEmpty() || line.trimmed().startsWith(QLatin1Char('#'))) {
                continue;
            }
            const qsizetype colon = line.indexOf(QLatin1Char(':'));
            if (colon <= 0) {
                return fail(problem(where, number, QStringLiteral("a front-matter line is \"key: value\"")).error());
            }
            const QString key = line.left(colon).trimmed().toLower();
            const QString value = valueOf(line.mid(colon + 1));
            if (key == QLatin1StringView("name")) {
                draft.name = value;
            } else if (key == QLatin1StringView("description")) {
                draft.description = value;
            } else if (key == QLatin1StringView("tags")) {
                QString list = value;
                if (list.startsWith(QLatin1Char('[')) && list.endsWith(QLatin1Char(']'))) {
                    list = list.mid(1, list.size() - 2);
                }
                for (const QString& tag : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                    draft.tags << valueOf(tag);
                }
            } else if (key == QLatin1StringView("provider")) {
                draft.settings.provider = value;
            } else if (key == QLatin1StringView("model")) {
                draft.settings.model = value;
            } else if (key == QLatin1StringView("temperature")) {
                bool ok = false;
                const double temperature = QLocale::c().toDouble(value, &ok);
                if (!ok) {
                    return fail(problem(where, number, QStringLiteral("temperature is a number like 0.7")).error());
                }
                draft.settings.temperature = temperature;
            } else if (key == QLatin1StringView("max_tokens")) {
                bool ok = false;
                const int tokens = value.toInt(&ok);
                if (!ok) {
                    return fail(problem(where, number, QStringLiteral("max_tokens is a whole number")).error());
                }
                draft.settings.maxTokens = tokens;
            } else if (key == QLatin1StringView("message")) {
                draft.message = value;
            } else {
                return fail(problem(where, number,
                                    QStringLiteral("unknown key %1: use name, description, tags, provider, model, "
                                                   "temperature, max_tokens or message")
                                        .arg(key))
                                .error());
            }
        }
        body = end + 1;
    }
    // The parts: after their markers, else the whole text is the user's.
    qsizetype systemAt = -1;
    qsizetype userAt = -1;
    for (qsizetype i = body; i < lines.size(); ++i) {
        const QString marker = lines[i].trimmed();
        if (marker == systemMarker && systemAt < 0 && userAt < 0) {
            systemAt = i;
        } else if (marker == userMarker && userAt < 0) {
            userAt = i;
        }
    }
    const auto join = [&lines](qsizetype from, qsizetype to) {
        QString part = lines.mid(from, to - from).join(QLatin1Char('\n'));
        while (part.startsWith(QLatin1Char('\n'))) {
            part.remove(0, 1);
        }
        while (part.endsWith(QLatin1Char('\n'))) {
            part.chop(1);
        }
        return part;
    };
    if (systemAt >= 0 && userAt < 0) {
        return fail(problem(where, int(systemAt) + 1,
                            QStringLiteral("after the system part, <!-- user --> starts the user part"))
                        .error());
    }
    if (systemAt >= 0) {
        draft.systemText = join(systemAt + 1, userAt);
    }
    draft.userText = userAt >= 0 ? join(userAt + 1, lines.size()) : join(body, lines.size());
    if (draft.userText.trimmed().isEmpty()) {
        return fail(problem(where, 0, QStringLiteral("the template has no user part")).error());
    }
    auto parsed = parsePrompt(draft.systemText, draft.userText);
    if (!parsed) {
        return fail(problem(where, 0, parsed.error().detail).error());
    }
    return draft;
}

QString writePromptMarkdown(const PromptTemplate& prompt, const PromptVersion& version) {
    QString out = QStringLiteral("---\n");
    out += QStringLiteral("name: %1\n").arg(quoted(prompt.name));
    if (!prompt.description.isEmpty()) {
        out += QStringLiteral("description: %1\n").arg(quoted(prompt.description));
    }
    if (!prompt.tags.isEmpty()) {
        out += QStringLiteral("tags: [%1]\n").arg(prompt.tags.join(QStringLiteral(", ")));
    }
    if (!version.settings.provider.isEmpty()) {
        out += QStringLiteral("provider: %1\n").arg(quoted(version.settings.provider));
    }
    if (!version.settings.model.isEmpty()) {
        out += QStringLiteral("model: %1\n").arg(quoted(version.settings.model));
    }
    if (version.settings.temperature) {
        out += QStringLiteral("temperature: %1\n").arg(QLocale::c().toString(*version.settings.temperature, 'g', 6));
    }
    if (version.settings.maxTokens) {
        out += QStringLiteral("max_tokens: %1\n").arg(*version.settings.maxTokens);
    }
    if (!version.message.isEmpty()) {
        out += QStringLiteral("message: %1\n").arg(quoted(version.message));
    }
    out += QStringLiteral("---\n");
    if (!version.systemText.isEmpty()) {
        out += systemMarker + QLatin1Char('\n') + version.systemText + QStringLiteral("\n\n") + userMarker +
               QLatin1Char('\n');
    } else if (version.userText.contains(systemMarker) || version.userText.contains(userMarker)) {
        out += userMarker + QLatin1Char('\n');
    }
    out += version.userText + QLatin1Char('\n');
    return out;
}

} // namespace Tessera::Core
