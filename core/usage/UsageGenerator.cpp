#include "usage/UsageGenerator.h"

#include "accounts/Authorization.h"
#include "audit/AuditLog.h"
#include "common/Clock.h"
#include "storage/AccountRepository.h"
#include "storage/Database.h"
#include "usage/BudgetGuard.h"
#include "usage/ModelCatalog.h"
#include "usage/UsageLedger.h"

#include <QSqlQuery>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <random>

namespace Tessera::Core {

namespace {

struct SampleModel {
    const char* provider;
    const char* vendor; // whose catalog prices apply; "" for a free local model
    const char* model;
    double share;           // of requests
    double firstTokenMs;    // median time to the first token
    double tokensPerSecond; // output speed
    bool reasoning;
};

// What the team uses, with current catalog models.
constexpr SampleModel models[] = {
    {"openai", "openai", "gpt-5.4", 0.24, 650, 85, false},
    {"openai", "openai", "gpt-5.4-mini", 0.20, 380, 140, false},
    {"openai", "openai", "o3", 0.07, 3800, 70, true},
    {"anthropic", "anthropic", "claude-sonnet-4-5", 0.22, 1100, 75, false},
    {"anthropic", "anthropic", "claude-haiku-4-5", 0.10, 450, 150, false},
    {"google", "google", "gemini-3-flash-preview", 0.10, 520, 160, false},
    {"ollama", "", "llama3.2", 0.07, 240, 45, false},
};

struct SamplePerson {
    const char* name;
    BuiltInRole role;
    double weight; // how much they use it, against the others
};

constexpr SamplePerson people[] = {
    {"amara", BuiltInRole::Member, 5.0}, {"bruno", BuiltInRole::Manager, 3.0}, {"chen", BuiltInRole::Member, 2.6},
    {"dana", BuiltInRole::Member, 2.1},  {"emil", BuiltInRole::Member, 1.7},   {"farah", BuiltInRole::Manager, 1.4},
    {"goran", BuiltInRole::Member, 1.2}, {"hana", BuiltInRole::Member, 1.0},   {"ivo", BuiltInRole::Member, 0.8},
    {"jules", BuiltInRole::Member, 0.6}, {"kai", BuiltInRole::Member, 0.4},    {"lena", BuiltInRole::Member, 0.3},
};

// The share of a day's requests in each hour: a working day from 8 to 18 with a dip at lunch, a little in the
// evening.
constexpr double hourWeights[24] = {0.1, 0.05, 0.03, 0.03, 0.05, 0.1, 0.3, 0.9, 2.2, 3.6, 4.2, 4.0,
                                    2.6, 3.2,  4.0,  3.9,  3.4,  2.4, 1.2, 0.8, 0.7, 0.6, 0.4, 0.2};

constexpr double workdayRequests = 160.0;

} // namespace

UsageGenerator::UsageGenerator(const Database& db, const UsageLedger& ledger, const BudgetGuard& budgets,
                               const AuditLog& audit, const Clock& clock)
    : m_db(db)
    , m_ledger(ledger)
    , m_budgets(budgets)
    , m_audit(audit)
    , m_clock(clock) {
}

Result<UsageGenerated> UsageGenerator::generate(const Actor& actor, UsageGeneration options) const {
    if (auto allowed = require(actor, Permission::UsersManage); !allowed) {
        return fail(allowed.error());
    }
    if (auto allowed = require(actor, Permission::UsageViewAll); !allowed) {
        return fail(allowed.error());
    }
    if (options.days < 1 || options.days > 3660) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("--days must be between 1 and 3660"));
    }
    if (options.entries < 0 || options.entries > 50'000'000) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("--entries must be between 0 and 50,000,000"));
    }
    if (!options.add) {
        auto existing = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM usage_ledger"));
        if (!existing) {
            return fail(existing.error());
        }
        if (existing->next() && existing->value(0).toLongLong() > 0) {
            return fail(ErrorCode::AlreadyExists,
                        QStringLiteral("the store has usage already; sample usage is added to it only when asked"));
        }
    }
    const QTimeZone zone = m_ledger.timeZone();
    const QDateTime now = m_clock.nowUtc();
    if (!options.last.isValid()) {
        options.last = QDate::fromString(m_ledger.dayOf(now), Qt::ISODate);
    }
    const QDate first = options.last.addDays(-(options.days - 1));

    UsageGenerated made;
    made.spikeDay = options.last.addDays(-std::min(45, options.days / 2));
    made.failingProvider = QStringLiteral("google");
    made.outageTo = options.last.addDays(-std::min(18, options.days / 3));
    made.outageFrom = made.outageTo.addDays(-4);

    // The sample people: made once, found again on a second run.
    AccountRepository accounts(m_db, m_clock);
    std::vector<qint64> ids;
    std::vector<double> weights;
    for (const SamplePerson& person : people) {
        const QString name = QString::fromLatin1(person.name);
        auto found = accounts.findByUsername(name);
        if (!found) {
            found = accounts.add(name, {}, qint64(person.role));
        }
        if (!found) {
            return fail(found.error());
        }
        ids.push_back(found->id);
        weights.push_back(person.weight);
    }
    made.people = qint64(ids.size());

    // How many requests a workday has: the realistic amount, or what makes the asked total.
    const double weekTotal = 5.0 + 0.15 + 0.1; // workdays and the weekend's share
    // The growth over the period makes an average day about 0.775 of the last one's.
    const double perWorkday = options.entries > 0
                                  ? double(options.entries) / (double(options.days) * weekTotal / 7.0 * 0.775)
                                  : workdayRequests;

    std::mt19937_64 random(options.seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::discrete_distribution<int> pickPerson(weights.begin(), weights.end());
    std::vector<double> modelShares;
    for (const SampleModel& m : models) {
        modelShares.push_back(m.share);
    }
    std::discrete_distribution<int> pickModel(modelShares.begin(), modelShares.end());
    std::discrete_distribution<int> pickHour(std::begin(hourWeights), std::end(hourWeights));
    std::lognormal_distribution<double> inputSize(std::log(4200.0), 0.9);
    std::lognormal_distribution<double> outputSize(std::log(600.0), 0.7);
    std::lognormal_distribution<double> jitter(0.0, 0.35);

    const ModelCatalog& catalog = ModelCatalog::builtIn();
    std::vector<std::optional<Price>> prices;
    for (const SampleModel& m : models) {
        const CatalogModel* found =
            *m.vendor ? catalog.find(QString::fromLatin1(m.vendor), QString::fromLatin1(m.model)) : nullptr;
        prices.push_back(found ? std::optional<Price>(found->price) : std::nullopt);
    }
    const QString monthStart = QDate(options.last.year(), options.last.month(), 1).toString(Qt::ISODate);
    std::vector<qint64> spentThisMonth(ids.size(), 0);

    const QString insert = QStringLiteral(
        "INSERT INTO usage_ledger (at, day, account_id, provider, model, model_reported, feature, input_tokens, "
        "cached_input_tokens, cache_write_tokens, output_tokens, reasoning_tokens, cost_micros, price, estimated, "
        "latency_ms, first_token_ms, outcome, correlation_id, retries, via_fallback) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, '', ?, ?)");
    auto written = m_db.transaction([&]() -> Status {
        for (QDate day = first; day <= options.last; day = day.addDays(1)) {
            const int weekday = day.dayOfWeek();
            double dayFactor = weekday <= 5 ? 1.0 : (weekday == 6 ? 0.15 : 0.1);
            // Slow growth over the period: a little over half as much at its start as at its end.
            dayFactor *= 0.55 + 0.45 * double(first.daysTo(day) + 1) / double(options.days);
            std::poisson_distribution<int> count(perWorkday * dayFactor);
            int requests = count(random);
            const bool spike = day == made.spikeDay;
            const bool outage = day >= made.outageFrom && day <= made.outageTo;
            if (spike) {
                requests += int(perWorkday * 1.5); // one person's batch of long questions
            }
            const QString dayText = day.toString(Qt::ISODate);
            for (int r = 0; r < requests; ++r) {
                const bool batch = spike && r >= requests - int(perWorkday * 1.5);
                const int who = batch ? 0 : pickPerson(random);
                const int which = batch ? 3 : pickModel(random);
                const SampleModel& model = models[which];
                const QDateTime at =
                    QDateTime(day, QTime(pickHour(random), int(unit(random) * 60), int(unit(random) * 60)), zone)
                        .toUTC();
                if (at > now) {
                    continue;
                }
                const bool title = !batch && unit(random) < 0.08;
                const QString provider = QString::fromLatin1(model.provider);
                const bool failing = provider == made.failingProvider;
                const double failureRate = failing ? (outage ? 0.32 : 0.025) : 0.004;
                const bool failed = unit(random) < failureRate;
                const bool cached = !failed && !title && unit(random) < 0.03;
                int retries = 0;
                if (failing && outage) {
                    retries = unit(random) < 0.5 ? 1 + int(unit(random) * 2) : 0;
                } else if (unit(random) < 0.02) {
                    retries = 1;
                }
                const bool fallback = failing && outage && !failed && unit(random) < 0.2;
                qint64 input = title ? 250 + qint64(unit(random) * 200)
                                     : std::clamp<qint64>(qint64(inputSize(random)) * (batch ? 6 : 1), 60, 180'000);
                qint64 output = title ? 12 : std::clamp<qint64>(qint64(outputSize(random)), 8, 16'000);
                qint64 reasoning = 0;
                if (model.reasoning && !title) {
                    reasoning = qint64(double(output) * (1.0 + unit(random) * 2.0));
                    output += reasoning;
                }
                qint64 cachedInput = 0;
                qint64 cacheWrite = 0;
                if (!title && input > 1024 && *model.vendor && unit(random) < 0.55) {
                    cachedInput = qint64(double(input) * (0.4 + unit(random) * 0.5));
                    if (provider == QLatin1StringView("anthropic")) {
                        cacheWrite = (input - cachedInput) / 2;
                    }
                }
                if (failed || cached) {
                    input = cached ? input : 0;
                    cachedInput = cached ? cachedInput : 0;
                    cacheWrite = 0;
                    output = cached ? output : 0;
                    reasoning = cached ? reasoning : 0;
                }
                QVariant cost;
                QString priceText;
                const std::optional<Price>& price = prices[std::size_t(which)];
                if (failed || cached || !*model.vendor) {
                    cost = qint64(0);
                    priceText = *model.vendor ? QString() : Price::free(QStringLiteral("local")).describe();
                } else if (price) {
                    TokenCounts tokens{input, cachedInput, cacheWrite, output, reasoning};
                    const qint64 micros = price->costMicros(tokens);
                    cost = micros;
                    priceText = price->describe();
                    made.costMicros += micros;
                    if (dayText >= monthStart) {
                        spentThisMonth[std::size_t(who)] += micros;
                    }
                } else {
                    cost = QVariant(QMetaType(QMetaType::LongLong));
                }
                const double slow = failing && outage ? 3.0 : 1.0;
                const qint64 firstToken = qint64(model.firstTokenMs * jitter(random) * slow);
                const qint64 latency =
                    firstToken + qint64(double(output) * 1000.0 / (model.tokensPerSecond * jitter(random)));
                const QString modelName = QString::fromLatin1(model.model);
                auto row = m_db.execPrepared(
                    insert,
                    {toStoredTime(at), dayText, ids[std::size_t(who)], provider, modelName, modelName,
                     title ? QStringLiteral("title") : QStringLiteral("chat"), input, cachedInput, cacheWrite, output,
                     reasoning, cost, priceText, cached ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(latency),
                     failed || cached ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(firstToken),
                     failed ? QStringLiteral("failed")
                            : (cached ? QStringLiteral("cached") : QStringLiteral("complete")),
                     retries, fallback ? 1 : 0});
                if (!row) {
                    return row;
                }
                ++made.entries;
            }
        }
        return m_audit.record(actor, AuditEvent{QStringLiteral("usage.generate"),
                                                QStringLiteral("usage"),
                                                AuditOutcome::Success,
                                                QStringLiteral("%1 sample entries over %2 days from %3")
                                                    .arg(made.entries)
                                                    .arg(options.days)
                                                    .arg(first.toString(Qt::ISODate)),
                                                {}});
    });
    if (!written) {
        return fail(written.error());
    }
    if (auto rebuilt = m_ledger.rebuild(actor); !rebuilt) {
        return fail(rebuilt.error());
    }
    if (options.budgets) {
        // The heaviest Member's month so far is 93 % of a monthly budget: it is about to run out.
        std::size_t heaviest = 0;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            if (people[i].role == BuiltInRole::Member && spentThisMonth[i] > spentThisMonth[heaviest]) {
                heaviest = i;
            }
        }
        Budget tight;
        tight.scope = BudgetScope::User;
        tight.subjectName = QString::fromLatin1(people[heaviest].name);
        tight.period = BudgetPeriod::Month;
        tight.limitMicros =
            std::max<qint64>(1'000'000, qint64(std::ceil(double(spentThisMonth[heaviest]) / 0.93 / 10'000.0)) * 10'000);
        if (auto set = m_budgets.set(actor, tight); !set) {
            return fail(set.error());
        }
        made.tightBudget = tight.describe();
        // The Member role's own monthly budget, comfortably above what its people spend.
        Budget role;
        role.scope = BudgetScope::Role;
        role.subjectName = QStringLiteral("Member");
        role.period = BudgetPeriod::Month;
        role.limitMicros = std::max<qint64>(tight.limitMicros.value_or(0) * 2, 5'000'000);
        if (auto set = m_budgets.set(actor, role); !set) {
            return fail(set.error());
        }
    }
    return made;
}

} // namespace Tessera::Core
