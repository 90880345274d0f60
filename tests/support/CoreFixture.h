#pragma once

#include "audit/AuditLog.h"
#include "cache/ResponseCache.h"
#include "chat/ChatService.h"
#include "common/Clock.h"
#include "logging/Logging.h"
#include "observability/Metrics.h"
#include "providers/ProviderFactory.h"
#include "providers/RequestRunner.h"
#include "resilience/ResilienceRegistry.h"
#include "secrets/ApiKeyResolver.h"
#include "secrets/MemorySecretStore.h"
#include "storage/ConversationRepository.h"
#include "storage/Database.h"
#include "storage/MessageRepository.h"
#include "storage/ProviderRepository.h"
#include "storage/SettingsRepository.h"
#include "support/TestStore.h"
#include "usage/BudgetGuard.h"
#include "usage/PriceBook.h"
#include "usage/UsageLedger.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>

#include <memory>
#include <stdexcept>

namespace Tessera::Testing {

// A complete core wired the way the applications wire it, over a fresh store (SQLite, or PostgreSQL when the
// test runs on that engine; see TestStore) and an in-memory secret store.
struct CoreFixture {
    TestStore store; // destroyed last: it drops a PostgreSQL test schema
    QTemporaryDir dir;
    Core::SystemClock clock;
    std::unique_ptr<Core::Database> db;
    std::unique_ptr<Core::ProviderRepository> providers;
    std::unique_ptr<Core::ConversationRepository> conversations;
    std::unique_ptr<Core::MessageRepository> messages;
    Core::Redactor redactor;
    Core::MemorySecretStore secrets;
    QNetworkAccessManager network;
    std::unique_ptr<Core::ApiKeyResolver> keys;
    std::unique_ptr<Core::ProviderFactory> factory;
    std::unique_ptr<Core::SettingsRepository> settings;
    Core::Metrics metrics;
    std::unique_ptr<Core::ResilienceRegistry> resilience;
    std::unique_ptr<Core::ResponseCache> cache;
    std::unique_ptr<Core::RequestRunner> runner;
    std::unique_ptr<Core::UsageLedger> ledger;
    std::unique_ptr<Core::AuditLog> audit;
    std::unique_ptr<Core::PriceBook> prices;
    std::unique_ptr<Core::BudgetGuard> budgets;
    std::unique_ptr<Core::ChatService> chat;
    Core::Actor actor = Core::Actor::owner(Core::ClientKind::Test);

    CoreFixture() {
        db = store.open();
        if (!db) {
            throw std::runtime_error("the test store did not open");
        }
        providers = std::make_unique<Core::ProviderRepository>(*db, clock);
        conversations = std::make_unique<Core::ConversationRepository>(*db, clock);
        messages = std::make_unique<Core::MessageRepository>(*db, clock);
        keys = std::make_unique<Core::ApiKeyResolver>(secrets, &redactor);
        factory = std::make_unique<Core::ProviderFactory>(network);
        settings = std::make_unique<Core::SettingsRepository>(*db);
        resilience = std::make_unique<Core::ResilienceRegistry>(clock, metrics);
        resilience->setJitterSource([] { return 1.0; });
        cache = std::make_unique<Core::ResponseCache>(*db, clock);
        runner = std::make_unique<Core::RequestRunner>(*keys, *factory, *resilience, *cache, *settings, metrics);
        ledger = std::make_unique<Core::UsageLedger>(*db, *settings, clock);
        audit = std::make_unique<Core::AuditLog>(*db, clock);
        prices = std::make_unique<Core::PriceBook>(*db, *providers, *ledger, *audit, clock);
        ledger->setPriceBook(prices.get());
        ledger->setAudit(audit.get());
        budgets = std::make_unique<Core::BudgetGuard>(*db, *ledger, *prices, *audit, clock);
        chat = std::make_unique<Core::ChatService>(Core::ChatDependencies{
            *db, *providers, *conversations, *messages, *runner, clock, nullptr, ledger.get(), budgets.get()});
    }

    Core::ProviderConfig addProvider(const QString& name, const QString& baseUrl,
                                     const QString& model = QStringLiteral("gpt-test")) {
        Core::ProviderConfig config;
        config.name = name;
        config.kind = Core::ProviderKind::OpenAiCompatible;
        config.baseUrl = baseUrl;
        config.defaultModel = model;
        config.keySource = Core::KeySource::None;
        return *providers->add(config);
    }
};

} // namespace Tessera::Testing
