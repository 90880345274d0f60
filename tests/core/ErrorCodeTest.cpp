#include "common/Error.h"
#include "common/Result.h"

#include <QFile>
#include <QSet>

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace Tessera::Core;

namespace {
std::vector<ErrorCode> allCodes() {
    std::vector<ErrorCode> codes;
    for (int i = int(ErrorCode::Internal); i <= int(lastErrorCode); ++i) {
        codes.push_back(ErrorCode(i));
    }
    return codes;
}
} // namespace

TEST(ErrorCodes, NamesAreUniqueAndEveryCodeHasAMessage) {
    QSet<QString> names;
    for (ErrorCode code : allCodes()) {
        const QString name(codeName(code));
        EXPECT_FALSE(names.contains(name)) << name.toStdString();
        names.insert(name);
        EXPECT_GT(qstrlen(defaultMessage(code)), 10u) << name.toStdString();
    }
}

TEST(ErrorCodes, EveryCodeIsDocumented) {
    QFile doc(QStringLiteral(TESSERA_SOURCE_DIR "/docs/error-codes.md"));
    ASSERT_TRUE(doc.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(doc.readAll());
    for (ErrorCode code : allCodes()) {
        const QString name = QStringLiteral("`") + QString(codeName(code)) + QStringLiteral("`");
        EXPECT_TRUE(text.contains(name)) << name.toStdString() << " missing from docs/error-codes.md";
    }
}

TEST(ErrorCodes, CliExitCodesSeparateTheDocumentedClasses) {
    EXPECT_EQ(cliExitCode(ErrorCode::InvalidArgument), 2);
    EXPECT_EQ(cliExitCode(ErrorCode::ProviderUnauthorized), 3);
    EXPECT_EQ(cliExitCode(ErrorCode::ProviderRateLimited), 4);
    EXPECT_EQ(cliExitCode(ErrorCode::ProviderUnavailable), 5);
    EXPECT_EQ(cliExitCode(ErrorCode::StreamInterrupted), 6);
    EXPECT_EQ(cliExitCode(ErrorCode::NotFound), 7);
    for (ErrorCode code : allCodes()) {
        EXPECT_NE(cliExitCode(code), 0);
    }
}

TEST(ErrorCodes, LogStringCarriesCodeCorrelationIdAndStatus) {
    Error error = makeError(ErrorCode::ProviderRateLimited, QStringLiteral("slow down"), QStringLiteral("abc123"));
    error.httpStatus = 429;
    error.retryAfterMs = 1000;
    const QString line = error.toLogString();
    EXPECT_EQ(line, QStringLiteral("provider.rate_limited cid=abc123 http=429 retry_after_ms=1000: slow down"));
    Result<int> result = fail(error);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, ErrorCode::ProviderRateLimited);
}
