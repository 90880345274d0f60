// Renders the documentation's screenshots from the real widgets, against a loopback provider server:
//   tessera-screenshots --output DIR [--theme light|dark] [--language en|de] [--suffix TEXT]
// Each screen is saved as DIR/<screen><suffix>.png. Run it through scripts/screenshots.sh.
#include "accounts/AccountService.h"
#include "accounts/MyAccountDialog.h"
#include "accounts/SignInDialog.h"
#include "admin/AdministrationWindow.h"
#include "admin/BudgetsPage.h"
#include "admin/FeedbackTagsPage.h"
#include "admin/PricesPage.h"
#include "admin/RolesPage.h"
#include "app/CoreServices.h"
#include "chat/AttachmentStrip.h"
#include "chat/ChatPanel.h"
#include "chat/ChatView.h"
#include "chat/Composer.h"
#include "chat/FeedbackDialog.h"
#include "chat/ImageImport.h"
#include "chat/MessageWidget.h"
#include "chat/ModelPicker.h"
#include "chat/PromptPalette.h"
#include "experiments/BlindReviewDialog.h"
#include "experiments/CompareWindow.h"
#include "experiments/Datasets.h"
#include "experiments/ExperimentRuns.h"
#include "experiments/ExperimentsWindow.h"
#include "experiments/NewExperimentDialog.h"
#include "experiments/VariantsEditor.h"
#include "health/ProviderHealthDialog.h"
#include "jobs/JobsController.h"
#include "jobs/JobsPanel.h"
#include "mainwindow/MainWindow.h"
#include "observability/HealthMonitor.h"
#include "prompts/FineTuneSubmitDialog.h"
#include "prompts/PromptLibrary.h"
#include "prompts/PromptsWindow.h"
#include "prompts/VariableForm.h"
#include "search/SearchDialog.h"
#include "secrets/MemorySecretStore.h"
#include "settings/AddProviderDialog.h"
#include "settings/SettingsDialog.h"
#include "settings/UiSettings.h"
#include "storage/ConversationRepository.h"
#include "storage/MessageRepository.h"
#include "storage/ProviderRepository.h"
#include "storage/TagRepository.h"
#include "support/FakeProviderServer.h"
#include "support/TestHelpers.h"
#include "tags/TagsDialog.h"
#include "usage/Alerts.h"
#include "usage/BudgetGuard.h"
#include "usage/PriceBook.h"
#include "usage/UsageGenerator.h"
#include "usage/UsageLedger.h"
#include "usage/UsageWindow.h"
#include "widgets/Dialogs.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QWidget>

#include <cstdio>
#include <tuple>

using namespace Tessera;
using Tessera::Testing::waitUntil;

namespace {

// Saves what the widget shows; fit first shrinks it to its size hint (dialogs shown at their natural size).
bool save(QWidget* widget, const QString& path, bool fit = false) {
    if (fit) {
        widget->resize(widget->sizeHint().expandedTo(widget->minimumSizeHint())); // not capped by the screen
    }
    QApplication::processEvents();
    const bool ok = widget->grab().save(path);
    std::printf("%s %s\n", ok ? "wrote" : "FAILED", qPrintable(path));
    return ok;
}

// A small picture to attach: a chart-like drawing, as a user's screenshot would be.
QImage samplePicture() {
    QImage picture(320, 180, QImage::Format_RGB32);
    picture.fill(QColor(0xf4, 0xf6, 0xfa));
    QPainter painter(&picture);
    painter.setPen(Qt::NoPen);
    const int heights[] = {60, 110, 80, 140, 95};
    for (int i = 0; i < 5; ++i) {
        painter.setBrush(QColor(0x2f, 0x6f, 0xd0 - i * 20));
        painter.drawRect(30 + i * 55, 160 - heights[i], 40, heights[i]);
    }
    return picture;
}

// View ▸ Prompts with a few templates, one shown with its values filled in.
template <typename File> bool promptScreens(Core::SecretStore& secrets, const File& file) {
    QTemporaryDir directory;
    auto services = Core::CoreServices::open(directory.path(), secrets, nullptr);
    if (!directory.isValid() || !services) {
        std::fprintf(stderr, "cannot open the prompts store\n");
        return false;
    }
    const Core::Actor owner = Core::Actor::owner(Core::ClientKind::Gui);
    struct Sample {
        const char* name;
        const char* description;
        const char* tags;
        const char* system;
        const char* user;
    };
    const Sample samples[] = {
        {"Bug report", "Turns notes into a bug report", "engineering", "",
         "Write a bug report for {{component}} from these notes:\n{{notes : multiline}}"},
        {"Meeting summary", "Decisions and actions from a transcript", "writing, meetings",
         "You write for {{audience = \"the team\"}}.",
         "Summarise the meeting below in {{length : choice(short, detailed) = short}} form.\n"
         "{{?actions : yesno = yes}}\nEnd with the actions, each with its owner.\n{{/actions}}\n"
         "{{transcript : multiline}}"},
        {"Release notes", "Release notes from a changelog", "engineering, writing", "",
         "Write release notes for version {{version}} from:\n{{changes : multiline}}"},
    };
    Core::ProviderConfig claude;
    claude.name = QStringLiteral("claude");
    claude.kind = Core::ProviderKind::Anthropic;
    claude.baseUrl = QStringLiteral("http://127.0.0.1:9");
    claude.defaultModel = QStringLiteral("claude-sonnet-4-6");
    if (!(*services)->store().providers.add(claude)) {
        std::fprintf(stderr, "cannot add a provider\n");
        return false;
    }
    for (const Sample& sample : samples) {
        Core::PromptDraft draft;
        draft.name = QString::fromUtf8(sample.name);
        draft.description = QString::fromUtf8(sample.description);
        draft.tags = QString::fromUtf8(sample.tags).split(QLatin1Char(','));
        draft.systemText = QString::fromUtf8(sample.system);
        draft.userText = QString::fromUtf8(sample.user);
        draft.message = QStringLiteral("first version");
        if (draft.name == QLatin1StringView("Meeting summary")) {
            draft.settings.provider = claude.name;
            draft.settings.model = QStringLiteral("claude-haiku-4-5");
            draft.settings.temperature = 0.3;
        }
        if (!(*services)->prompts().create(owner, draft)) {
            std::fprintf(stderr, "cannot add a template\n");
            return false;
        }
    }
    Ui::QtDialogs dialogs;
    Ui::PromptsWindow prompts(**services, owner, dialogs);
    prompts.setAttribute(Qt::WA_DeleteOnClose, false);
    prompts.resize(1240, 820);
    prompts.show();
    prompts.select(QStringLiteral("Meeting summary"));
    prompts.variableForm()->setValue(QStringLiteral("transcript"),
                                     QStringLiteral("Ada: the release moves to Friday.\nBo: I will tell support."));
    bool ok = save(&prompts, file("prompts"));
    // A second version, compared with the first.
    Core::PromptDraft second;
    second.name = QStringLiteral("Meeting summary");
    second.description = QString::fromUtf8(samples[1].description);
    second.tags = QString::fromUtf8(samples[1].tags).split(QLatin1Char(','));
    second.systemText = QString::fromUtf8(samples[1].system);
    second.userText =
        QStringLiteral("Summarise the meeting below in {{length : choice(short, detailed) = short}} form, "
                       "decisions first.\n{{?actions : yesno = yes}}\nEnd with the actions, each with its "
                       "owner and a date.\n{{/actions}}\n{{transcript : multiline}}");
    second.settings.model = QStringLiteral("gpt-5.4");
    second.message = QStringLiteral("decisions first, dates on actions");
    if ((*services)->prompts().update(owner, second.name, second)) {
        prompts.select(second.name);
        prompts.versionsList()->setCurrentRow(0);
        if (QDialog* compare = prompts.compareChosen()) {
            compare->resize(1100, 420);
            ok = save(compare, file("prompt-compare")) && ok;
            compare->close();
        }
    }
    prompts.close();
    return ok;
}

// View ▸ Usage over a year of a team's generated usage (tessera-cli usage generate-sample).
// The PDF report is printed in light colours whatever the theme: `report` asks for its picture once.
template <typename File> bool usageScreens(Core::SecretStore& secrets, const File& file, bool report) {
    QTemporaryDir directory;
    auto services = Core::CoreServices::open(directory.path(), secrets, nullptr);
    if (!directory.isValid() || !services) {
        std::fprintf(stderr, "cannot open the usage store\n");
        return false;
    }
    const Core::Actor owner = Core::Actor::owner(Core::ClientKind::Gui);
    if (!(*services)->usageGenerator().generate(owner, {})) {
        std::fprintf(stderr, "cannot generate usage\n");
        return false;
    }
    // Alert rules over the sample: the last three days' spend and openai's slow answers are over their limits.
    Core::AlertRule spend;
    spend.kind = Core::AlertKind::Spend;
    spend.amountMicros = 1'000'000;
    spend.spendWindow = QStringLiteral("72h");
    Core::AlertRule failing;
    failing.kind = Core::AlertKind::FailureRate;
    failing.shareBasisPoints = 2000;
    failing.minutes = 60;
    Core::AlertRule slow;
    slow.kind = Core::AlertKind::Latency;
    slow.provider = QStringLiteral("openai");
    slow.latencyMs = 20'000;
    slow.minutes = 1440;
    Core::AlertRule budgets;
    budgets.kind = Core::AlertKind::BudgetSoft;
    for (const Core::AlertRule& rule : {spend, failing, slow, budgets}) {
        (void)(*services)->alerts().addRule(owner, rule);
    }
    (*services)->alertMonitor().evaluateNow();
    Ui::QtDialogs dialogs;
    {
        Ui::AdministrationWindow administration(**services, owner, dialogs);
        administration.resize(1100, 640);
        administration.show();
        administration.showSection(6);
        if (!save(&administration, file("administration-alerts"))) {
            return false;
        }
    }
    Ui::UsageWindow usage(**services, owner, dialogs);
    usage.setAttribute(Qt::WA_DeleteOnClose, false);
    usage.resize(1240, 2420);
    usage.show();
    const auto shown = [&usage] {
        return waitUntil([&usage] { return !usage.isLoading() && usage.snapshot().generation != 0; }, 20000);
    };
    bool ok = shown();
    ok = ok && save(&usage, file("usage"));
    // The PDF report of the same view, its first page as a picture (pdftoppm, from poppler-utils).
    const QString picture = file("usage-report");
    const QString pdf = picture.chopped(4) + QStringLiteral(".pdf");
    if (!report) {
        // printed in light colours whatever the theme: one picture is enough
    } else if (ok && usage.exportReport(pdf)) {
        ok = QProcess::execute(QStringLiteral("pdftoppm"),
                               {QStringLiteral("-r"), QStringLiteral("110"), QStringLiteral("-png"),
                                QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"),
                                QStringLiteral("-singlefile"), pdf, picture.chopped(4)}) == 0;
        QFile::remove(pdf);
    } else {
        ok = false;
    }
    usage.setPeriod(Ui::UsageWindow::Period::ThisYear);
    usage.setSplit(Core::UsageDimension::User);
    ok = ok && shown() && save(&usage, file("usage-year-by-person"));
    usage.close();
    return ok;
}

} // namespace

// View ▸ Experiments with a finished run of three variants, View ▸ Background Jobs with it and a paused run, and the
// New Experiment dialog filled in.
template <typename File>
bool experimentScreens(Core::SecretStore& secrets, Testing::FakeProviderServer& server, const File& file) {
    QTemporaryDir directory;
    auto services = Core::CoreServices::open(directory.path(), secrets, nullptr);
    if (!directory.isValid() || !services) {
        std::fprintf(stderr, "cannot open the experiments store\n");
        return false;
    }
    const Core::Actor owner = Core::Actor::owner(Core::ClientKind::Gui);
    Core::ProviderConfig openai;
    openai.name = QStringLiteral("openai");
    openai.baseUrl = server.baseUrl();
    openai.defaultModel = QStringLiteral("gpt-test");
    if (!(*services)->store().providers.add(openai)) {
        return false;
    }
    Core::PromptDraft draft;
    draft.name = QStringLiteral("Day trip");
    draft.description = QStringLiteral("A day's plan for a city");
    for (const char* text :
         {"Plan a day in {{city}}.", "Plan a cheap day in {{city}}.", "Plan a cheap day in {{city}}, on foot."}) {
        draft.userText = QString::fromUtf8(text);
        const bool saved = (*services)->prompts().get(owner, draft.name)
                               ? bool((*services)->prompts().update(owner, draft.name, draft))
                               : bool((*services)->prompts().create(owner, draft));
        if (!saved) {
            return false;
        }
    }
    QString csv = QStringLiteral("city\n");
    for (const char* city :
         {"Oslo",         "Lima",          "Rome",       "Cairo",      "Quito",        "Hanoi",
          "Perth",        "Osaka",         "Dakar",      "Tunis",      "Buenos Aires", "Kuala Lumpur",
          "Johannesburg", "San Francisco", "Montevideo", "Copenhagen", "Marrakesh",    "Reykjavik",
          "Vancouver",    "Singapore",     "Barcelona",  "Seoul",      "Istanbul",     "Nairobi",
          "Melbourne",    "Edinburgh",     "Valparaiso", "Kyoto",      "Lisbon",       "Wellington"}) {
        csv += QString::fromUtf8(city) + QLatin1Char('\n');
    }
    const QString path = directory.filePath(QStringLiteral("cities.csv"));
    QFile cities(path);
    if (!cities.open(QIODevice::WriteOnly) || cities.write(csv.toUtf8()) < 0) {
        return false;
    }
    cities.close();
    if (!(*services)->datasets().importFile(owner, QStringLiteral("Cities"), path)) {
        return false;
    }
    Core::ExperimentDefinition d;
    d.name = QStringLiteral("Cheaper day trips");
    d.dataset = QStringLiteral("Cities");
    d.variants = {
        {QStringLiteral("A"), QStringLiteral("Day trip"), 1, QStringLiteral("openai"), QStringLiteral("gpt-test")},
        {QStringLiteral("B"), QStringLiteral("Day trip"), 2, QStringLiteral("openai"), QStringLiteral("gpt-test")},
        {QStringLiteral("C"), QStringLiteral("Day trip"), 3, QStringLiteral("openai"),
         QStringLiteral("gpt-test-mini")}};
    d.assertions = {*Core::parseAssertion(QStringLiteral("icontains:cheap")),
                    *Core::parseAssertion(QStringLiteral("max-length:45"))};
    d.concurrency = 8;
    if (!(*services)->experiments().create(owner, d)) {
        return false;
    }
    Core::ExperimentDefinition tone = d;
    tone.name = QStringLiteral("Friendlier tone");
    tone.variants.pop_back();
    tone.concurrency = 2;
    tone.useCache = false;
    if (!(*services)->experiments().create(owner, tone)) {
        return false;
    }
    Ui::QtDialogs dialogs;
    Ui::JobsController jobs(**services, owner);
    auto first = (*services)->experimentRuns().prepare(owner, d.name, false);
    if (!first || !jobs.start(first->id)) {
        return false;
    }
    waitUntil([&] { return !jobs.isRunningHere(first->id); }, 60'000);
    server.setAnswerDelay(100);
    auto second = (*services)->experimentRuns().prepare(owner, tone.name, false);
    if (!second || !jobs.start(second->id)) {
        return false;
    }
    waitUntil([&] { return (*services)->jobs().get(owner, second->id)->done >= 23; }, 30'000);
    (void)jobs.pause(second->id);
    waitUntil([&] { return !jobs.isRunningHere(second->id); }, 30'000);
    server.setAnswerDelay(0);

    bool ok = true;
    {
        Ui::ExperimentsWindow window(**services, owner, jobs, dialogs);
        window.resize(1180, 720);
        window.show();
        window.select(d.name);
        waitUntil([&] { return !window.isLoading(); }, 20'000);
        ok = save(&window, file("experiments")) && ok;
    }
    {
        Ui::JobsPanel panel(**services, owner, jobs, dialogs);
        panel.show();
        panel.select(second->id);
        ok = save(&panel, file("jobs")) && ok;
    }
    if (auto results = (*services)->experimentRuns().results(owner, d.name)) {
        // Review Blind: one city, two versions' answers, unnamed and in a random order.
        Ui::BlindReviewDialog review(**services, owner, *results);
        review.resize(900, 520);
        review.show();
        ok = save(&review, file("blind-review")) && ok;
    } else {
        ok = false;
    }
    {
        // File ▸ Start Fine-Tuning Job, with the winner's answers exported as training data.
        auto winners = (*services)->experimentRuns().winningAnswers(owner, d.name, {});
        const QString training = QDir::home().filePath(QStringLiteral("cheaper-day-trips.jsonl"));
        QFile out(training);
        if (!winners || !out.open(QIODevice::WriteOnly) || out.write(winners->jsonl) < 0) {
            std::fprintf(stderr, "cannot write the winning answers\n");
            return false;
        }
        out.close();
        Ui::FineTuneSubmitDialog dialog(**services, owner, jobs, dialogs, nullptr, training);
        dialog.suffixField()->setText(QStringLiteral("day-trips"));
        dialog.epochsBox()->setValue(3);
        dialog.show();
        waitUntil([&] { return dialog.modelBox()->count() > 0; }, 10'000);
        dialog.modelBox()->setCurrentText(QStringLiteral("gpt-test-mini"));
        ok = save(&dialog, file("fine-tune"), true) && ok;
    }
    {
        // View ▸ Compare, blind: two versions' answers to one city, unnamed until the vote.
        Ui::CompareWindow compare(**services, owner);
        compare.resize(1100, 700);
        compare.variantsEditor()->setVariant(0, QStringLiteral("Day trip"), 2, QStringLiteral("openai"),
                                             QStringLiteral("gpt-test"));
        compare.variantsEditor()->setVariant(1, QStringLiteral("Day trip"), 3, QStringLiteral("openai"),
                                             QStringLiteral("gpt-test-mini"));
        compare.inputField()->setPlainText(QStringLiteral("Lisbon"));
        compare.blindBox()->setChecked(true);
        compare.show();
        if (compare.compare()) {
            waitUntil([&] { return !compare.isAnswering(); }, 20'000);
        }
        ok = save(&compare, file("compare")) && ok;
    }
    {
        Ui::NewExperimentDialog dialog(**services, owner);
        dialog.nameField()->setText(QStringLiteral("Shorter answers"));
        for (int row = 0; row < 2; ++row) {
            dialog.variantsEditor()->setVariant(row, QStringLiteral("Day trip"), row + 2, QStringLiteral("openai"),
                                                QStringLiteral("gpt-test"));
        }
        dialog.assertionsField()->setPlainText(QStringLiteral("icontains:cheap\nmax-tokens:120:0.5"));
        dialog.judgeBox()->setChecked(true);
        dialog.judgeModelField()->setText(QStringLiteral("gpt-test"));
        dialog.pairwiseBox()->setChecked(true);
        dialog.show();
        ok = save(&dialog, file("new-experiment"), true) && ok;
    }
    return ok;
}

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("TesseraScreenshots"));
    QStandardPaths::setTestModeEnabled(true);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("output"), QStringLiteral("Directory for the PNG files."), QStringLiteral("DIR")});
    parser.addOption(
        {QStringLiteral("theme"), QStringLiteral("light or dark."), QStringLiteral("THEME"), QStringLiteral("light")});
    parser.addOption(
        {QStringLiteral("language"), QStringLiteral("en or de."), QStringLiteral("LANG"), QStringLiteral("en")});
    parser.addOption(
        {QStringLiteral("suffix"), QStringLiteral("Appended to every file name."), QStringLiteral("TEXT")});
    parser.process(app);
    const QDir output(parser.value(QStringLiteral("output")));
    if (!parser.isSet(QStringLiteral("output")) || !QDir().mkpath(output.path())) {
        std::fprintf(stderr, "give --output DIR\n");
        return 2;
    }
    const QString suffix = parser.value(QStringLiteral("suffix"));
    const auto file = [&](const char* screen) {
        return output.filePath(QLatin1String(screen) + suffix + QStringLiteral(".png"));
    };
    Ui::installTranslations(app, parser.value(QStringLiteral("language")));
    Ui::applyTheme(app, parser.value(QStringLiteral("theme")) == QLatin1StringView("dark") ? Ui::Theme::Dark
                                                                                           : Ui::Theme::Light);

    Testing::FakeProviderServer server;
    // The store where a user's would be, under a throwaway home, so Settings shows a familiar place.
    QTemporaryDir home;
    if (!server.listen() || !home.isValid()) {
        std::fprintf(stderr, "cannot start the loopback server\n");
        return 1;
    }
    qputenv("HOME", home.path().toUtf8());
    const QString dataDirectory = home.filePath(QStringLiteral(".local/share/Tessera/Tessera"));
    Core::MemorySecretStore secrets;
    auto services = Core::CoreServices::open(dataDirectory, secrets, nullptr);
    if (!services) {
        std::fprintf(stderr, "cannot open the store\n");
        return 1;
    }
    {
        // The first run: no provider, no conversation.
        Ui::QtDialogs firstDialogs;
        Ui::MainWindow first(**services, firstDialogs);
        first.resize(1100, 720);
        first.show();
        first.showFirstRunIfNeeded();
        if (!save(&first, file("welcome"))) {
            return 1;
        }
    }
    Core::ProviderRepository& providers = (*services)->store().providers;
    Core::ProviderConfig claude;
    claude.name = QStringLiteral("claude");
    claude.kind = Core::ProviderKind::Anthropic;
    claude.baseUrl = server.baseUrl();
    claude.defaultModel = QStringLiteral("claude-sonnet-4-6");
    claude.keySource = Core::KeySource::None;
    Core::ProviderConfig local;
    local.name = QStringLiteral("local-ollama");
    local.kind = Core::ProviderKind::Ollama;
    local.baseUrl = server.rootUrl();
    local.defaultModel = QStringLiteral("llama3.2");
    Core::ProviderConfig offline;
    offline.name = QStringLiteral("workstation");
    offline.kind = Core::ProviderKind::OpenAiCompatible;
    offline.baseUrl = QStringLiteral("http://127.0.0.1:9/v1");
    offline.defaultModel = QStringLiteral("qwen2.5-coder");
    for (const Core::ProviderConfig& config : {claude, local, offline}) {
        if (!providers.add(config)) {
            std::fprintf(stderr, "cannot add a provider\n");
            return 1;
        }
    }

    // Earlier conversations, tagged, one pinned: the list as it looks after a while.
    const struct {
        const char* title;
        QStringList tags;
        bool pinned;
    } earlier[] = {
        {"Release checklist for 2.4", {QStringLiteral("work"), QStringLiteral("release")}, true},
        {"Trip to Lisbon: three days", {QStringLiteral("travel")}, false},
        {"SQLite WAL mode explained", {QStringLiteral("work"), QStringLiteral("sqlite")}, false},
        {"Birthday gift ideas", {}, false},
        {"Regex for ISO dates", {QStringLiteral("snippets")}, false},
    };
    for (const auto& seed : earlier) {
        auto created =
            (*services)->store().conversations.create(QString::fromUtf8(seed.title), std::nullopt, QString());
        if (!created || !(*services)->store().tags.setTags(created->id, seed.tags) ||
            !(*services)->store().conversations.setPinned(created->id, seed.pinned)) {
            std::fprintf(stderr, "cannot add a conversation\n");
            return 1;
        }
    }

    // A monthly budget for everyone: the status bar shows where the owner stands.
    {
        Core::Budget monthly;
        monthly.scope = Core::BudgetScope::Global;
        monthly.period = Core::BudgetPeriod::Month;
        monthly.limitMicros = 25'000'000;
        (void)(*services)->budgets().set(Core::Actor::owner(Core::ClientKind::Gui), monthly);
    }
    Ui::QtDialogs dialogs;
    Ui::MainWindow window(**services, dialogs);
    window.resize(1100, 720);
    window.findChild<QSplitter*>(QStringLiteral("mainSplitter"))->setSizes({300, 800});
    window.show();
    Ui::ChatPanel* panel = window.chatPanel();
    auto* picker = window.findChild<QComboBox*>(QStringLiteral("providerPicker"));
    picker->setCurrentIndex(picker->findText(QStringLiteral("claude")));
    window.newConversation();
    panel->setNewConversationTags({QStringLiteral("work"), QStringLiteral("charts")});
    panel->attachPicture(samplePicture());
    panel->composer()->setPlainText(
        QStringLiteral("What does this chart show? It comes from:\n```python\nimport matplotlib.pyplot as plt\n"
                       "plt.bar(range(5), [3, 6, 4, 7, 5])  # weekly totals\nplt.savefig(\"chart.png\")\n```"));
    Q_EMIT panel->composer()->sendRequested();
    const auto answered = [&] {
        Ui::ChatView* view = panel->chatView();
        return view->messageCount() >= 2 &&
               view->messageAt(view->messageCount() - 1)->message().state != Core::MessageState::Streaming;
    };
    waitUntil(answered, 20'000);
    // Markdown as answers use it: a table, a quote, a list and inline code (the loopback server echoes it).
    panel->composer()->setPlainText(
        QStringLiteral("Summarise the week:\n\n| Day | Total |\n|---|--:|\n| Mon | 3 |\n| Tue | 6 |\n| Thu | 7 |\n\n"
                       "> Thursday was the busiest day.\n\n- Peak: `7` on Thursday\n- Average: **5**"));
    Q_EMIT panel->composer()->sendRequested();
    waitUntil(answered, 20'000);
    panel->regenerateLast(); // a second version of the answer: "‹ 2/2 ›"
    waitUntil(answered, 20'000);
    window.healthMonitor().checkNow();
    waitUntil([&] { return window.healthMonitor().lastCheckedAt().isValid(); }, 20'000);
    panel->attachPicture(samplePicture());
    panel->composer()->setPlainText(QStringLiteral("And the tallest bar?"));
    auto* meter = window.findChild<QLabel*>(QStringLiteral("contextMeter"));
    waitUntil([&] { return meter && meter->isVisible() && !meter->text().isEmpty(); }, 5'000);
    waitUntil([] { return false; }, 400); // the count after the last keystroke
    bool ok = save(&window, file("chat-with-image"));
    ok = save(window.findChild<QWidget*>(QStringLiteral("composerColumn")), file("composer-tokens")) && ok;

    auto* health = qobject_cast<Ui::ProviderHealthDialog*>(window.openProviderHealth());
    health->resize(1100, 460);
    ok = save(health, file("provider-health")) && ok;
    health->close();

    Ui::SettingsDialog settings(**services, Core::Actor::owner(Core::ClientKind::Gui), Ui::UiSettings::load(), &window);
    settings.show();
    ok = save(&settings, file("settings"), true) && ok;
    settings.close();

    QDialog* conversation = panel->openConversationSettings();
    auto* fallback = conversation->findChild<QComboBox*>(QStringLiteral("fallbackProvider"));
    fallback->setCurrentIndex(fallback->findText(QStringLiteral("local-ollama")));
    ok = save(conversation, file("conversation-settings"), true) && ok;
    conversation->close();

    auto* search = qobject_cast<Ui::SearchDialog*>(window.openSearch());
    search->queryEdit()->setText(QStringLiteral("chart"));
    search->searchNow();
    ok = save(search, file("search")) && ok;
    search->close();

    auto* tags = qobject_cast<Ui::TagsDialog*>(window.openTags());
    tags->newTagEdit()->setText(QStringLiteral("reports"));
    ok = save(tags, file("tags"), true) && ok;
    tags->close();
    window.setTagFilter(QStringLiteral("work"));
    ok = save(&window, file("conversations-by-tag")) && ok;
    window.setTagFilter(QString());

    QMenu* fileMenu = window.menuBar()->actions().constFirst()->menu();
    fileMenu->popup(window.mapToGlobal(QPoint(0, 0)));
    ok = save(fileMenu, file("file-menu")) && ok;
    fileMenu->hide();

    panel->openModelPicker();
    ok = save(panel->modelPicker(), file("model-picker")) && ok;
    panel->modelPicker()->hide();

    // The template palette ("/" in an empty message), a template's values, and feedback on the answer.
    for (const auto& [name, description, user] :
         {std::tuple{"Meeting summary", "Decisions and actions from a transcript",
                     "Summarise the meeting below in {{length : choice(short, detailed) = short}} form, for "
                     "{{audience = \"the team\"}}.\n{{transcript : multiline}}"},
          std::tuple{"Meeting agenda", "An agenda from a list of topics", "Write an agenda for: {{topics}}"},
          std::tuple{"Code review", "Review a diff for bugs and style", "Review this diff:\n{{diff : multiline}}"}}) {
        Core::PromptDraft draft;
        draft.name = QString::fromUtf8(name);
        draft.description = QString::fromUtf8(description);
        draft.userText = QString::fromUtf8(user);
        (void)(*services)->prompts().create(Core::Actor::owner(Core::ClientKind::Gui), draft);
    }
    window.newConversation();
    panel->attachments()->clear();
    panel->composer()->setPlainText(QStringLiteral("/"));
    panel->openPromptPalette();
    panel->promptPalette()->searchField()->setText(QStringLiteral("meet"));
    ok = save(panel->promptPalette(), file("prompt-palette")) && ok;
    panel->promptPalette()->hide();
    if (auto* values = qobject_cast<Ui::TemplateValuesDialog*>(panel->useTemplate(QStringLiteral("Meeting summary")))) {
        values->form()->setValue(QStringLiteral("transcript"),
                                 QStringLiteral("Ada: the release moves to Friday.\nBo: I will tell support."));
        ok = save(values, file("template-values"), true) && ok;
        values->accept();
    }
    Q_EMIT panel->composer()->sendRequested();
    waitUntil(answered, 20'000);
    panel->rateLast(false);
    if (auto* feedback = window.findChild<Ui::FeedbackDialog*>(QStringLiteral("feedbackDialog"))) {
        for (QCheckBox* box : feedback->findChildren<QCheckBox*>(QStringLiteral("feedbackTag"))) {
            box->setChecked(box->property("tag").toString() == QLatin1StringView("too long"));
        }
        feedback->findChild<QPlainTextEdit*>(QStringLiteral("feedbackComment"))
            ->setPlainText(QStringLiteral("The actions were missing their owners."));
        ok = save(feedback, file("feedback-dialog"), true) && ok;
        feedback->accept();
    }
    ok = save(&window, file("chat-feedback")) && ok;
    {
        // The Usage view's quality of answers: the rating just given among earlier ones of three models.
        const Core::Actor gui = Core::Actor::owner(Core::ClientKind::Gui);
        if (auto past =
                (*services)->store().conversations.create(QStringLiteral("Earlier answers"), std::nullopt, QString())) {
            struct Rated {
                const char* provider;
                const char* model;
                int answers;
                int good;
                int bad;
            };
            const Rated rated[] = {{"claude", "claude-sonnet-4-6", 26, 17, 4},
                                   {"local-ollama", "llama3.2", 12, 3, 5},
                                   {"workstation", "qwen2.5-coder", 9, 6, 0}};
            const QStringList badTags = {QStringLiteral("inaccurate"), QStringLiteral("too long")};
            for (const Rated& r : rated) {
                for (int i = 0; i < r.answers; ++i) {
                    Core::Message question;
                    question.conversationId = past->id;
                    question.content = QStringLiteral("Question %1").arg(i);
                    auto asked = (*services)->store().messages.add(question);
                    if (!asked) {
                        break;
                    }
                    Core::Message answer;
                    answer.conversationId = past->id;
                    answer.parentId = asked->id;
                    answer.role = Core::Role::Assistant;
                    answer.providerName = QString::fromUtf8(r.provider);
                    answer.model = QString::fromUtf8(r.model);
                    answer.content = QStringLiteral("Answer %1").arg(i);
                    auto reply = (*services)->store().messages.add(answer);
                    if (reply && i < r.good + r.bad) {
                        (void)(*services)->feedback().set(gui, reply->id, i < r.good,
                                                          i < r.good ? QStringList() : QStringList{badTags[i % 2]}, {});
                    }
                }
            }
        }
        Ui::UsageWindow usage(**services, Core::Actor::owner(Core::ClientKind::Gui), dialogs);
        usage.setAttribute(Qt::WA_DeleteOnClose, false);
        usage.resize(1240, 900);
        usage.show();
        waitUntil([&] { return !usage.isLoading() && usage.snapshot().generation > 0; }, 20'000);
        ok = save(usage.qualityTable()->parentWidget()->parentWidget(), file("usage-quality")) && ok;
    }

    QDialog* shortcuts = window.openShortcuts();
    ok = save(shortcuts, file("shortcuts")) && ok;
    shortcuts->close();

    Ui::AddProviderDialog add(**services, Core::Actor::owner(Core::ClientKind::Gui), claude, &window);
    add.show();
    ok = save(&add, file("add-provider"), true) && ok;
    add.close();

    // Accounts: the sign-in and the administration window's users (the store is shared from here on).
    const Core::Actor owner = Core::Actor::owner(Core::ClientKind::Gui);
    const QString password = QStringLiteral("correct horse battery staple");
    if (!(*services)->accounts().enableMultiUser(owner, QStringLiteral("alex"), password)) {
        return 1;
    }
    auto alex = (*services)->accounts().signIn(QStringLiteral("alex"), password, Core::ClientKind::Gui);
    if (!alex) {
        return 1;
    }
    for (const auto& [name, display, role] :
         {std::tuple{"sam", "Sam Rivera", "Member"}, std::tuple{"kim", "Kim Osei", "Manager"},
          std::tuple{"lee", "Lee Park", "Auditor"}}) {
        (void)(*services)->accounts().addUser(alex->actor, QString::fromLatin1(name), QString::fromLatin1(display),
                                              QString::fromLatin1(role), password);
    }
    (void)(*services)->roles().add(
        alex->actor, QStringLiteral("Contractor"),
        {Core::Permission::Chat, Core::Permission::ProvidersUse, Core::Permission::DataExport},
        {QStringLiteral("openai/gpt-4o-mini"), QStringLiteral("ollama")});
    Ui::SignInDialog signIn(**services, QStringLiteral("sam"));
    signIn.show();
    ok = save(&signIn, file("sign-in"), true) && ok;
    signIn.close();
    Ui::QtDialogs adminDialogs;
    Ui::AdministrationWindow administration(**services, alex->actor, adminDialogs);
    administration.resize(1080, 520);
    administration.show();
    administration.selectUser(QStringLiteral("sam"));
    ok = save(&administration, file("administration-users")) && ok;
    administration.showSection(1);
    administration.rolesPage()->selectRole(QStringLiteral("Contractor"));
    administration.rolesPage()->showEffective(QStringLiteral("sam"));
    ok = save(&administration, file("administration-roles")) && ok;
    administration.showSection(2);
    ok = save(&administration, file("administration-sessions")) && ok;
    administration.showSection(3);
    ok = save(&administration, file("administration-audit")) && ok;
    administration.showSection(4);
    ok = save(&administration, file("administration-flags")) && ok;
    {
        Core::Budget members;
        members.scope = Core::BudgetScope::Role;
        members.subjectName = QStringLiteral("Member");
        members.period = Core::BudgetPeriod::Month;
        members.limitMicros = 20'000'000;
        Core::Budget sam;
        sam.scope = Core::BudgetScope::User;
        sam.subjectName = QStringLiteral("sam");
        sam.period = Core::BudgetPeriod::Week;
        sam.limitTokens = 2'000'000;
        sam.softPercent = 90;
        (void)(*services)->budgets().set(alex->actor, members);
        (void)(*services)->budgets().set(alex->actor, sam);
        Core::RateLimit limit;
        limit.scope = Core::BudgetScope::Role;
        limit.subjectName = QStringLiteral("Member");
        limit.requestsPerMinute = 20;
        limit.concurrent = 2;
        (void)(*services)->budgets().setLimit(alex->actor, limit);
        administration.budgetsPage()->refresh();
    }
    administration.showSection(5);
    waitUntil([] { return false; }, 200); // the bars the refresh replaced are deleted
    ok = save(&administration, file("administration-budgets")) && ok;
    {
        // A negotiated rate, and a fine-tuned model nobody has priced yet.
        (void)(*services)->prices().set(alex->actor, QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"),
                                        {120'000, 60'000, 120'000, 480'000, 480'000});
        Core::LedgerEntry tuned;
        tuned.accountId = alex->actor.userId;
        tuned.provider = QStringLiteral("openai");
        tuned.model = QStringLiteral("ft:gpt-4o-mini:acme:support");
        tuned.feature = QStringLiteral("chat");
        tuned.inputTokens = 1'800;
        tuned.outputTokens = 420;
        tuned.outcome = QStringLiteral("complete");
        (void)(*services)->usage().record(tuned);
        administration.pricesPage()->refresh();
    }
    administration.showSection(7);
    ok = save(&administration, file("administration-prices")) && ok;
    (void)(*services)->feedback().setTags(alex->actor, {QStringLiteral("inaccurate"), QStringLiteral("unhelpful"),
                                                        QStringLiteral("too long"), QStringLiteral("too short"),
                                                        QStringLiteral("unsafe"), QStringLiteral("great"),
                                                        QStringLiteral("outdated"), QStringLiteral("wrong language")});
    if (Ui::FeedbackTagsPage* tagsPage = administration.feedbackTagsPage()) {
        tagsPage->refresh();
        tagsPage->list()->setCurrentRow(6);
    }
    administration.showSection(8);
    ok = save(&administration, file("administration-feedback-tags")) && ok;
    administration.close();

    // Account ▸ My Sessions and API Tokens.
    (void)(*services)->accounts().createApiToken(alex->actor, QStringLiteral("nightly-export"), 90,
                                                 Core::PermissionSet{Core::Permission::DataExport});
    (void)(*services)->accounts().createApiToken(alex->actor, QStringLiteral("audit-archive"), std::nullopt,
                                                 Core::PermissionSet{Core::Permission::AuditView});
    Ui::MyAccountDialog mine(**services, alex->actor, adminDialogs);
    mine.showTokens();
    mine.show();
    ok = save(&mine, file("my-account-tokens")) && ok;
    ok = usageScreens(secrets, file, parser.value(QStringLiteral("theme")) != QLatin1StringView("dark")) && ok;
    ok = promptScreens(secrets, file) && ok;
    ok = experimentScreens(secrets, server, file) && ok;
    return ok ? 0 : 1;
}
