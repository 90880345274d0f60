#include "providers/HttpErrors.h"
#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace Tessera::Core;

TEST(HttpErrors, EveryStatusMapsToTheDocumentedCode) {
    const std::pair<int, ErrorCode> cases[] = {
        {400, ErrorCode::ProviderBadRequest},
        {401, ErrorCode::ProviderUnauthorized},
        {403, ErrorCode::ProviderForbidden},
        {404, ErrorCode::ProviderNotFound},
        {408, ErrorCode::Timeout},
        {409, ErrorCode::ProviderBadRequest},
        {413, ErrorCode::ProviderBadRequest},
        {418, ErrorCode::ProviderBadRequest},
        {422, ErrorCode::ProviderBadRequest},
        {429, ErrorCode::ProviderRateLimited},
        {500, ErrorCode::ProviderUnavailable},
        {502, ErrorCode::ProviderUnavailable},
        {503, ErrorCode::ProviderUnavailable},
        {529, ErrorCode::ProviderOverloaded},
    };
    for (const auto& [status, code] : cases) {
        const Error error = errorFromHttpResponse(status, "{}", QStringLiteral("cid"));
        EXPECT_EQ(error.code, code) << status;
        EXPECT_EQ(error.httpStatus, status);
        EXPECT_EQ(error.correlationId, QStringLiteral("cid"));
    }
}

TEST(HttpErrors, QuotaIsToldApartFromRateLimitsAndTheProvidersWordsAreKept) {
    const Error quota = errorFromHttpResponse(
        429,
        R"({"error":{"message":"You exceeded your current quota","type":"insufficient_quota","code":"insufficient_quota"}})",
        {});
    EXPECT_EQ(quota.code, ErrorCode::ProviderQuotaExceeded);
    EXPECT_EQ(quota.providerMessage, QStringLiteral("You exceeded your current quota"));
    const Error ollama = errorFromHttpResponse(404, R"({"error":"model 'x' not found"})", {});
    EXPECT_EQ(ollama.providerMessage, QStringLiteral("model 'x' not found"));
    const Error html = errorFromHttpResponse(502, "<html><body>Bad gateway</body></html>", {});
    EXPECT_EQ(html.code, ErrorCode::ProviderUnavailable);
    EXPECT_TRUE(html.providerMessage.contains(QStringLiteral("Bad gateway")));
    const Error huge = errorFromHttpResponse(500, QByteArray(100'000, 'x'), {});
    EXPECT_LE(huge.providerMessage.size(), 500) << "bounded";
}
