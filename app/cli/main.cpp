// tessera-cli: the headless twin of the desktop app. Parses the global options, builds the core services
// once, and runs one command. The interface is a contract, documented in docs/cli.md.
#include "AccountCommands.h"
#include "AlertCommands.h"
#include "BudgetCommands.h"
#include "ChatCommands.h"
#include "CliSupport.h"
#include "CompareCommand.h"
#include "DatasetCommands.h"
#include "DoctorCommand.h"
#include "ExperimentCommands.h"
#include "FeedbackCommands.h"
#include "JobCommands.h"
#include "ObservabilityCommands.h"
#include "PriceCommands.h"
#include "PromptCommands.h"
#include "ProviderCommands.h"
#include "StoreCommands.h"
#include "UsageCommands.h"
#include "UsageReportCommands.h"

#include "app/CoreServices.h"
#include "common/DataDirectory.h"
#include "logging/Logging.h"
#include "secrets/KeychainSecretStore.h"
#include "settings/UiSettings.h"
#include "style/Theme.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>

#include <memory>
#include <string_view>

namespace {

const char* const kUsage = R"(Usage: tessera-cli [GLOBAL OPTIONS] COMMAND [ARGS]

Global options:
  --data-dir DIR       use DIR for the database and logs (default: $TESSERA_DATA_DIR,
                       else the platform's application data folder)
  --database URL       use the store at URL: a SQLite file path, or
                       postgresql://USER@HOST:PORT/DB[?schema=NAME] (default: $TESSERA_DATABASE_URL,
                       else tessera.sqlite3 in the data folder); the password comes from
                       PGPASSWORD or the keychain (store password)
  --json               machine-readable output (one JSON document on stdout)
  --log-level LEVEL    also log to stderr at LEVEL (trace, debug, info, warn, error)
  --version            print the version and exit
  --help               print this help and exit

Commands:
  providers add NAME --kind KIND [--base-url URL] [--api-version V]
                [--api-key-env VAR | --api-key-stdin] [--default-model MODEL] [RESILIENCE]
       KIND: openai, openai-compatible, anthropic, gemini, ollama, azure-openai
  providers update NAME [--kind KIND] [--base-url URL] [--default-model MODEL] [--api-version V]
                [--api-key-env VAR | --api-key-stdin | --no-api-key] [--enable | --disable] [RESILIENCE]
       RESILIENCE: [--max-retries N] [--rpm N] [--tpm N] [--rate-limit-max-wait S]
                [--connect-timeout S] [--first-token-timeout S] [--idle-timeout S]
                [--breaker on|off|forced-open] [--breaker-open-seconds S]
  providers list
  providers remove NAME
  providers test NAME
  models PROVIDER
  chat [--provider NAME] [--model MODEL] [--conversation ID] [--system TEXT]
       [--max-tokens N] [--temperature T] [--no-stream] [--fallback NAME[:MODEL]]
       [--refresh | --no-cache] [--image PATH]... [--file PATH]... [--tag NAME]...
       (PROMPT | - | --prompt NAME[@N] [--var KEY=VALUE]... [--file-var KEY=PATH]...)
  conversations list [--archived] [--tag NAME]
  conversations show ID
  conversations tag ID TAG...  add tags to a conversation
  conversations untag ID TAG...
  conversations search QUERY [--limit N] [--before MESSAGE_ID]
  conversations export (ID | --all) [--format md|json|pdf] [--output PATH]
  conversations import PATH    a Tessera (JSON) or ChatGPT conversations.json export
  conversations delete ID
  tags [list]                  every tag with how many conversations carry it
  tags rename OLD NEW          renaming onto an existing tag merges the two
  tags delete NAME             takes the tag off every conversation
  metrics                      counters and histograms in Prometheus text format
  health [NAME]                probe enabled providers; exit 5 when any is unhealthy
  cache stats | cache clear [--provider NAME [--model MODEL] | --expired]
  cache settings [--chat on|off] [--batch on|off] [--ttl SECONDS]
  doctor                       checks the store (either engine), the keychain and the providers
  usage report [--from DATE] [--to DATE] [--by day|week|month|user|role|provider|model|feature]...
               [--user NAME] [--provider NAME] [--model NAME] [--csv]   totals from the usage ledger
  usage chart --metric cost|tokens|requests --by model|provider|user|role|feature [--from DATE] [--to DATE]
              [--user NAME] [--provider NAME] [--model NAME] [--feature NAME] [--size WxH] --output PATH.png|svg
  usage pdf [--from DATE] [--to DATE] [--user NAME] [--provider NAME] [--model NAME] [--feature NAME]
            [--split model|provider|user|role|feature] [--quality-by model|provider|template] --output PATH
                               the whole dashboard as a PDF report
  usage unpriced               models whose requests have no price (their cost is unknown)
  usage rebuild                the daily totals summed again from the ledger
  usage settings [--time-zone ZONE|UTC] [--prompt-caching on|off]
                               the time zone days and budgets count in, and Anthropic prompt caching
  prices list [--provider NAME]   catalog prices and administrators' prices, USD per million tokens
  prices set PROVIDER MODEL --input USD --output USD [--cached-input USD] [--cache-write USD] [--from DATE]
  prices reset PROVIDER MODEL  back to the catalog's price for new requests
  count-tokens [--model MODEL | --encoding o200k_base|cl100k_base] [FILE | -]
                               exact tokens for OpenAI's encodings, an estimate (≈) for other models
  store password               reads the PostgreSQL password of --database from stdin into the keychain
  store copy --to URL          copies the whole store into an empty one (SQLite <-> PostgreSQL), verified

Accounts (with accounts on, every command but login needs a session or TESSERA_TOKEN):
  accounts status | accounts enable --admin NAME [--password-stdin]
  login [--user NAME] [--password-stdin]   the session is kept in the keychain
  logout | whoami
  password [--password-stdin] [--end-other-sessions]   reads the current, then the new password
  users list | show NAME | add NAME --role ROLE [--display-name TEXT] [--password-stdin]
  users update NAME [--role ROLE] [--display-name TEXT] [--disable | --enable]
  users remove NAME (--transfer-to OTHER | --delete-data)
  users reset-password NAME | unlock NAME
  roles list | show ROLE | add ROLE --permissions P,P,... [--providers NAME[/MODEL],...] | remove ROLE
  roles update ROLE [--permissions P,...] [--providers NAME,...] [--name NEW]
  sessions list [--user NAME] | sessions revoke ID | sessions revoke --user NAME
  api-tokens create NAME [--expires-days N] [--permissions P,...] | list | revoke NAME
  audit list [--user NAME] [--action A] [--outcome O] [--since T] [--until T] [--limit N] [--before ID]
  audit verify | audit export --format csv|jsonl [--output PATH]
  flags list | flags set KEY on|off [--role ROLE | --user NAME] | flags unset KEY [--role ROLE | --user NAME]
  budgets list | budgets status [--user NAME]
  budgets set (--user NAME | --role ROLE | --global) (--usd AMOUNT | --tokens N) [--window day|week|month|total]
              [--soft-percent P]
  budgets remove (--user NAME | --role ROLE | --global) [--window W]
  limits set (--user NAME | --role ROLE) [--rpm N] [--concurrent N] | limits list
  prompts list [--tag T] [--search WORDS] [--sort name|recent|used]
  prompts show NAME[@N] | versions NAME | diff NAME V1 V2 | label NAME LABEL VERSION | remove NAME
  prompts add NAME --file PATH [--message TEXT] | update NAME --file PATH [--message TEXT]
                               a template as Markdown with front matter (docs/prompts.md); - reads stdin
  prompts render NAME[@N] [--var KEY=VALUE]... [--file-var KEY=PATH]...
  prompts export [NAME...] --output PATH [--format json|markdown]
                               every version as JSON (a .json path), or a folder of Markdown files
  prompts import PATH          a JSON export, a Markdown file or a folder of them; all or nothing
  datasets import NAME PATH    cases for experiments from a .csv or .jsonl file; all or nothing
  datasets from-conversations NAME [--rating up|down] [--tag T] [--model M] [--template NAME] [--since DATE]
                               cases from your conversations: the last question as input, its answer expected
  datasets list | remove NAME
  datasets show NAME [--items N] [--template NAME[@V]]
                               its first items, and the rows a template version cannot use (exit 2)
  experiments create NAME --dataset NAME --variant LABEL=TEMPLATE[@VERSION],PROVIDER,MODEL...
              [--assert TYPE:VALUE[:WEIGHT]]... [--threshold X] [--judge PROVIDER,MODEL [--rubric TEXT]]
              [--concurrency N] [--repeats N]
                               2 to 6 variants over a dataset, checked when made (docs/experiments.md)
  experiments list | status NAME | remove NAME
  experiments run NAME [--wait] [--restart]   as a background job (--wait: here, progress on stderr;
                               exit 13 when a budget pauses it); an interrupted run continues
  experiments pause | cancel NAME | experiments resume NAME [--wait]
  experiments results NAME [--json | --csv]   pass rates, intervals, pairwise, ranking and verdict
  experiments promote NAME VARIANT            moves the template's production label to its version
  experiments winners NAME --output PATH [--variant LABEL]
                               the winner's passing answers as fine-tuning JSONL (OpenAI chat format)
  compare --variant LABEL=TEMPLATE[@VERSION],PROVIDER,MODEL... [--var KEY=VALUE]... [--blind] [--vote CHOICE] PROMPT
                               every variant's answer to one input (TEMPLATE - for the prompt as given);
                               --blind shuffles and hides them until you vote (1, 2, tie, bad, or best:N)
  jobs list [--all] | jobs show ID | jobs pause ID | jobs resume ID [--wait] | jobs cancel ID
  jobs remove ID               a job that is over, with its items
  feedback set MESSAGE_ID up|down [--tag T]... [--comment TEXT] | feedback clear MESSAGE_ID
  feedback export [--format jsonl|csv] [--output PATH] | feedback stats [--by model|provider|template]
  feedback tags [--set TAG,TAG,...]   the tags ratings may carry (setting them needs roles.manage)
  finetune export [--rating up|down] [--tag T] [--model M] [--template NAME] [--since DATE]
                  [--max-tokens N] --output PATH   OpenAI chat-format JSONL, checked, with a summary
  finetune submit FILE --provider NAME --model BASE [--suffix S] [--epochs N] [--poll-seconds X] [--wait]
                               upload the file, make the provider's fine-tuning job and follow it as a
                               background job (--wait: here, its events on stderr)
  finetune status ID           the job, the provider's status and its latest events
  alerts list [--all] [--limit N] | alerts rules | alerts remove ID | alerts check
  alerts add spend --above USD --window day|week|month|Nh | alerts add budget-soft
  alerts add failure-rate --above SHARE --minutes N [--provider NAME] [--min-requests N]
  alerts add unhealthy --minutes N [--provider NAME]
  alerts add latency --above-ms MS --minutes N [--provider NAME] [--min-requests N]

Exit status: 0 success, 1 other failure, 2 usage error, 3 authentication, 4 rate limit or quota,
5 provider unavailable, 6 interrupted answer, 7 not found, 8 keychain, 9 local database,
10 not signed in, 11 permission denied, 12 wrong password or locked account,
13 refused by a budget or limit set in Tessera (nothing was sent), 14 alerts active (alerts check).
See docs/cli.md for details.
)";

bool wantsPdf(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg(argv[i]);
        if (arg == "--format=pdf" || (arg == "--format" && i + 1 < argc && std::string_view(argv[i + 1]) == "pdf")) {
            return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char** argv) {
    // A PDF export lays out text, which needs Qt Gui, and the usage charts and report draw Qt Charts, which need
    // Qt Widgets (both on the offscreen platform: no display is used); everything else runs on a plain core
    // application.
    std::unique_ptr<QCoreApplication> application;
    if (Tessera::Cli::needsWidgets(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
        }
        auto widgets = std::make_unique<QApplication>(argc, argv);
        Tessera::Ui::Style::apply(*widgets, Tessera::Ui::Style::Variant::Light); // the app's colours and fonts
        Tessera::Ui::installTranslations(*widgets, QString());                   // the report in the system's language
        application = std::move(widgets);
    } else if (wantsPdf(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
        }
        application = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication& app = *application;
    QCoreApplication::setOrganizationName(QStringLiteral("Tessera"));
    QCoreApplication::setApplicationName(QStringLiteral("Tessera"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TESSERA_VERSION));
    using namespace Tessera;

    // Global options may appear anywhere before the command's own "--".
    QStringList rest;
    QString dataDir;
    QString databaseUrl;
    QString logLevel;
    bool json = false;
    const QStringList args = app.arguments().mid(1);
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args[i];
        if (arg == QLatin1StringView("--")) {
            rest += args.mid(i);
            break;
        }
        if (arg == QLatin1StringView("--help") || arg == QLatin1StringView("-h")) {
            Cli::printOut(QString::fromUtf8(kUsage));
            return Cli::exitOk;
        }
        if (arg == QLatin1StringView("--version")) {
            Cli::printOut(QStringLiteral("tessera-cli %1\n").arg(QStringLiteral(TESSERA_VERSION)));
            return Cli::exitOk;
        }
        if (arg == QLatin1StringView("--json")) {
            json = true;
        } else if (arg == QLatin1StringView("--data-dir") || arg == QLatin1StringView("--log-level") ||
                   arg == QLatin1StringView("--database")) {
            if (i + 1 >= args.size()) {
                return Cli::usageError(QStringLiteral("option %1 needs a value").arg(arg));
            }
            (arg == QLatin1StringView("--data-dir")   ? dataDir
             : arg == QLatin1StringView("--database") ? databaseUrl
                                                      : logLevel) = args[++i];
        } else if (arg.startsWith(QLatin1StringView("--data-dir="))) {
            dataDir = arg.mid(11);
        } else if (arg.startsWith(QLatin1StringView("--database="))) {
            databaseUrl = arg.mid(11);
        } else if (arg.startsWith(QLatin1StringView("--log-level="))) {
            logLevel = arg.mid(12);
        } else {
            rest << arg;
        }
    }
    if (rest.isEmpty()) {
        Cli::printErr(QString::fromUtf8(kUsage));
        return Cli::exitUsage;
    }

    const QString directory = Core::resolveDataDirectory(dataDir);
    Core::LogConfig logConfig = Core::LogConfig::forDataDirectory(directory);
    if (!logLevel.isEmpty()) {
        const auto level = Core::parseLogLevel(logLevel);
        if (!level) {
            return Cli::usageError(QStringLiteral("unknown log level '%1'").arg(logLevel));
        }
        logConfig.level = *level;
        logConfig.toStderr = true;
    }
    Core::Logging logging(logConfig);
    Core::log("cli")->info("tessera-cli {} command: {}", TESSERA_VERSION, rest.first());

    const auto location = Core::resolveStoreLocation(databaseUrl, directory);
    if (!location) {
        return Cli::usageError(location.error().detail);
    }
    Core::KeychainSecretStore secrets;
    if (rest.first() == QLatin1StringView("store")) {
        // Store commands open the stores themselves: the password command must work before the store can open. A
        // copy of a store with accounts is an Administrator's (it holds everyone's data).
        if (rest.value(1) == QLatin1StringView("copy")) {
            auto source = Core::CoreServices::open(directory, *location, secrets, &logging);
            if (!source) {
                return Cli::reportError(json, source.error());
            }
            if (const int refused = Cli::authorizeStoreCopy(**source, json); refused != Cli::exitOk) {
                return refused;
            }
        }
        return Cli::runStore(*location, secrets, json, rest.mid(1));
    }
    auto services = Core::CoreServices::open(directory, *location, secrets, &logging);
    if (!services && rest.first() == QLatin1StringView("doctor")) {
        // The doctor reports a store that does not open instead of stopping at it.
        return Cli::runDoctorWithoutStore(directory, *location, secrets, &logging, json, rest.mid(1));
    }
    if (!services) {
        Cli::printErr(QStringLiteral("tessera-cli: error [%1]: %2\n  detail: %3\n")
                          .arg(Core::codeName(services.error().code), services.error().translatedMessage(),
                               services.error().detail));
        return Core::cliExitCode(services.error().code);
    }
    const QString command = rest.first();
    const QStringList commandArgs = rest.mid(1);
    if (command == QLatin1StringView("login")) {
        return Cli::runLogin(**services, json, commandArgs);
    }
    // Who runs the command: the owner in personal mode; with accounts, a session or an API token.
    auto actor = Cli::signedInActor(**services);
    if (!actor) {
        return Cli::reportError(json, actor.error());
    }
    QStringList storeArgs{QStringLiteral("--data-dir"), directory};
    if (!databaseUrl.isEmpty()) {
        storeArgs << QStringLiteral("--database") << databaseUrl;
    }
    Cli::Context ctx{**services, json, *actor, storeArgs};
    Cli::Context* context = &ctx;

    if (command == QLatin1StringView("accounts")) {
        return Cli::runAccounts(*context, commandArgs);
    }
    if (command == QLatin1StringView("logout")) {
        return Cli::runLogout(*context, commandArgs);
    }
    if (command == QLatin1StringView("whoami")) {
        return Cli::runWhoami(*context, commandArgs);
    }
    if (command == QLatin1StringView("password")) {
        return Cli::runPassword(*context, commandArgs);
    }
    if (command == QLatin1StringView("users")) {
        return Cli::runUsers(*context, commandArgs);
    }
    if (command == QLatin1StringView("sessions")) {
        return Cli::runSessions(*context, commandArgs);
    }
    if (command == QLatin1StringView("api-tokens")) {
        return Cli::runApiTokens(*context, commandArgs);
    }
    if (command == QLatin1StringView("audit")) {
        return Cli::runAudit(*context, commandArgs);
    }
    if (command == QLatin1StringView("roles")) {
        return Cli::runRoles(*context, commandArgs);
    }
    if (command == QLatin1StringView("flags")) {
        return Cli::runFlags(*context, commandArgs);
    }
    if (command == QLatin1StringView("providers")) {
        return Cli::runProviders(*context, commandArgs);
    }
    if (command == QLatin1StringView("models")) {
        return Cli::runModels(*context, commandArgs);
    }
    if (command == QLatin1StringView("feedback")) {
        return Cli::runFeedback(*context, commandArgs);
    }
    if (command == QLatin1StringView("finetune")) {
        return Cli::runFinetune(*context, commandArgs);
    }
    if (command == QLatin1StringView("prompts")) {
        return Cli::runPrompts(*context, commandArgs);
    }
    if (command == QLatin1StringView("datasets")) {
        return Cli::runDatasets(*context, commandArgs);
    }
    if (command == QLatin1StringView("experiments")) {
        return Cli::runExperiments(*context, commandArgs);
    }
    if (command == QLatin1StringView("compare")) {
        return Cli::runCompare(*context, commandArgs);
    }
    if (command == QLatin1StringView("jobs")) {
        return Cli::runJobs(*context, commandArgs);
    }
    if (command == QLatin1StringView("chat")) {
        return Cli::runChat(*context, commandArgs);
    }
    if (command == QLatin1StringView("conversations")) {
        return Cli::runConversations(*context, commandArgs);
    }
    if (command == QLatin1StringView("tags")) {
        return Cli::runTags(*context, commandArgs);
    }
    if (command == QLatin1StringView("metrics")) {
        return Cli::runMetrics(*context, commandArgs);
    }
    if (command == QLatin1StringView("health")) {
        return Cli::runHealth(*context, commandArgs);
    }
    if (command == QLatin1StringView("cache")) {
        return Cli::runCache(*context, commandArgs);
    }
    if (command == QLatin1StringView("doctor")) {
        return Cli::runDoctor(*context, commandArgs);
    }
    if (command == QLatin1StringView("usage")) {
        return Cli::runUsage(*context, commandArgs);
    }
    if (command == QLatin1StringView("budgets")) {
        return Cli::runBudgets(*context, commandArgs);
    }
    if (command == QLatin1StringView("alerts")) {
        return Cli::runAlerts(*context, commandArgs);
    }
    if (command == QLatin1StringView("limits")) {
        return Cli::runLimits(*context, commandArgs);
    }
    if (command == QLatin1StringView("prices")) {
        return Cli::runPrices(*context, commandArgs);
    }
    if (command == QLatin1StringView("count-tokens")) {
        return Cli::runCountTokens(*context, commandArgs);
    }
    return Cli::usageError(QStringLiteral("unknown command '%1'").arg(command));
}
