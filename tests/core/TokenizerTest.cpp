// The exact tokenizer: its rank files are OpenAI's (published SHA-256), known texts give tiktoken's tokens, every
// text decodes back to its bytes, and a megabyte of one character does not hang. TokenizerReferenceTest compares
// it with the npm package tiktoken on a generated corpus of hard cases.
#include "tokenizer/Tokenizer.h"
#include "tokenizer/TokenCounter.h"

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace Tessera::Core;

namespace {

std::vector<quint32> ids(std::initializer_list<quint32> list) {
    return list;
}

} // namespace

TEST(TokenizerTest, TheRankFilesAreTheOnesOpenAiPublishes) {
    for (const Encoding encoding : {Encoding::Cl100kBase, Encoding::O200kBase}) {
        EXPECT_EQ(Tokenizer::resourceSha256(encoding), Tokenizer::publishedSha256(encoding))
            << encodingName(encoding).toStdString();
    }
    EXPECT_EQ(Tokenizer::get(Encoding::Cl100kBase).vocabularySize(), 100256);
    EXPECT_EQ(Tokenizer::get(Encoding::O200kBase).vocabularySize(), 199998);
}

TEST(TokenizerTest, KnownTextsGiveTiktokensTokens) {
    // Taken from the npm package tiktoken 1.0.22 (encode_ordinary).
    const Tokenizer& cl100k = Tokenizer::get(Encoding::Cl100kBase);
    const Tokenizer& o200k = Tokenizer::get(Encoding::O200kBase);
    EXPECT_EQ(cl100k.encode(u"hello world"), ids({15339, 1917}));
    EXPECT_EQ(o200k.encode(u"hello world"), ids({24912, 2375}));
    EXPECT_EQ(cl100k.encode(u"I'm here, 'S it's"), ids({40, 2846, 1618, 11, 364, 50, 433, 596}));
    EXPECT_EQ(o200k.encode(u"I'm here, 'S it's"), ids({15390, 2105, 11, 461, 50, 4275}));
    EXPECT_EQ(cl100k.encode(u"aaaaaaaaaaaaaaaaaaaa"), ids({70540, 70540, 29558}));
    EXPECT_EQ(o200k.encode(u"aaaaaaaaaaaaaaaaaaaa"), ids({117525, 117525, 45037}));
    EXPECT_EQ(cl100k.encode(u"<|endoftext|> hi"), ids({27, 91, 8862, 728, 428, 91, 29, 15960}))
        << "special-token text is plain text";
    EXPECT_EQ(o200k.encode(u"<|endoftext|> hi"), ids({27, 91, 419, 1440, 919, 91, 29, 5911}));
    EXPECT_TRUE(o200k.encode(u"").empty());
    EXPECT_EQ(o200k.count(u"hello world"), 2);
}

TEST(TokenizerTest, EveryTextDecodesBackToItsBytes) {
    const QString samples[] = {
        QStringLiteral("Grüße aus Köln — “quoted” ‘text’ …"),
        QStringLiteral("Привет, мир! Γειά σου κόσμε. שלום עולם. مرحبا بالعالم. नमस्ते दुनिया"),
        QStringLiteral("你好，世界。こんにちは世界。안녕하세요 세계. สวัสดีชาวโลก"),
        QStringLiteral("👨‍👩‍👧‍👦 🇩🇪 👍🏽 1️⃣ 🏳️‍🌈"),
        QStringLiteral("int main() {\n\tstd::cout << \"hi\\n\";\r\n    return 0;   \n}\n\n\n"),
        QStringLiteral(" \u00A0\u3000\u2009\u0085\u180E\u200B x"),
    };
    for (const Encoding encoding : {Encoding::Cl100kBase, Encoding::O200kBase}) {
        const Tokenizer& tokenizer = Tokenizer::get(encoding);
        for (const QString& text : samples) {
            const std::vector<quint32> tokens = tokenizer.encode(text);
            EXPECT_EQ(tokenizer.decode(tokens), text.toUtf8()) << text.toStdString();
        }
    }
    EXPECT_TRUE(Tokenizer::get(Encoding::O200kBase).decode(std::vector<quint32>{4'000'000}).isEmpty())
        << "an unknown token";
}

TEST(TokenizerTest, AMegabyteOfOneCharacterIsCountedWithoutHanging) {
    // One piece of a million bytes: the heap merge is O(n log n) (tiktoken's own quadratic merge takes seconds for
    // 50 KB). ctest's timeout catches a hang; the tokens must still decode back.
    const QString run(1'000'000, QLatin1Char('a'));
    const Tokenizer& tokenizer = Tokenizer::get(Encoding::O200kBase);
    const std::vector<quint32> tokens = tokenizer.encode(run);
    EXPECT_GT(tokens.size(), 1000u);
    EXPECT_LT(tokens.size(), 200'000u);
    EXPECT_EQ(tokenizer.decode(tokens), run.toUtf8());
    // The heap merge and the short-piece merge agree: a run just above the short limit gives the short run's
    // tokens repeated.
    const std::vector<quint32> twenty = tokenizer.encode(QString(20, QLatin1Char('a')));
    const std::vector<quint32> eighty = tokenizer.encode(QString(80, QLatin1Char('a')));
    EXPECT_EQ(tokenizer.decode(eighty), QByteArray(80, 'a'));
    EXPECT_EQ(eighty.size(), 10u) << "eight a's a token, as for twenty: " << twenty.size();
}

TEST(TokenizerTest, EncodingNamesRoundTrip) {
    for (const Encoding encoding : {Encoding::Cl100kBase, Encoding::O200kBase}) {
        EXPECT_EQ(parseEncoding(encodingName(encoding)), encoding);
    }
    EXPECT_FALSE(parseEncoding(QStringLiteral("p50k_base")));
}

TEST(TokenizerTest, OpenAiModelsAreCountedExactlyAndOthersEstimated) {
    EXPECT_EQ(encodingForModel(QStringLiteral("gpt-4o-mini")), Encoding::O200kBase);
    EXPECT_EQ(encodingForModel(QStringLiteral("openai/gpt-4.1-nano")), Encoding::O200kBase) << "a router's prefix";
    EXPECT_EQ(encodingForModel(QStringLiteral("o3-2025-04-16")), Encoding::O200kBase);
    EXPECT_EQ(encodingForModel(QStringLiteral("gpt-5")), Encoding::O200kBase);
    EXPECT_EQ(encodingForModel(QStringLiteral("GPT-4-turbo")), Encoding::Cl100kBase);
    EXPECT_EQ(encodingForModel(QStringLiteral("gpt-3.5-turbo-0125")), Encoding::Cl100kBase);
    EXPECT_FALSE(encodingForModel(QStringLiteral("claude-sonnet-4-5")));
    EXPECT_FALSE(encodingForModel(QStringLiteral("o10-future")));
    EXPECT_FALSE(encodingForModel(QStringLiteral("llama3.2")));
    const TokenCount exact = countTokens(u"hello world", QStringLiteral("gpt-4o"));
    EXPECT_EQ(exact.tokens, 2);
    EXPECT_TRUE(exact.exact);
    const TokenCount estimate = countTokens(u"hello world", QStringLiteral("claude-sonnet-4-5"));
    EXPECT_EQ(estimate.tokens, 2);
    EXPECT_FALSE(estimate.exact) << "an estimate says so";
    EXPECT_EQ(countTokens(u"hello world", Encoding::Cl100kBase).encoding, Encoding::Cl100kBase);
}
