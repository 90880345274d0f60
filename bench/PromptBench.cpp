// The prompt library's speed targets with 10,000 templates: the palette's fuzzy search under 16 ms a keystroke,
// rendering a template under 1 ms, and the Prompts view showing its list under 200 ms after it opens.
#include "BenchSupport.h"

#include "app/CoreServices.h"
#include "prompts/FuzzyMatch.h"
#include "prompts/PromptLibrary.h"
#include "prompts/PromptsWindow.h"
#include "secrets/MemorySecretStore.h"
#include "storage/Database.h"
#include "widgets/Dialogs.h"

#include <QApplication>
#include <QListWidget>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <memory>

namespace {

using namespace Tessera;

// A store with TESSERA_BENCH_MESSAGES templates (default 10,000) of a few hundred characters with variables.
struct PromptStore {
    QTemporaryDir dir;
    Core::MemorySecretStore secrets;
    std::unique_ptr<Core::CoreServices> services;
    const Core::Actor owner = Core::Actor::owner(Core::ClientKind::Gui);
    std::vector<Core::PromptTemplate> templates;
    bool ready = false;

    PromptStore() {
        auto opened = Core::CoreServices::open(dir.path(), secrets, nullptr);
        if (!opened) {
            return;
        }
        services = std::move(*opened);
        const QStringList topics = {QStringLiteral("meeting"),     QStringLiteral("release"), QStringLiteral("bug"),
                                    QStringLiteral("customer"),    QStringLiteral("review"),  QStringLiteral("summary"),
                                    QStringLiteral("translation"), QStringLiteral("email"),   QStringLiteral("report"),
                                    QStringLiteral("plan")};
        const qint64 count = Bench::messageCount(10'000);
        auto made = services->store().database.transaction([&]() -> Core::Status {
            for (qint64 i = 0; i < count; ++i) {
                Core::PromptDraft draft;
                const QString a = topics[int(i % 10)];
                const QString b = topics[int((i / 10) % 10)];
                draft.name = QStringLiteral("%1 %2 notes %3").arg(a, b).arg(i);
                draft.description = QStringLiteral("Turns %1 notes into a %2 for the team").arg(a, b);
                draft.tags = {a, b};
                draft.userText = QStringLiteral("Write a %1 about {{topic}} for {{audience = \"the team\"}} in "
                                                "{{length : choice(short, long) = short}} form.\n"
                                                "{{?notes : multiline}}\nNotes:\n{{notes}}\n{{/notes}}\n"
                                                "Keep it under {{words : number(20..500) = 200}} words.")
                                     .arg(b);
                draft.systemText = QStringLiteral("You write clear %1 texts.").arg(a);
                if (auto created = services->prompts().create(owner, draft); !created) {
                    return Core::fail(created.error());
                }
            }
            return {};
        });
        auto listed = services->prompts().list(owner);
        if (listed) {
            templates = std::move(*listed);
        }
        ready = made.has_value() && qint64(templates.size()) == count;
    }

    static PromptStore& instance() {
        static PromptStore store;
        return store;
    }
};

// One keystroke in the palette: the 10,000 templates ranked for what is typed so far (the list is read when the
// palette opens; each keystroke scores them all).
void BM_PaletteFuzzySearch(benchmark::State& state) {
    PromptStore& store = PromptStore::instance();
    if (!store.ready) {
        Bench::fail(state, "the templates were not made");
        return;
    }
    const Core::TemplateMatcher matcher(store.templates);
    const QStringList typing = {QStringLiteral("m"),    QStringLiteral("me"),       QStringLiteral("mee"),
                                QStringLiteral("meet"), QStringLiteral("meet rev"), QStringLiteral("mtrv")};
    std::size_t matched = 0;
    int at = 0;
    for (auto _ : state) {
        const auto ranked = matcher.rank(typing[at++ % typing.size()]);
        matched += ranked.size();
        benchmark::DoNotOptimize(ranked.data());
    }
    state.counters["templates"] = double(store.templates.size());
    state.counters["matched"] = benchmark::Counter(double(matched), benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_PaletteFuzzySearch)->Unit(benchmark::kMillisecond);

// Rendering one template with its values, as the palette's form and chat --prompt do (read, parse, render).
void BM_RenderTemplate(benchmark::State& state) {
    PromptStore& store = PromptStore::instance();
    if (!store.ready) {
        Bench::fail(state, "the templates were not made");
        return;
    }
    const QString name = store.templates[store.templates.size() / 2].name;
    const QHash<QString, QString> values = {{QStringLiteral("topic"), QStringLiteral("the new search")},
                                            {QStringLiteral("notes"), QStringLiteral("fast\nexact\nlocal")}};
    for (auto _ : state) {
        auto rendered = store.services->prompts().render(store.owner, name, std::nullopt, values);
        if (!rendered) {
            Bench::fail(state, "the template did not render");
            return;
        }
        benchmark::DoNotOptimize(rendered->userText.size());
    }
}
BENCHMARK(BM_RenderTemplate)->Unit(benchmark::kMicrosecond);

// From opening View ▸ Prompts to its list of 10,000 templates shown with the first one in the editor.
void BM_PromptsViewOpen(benchmark::State& state) {
    PromptStore& store = PromptStore::instance();
    if (!store.ready) {
        Bench::fail(state, "the templates were not made");
        return;
    }
    Ui::QtDialogs dialogs;
    for (auto _ : state) {
        auto* window = new Ui::PromptsWindow(*store.services, store.owner, dialogs);
        window->resize(1240, 820);
        window->show();
        QApplication::processEvents();
        if (window->list()->count() != int(store.templates.size())) {
            Bench::fail(state, "the list is not complete");
            delete window;
            return;
        }
        state.PauseTiming();
        delete window;
        QApplication::processEvents();
        state.ResumeTiming();
    }
}
BENCHMARK(BM_PromptsViewOpen)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace
