#pragma once

#include "common/Actor.h"
#include "common/Clock.h"
#include "common/Result.h"
#include "common/StoreLocation.h"

#include <QString>

#include <memory>

class QNetworkAccessManager;
class QTimer;

namespace Tessera::Core {

class AccountService;
class ApiKeyResolver;
class AuditLog;
class FeatureFlags;
class RoleService;
class AlertMonitor;
class AlertService;
class PromptLibrary;
class FeedbackService;
class DatasetService;
class ExperimentService;
class ExperimentRuns;
class JobHandler;
class CompareService;
class JobRunner;
class JobStore;
class PromptExchange;
class ExportJobs;
class ImportJobs;
class FineTuneJobs;
class FineTuningService;
class BudgetPaceReader;
class UsageDashboard;
class UsageGenerator;
class UsageLedger;
class PriceBook;
class BudgetGuard;
class ChatService;
class ConversationExchange;
class ConversationService;
class ProviderService;
class SettingsService;
class ConversationRepository;
class Database;
class DraftRepository;
class TagRepository;
class Logging;
class MessageRepository;
class Metrics;
class MetricsRepository;
class ResilienceRegistry;
class ResponseCache;
class SearchRepository;
class SettingsRepository;
class TitleService;
class ProviderFactory;
class ProviderProbe;
class RequestRunner;
class ProviderRepository;
class SecretStore;
struct StoreHealth;

// The repositories under the services. Core wires them; tests use them to seed a store. ui/ and app/ never do:
// they go through the services (a ctest check fails if they include a storage header).
struct StoreRepositories {
    Database& database;
    ProviderRepository& providers;
    ConversationRepository& conversations;
    MessageRepository& messages;
    DraftRepository& drafts;
    TagRepository& tags;
    SearchRepository& search;
    SettingsRepository& settings;
};

// The services a composition root builds once and hands down: conversations, providers, settings, chat, titles,
// export and import, health and metrics, over the store, the secret store and the network. Owned here, in
// dependency order.
class CoreServices final {
public:
    // Opens (and migrates) the database in dataDirectory. secrets and logging are built by the caller,
    // because the GUI, the CLI and the tests choose them differently; both must outlive this object.
    static Result<std::unique_ptr<CoreServices>> open(const QString& dataDirectory, SecretStore& secrets,
                                                      Logging* logging);
    // The same over the store at location (SQLite or PostgreSQL); the data directory still holds the logs. A
    // PostgreSQL password comes from PGPASSWORD, else from the keychain entry for the location, else none.
    static Result<std::unique_ptr<CoreServices>> open(const QString& dataDirectory, const StoreLocation& location,
                                                      SecretStore& secrets, Logging* logging);
    ~CoreServices();
    CoreServices(const CoreServices&) = delete;
    CoreServices& operator=(const CoreServices&) = delete;

    const QString& dataDirectory() const { return m_dataDirectory; }
    const Clock& clock() const { return m_clock; }
    // The one door for the screens and the CLI.
    ConversationService& conversations() { return *m_conversationService; }
    ProviderService& providers() { return *m_providerService; }
    SettingsService& settings() { return *m_settingsService; }
    ChatService& chat() { return *m_chat; }
    TitleService& titles() { return *m_titles; }
    ConversationExchange& exchange() { return *m_exchange; }
    ProviderProbe& probe() { return *m_probe; }
    // Accounts, sign-in, sessions and tokens; the audit log.
    AccountService& accounts() { return *m_accounts; }
    AuditLog& audit() { return *m_audit; }
    RoleService& roles() { return *m_roles; }
    UsageLedger& usage() { return *m_ledger; }
    PriceBook& prices() { return *m_prices; }
    BudgetGuard& budgets() { return *m_budgets; }
    // The Usage view's queries (safe on a worker thread).
    UsageDashboard& dashboards() { return *m_dashboards; }
    // The budgets' pace and forecasts for the Usage view (safe on a worker thread).
    BudgetPaceReader& budgetPace() { return *m_budgetPace; }
    // Alert rules and alerts; the monitor evaluates them after answers and on its timer.
    AlertService& alerts() { return *m_alerts; }
    // Prompt templates: versions, labels and sharing by role.
    PromptLibrary& prompts() { return *m_prompts; }
    // Ratings of answers, their tags and the quality statistics.
    FeedbackService& feedback() { return *m_feedback; }
    DatasetService& datasets() { return *m_datasets; }
    ExperimentService& experiments() { return *m_experiments; }
    ExperimentRuns& experimentRuns() { return *m_experimentRuns; }
    // Variants side by side on one input, and people's votes between answers.
    CompareService& compare() { return *m_compare; }
    JobStore& jobs() { return *m_jobs; }
    // What runs an experiment's items for the actor, for a JobRunner of this process (kind "experiment").
    std::shared_ptr<JobHandler> experimentJobHandler(const Actor& actor);
    // Every kind of job this program runs, registered with a runner for the actor's jobs.
    void registerJobKinds(JobRunner& runner, const Actor& actor);
    PromptExchange& promptExchange() { return *m_promptExchange; }
    FineTuningService& fineTuning() { return *m_fineTuning; }
    // Fine-tuning jobs at a provider, run as background jobs (kind "finetune").
    FineTuneJobs& fineTuneJobs() { return *m_fineTuneJobs; }
    // Exporting all conversations as a background job (kind "export").
    ExportJobs& exportJobs() { return *m_exportJobs; }
    // Importing a large file of conversations as a background job (kind "import").
    ImportJobs& importJobs() { return *m_importJobs; }
    AlertMonitor& alertMonitor() { return *m_alertMonitor; }
    // Sample usage for development and demonstration stores.
    UsageGenerator& usageGenerator() { return *m_usageGenerator; }
    FeatureFlags& flags() { return *m_flags; }
    // Calls providers: answers (cache, retries, breaker, rate limiter, fallback, metrics) and model lists.
    RequestRunner& runner() { return *m_runner; }
    Metrics& metrics() { return *m_metrics; }
    ResilienceRegistry& resilience() { return *m_resilience; }
    SecretStore& secrets() { return m_secrets; }
    // Under the services (core and tests only).
    StoreRepositories& store() { return *m_store; }
    // Where the store is (a SQLite file or a PostgreSQL URL, without secrets).
    StoreLocation storeLocation() const;
    // The store's location, engine, schema and integrity (doctor).
    StoreHealth checkStore() const;
    // Adds the metrics gathered since the last flush to the store (also every 30 s and on close).
    void flushMetrics();
    Logging* logging() { return m_logging; }

private:
    CoreServices(QString dataDirectory, SecretStore& secrets, Logging* logging);

    QString m_dataDirectory;
    SystemClock m_clock;
    SecretStore& m_secrets;
    Logging* m_logging;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ProviderRepository> m_providers;
    std::unique_ptr<ConversationRepository> m_conversations;
    std::unique_ptr<MessageRepository> m_messages;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ApiKeyResolver> m_keys;
    std::unique_ptr<ProviderFactory> m_factory;
    std::unique_ptr<RequestRunner> m_runner;
    std::unique_ptr<ProviderProbe> m_probe;
    std::unique_ptr<SettingsRepository> m_settings;
    std::unique_ptr<SearchRepository> m_search;
    std::unique_ptr<ConversationExchange> m_exchange;
    std::unique_ptr<DraftRepository> m_drafts;
    std::unique_ptr<TagRepository> m_tags;
    std::unique_ptr<MetricsRepository> m_metricsStore;
    std::unique_ptr<Metrics> m_metrics;
    std::unique_ptr<ResilienceRegistry> m_resilience;
    std::unique_ptr<ResponseCache> m_cache;
    std::unique_ptr<StoreRepositories> m_store;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<FeatureFlags> m_flags;
    std::unique_ptr<ConversationService> m_conversationService;
    std::unique_ptr<ProviderService> m_providerService;
    std::unique_ptr<SettingsService> m_settingsService;
    std::unique_ptr<ChatService> m_chat;
    std::unique_ptr<TitleService> m_titles;
    std::unique_ptr<AccountService> m_accounts;
    std::unique_ptr<RoleService> m_roles;
    std::unique_ptr<UsageLedger> m_ledger;
    std::unique_ptr<PriceBook> m_prices;
    std::unique_ptr<BudgetGuard> m_budgets;
    std::unique_ptr<UsageDashboard> m_dashboards;
    std::unique_ptr<BudgetPaceReader> m_budgetPace;
    std::unique_ptr<AlertService> m_alerts;
    std::unique_ptr<PromptLibrary> m_prompts;
    std::unique_ptr<FeedbackService> m_feedback;
    std::unique_ptr<DatasetService> m_datasets;
    std::unique_ptr<ExperimentService> m_experiments;
    std::unique_ptr<JobStore> m_jobs;
    std::unique_ptr<ExperimentRuns> m_experimentRuns;
    std::unique_ptr<CompareService> m_compare;
    std::unique_ptr<PromptExchange> m_promptExchange;
    std::unique_ptr<FineTuningService> m_fineTuning;
    std::unique_ptr<FineTuneJobs> m_fineTuneJobs;
    std::unique_ptr<ExportJobs> m_exportJobs;
    std::unique_ptr<ImportJobs> m_importJobs;
    std::unique_ptr<AlertMonitor> m_alertMonitor;
    std::unique_ptr<UsageGenerator> m_usageGenerator;
    std::unique_ptr<QTimer> m_metricsTimer;
};

} // namespace Tessera::Core
