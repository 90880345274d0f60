#include "storage/ProviderRepository.h"

#include "storage/Database.h"

#include <QSqlQuery>
#include <QVariant>

namespace Tessera::Core {

namespace {

const QString kColumns =
    QStringLiteral("id, name, kind, base_url, default_model, key_source, key_env_var, created_at, updated_at, "
                   "api_version, enabled, resilience");

ProviderConfig fromRow(const QSqlQuery& q) {
    ProviderConfig c;
    c.id = q.value(0).toLongLong();
    c.name = q.value(1).toString();
    c.kind = parseProviderKind(q.value(2).toString()).value_or(ProviderKind::OpenAiCompatible);
    c.baseUrl = q.value(3).toString();
    c.defaultModel = q.value(4).toString();
    c.keySource = parseKeySource(q.value(5).toString()).value_or(KeySource::None);
    c.keyEnvVar = q.value(6).toString();
    c.createdAt = fromStoredTime(q.value(7).toString());
    c.updatedAt = fromStoredTime(q.value(8).toString());
    c.apiVersion = q.value(9).toString();
    c.enabled = q.value(10).toBool();
    // Settings that no longer parse (edited by hand) fall back to the defaults rather than hiding the provider.
    c.resilience = ResilienceSettings::fromJson(q.value(11).toString().toUtf8()).value_or(ResilienceSettings{});
    return c;
}

} // namespace

ProviderRepository::ProviderRepository(const Database& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock) {
}

Status ProviderRepository::validate(const ProviderConfig& config) {
    if (!isValidProviderName(config.name)) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("provider name '%1' must be 1-64 letters, digits, '.', '_' or '-'")
                        .arg(config.name.left(80)));
    }
    if (!isValidBaseUrl(config.baseUrl)) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("base URL '%1' must be an http or https URL").arg(config.baseUrl.left(200)));
    }
    if (config.keySource == KeySource::Environment && !isValidEnvVarName(config.keyEnvVar)) {
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("'%1' is not a valid environment variable name").arg(config.keyEnvVar.left(80)));
    }
    if (config.defaultModel.size() > 256) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("model name is longer than 256 characters"));
    }
    if (config.kind == ProviderKind::AzureOpenAi && config.apiVersion.trimmed().isEmpty()) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("Azure OpenAI needs an api-version"));
    }
    if (config.apiVersion.size() > 64) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("api-version is longer than 64 characters"));
    }
    return config.resilience.validate();
}

Result<ProviderConfig> ProviderRepository::add(ProviderConfig config) const {
    if (auto status = validate(config); !status) {
        return fail(status.error());
    }
    const QDateTime now = m_clock.nowUtc();
    config.createdAt = now;
    config.updatedAt = now;
    if (config.keySource != KeySource::Environment) {
        config.keyEnvVar.clear();
    }
    auto query =
        m_db.exec(QStringLiteral("INSERT INTO providers (name, kind, base_url, default_model, key_source, "
                                 "key_env_var, created_at, updated_at, api_version, enabled, resilience) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
                  {config.name, QString(kindName(config.kind)), config.baseUrl, config.defaultModel,
                   QString(keySourceName(config.keySource)), config.keyEnvVar, toStoredTime(now), toStoredTime(now),
                   config.apiVersion, config.enabled, QString::fromUtf8(config.resilience.toJson())});
    if (!query) {
        if (query.error().code == ErrorCode::AlreadyExists) {
            return fail(ErrorCode::AlreadyExists, QStringLiteral("a provider named '%1' exists").arg(config.name));
        }
        return fail(query.error());
    }
    if (!query->next()) {
        return fail(ErrorCode::StorageFailed, QStringLiteral("the new provider's id was not returned"));
    }
    config.id = query->value(0).toLongLong();
    return config;
}

Status ProviderRepository::update(const ProviderConfig& config) const {
    if (auto status = validate(config); !status) {
        return status;
    }
    auto query = m_db.exec(
        QStringLiteral("UPDATE providers SET name = ?, kind = ?, base_url = ?, default_model = ?, key_source = ?, "
                       "key_env_var = ?, updated_at = ?, api_version = ?, enabled = ?, resilience = ? WHERE id = ?"),
        {config.name, QString(kindName(config.kind)), config.baseUrl, config.defaultModel,
         QString(keySourceName(config.keySource)),
         config.keySource == KeySource::Environment ? config.keyEnvVar : QString(), toStoredTime(m_clock.nowUtc()),
         config.apiVersion, config.enabled, QString::fromUtf8(config.resilience.toJson()), config.id});
    if (!query) {
        return fail(query.error());
    }
    if (query->numRowsAffected() == 0) {
        return fail(ErrorCode::NotFound, QStringLiteral("provider %1").arg(config.id));
    }
    return {};
}

Result<std::vector<ProviderConfig>> ProviderRepository::list() const {
    auto query =
        m_db.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM providers ORDER BY lower(name), id"));
    if (!query) {
        return fail(query.error());
    }
    std::vector<ProviderConfig> result;
    while (query->next()) {
        result.push_back(fromRow(*query));
    }
    return result;
}

Result<ProviderConfig> ProviderRepository::findByName(const QString& name) const {
    auto query = m_db.exec(
        QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM providers WHERE lower(name) = lower(?)"), {name});
    if (!query) {
        return fail(query.error());
    }
    if (!query->next()) {
        return fail(ErrorCode::NotFound, QStringLiteral("no provider named '%1'").arg(name.left(80)));
    }
    return fromRow(*query);
}

Result<ProviderConfig> ProviderRepository::findById(qint64 id) const {
    auto query = m_db.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM providers WHERE id = ?"), {id});
    if (!query) {
        return fail(query.error());
    }
    if (!query->next()) {
        return fail(ErrorCode::NotFound, QStringLiteral("no provider with id %1").arg(id));
    }
    return fromRow(*query);
}

Status ProviderRepository::remove(qint64 id) const {
    auto query = m_db.exec(QStringLiteral("DELETE FROM providers WHERE id = ?"), {id});
    if (!query) {
        return fail(query.error());
    }
    if (query->numRowsAffected() == 0) {
        return fail(ErrorCode::NotFound, QStringLiteral("no provider with id %1").arg(id));
    }
    return {};
}

} // namespace Tessera::Core
