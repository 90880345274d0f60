// The tokenizer's speed targets: counting a 100 KB draft under 10 ms, and a throughput at least twice that of the
// npm package tiktoken on the same corpus (scripts/bench-tokenizer.sh runs both side by side: it has this bench
// write its corpus to TESSERA_TOKENIZER_CORPUS and times the npm package on that file).
#include "tokenizer/Tokenizer.h"

#include <QFile>
#include <QRandomGenerator>
#include <QStringList>

#include <benchmark/benchmark.h>

namespace {

using namespace Tessera;

// About a megabyte of what people send: prose in several languages, code, JSON, numbers and emoji, mixed in a
// fixed order.
const QString& corpus() {
    static const QString text = [] {
        const QStringList words = {
            QStringLiteral("the"),          QStringLiteral("model"),    QStringLiteral("answer"),
            QStringLiteral("conversation"), QStringLiteral("provider"), QStringLiteral("token"),
            QStringLiteral("budget"),       QStringLiteral("quickly"),  QStringLiteral("however,"),
            QStringLiteral("we'll"),        QStringLiteral("Tessera"),  QStringLiteral("OpenAI's"),
            QStringLiteral("Grüße"),        QStringLiteral("Übermut"),  QStringLiteral("naïve"),
            QStringLiteral("データ"),       QStringLiteral("模型"),     QStringLiteral("пример"),
            QStringLiteral("2026-12-01"),   QStringLiteral("3.14159"),  QStringLiteral("(see"),
            QStringLiteral("below)."),      QStringLiteral("👍🏽"), QStringLiteral("\"quoted\""),
        };
        const QString code = QStringLiteral(
            "int main(int argc, char** argv) {\n    std::vector<int> values{1, 2, 3};\n    for (int v : values) {\n"
            "        std::cout << v << '\\n';\n    }\n    return 0;\n}\n");
        const QString json =
            QStringLiteral("{\"id\": 12345, \"name\": \"example\", \"tags\": [\"a\", \"b\"], \"ok\": true}\n");
        QRandomGenerator random(42);
        QString all;
        all.reserve(1'100'000);
        while (all.size() < 1'000'000) {
            for (int sentence = 0; sentence < 6; ++sentence) {
                const int length = 8 + int(random.bounded(14));
                for (int w = 0; w < length; ++w) {
                    all += words.at(int(random.bounded(qsizetype(words.size())))) + QLatin1Char(' ');
                }
                all += QStringLiteral(".\n");
            }
            all += random.bounded(2) ? code : json;
            all += QLatin1Char('\n');
        }
        return all;
    }();
    return text;
}

void writeCorpusWhenAsked() {
    static const bool written = [] {
        const QString path = qEnvironmentVariable("TESSERA_TOKENIZER_CORPUS");
        if (!path.isEmpty()) {
            QFile file(path);
            if (file.open(QIODevice::WriteOnly)) {
                file.write(corpus().toUtf8());
            }
        }
        return true;
    }();
    (void)written;
}

void BM_TokenizerThroughput(benchmark::State& state) {
    writeCorpusWhenAsked();
    const auto encoding = state.range(0) == 0 ? Core::Encoding::O200kBase : Core::Encoding::Cl100kBase;
    const Core::Tokenizer& tokenizer = Core::Tokenizer::get(encoding);
    const QString& text = corpus();
    qsizetype tokens = 0;
    for (auto _ : state) {
        tokens = tokenizer.count(text);
        benchmark::DoNotOptimize(tokens);
    }
    state.SetBytesProcessed(state.iterations() * text.toUtf8().size());
    state.counters["tokens"] = double(tokens);
    state.SetLabel(Core::encodingName(encoding).toStdString());
}
BENCHMARK(BM_TokenizerThroughput)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_CountDraft100KB(benchmark::State& state) {
    const Core::Tokenizer& tokenizer = Core::Tokenizer::get(Core::Encoding::O200kBase);
    const QString draft = corpus().left(100 * 1024);
    for (auto _ : state) {
        benchmark::DoNotOptimize(tokenizer.count(draft));
    }
}
BENCHMARK(BM_CountDraft100KB)->Unit(benchmark::kMillisecond);

} // namespace
