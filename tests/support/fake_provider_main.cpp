// A loopback OpenAI-compatible server for trying Tessera by hand and for the CLI tests:
//   tessera-fake-provider [--port N] [--api-key KEY] [--prompt-cache] [--delay-ms MS]
// Prints "listening on http://127.0.0.1:N/v1" once ready. See FakeProviderServer.h for the scenarios.
#include "support/FakeProviderServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("port"), QStringLiteral("Port to listen on (0 = any)."), QStringLiteral("N"),
                      QStringLiteral("0")});
    parser.addOption({QStringLiteral("api-key"), QStringLiteral("Require this bearer key."), QStringLiteral("KEY")});
    parser.addOption({QStringLiteral("prompt-cache"),
                      QStringLiteral("Answer Anthropic requests as its prompt cache would (reads and writes in the "
                                     "usage).")});
    parser.addOption({QStringLiteral("delay-ms"), QStringLiteral("Start every answer this many milliseconds late."),
                      QStringLiteral("MS"), QStringLiteral("0")});
    parser.process(app);
    Tessera::Testing::FakeProviderServer server;
    server.setApiKey(parser.value(QStringLiteral("api-key")));
    server.setPromptCacheSimulation(parser.isSet(QStringLiteral("prompt-cache")));
    server.setAnswerDelay(parser.value(QStringLiteral("delay-ms")).toInt());
    if (!server.listen(quint16(parser.value(QStringLiteral("port")).toUInt()))) {
        std::fprintf(stderr, "cannot listen\n");
        return 1;
    }
    std::printf("listening on %s\n", server.baseUrl().toUtf8().constData());
    std::fflush(stdout);
    return app.exec();
}
