#include "prompts/PromptCompactor.h"

#include "tokenizer/TokenCounter.h"

#include <QRegularExpression>
#include <QSet>
#include <QStringList>

namespace Tessera::Core {

namespace {

constexpr qsizetype minRepeatedLength = 20;
constexpr qint64 longExampleTokens = 150;
constexpr double longExampleShare = 0.4;

bool isFence(const QString& line) {
    const QString trimmed = line.trimmed();
    return trimmed.startsWith(QLatin1StringView("```")) || trimmed.startsWith(QLatin1StringView("~~~"));
}

// Collapses runs of spaces and tabs between words to one space, outside {{…}}; leading indentation stays.
QString collapseSpaces(const QString& line) {
    QString out;
    out.reserve(line.size());
    qsizetype i = 0;
    while (i < line.size() && (line[i] == QLatin1Char(' ') || line[i] == QLatin1Char('\t'))) {
        out += line[i++];
    }
    int depth = 0;
    for (; i < line.size(); ++i) {
        const QChar c = line[i];
        if (c == QLatin1Char('\\') && i + 1 < line.size()) {
            out += c;
            out += line[++i];
            continue;
        }
        if (c == QLatin1Char('{') && i + 1 < line.size() && line[i + 1] == QLatin1Char('{')) {
            ++depth;
        } else if (c == QLatin1Char('}') && i + 1 < line.size() && line[i + 1] == QLatin1Char('}') && depth > 0) {
            --depth;
        }
        const bool space = c == QLatin1Char(' ') || c == QLatin1Char('\t');
        if (space && depth == 0 && !out.isEmpty() &&
            (out.back() == QLatin1Char(' ') || out.back() == QLatin1Char('\t'))) {
            continue; // a second space in a run
        }
        out += (space && depth == 0) ? QChar(QLatin1Char(' ')) : c;
    }
    return out;
}

QString normalised(const QString& sentence) {
    return sentence.simplified().toCaseFolded();
}

} // namespace

WasteReport findWaste(const QString& text, Encoding encoding) {
    WasteReport report;
    report.tokensBefore = countTokens(text, encoding).tokens;
    const QStringList lines = text.split(QLatin1Char('\n'));
    QStringList kept;
    bool inFence = false;
    int blankRun = 0;
    QSet<QString> seen;
    static const QRegularExpression sentenceEnd(QStringLiteral("(?<=[.!?])\\s+"));
    // Where an example starts ("Example:", "For example:", a fenced block) and how far it goes.
    int exampleLine = 0;
    QString exampleFirst;
    QString exampleText;
    const auto closeExample = [&] {
        if (exampleLine > 0) {
            const qint64 tokens = countTokens(exampleText, encoding).tokens;
            if (tokens >= longExampleTokens && double(tokens) >= longExampleShare * double(report.tokensBefore)) {
                report.hints.push_back({WasteHint::Kind::LongExample, exampleLine, exampleFirst.left(80), tokens});
            }
        }
        exampleLine = 0;
        exampleText.clear();
    };
    for (qsizetype index = 0; index < lines.size(); ++index) {
        const int number = int(index) + 1;
        QString line = lines[index];
        if (isFence(line)) {
            if (!inFence) {
                closeExample();
                exampleLine = number;
                exampleFirst = line.trimmed();
            } else {
                exampleText += line + QLatin1Char('\n');
                kept << line;
                inFence = false;
                closeExample();
                blankRun = 0;
                continue;
            }
            inFence = !inFence;
            kept << line;
            blankRun = 0;
            continue;
        }
        if (inFence) {
            exampleText += line + QLatin1Char('\n');
            kept << line; // code keeps every space
            continue;
        }
        if (line.trimmed().startsWith(QLatin1StringView("Example"), Qt::CaseInsensitive) ||
            line.trimmed().startsWith(QLatin1StringView("For example"), Qt::CaseInsensitive)) {
            closeExample();
            exampleLine = number;
            exampleFirst = line.trimmed();
        }
        if (exampleLine > 0) {
            if (line.trimmed().isEmpty() && blankRun > 0) {
                closeExample(); // an example paragraph ends at a blank line after it
            } else {
                exampleText += line + QLatin1Char('\n');
            }
        }
        // Whitespace: spaces at the end, runs between words, more than one blank line in a row.
        QString compact = collapseSpaces(line);
        while (!compact.isEmpty() && (compact.back() == QLatin1Char(' ') || compact.back() == QLatin1Char('\t'))) {
            compact.chop(1);
        }
        if (compact.trimmed().isEmpty()) {
            ++blankRun;
            if (blankRun > 1) {
                report.hints.push_back({WasteHint::Kind::Whitespace, number, QString(), 0});
                continue; // a second blank line in a row goes
            }
            if (compact != line) {
                report.hints.push_back({WasteHint::Kind::Whitespace, number, QString(), 0});
            }
            kept << QString();
            continue;
        }
        blankRun = 0;
        if (compact != line) {
            report.hints.push_back({WasteHint::Kind::Whitespace, number, QString(), 0});
        }
        // The same instruction again: a sentence already said (outside tags), taken out of the line.
        QStringList sentences = compact.split(sentenceEnd);
        QStringList remaining;
        for (const QString& sentence : sentences) {
            const QString key = normalised(sentence);
            const bool tagged = sentence.contains(QLatin1StringView("{{"));
            if (!tagged && key.size() >= minRepeatedLength && seen.contains(key)) {
                report.hints.push_back({WasteHint::Kind::Repeated, number, sentence.trimmed().left(80), 0});
                continue;
            }
            if (key.size() >= minRepeatedLength) {
                seen.insert(key);
            }
            remaining << sentence;
        }
        if (remaining.isEmpty()) {
            continue; // the whole line said again
        }
        kept << remaining.join(QLatin1Char(' '));
    }
    closeExample();
    // Blank lines at the very end go too.
    while (!kept.isEmpty() && kept.back().isEmpty() && lines.size() > 1) {
        kept.removeLast();
    }
    report.compact = kept.join(QLatin1Char('\n'));
    if (text.endsWith(QLatin1Char('\n')) && !report.compact.isEmpty()) {
        report.compact += QLatin1Char('\n'); // one final line break stays
    }
    report.tokensAfter = countTokens(report.compact, encoding).tokens;
    for (WasteHint& hint : report.hints) {
        if (hint.kind == WasteHint::Kind::Repeated) {
            hint.tokens = countTokens(hint.text, encoding).tokens;
        }
    }
    return report;
}

} // namespace Tessera::Core
