#include "app/CoreServices.h"

#include "accounts/AccountService.h"
#include "accounts/FeatureFlags.h"
#include "accounts/RoleService.h"
#include "app/StoreAdministration.h"
#include "audit/AuditLog.h"
#include "exchange/ExportJobs.h"
#include "exchange/ImportJobs.h"
#include "experiments/Compare.h"
#include "experiments/Datasets.h"
#include "experiments/ExperimentRuns.h"
#include "experiments/Experiments.h"
#include "jobs/JobStore.h"
#include "prompts/Feedback.h"
#include "prompts/FineTuning.h"
#include "prompts/FineTuningJobs.h"
#include "prompts/PromptExchange.h"
#include "prompts/PromptLibrary.h"
#include "usage/Alerts.h"
#include "usage/BudgetGuard.h"
#include "usage/BudgetPace.h"
#include "usage/PriceBook.h"
#include "usage/UsageDashboard.h"
#include "usage/UsageGenerator.h"
#include "usage/UsageLedger.h"

#include "app/SettingsService.h"
#include "chat/ChatService.h"
#include "chat/ConversationService.h"
#include "common/DataDirectory.h"
#include "logging/Logging.h"
#include "providers/ProviderFactory.h"
#include "providers/ProviderProbe.h"
#include "providers/ProviderService.h"
#include "providers/RequestRunner.h"
#include "secrets/ApiKeyResolver.h"
#include "secrets/SecretStore.h"
#include "storage/ConversationRepository.h"
#include "storage/Database.h"
#include "storage/MessageRepository.h"
#include "storage/ProviderRepository.h"

#include "chat/TitleService.h"
#include "exchange/ConversationExchange.h"
#include "observability/Metrics.h"
#include "resilience/ResilienceRegistry.h"
#include "storage/DraftRepository.h"
#include "storage/MetricsRepository.h"
#include "storage/SearchRepository.h"
#include "storage/SettingsRepository.h"
#include "storage/TagRepository.h"

#include <QNetworkAccessManager>
#include <QTimer>

namespace Tessera::Core {

CoreServices::CoreServices(QString dataDirectory, SecretStore& secrets, Logging* logging)
    : m_dataDirectory(std::move(dataDirectory))
    , m_secrets(secrets)
    , m_logging(logging) {
}

CoreServices::~CoreServices() {
    m_metricsTimer.reset();
    m_titles.reset();
    m_chat.reset(); // stops answers in flight, keeping their text, before the store closes
    flushMetrics();
}

StoreLocation CoreServices::storeLocation() const {
    return m_database->location();
}

StoreHealth CoreServices::checkStore() const {
    return StoreAdministration::check(*m_database);
}

void CoreServices::flushMetrics() {
    if (!m_metrics || !m_metricsStore) {
        return;
    }
    const auto deltas = m_metrics->takeDeltas();
    if (auto status = m_metricsStore->add(deltas); !status) {
        log("metrics")->warn("could not save metrics: {}", status.error().toLogString());
    }
}

Result<std::unique_ptr<CoreServices>> CoreServices::open(const QString& dataDirectory, SecretStore& secrets,
                                                         Logging* logging) {
    return open(dataDirectory, StoreLocation::sqlite(databasePath(dataDirectory)), secrets, logging);
}

Result<std::unique_ptr<CoreServices>> CoreServices::open(const QString& dataDirectory, const StoreLocation& location,
                                                         SecretStore& secrets, Logging* logging) {
    std::unique_ptr<CoreServices> services(new CoreServices(dataDirectory, secrets, logging));
    auto database = StoreAdministration(secrets).open(location);
    if (!database) {
        return fail(database.error());
    }
    services->m_database = std::move(*database);
    services->m_providers = std::make_unique<ProviderRepository>(*services->m_database, services->m_clock);
    services->m_conversations = std::make_unique<ConversationRepository>(*services->m_database, services->m_clock);
    services->m_messages = std::make_unique<MessageRepository>(*services->m_database, services->m_clock);
    services->m_network = std::make_unique<QNetworkAccessManager>();
    services->m_keys = std::make_unique<ApiKeyResolver>(secrets, logging ? &logging->redactor() : nullptr);
    services->m_factory = std::make_unique<ProviderFactory>(*services->m_network);
    services->m_settings = std::make_unique<SettingsRepository>(*services->m_database);
    services->m_exchange =
        std::make_unique<ConversationExchange>(*services->m_database, *services->m_conversations, *services->m_messages,
                                               *services->m_providers, services->m_clock);
    // A deletion the app could not finish (it crashed while the undo was offered) is finished now.
    if (auto emptied = services->m_conversations->emptyTrash(); emptied && *emptied > 0) {
        log("store")->info("removed {} conversations deleted before the last exit", *emptied);
    }
    services->m_drafts = std::make_unique<DraftRepository>(*services->m_database, services->m_clock);
    services->m_tags = std::make_unique<TagRepository>(*services->m_database);
    services->m_search = std::make_unique<SearchRepository>(*services->m_database);
    services->m_metricsStore = std::make_unique<MetricsRepository>(*services->m_database);
    services->m_metrics = std::make_unique<Metrics>();
    if (auto stored = services->m_metricsStore->load()) {
        services->m_metrics->addBaseline(*stored);
    }
    services->m_resilience = std::make_unique<ResilienceRegistry>(services->m_clock, *services->m_metrics);
    services->m_cache = std::make_unique<ResponseCache>(*services->m_database, services->m_clock);
    services->m_runner =
        std::make_unique<RequestRunner>(*services->m_keys, *services->m_factory, *services->m_resilience,
                                        *services->m_cache, *services->m_settings, *services->m_metrics);
    services->m_probe = std::make_unique<ProviderProbe>(*services->m_runner);
    services->m_store = std::make_unique<StoreRepositories>(StoreRepositories{
        *services->m_database, *services->m_providers, *services->m_conversations, *services->m_messages,
        *services->m_drafts, *services->m_tags, *services->m_search, *services->m_settings});
    services->m_audit = std::make_unique<AuditLog>(*services->m_database, services->m_clock);
    services->m_flags = std::make_unique<FeatureFlags>(*services->m_database, *services->m_audit, services->m_clock);
    services->m_exchange->setAccessControl(services->m_flags.get(), services->m_audit.get());
    services->m_conversationService = std::make_unique<ConversationService>(ConversationService::Dependencies{
        *services->m_database, *services->m_conversations, *services->m_messages, *services->m_drafts,
        *services->m_tags, *services->m_search, *services->m_providers});
    services->m_conversationService->setAudit(services->m_audit.get());
    services->m_providerService = std::make_unique<ProviderService>(*services->m_providers, secrets);
    services->m_providerService->setAccessControl(services->m_flags.get(), services->m_audit.get());
    services->m_settingsService = std::make_unique<SettingsService>(*services->m_settings, *services->m_cache);
    services->m_ledger = std::make_unique<UsageLedger>(*services->m_database, *services->m_settings, services->m_clock);
    services->m_prices = std::make_unique<PriceBook>(*services->m_database, *services->m_providers, *services->m_ledger,
                                                     *services->m_audit, services->m_clock);
    services->m_ledger->setPriceBook(services->m_prices.get());
    services->m_ledger->setAudit(services->m_audit.get());
    services->m_dashboards = std::make_unique<UsageDashboard>(*services->m_database, *services->m_ledger);
    services->m_budgets = std::make_unique<BudgetGuard>(*services->m_database, *services->m_ledger, *services->m_prices,
                                                        *services->m_audit, services->m_clock);
    services->m_budgetPace = std::make_unique<BudgetPaceReader>(*services->m_database, *services->m_ledger,
                                                                *services->m_budgets, services->m_clock);
    services->m_usageGenerator = std::make_unique<UsageGenerator>(
        *services->m_database, *services->m_ledger, *services->m_budgets, *services->m_audit, services->m_clock);
    services->m_chat = std::make_unique<ChatService>(
        ChatDependencies{*services->m_database, *services->m_providers, *services->m_conversations,
                         *services->m_messages, *services->m_runner, services->m_clock, services->m_flags.get(),
                         services->m_ledger.get(), services->m_budgets.get()});
    services->m_titles =
        std::make_unique<TitleService>(*services->m_chat, *services->m_conversations, *services->m_messages,
                                       *services->m_providers, *services->m_runner, *services->m_settings);
    services->m_accounts = std::make_unique<AccountService>(*services->m_database, *services->m_settings,
                                                            *services->m_audit, services->m_clock);
    services->m_roles = std::make_unique<RoleService>(*services->m_database, *services->m_audit, services->m_clock);
    services->m_titles->setFlags(services->m_flags.get());
    services->m_titles->setLedger(services->m_ledger.get());
    services->m_titles->setBudgets(services->m_budgets.get());
    // Alerts are evaluated after each answer (debounced) and, where the app asks for it, on a timer.
    services->m_alerts = std::make_unique<AlertService>(*services->m_database, *services->m_ledger,
                                                        *services->m_budgets, *services->m_audit, services->m_clock);
    services->m_alertMonitor = std::make_unique<AlertMonitor>(*services->m_alerts);
    services->m_prompts = std::make_unique<PromptLibrary>(*services->m_database, services->m_clock, *services->m_audit);
    services->m_fineTuning =
        std::make_unique<FineTuningService>(*services->m_conversations, *services->m_messages, *services->m_audit);
    services->m_promptExchange = std::make_unique<PromptExchange>(*services->m_database, *services->m_prompts,
                                                                  *services->m_audit, services->m_clock);
    services->m_feedback =
        std::make_unique<FeedbackService>(*services->m_database, services->m_clock, *services->m_audit);
    services->m_datasets = std::make_unique<DatasetService>(*services->m_database, services->m_clock,
                                                            *services->m_audit, *services->m_prompts);
    services->m_experiments =
        std::make_unique<ExperimentService>(*services->m_database, services->m_clock, *services->m_audit,
                                            *services->m_datasets, *services->m_prompts, *services->m_providerService);
    services->m_jobs = std::make_unique<JobStore>(*services->m_database, services->m_clock);
    services->m_experimentRuns =
        std::make_unique<ExperimentRuns>(*services->m_database, *services->m_audit, *services->m_jobs,
                                         *services->m_experiments, *services->m_datasets, *services->m_prompts);
    services->m_importJobs =
        std::make_unique<ImportJobs>(*services->m_database, *services->m_exchange, *services->m_jobs);
    services->m_exportJobs =
        std::make_unique<ExportJobs>(*services->m_exchange, *services->m_conversations, *services->m_jobs);
    services->m_fineTuneJobs =
        std::make_unique<FineTuneJobs>(*services->m_database, *services->m_providers, *services->m_keys,
                                       *services->m_factory, *services->m_jobs, *services->m_audit);
    services->m_compare = std::make_unique<CompareService>(
        *services->m_database, services->m_clock, *services->m_audit, *services->m_prompts,
        *services->m_providerService, *services->m_runner, services->m_budgets.get(), services->m_ledger.get());
    QObject::connect(services->m_chat.get(), &ChatService::turnFinished, services->m_alertMonitor.get(),
                     &AlertMonitor::answerRecorded);
    services->m_metricsTimer = std::make_unique<QTimer>();
    services->m_metricsTimer->setInterval(30'000);
    QObject::connect(services->m_metricsTimer.get(), &QTimer::timeout, [raw = services.get()] { raw->flushMetrics(); });
    services->m_metricsTimer->start();
    return services;
}

void CoreServices::registerJobKinds(JobRunner& runner, const Actor& actor) {
    runner.registerKind(QStringLiteral("experiment"), experimentJobHandler(actor));
    runner.registerKind(QStringLiteral("finetune"), m_fineTuneJobs->handler(actor));
    runner.registerKind(QStringLiteral("export"), m_exportJobs->handler(actor));
    runner.registerKind(QStringLiteral("import"), m_importJobs->handler(actor));
}

std::shared_ptr<JobHandler> CoreServices::experimentJobHandler(const Actor& actor) {
    return std::make_shared<ExperimentJobHandler>(actor, *m_experiments, *m_datasets, *m_prompts, *m_providers,
                                                  *m_runner, *m_jobs, m_budgets.get(), m_ledger.get());
}

} // namespace Tessera::Core
