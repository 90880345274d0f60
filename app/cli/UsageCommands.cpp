#include "UsageCommands.h"

#include "tokenizer/TokenCounter.h"

#include <QFile>
#include <QJsonObject>
#include <QStringDecoder>

#include <iostream>
#include <iterator>

namespace Tessera::Cli {

using namespace Tessera::Core;

namespace {

// A file or stdin to count: at most this many bytes (the count of a larger text is no use to a request).
constexpr qint64 maxCountBytes = qint64(64) * 1024 * 1024;

} // namespace

int runCountTokens(Context& context, const QStringList& args) {
    QString problem;
    auto parsed = CommandArgs::parse(args, {QStringLiteral("model"), QStringLiteral("encoding")}, {}, &problem);
    if (!parsed) {
        return usageError(problem);
    }
    if (parsed->positional.size() > 1) {
        return usageError(QStringLiteral("count-tokens takes at most one FILE (or - for stdin)"));
    }
    if (parsed->has(QStringLiteral("model")) && parsed->has(QStringLiteral("encoding"))) {
        return usageError(QStringLiteral("count-tokens takes --model or --encoding, not both"));
    }
    std::optional<Encoding> encoding = Encoding::O200kBase;
    if (parsed->has(QStringLiteral("encoding"))) {
        encoding = parseEncoding(parsed->value(QStringLiteral("encoding")));
        if (!encoding) {
            return usageError(QStringLiteral("--encoding takes o200k_base or cl100k_base"));
        }
    }
    const QString source = parsed->positional.value(0, QStringLiteral("-"));
    QByteArray bytes;
    if (source == QLatin1StringView("-")) {
        std::string input;
        input.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
        if (qint64(input.size()) > maxCountBytes) {
            return usageError(QStringLiteral("the text on stdin is larger than %1 bytes").arg(maxCountBytes));
        }
        bytes = QByteArray::fromStdString(input);
    } else {
        QFile file(source);
        if (!file.open(QIODevice::ReadOnly)) {
            Error error;
            error.code = ErrorCode::NotFound;
            error.detail = QStringLiteral("%1 cannot be read: %2").arg(source, file.errorString());
            return reportError(context, error);
        }
        if (file.size() > maxCountBytes) {
            return usageError(QStringLiteral("%1 is larger than %2 bytes").arg(source).arg(maxCountBytes));
        }
        bytes = file.readAll();
    }
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8.decode(bytes);
    if (utf8.hasError()) {
        return usageError(QStringLiteral("%1 is not UTF-8 text")
                              .arg(source == QLatin1StringView("-") ? QStringLiteral("stdin") : source));
    }
    const TokenCount count = parsed->has(QStringLiteral("model"))
                                 ? countTokens(text, parsed->value(QStringLiteral("model")))
                                 : countTokens(text, *encoding);
    if (context.json) {
        printJson(QJsonObject{{QStringLiteral("tokens"), double(count.tokens)},
                              {QStringLiteral("encoding"), encodingName(count.encoding)},
                              {QStringLiteral("exact"), count.exact}});
    } else {
        printOut(
            QStringLiteral("%1%2 tokens (%3%4)\n")
                .arg(count.exact ? QString() : QStringLiteral("≈"))
                .arg(count.tokens)
                .arg(encodingName(count.encoding),
                     count.exact ? QString() : QStringLiteral(", an estimate: the model's tokenizer is not public")));
    }
    return exitOk;
}

} // namespace Tessera::Cli
