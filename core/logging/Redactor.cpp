#include "logging/Redactor.h"

#include <QRegularExpression>

#include <algorithm>

namespace Tessera::Core {

namespace {

const QRegularExpression& headerPattern() {
    // Header or JSON/query field names that carry credentials, followed by their value.
    static const QRegularExpression re(
        QStringLiteral(R"re((authorization|proxy-authorization|x-api-key|x-goog-api-key|api-key|api_key|apikey|key))re"
                       R"re((["']?\s*[:=]\s*["']?)(bearer\s+|basic\s+)?([^\s"',&;]+))re"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression& tokenPattern() {
    // Key-shaped tokens even without a header name: bearer tokens, OpenAI/Anthropic/OpenRouter keys, Google keys.
    static const QRegularExpression re(
        QStringLiteral(
            R"re((bearer\s+)[A-Za-z0-9._~+/=-]{6,}|\b(sk|rk|pk)-[A-Za-z0-9_-]{8,}|\bAIza[0-9A-Za-z_-]{20,})re"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

} // namespace

void Redactor::addSecret(const QString& secret) {
    const QString trimmed = secret.trimmed();
    if (trimmed.size() < 4) {
        return; // too short to redact without destroying ordinary text
    }
    std::string value = trimmed.toStdString();
    std::lock_guard lock(m_mutex);
    if (std::find(m_secrets.begin(), m_secrets.end(), value) == m_secrets.end()) {
        m_secrets.push_back(std::move(value));
    }
}

QString Redactor::redact(const QString& text) const {
    QString out = text;
    {
        std::lock_guard lock(m_mutex);
        for (const std::string& secret : m_secrets) {
            out.replace(QString::fromStdString(secret), QLatin1StringView(mask.data(), qsizetype(mask.size())));
        }
    }
    const QString masked = QString::fromLatin1(mask.data(), qsizetype(mask.size()));
    out.replace(headerPattern(), QStringLiteral("\\1\\2\\3") + masked);
    QString result;
    result.reserve(out.size());
    qsizetype last = 0;
    auto it = tokenPattern().globalMatch(out);
    while (it.hasNext()) {
        const auto match = it.next();
        result += QStringView(out).mid(last, match.capturedStart() - last);
        result += match.captured(1); // keep "Bearer " when present
        result += masked;
        last = match.capturedEnd();
    }
    result += QStringView(out).mid(last);
    return result;
}

std::string Redactor::redact(std::string_view text) const {
    return redact(QString::fromUtf8(text.data(), qsizetype(text.size()))).toStdString();
}

} // namespace Tessera::Core
