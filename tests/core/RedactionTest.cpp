#include "logging/Logging.h"
#include "logging/Redactor.h"
#include "support/FakeProviderServer.h"
#include "support/TestHelpers.h"

#include "providers/ProviderReply.h"
#include "providers/openai/OpenAiProvider.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QTemporaryDir>

#include <spdlog/sinks/ostream_sink.h>

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

#include <sstream>

using namespace Tessera::Core;
using Tessera::Testing::FakeProviderServer;

namespace {
const QString kKey = QStringLiteral("sk-proj-SECRETSECRET0123456789abcdef");
const QString kOddKey = QStringLiteral("my-own-server-token-77");
} // namespace

TEST(Redactor, RemovesHeaderValuesTokensAndRegisteredSecrets) {
    Redactor redactor;
    redactor.addSecret(kOddKey);
    const QString input = QStringLiteral("Authorization: Bearer abc.def.ghi x-api-key: sk-ant-api03-XYZ12345678 "
                                         "x-goog-api-key=AIzaSyA1234567890abcdefghijkl \"api_key\": \"hunter22\" ") +
                          kKey + QStringLiteral(" ") + kOddKey;
    const QString out = redactor.redact(input);
    for (const char* secret :
         {"abc.def.ghi", "XYZ12345678", "AIzaSyA1234567890", "hunter22", "SECRETSECRET", "my-own-server-token-77"}) {
        EXPECT_FALSE(out.contains(QLatin1StringView(secret))) << secret << " leaked: " << out.toStdString();
    }
    EXPECT_TRUE(out.contains(QLatin1StringView("[REDACTED]")));
    EXPECT_EQ(redactor.redact(QStringLiteral("an ordinary sentence about keys")),
              QStringLiteral("an ordinary sentence about keys"));
}

TEST(Redactor, EveryLogLineGoesThroughTheRedactorIncludingTheFile) {
    QTemporaryDir dir;
    auto stream = std::make_shared<std::ostringstream>();
    {
        LogConfig config;
        config.directory = dir.path();
        config.level = spdlog::level::trace;
        Logging logging(config, {std::make_shared<spdlog::sinks::ostream_sink_mt>(*stream)});
        logging.redactor().addSecret(kOddKey);
        log("net")->info("sending with Authorization: Bearer {}", kKey);
        log("providers")->debug("key is {}", kOddKey);
        qWarning("Qt says x-api-key: %s", qUtf8Printable(kKey));
    }
    const std::string captured = stream->str();
    EXPECT_EQ(captured.find("SECRETSECRET"), std::string::npos) << captured;
    EXPECT_EQ(captured.find("my-own-server-token"), std::string::npos) << captured;
    EXPECT_NE(captured.find("[REDACTED]"), std::string::npos);
    EXPECT_NE(captured.find("Qt says"), std::string::npos) << "Qt messages are routed into the log";

    QFile file(dir.filePath(QStringLiteral("tessera.log")));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray onDisk = file.readAll();
    EXPECT_FALSE(onDisk.contains("SECRETSECRET"));
    EXPECT_FALSE(onDisk.contains("my-own-server-token"));
    EXPECT_TRUE(onDisk.contains("[REDACTED]"));
}

TEST(Redactor, AFullRequestAtTraceLevelNeverLogsTheKey) {
    FakeProviderServer server;
    ASSERT_TRUE(server.listen());
    server.setApiKey(kOddKey);
    auto stream = std::make_shared<std::ostringstream>();
    LogConfig config;
    config.level = spdlog::level::trace;
    Logging logging(config, {std::make_shared<spdlog::sinks::ostream_sink_mt>(*stream)});
    logging.redactor().addSecret(kOddKey);

    QNetworkAccessManager network;
    ProviderConfig providerConfig;
    providerConfig.name = QStringLiteral("t");
    providerConfig.baseUrl = server.baseUrl();
    OpenAiProvider provider(network, providerConfig, kOddKey);
    ChatRequest request;
    request.model = QStringLiteral("gpt-test");
    request.messages.push_back({Role::User, QStringLiteral("hello")});
    request.correlationId = QStringLiteral("0123456789abcdef");
    std::unique_ptr<ProviderReply> reply(provider.chat(request));
    bool done = false;
    QObject::connect(reply.get(), &ProviderReply::finished, [&](const ChatResult& result) {
        EXPECT_TRUE(result.has_value());
        done = true;
    });
    ASSERT_TRUE(Tessera::Testing::waitUntil([&] { return done; }));
    log("net")->trace("request headers: authorization: Bearer {}", kOddKey);
    ASSERT_EQ(server.requests().size(), 1);
    EXPECT_EQ(server.requests().first().headers.value("authorization"), "Bearer " + kOddKey.toUtf8());
    const std::string captured = stream->str();
    EXPECT_EQ(captured.find("my-own-server-token"), std::string::npos) << captured;
    EXPECT_NE(captured.find("cid=0123456789abcdef"), std::string::npos) << "every line about the request has its id";
}

TEST(Logging, JsonLinesFormatCarriesCategoryAndCorrelationId) {
    auto stream = std::make_shared<std::ostringstream>();
    {
        LogConfig config;
        config.json = true;
        Logging logging(config, {std::make_shared<spdlog::sinks::ostream_sink_mt>(*stream)});
        log("chat")->info("cid=00ff00ff00ff00ff sending \"quoted\"");
    }
    const std::string line = stream->str();
    EXPECT_NE(line.find("\"category\":\"chat\""), std::string::npos) << line;
    EXPECT_NE(line.find("\"cid\":\"00ff00ff00ff00ff\""), std::string::npos) << line;
    EXPECT_NE(line.find("\"level\":\"info\""), std::string::npos) << line;
    EXPECT_EQ(line.back(), '\n');
}

TEST(Logging, ParsesLevels) {
    EXPECT_EQ(parseLogLevel(QStringLiteral("debug")), spdlog::level::debug);
    EXPECT_EQ(parseLogLevel(QStringLiteral("WARNING")), spdlog::level::warn);
    EXPECT_FALSE(parseLogLevel(QStringLiteral("loud")).has_value());
}
