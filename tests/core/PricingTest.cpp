// Prices without a store: the catalog that ships parses and finds models by id, dated snapshot and alias; its
// encodings agree with the tokenizer's; costs are exact integer micro-dollars with long-context rates; amounts parse
// and print exactly.
#include "usage/Pricing.h"
#include "usage/ContextEstimate.h"
#include "usage/ModelCatalog.h"

#include "providers/ProviderConfig.h"
#include "tokenizer/TokenCounter.h"

#include <QFile>

#include <gtest/gtest.h>

using namespace Tessera::Core;

TEST(ModelCatalog, TheBuiltInCatalogParsesWithItsDateAndSourcesAndCoversTheThreeVendors) {
    QFile file(QStringLiteral(":/models/catalog.json"));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    auto parsed = ModelCatalog::parse(file.readAll());
    ASSERT_TRUE(parsed) << parsed.error().toLogString().toStdString();
    const ModelCatalog& catalog = ModelCatalog::builtIn();
    EXPECT_EQ(catalog.models().size(), parsed->models().size());
    EXPECT_TRUE(catalog.date().isValid());
    for (const char* vendor : {"openai", "anthropic", "google"}) {
        EXPECT_FALSE(catalog.sourceOf(QLatin1StringView(vendor)).isEmpty()) << vendor;
        EXPECT_GE(std::count_if(catalog.models().begin(), catalog.models().end(),
                                [&](const CatalogModel& m) { return m.vendor == QLatin1StringView(vendor); }),
                  5)
            << vendor;
    }
    for (const CatalogModel& model : catalog.models()) {
        EXPECT_GT(model.contextWindow, 0) << model.id.toStdString();
        EXPECT_GT(model.maxOutput, 0) << model.id.toStdString();
        EXPECT_GT(model.price.rates.output, 0) << model.id.toStdString();
        EXPECT_LE(model.price.rates.cachedInput, model.price.rates.input) << model.id.toStdString();
        EXPECT_EQ(catalog.find(model.vendor, model.id), &model) << "its own id finds it: " << model.id.toStdString();
    }
}

TEST(ModelCatalog, CatalogEncodingsAgreeWithTheTokenizersChoice) {
    for (const CatalogModel& model : ModelCatalog::builtIn().models()) {
        const auto encoding = encodingForModel(model.id);
        if (model.encoding.isEmpty()) {
            EXPECT_FALSE(encoding) << model.id.toStdString() << ": its tokenizer is not public";
        } else {
            ASSERT_TRUE(encoding) << model.id.toStdString();
            EXPECT_EQ(encodingName(*encoding), model.encoding) << model.id.toStdString();
        }
    }
}

TEST(ModelCatalog, DatedSnapshotsAndAliasesFindTheirModelAndUnknownModelsFindNothing) {
    const ModelCatalog& catalog = ModelCatalog::builtIn();
    const auto idOf = [&](const char* vendor, const char* model) {
        const CatalogModel* found = catalog.find(QLatin1StringView(vendor), QLatin1StringView(model));
        return found ? found->id : QStringLiteral("(none)");
    };
    EXPECT_EQ(idOf("openai", "gpt-4o-2024-08-06"), QStringLiteral("gpt-4o"));
    EXPECT_EQ(idOf("openai", "gpt-4o-mini-2024-07-18"), QStringLiteral("gpt-4o-mini")) << "not gpt-4o";
    EXPECT_EQ(idOf("openai", "gpt-5.4-mini"), QStringLiteral("gpt-5.4-mini"));
    EXPECT_EQ(idOf("anthropic", "claude-sonnet-4-5-20250929"), QStringLiteral("claude-sonnet-4-5"));
    EXPECT_EQ(idOf("anthropic", "claude-3-5-haiku-latest"), QStringLiteral("claude-3-5-haiku"));
    EXPECT_EQ(idOf("anthropic", "claude-opus-4-1-20250805"), QStringLiteral("claude-opus-4-1")) << "not opus-4";
    EXPECT_EQ(idOf("google", "gemini-2.0-flash-001"), QStringLiteral("gemini-2.0-flash"));
    EXPECT_EQ(idOf("google", "gemini-3.1-pro-preview"), QStringLiteral("gemini-3.1-pro-preview"));
    EXPECT_EQ(idOf("openai", "claude-sonnet-4-6"), QStringLiteral("(none)")) << "another vendor's model";
    EXPECT_EQ(idOf("openai", "gpt-4o-mini-extra"), QStringLiteral("(none)"));
    EXPECT_EQ(idOf("openai", "my-gpt-4o"), QStringLiteral("(none)"));
}

TEST(ModelCatalog, ABrokenCatalogIsRefusedWithTheReason) {
    EXPECT_FALSE(ModelCatalog::parse("[]"));
    EXPECT_FALSE(ModelCatalog::parse(R"({"date":"2026-11-30","models":[{"id":"x","vendor":"v","price":{}}]})"));
    EXPECT_FALSE(ModelCatalog::parse(
        R"({"date":"2026-11-30","models":[{"id":"x","vendor":"v","patterns":["("],"price":{"input":1,"output":2}}]})"));
    EXPECT_FALSE(ModelCatalog::parse(R"({"models":[]})")) << "no date";
}

TEST(ProviderVendor, LocalServersAreFreeAndUnknownGatewaysHaveNoVendor) {
    ProviderConfig config;
    config.kind = ProviderKind::Ollama;
    EXPECT_EQ(priceVendorOf(config), QStringLiteral("local"));
    config.kind = ProviderKind::OpenAiCompatible;
    for (const char* url : {"http://localhost:1234/v1", "http://127.0.0.1:8080/v1", "http://[::1]:8000/v1"}) {
        config.baseUrl = QLatin1StringView(url);
        EXPECT_EQ(priceVendorOf(config), QStringLiteral("local")) << url;
    }
    config.baseUrl = QStringLiteral("https://openrouter.ai/api/v1");
    EXPECT_EQ(priceVendorOf(config), QString());
    config.kind = ProviderKind::AzureOpenAi;
    EXPECT_EQ(priceVendorOf(config), QStringLiteral("openai"));
    config.kind = ProviderKind::Gemini;
    EXPECT_EQ(priceVendorOf(config), QStringLiteral("google"));
}

TEST(Price, CostsAreExactMicroDollarsRoundedOnceWithCacheAndReasoningRates) {
    Price price;
    price.rates = {2'500'000, 250'000, 3'125'000, 15'000'000, 15'000'000};
    // 4,000 fresh × $2.50 + 8,000 cached × $0.25 + 1,500 out × $15 per million = $0.01 + $0.002 + $0.0225.
    EXPECT_EQ(price.costMicros({12'000, 8'000, 0, 1'500, 500}), 34'500);
    // Cache writes have their own rate: 1,000 written × $3.125 per million.
    EXPECT_EQ(price.costMicros({1'000, 0, 1'000, 0, 0}), 3'125);
    // One token at $0.25 per million is 0.25 µ$: rounds to 0; two at $0.25 make 0.5 µ$: rounds half up to 1.
    EXPECT_EQ(price.costMicros({1, 1, 0, 0, 0}), 0);
    EXPECT_EQ(price.costMicros({2, 2, 0, 0, 0}), 1);
    // Reasoning at its own rate when it has one.
    price.rates.reasoning = 30'000'000;
    EXPECT_EQ(price.costMicros({0, 0, 0, 1'000, 1'000}), 30'000);
    // Nonsense counts (more cached than input) never make a negative cost.
    EXPECT_GE(price.costMicros({10, 50, 50, 0, 0}), 0);
    // Huge counts do not overflow.
    EXPECT_EQ(price.costMicros({0, 0, 0, 1'000'000'000'000, 0}), qint64(15'000'000'000'000));
}

TEST(Price, ARequestPastTheThresholdPaysTheLongContextRates) {
    Price price;
    price.rates = {1'250'000, 125'000, 1'250'000, 10'000'000, 10'000'000};
    price.aboveInputTokens = 200'000;
    price.aboveRates = {2'500'000, 250'000, 2'500'000, 15'000'000, 15'000'000};
    EXPECT_EQ(price.costMicros({200'000, 0, 0, 1'000, 0}), 250'000 + 10'000) << "at the threshold: base rates";
    EXPECT_EQ(price.costMicros({200'001, 0, 0, 1'000, 0}), 500'003 + 15'000) << "past it: all at the higher rates";
    EXPECT_TRUE(price.describe().contains(QStringLiteral("above 200000")));
}

TEST(Price, AmountsParseAndPrintExactly) {
    EXPECT_EQ(parseUsdAmount(QStringLiteral("2.5")), 2'500'000);
    EXPECT_EQ(parseUsdAmount(QStringLiteral("$0.075")), 75'000);
    EXPECT_EQ(parseUsdAmount(QStringLiteral("0.000001")), 1);
    EXPECT_EQ(parseUsdAmount(QStringLiteral("10")), 10'000'000);
    EXPECT_FALSE(parseUsdAmount(QStringLiteral("0.0000001"))) << "finer than a micro-dollar";
    EXPECT_FALSE(parseUsdAmount(QStringLiteral("-1")));
    EXPECT_FALSE(parseUsdAmount(QStringLiteral("1e3")));
    EXPECT_FALSE(parseUsdAmount(QStringLiteral("")));
    EXPECT_EQ(formatUsd(3'200'000), QStringLiteral("$3.20"));
    EXPECT_EQ(formatUsd(125), QStringLiteral("$0.000125"));
    EXPECT_EQ(formatUsd(0), QStringLiteral("$0.00"));
    EXPECT_EQ(usdDecimal(34'500), QStringLiteral("0.0345"));
    EXPECT_DOUBLE_EQ(usdValue(34'500), 0.0345);
}

TEST(ContextEstimate, CountsWhatWillBeSentAndHowManyOfTheOldestToLeaveOut) {
    ProviderConfig provider;
    provider.kind = ProviderKind::OpenAi;
    ContextInput input;
    input.provider = provider;
    input.model = QStringLiteral("gpt-4o-mini");
    input.draft = QStringLiteral("Hello there");
    Price price;
    price.rates = {150'000, 75'000, 150'000, 600'000, 600'000};
    input.price = price;
    ContextEstimate small = estimateContext(input);
    EXPECT_EQ(small.inputTokens, countTokens(input.draft, Encoding::O200kBase).tokens + 4);
    EXPECT_TRUE(small.exact);
    EXPECT_EQ(small.contextWindow, 128'000);
    EXPECT_EQ(small.leaveOut, 0);
    ASSERT_TRUE(small.costMicros);

    const QString chunk = QStringLiteral(" a").repeated(50'000); // 50,000 tokens
    input.history = {chunk, chunk, QStringLiteral("short answer")};
    EXPECT_EQ(estimateContext(input).leaveOut, 0) << "100,000 tokens fit";
    input.maxOutputTokens = 40'000;
    EXPECT_EQ(estimateContext(input).leaveOut, 1) << "with room for a 40,000-token answer they do not";
    input.draft = QStringLiteral(" a").repeated(130'000);
    EXPECT_EQ(estimateContext(input).leaveOut, -1) << "the draft alone is too long";

    input.model = QStringLiteral("claude-sonnet-4-6");
    input.provider.kind = ProviderKind::Anthropic;
    EXPECT_FALSE(estimateContext(input).exact) << "Anthropic's tokenizer is not public: an estimate";
    input.model = QStringLiteral("some-local-model");
    EXPECT_EQ(estimateContext(input).contextWindow, 0) << "unknown window: no check";
}
