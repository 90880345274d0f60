// The fixture of the CLI tests: runs the real tessera-cli binary with its own data folder against a loopback server
// that speaks the providers' real protocols.
#pragma once

#include "support/FakeProviderServer.h"
#include "support/TestHelpers.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <functional>

using Tessera::Testing::FakeProviderServer;
using Tessera::Testing::waitUntil;

inline const QString kKey = QStringLiteral("sk-cli-test-key-0123456789");

// Writes a test's input file.
inline void writeFile(const QString& path, const QByteArray& text) {
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(text);
}

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
    QJsonArray jsonArray() const { return QJsonDocument::fromJson(out.toUtf8()).array(); }
};

class CliTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(server.listen());
        server.setApiKey(kKey);
    }

    CliRun cli(const QStringList& args, const QByteArray& input = {}, const QStringList& extraEnv = {}) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TEST_PROVIDER_KEY"), kKey);
        env.remove(QStringLiteral("TESSERA_DATA_DIR"));
        for (const QString& entry : extraEnv) {
            env.insert(entry.section(QLatin1Char('='), 0, 0), entry.section(QLatin1Char('='), 1));
        }
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(TESSERA_CLI_PATH), QStringList{QStringLiteral("--data-dir"), dir.path()} + args);
        EXPECT_TRUE(process.waitForStarted());
        if (!input.isEmpty()) {
            process.write(input);
        }
        process.closeWriteChannel();
        // The loopback server runs on this thread's event loop, so keep it turning while the CLI works.
        EXPECT_TRUE(waitUntil([&] { return process.state() == QProcess::NotRunning; }, 60'000));
        CliRun run;
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    // Asks `count` questions ("question 0", ...) with `chat`; the answers' message ids, in order.
    std::vector<qint64> askQuestions(int count) {
        std::vector<qint64> answers;
        for (int i = 0; i < count; ++i) {
            const CliRun chat =
                cli({QStringLiteral("--json"), QStringLiteral("chat"), QStringLiteral("question %1").arg(i)});
            EXPECT_EQ(chat.exitCode, 0) << chat.err.toStdString();
            answers.push_back(chat.json().value(QLatin1StringView("message_id")).toInteger());
        }
        return answers;
    }

    void addProvider(const QString& name = QStringLiteral("local"),
                     const QString& kind = QStringLiteral("openai-compatible")) {
        const CliRun run =
            cli({QStringLiteral("providers"), QStringLiteral("add"), name, QStringLiteral("--kind"), kind,
                 QStringLiteral("--base-url"), server.baseUrl(), QStringLiteral("--api-key-env"),
                 QStringLiteral("TEST_PROVIDER_KEY"), QStringLiteral("--default-model"), QStringLiteral("gpt-test")});
        ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    }

    // Starts `chat` with a slowly streamed answer and waits until its output satisfies the condition.
    bool startSlowAnswer(QProcess& process, const std::function<bool(const QByteArray&)>& arrived) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TEST_PROVIDER_KEY"), kKey);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(TESSERA_CLI_PATH),
                      {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("chat"),
                       QStringLiteral("[[slow]] a long answer with many many words in it")});
        if (!process.waitForStarted()) {
            return false;
        }
        QByteArray out;
        return waitUntil(
            [&] {
                out += process.readAllStandardOutput();
                return arrived(out);
            },
            30'000);
    }

    QTemporaryDir dir;
    FakeProviderServer server;
};
