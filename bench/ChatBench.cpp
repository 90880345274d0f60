// The chat workspace at size: a streamed delta costs the same at 10 and at 10,000 messages (under 1 ms), a
// 10,000-message conversation opens in under 300 ms, and the app starts (1,000 conversations in the store) to an
// interactive window in under 400 ms using under 100 MB.
#include "BenchData.h"
#include "BenchSupport.h"

#include "app/CoreServices.h"
#include "chat/ChatPanel.h"
#include "chat/ChatView.h"
#include "secrets/MemorySecretStore.h"
#include "storage/ConversationRepository.h"
#include "storage/Database.h"
#include "storage/ProviderRepository.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <map>
#include <memory>

namespace {

using namespace Tessera;

std::vector<Core::Message> messages(int count) {
    Bench::TextGenerator text(7);
    std::vector<Core::Message> all;
    for (int i = 1; i <= count; ++i) {
        Core::Message message;
        message.id = i;
        message.role = i % 2 ? Core::Role::User : Core::Role::Assistant;
        message.content = text.message();
        all.push_back(std::move(message));
    }
    return all;
}

// Lays out what changed, as the event loop would before the next paint.
void settle() {
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
}

// Lets everything else the app would do between two user actions happen, outside the measurement: other posted
// events, zero timers and the deletion of the widgets of the page closed. Without it they pile up across
// iterations and every later one pays for searching the growing event queue.
void drain() {
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCoreApplication::processEvents();
}

// One streamed piece of an answer reaching the screen, in a conversation of state.range(0) messages.
void BM_AppendDelta(benchmark::State& state) {
    Ui::ChatView view;
    view.resize(900, 700);
    view.show();
    view.setMessages(messages(int(state.range(0))));
    qint64 nextId = state.range(0) + 1;
    const auto startAnswer = [&] {
        Core::Message answer;
        answer.id = nextId++;
        answer.role = Core::Role::Assistant;
        answer.state = Core::MessageState::Streaming;
        view.appendMessage(answer);
        settle();
        return answer.id;
    };
    qint64 streaming = startAnswer();
    int pieces = 0;
    for (auto _ : state) {
        view.appendDelta(streaming, QStringLiteral("word "));
        view.flushNow();
        settle();
        if (++pieces % 300 == 0) { // answers have an end: start another, so the streamed text stays realistic
            state.PauseTiming();
            Core::Message done;
            done.id = streaming;
            done.role = Core::Role::Assistant;
            view.finishMessage(done);
            streaming = startAnswer();
            state.ResumeTiming();
        }
    }
    state.counters["messages"] = double(state.range(0));
}

// A photo-sized PNG (noise, so it does not compress: about 360 KB).
QByteArray noisePng() {
    QImage image(400, 300, QImage::Format_RGB32);
    quint32 value = 12345;
    for (int y = 0; y < image.height(); ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            value = value * 1664525U + 1013904223U;
            line[x] = 0xff000000U | (value >> 8);
        }
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

// Opening a stored conversation in the chat panel: reading its branch and showing its newest page. With
// imageEvery > 0, every imageEvery-th message carries a photo-sized picture.
void measureOpen(benchmark::State& state, int messages, int imageEvery,
                 const std::optional<Core::StoreLocation>& location = std::nullopt) {
    QTemporaryDir dir;
    Core::MemorySecretStore secrets;
    auto services = location ? Core::CoreServices::open(dir.path(), *location, secrets, nullptr)
                             : Core::CoreServices::open(dir.path(), secrets, nullptr);
    if (!services) {
        Bench::fail(state, "cannot open the store");
        return;
    }
    Bench::SeedSize size;
    size.conversations = 1;
    size.messagesPerConversation = messages;
    if (Bench::seedStore((*services)->store().database, size) != messages) {
        Bench::fail(state, "cannot seed the store");
        return;
    }
    const Core::Database& db = (*services)->store().database;
    if (imageEvery > 0) {
        const QByteArray png = noisePng();
        auto added = db.transaction([&]() -> Core::Status {
            QSqlQuery insert(db.connection());
            insert.prepare(QStringLiteral("INSERT INTO message_images (message_id, mime_type, name, data) "
                                          "SELECT id, 'image/png', 'photo.png', ? FROM messages "
                                          "WHERE id % CAST(? AS BIGINT) = 1"));
            insert.addBindValue(png);
            insert.addBindValue(imageEvery);
            return insert.exec() ? Core::Status{}
                                 : Core::fail(Core::ErrorCode::StorageFailed, QStringLiteral("cannot add images"));
        });
        if (!added) {
            Bench::fail(state, "cannot add the images");
            return;
        }
        state.counters["image_mb"] = double(png.size()) * (messages / imageEvery) / (1024.0 * 1024.0);
    }
    const qint64 id = (*services)->store().conversations.list()->front().id;
    Ui::ChatPanel panel(**services, Core::Actor::owner(Core::ClientKind::Gui));
    panel.resize(900, 700);
    panel.show();
    int shown = 0;
    for (auto _ : state) {
        panel.showConversation(id);
        settle();
        state.PauseTiming();
        shown = panel.chatView()->totalMessageCount();
        panel.showConversation(std::nullopt); // closed again, outside the measurement
        settle();
        drain();
        state.ResumeTiming();
    }
    state.counters["messages"] = double(shown);
}

void BM_OpenConversation(benchmark::State& state) {
    measureOpen(state, int(state.range(0)), 0);
}

// The same with a picture in every 40th message (250 photos, about 90 MB, at 10,000 messages): only the pictures
// of the page shown are read.
void BM_OpenConversationWithImages(benchmark::State& state) {
    measureOpen(state, int(Bench::messageCount(state.range(0))), 40);
}

// The real app, started as a user starts it, with 1,000 conversations in its store: from launching the process
// to its main window shown with the event loop idle. Reports the resident memory it then uses.
void BM_ColdStart(benchmark::State& state) {
    QTemporaryDir dir;
    {
        Core::MemorySecretStore secrets;
        auto services = Core::CoreServices::open(dir.path(), secrets, nullptr);
        Core::ProviderConfig provider;
        provider.name = QStringLiteral("local");
        provider.baseUrl = QStringLiteral("http://127.0.0.1:9/v1");
        provider.defaultModel = QStringLiteral("model");
        Bench::SeedSize size;
        size.conversations = 1000;
        size.messagesPerConversation = 10;
        if (!services || !(*services)->store().providers.add(provider) ||
            Bench::seedStore((*services)->store().database, size) <= 0) {
            Bench::fail(state, "cannot seed the store");
            return;
        }
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("TESSERA_STARTUP_PROBE"), QStringLiteral("1"));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    double rssKb = 0;
    for (auto _ : state) {
        QProcess app;
        app.setProcessEnvironment(environment);
        QElapsedTimer clock;
        clock.start();
        app.start(QStringLiteral(TESSERA_APP_PATH), {QStringLiteral("--data-dir"), dir.path()});
        QByteArray out;
        while (!out.contains("tessera-startup-probe") && app.waitForReadyRead(10'000)) {
            out += app.readAllStandardOutput();
        }
        const double ms = double(clock.nsecsElapsed()) / 1e6;
        if (!out.contains("tessera-startup-probe")) {
            Bench::fail(state, "the app did not report its start");
            return;
        }
        state.SetIterationTime(ms / 1000.0);
        rssKb = out.mid(out.indexOf("rss_kb=") + 7).trimmed().toDouble();
        app.waitForFinished(10'000);
    }
    state.counters["rss_mb"] = rssKb / 1024.0;
}

} // namespace

BENCHMARK(BM_AppendDelta)->Arg(10)->Arg(10'000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_OpenConversation)->Arg(100)->Arg(10'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OpenConversationWithImages)->Arg(10'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ColdStart)->UseManualTime()->Iterations(5)->Unit(benchmark::kMillisecond);

namespace Tessera::Bench {

// Opening a 100- and a 10,000-message conversation from a PostgreSQL store.
void registerOpenConversationOnPostgres() {
    for (const int messages : {100, 10'000}) {
        benchmark::RegisterBenchmark("BM_PostgresOpenConversation",
                                     [messages](benchmark::State& state) {
                                         measureOpen(state, messages, 0,
                                                     postgresStore(QStringLiteral("tessera_bench_open")));
                                     })
            ->Arg(messages)
            ->Unit(benchmark::kMillisecond);
    }
}

} // namespace Tessera::Bench
