#include "usage/Pricing.h"

#include <QRegularExpression>
#include <QStringList>

namespace Tessera::Core {

namespace {
// Tokens × micro-dollars per million can pass 64 bits for absurd inputs; 128 bits cannot overflow.
__extension__ using Wide = __int128;
} // namespace

TokenCounts TokenCounts::of(const Usage& usage) {
    return {usage.inputTokens, usage.cachedInputTokens, usage.cacheWriteTokens, usage.outputTokens,
            usage.reasoningTokens};
}

Price Price::free(const QString& source) {
    Price price;
    price.source = source;
    return price;
}

const PriceRates& Price::ratesFor(qint64 inputTokens) const {
    return aboveInputTokens && inputTokens > *aboveInputTokens ? aboveRates : rates;
}

qint64 Price::costMicros(const TokenCounts& tokens) const {
    const PriceRates& r = ratesFor(tokens.input);
    const auto clamp = [](qint64 value) {
        return value < 0 ? qint64(0) : value;
    };
    const qint64 cached = clamp(tokens.cachedInput);
    const qint64 written = clamp(tokens.cacheWrite);
    const qint64 fresh = clamp(tokens.input - cached - written);
    const qint64 reasoning = clamp(std::min(tokens.reasoning, tokens.output));
    const qint64 answer = clamp(tokens.output - reasoning);
    // Tokens × micro-dollars per million: the sum is in millionths of a micro-dollar.
    const Wide total = Wide(fresh) * r.input + Wide(cached) * r.cachedInput + Wide(written) * r.cacheWrite +
                       Wide(answer) * r.output + Wide(reasoning) * r.reasoning;
    return qint64((total + 500'000) / 1'000'000);
}

QString Price::describe() const {
    const auto rate = [](qint64 micros) {
        return formatUsd(micros);
    };
    QStringList parts{rate(rates.input) + QStringLiteral(" in")};
    if (rates.cachedInput != rates.input) {
        parts << rate(rates.cachedInput) + QStringLiteral(" cached");
    }
    if (rates.cacheWrite != rates.input) {
        parts << rate(rates.cacheWrite) + QStringLiteral(" cache write");
    }
    parts << rate(rates.output) + QStringLiteral(" out");
    if (rates.reasoning != rates.output) {
        parts << rate(rates.reasoning) + QStringLiteral(" reasoning");
    }
    QString text = parts.join(QStringLiteral(", ")) + QStringLiteral(" per 1M");
    if (aboveInputTokens) {
        text += QStringLiteral("; above %1 input tokens %2 in, %3 out")
                    .arg(*aboveInputTokens)
                    .arg(rate(aboveRates.input), rate(aboveRates.output));
    }
    return source.isEmpty() ? text : text + QStringLiteral(" (") + source + QLatin1Char(')');
}

std::optional<qint64> parseUsdAmount(const QString& text) {
    static const QRegularExpression pattern(QStringLiteral(R"(^\$?(\d{1,9})(?:\.(\d{0,6}))?$)"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch()) {
        return std::nullopt;
    }
    const qint64 whole = match.captured(1).toLongLong();
    const QString fraction = match.captured(2).leftJustified(6, QLatin1Char('0'));
    return whole * 1'000'000 + fraction.toLongLong();
}

QString usdDecimal(qint64 micros) {
    const bool negative = micros < 0;
    const qint64 value = negative ? -micros : micros;
    QString fraction = QStringLiteral("%1").arg(value % 1'000'000, 6, 10, QLatin1Char('0'));
    while (fraction.size() > 2 && fraction.endsWith(QLatin1Char('0'))) {
        fraction.chop(1);
    }
    return (negative ? QStringLiteral("-") : QString()) + QString::number(value / 1'000'000) + QLatin1Char('.') +
           fraction;
}

QString formatUsd(qint64 micros) {
    return micros < 0 ? QStringLiteral("-$") + usdDecimal(-micros) : QStringLiteral("$") + usdDecimal(micros);
}

double usdValue(qint64 micros) {
    return double(micros) / 1'000'000.0;
}

} // namespace Tessera::Core
