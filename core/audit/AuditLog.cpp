#include "audit/AuditLog.h"
#include "common/Csv.h"

#include "accounts/Authorization.h"
#include "common/Clock.h"
#include "common/CorrelationId.h"
#include "logging/Logging.h"
#include "storage/Database.h"

#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>

namespace Tessera::Core {

namespace {

constexpr int kMaxText = 2000;
constexpr int kExportPage = 5000;

QJsonObject toJson(const AuditEntry& entry) {
    return QJsonObject{{QStringLiteral("id"), entry.id},
                       {QStringLiteral("at"), toStoredTime(entry.at)},
                       {QStringLiteral("actor_id"), entry.actorId},
                       {QStringLiteral("actor"), entry.actorName},
                       {QStringLiteral("action"), entry.action},
                       {QStringLiteral("target"), entry.target},
                       {QStringLiteral("client"), entry.client},
                       {QStringLiteral("outcome"), entry.outcome},
                       {QStringLiteral("correlation_id"), entry.correlationId},
                       {QStringLiteral("detail"), entry.detail},
                       {QStringLiteral("prev_hash"), entry.prevHash},
                       {QStringLiteral("hash"), entry.hash}};
}

} // namespace

QString auditOutcomeName(AuditOutcome outcome) {
    switch (outcome) {
    case AuditOutcome::Success:
        return QStringLiteral("success");
    case AuditOutcome::Failure:
        return QStringLiteral("failure");
    case AuditOutcome::Denied:
        return QStringLiteral("denied");
    }
    return QStringLiteral("failure");
}

QString clientName(ClientKind client) {
    switch (client) {
    case ClientKind::Gui:
        return QStringLiteral("gui");
    case ClientKind::Cli:
        return QStringLiteral("cli");
    case ClientKind::Test:
        return QStringLiteral("test");
    }
    return QStringLiteral("gui");
}

AuditLog::AuditLog(const Database& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock)
    , m_entries(db) {
}

QString AuditLog::clean(const QString& text) {
    QString cleaned = text.left(kMaxText);
    for (QChar& c : cleaned) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator || c == QChar::ParagraphSeparator) {
            c = QLatin1Char(' ');
        }
    }
    return cleaned;
}

Status AuditLog::record(const Actor& actor, const AuditEvent& event) const {
    return recordFor(actor.userId, actor.userName, actor.client, event);
}

Status AuditLog::recordFor(qint64 actorId, const QString& actorName, ClientKind client, const AuditEvent& event) const {
    AuditEntry entry;
    entry.at = m_clock.nowUtc();
    entry.actorId = actorId;
    entry.actorName = clean(actorName).left(200);
    entry.action = event.action;
    entry.target = clean(event.target).left(300);
    entry.client = clientName(client);
    entry.outcome = auditOutcomeName(event.outcome);
    entry.correlationId = event.correlationId.isEmpty() ? newCorrelationId() : event.correlationId;
    entry.detail = clean(event.detail);
    auto stored = m_entries.append(std::move(entry));
    if (!stored) {
        log("audit")->error("could not record {} by {}: {}", event.action, actorName, stored.error().toLogString());
        return fail(stored.error());
    }
    log("audit")->info("#{} {} {} by {} on '{}' cid={}", stored->id, stored->action, stored->outcome, stored->actorName,
                       stored->target, stored->correlationId);
    return {};
}

Result<std::vector<AuditEntry>> AuditLog::list(const Actor& actor, const AuditFilter& filter) const {
    if (auto allowed = require(actor, Permission::AuditView); !allowed) {
        return fail(allowed.error());
    }
    return m_entries.page(filter);
}

Result<AuditVerification> AuditLog::verify(const Actor& actor,
                                           const std::function<bool(qint64, qint64)>& progress) const {
    if (auto allowed = require(actor, Permission::AuditView); !allowed) {
        return fail(allowed.error());
    }
    auto result = m_entries.verify(progress);
    if (result && !result->ok) {
        log("audit")->error("the audit log failed verification at entry {}: {}", result->firstBadId, result->problem);
    }
    return result;
}

Result<qint64> AuditLog::exportTo(const Actor& actor, AuditExportFormat format, const AuditFilter& filter,
                                  QIODevice& out) const {
    if (auto allowed = require(actor, Permission::AuditView); !allowed) {
        return fail(allowed.error());
    }
    AuditFilter page = filter;
    page.oldestFirst = true;
    page.beforeId = filter.beforeId;
    page.afterId = 0;
    page.limit = kExportPage;
    const auto write = [&](const QByteArray& bytes) -> Status {
        if (out.write(bytes) != bytes.size()) {
            return fail(ErrorCode::ExportFailed, QStringLiteral("writing the audit export: ") + out.errorString());
        }
        return {};
    };
    if (format == AuditExportFormat::Csv) {
        if (auto header = write("id,at,actor_id,actor,action,target,client,outcome,correlation_id,detail,prev_hash,"
                                "hash\r\n");
            !header) {
            return fail(header.error());
        }
    }
    qint64 written = 0;
    for (;;) {
        auto entries = m_entries.page(page);
        if (!entries) {
            return fail(entries.error());
        }
        for (const AuditEntry& entry : *entries) {
            QByteArray line;
            if (format == AuditExportFormat::Csv) {
                const QStringList cells = {QString::number(entry.id),
                                           toStoredTime(entry.at),
                                           QString::number(entry.actorId),
                                           csvCell(entry.actorName),
                                           csvCell(entry.action),
                                           csvCell(entry.target),
                                           entry.client,
                                           entry.outcome,
                                           entry.correlationId,
                                           csvCell(entry.detail),
                                           entry.prevHash,
                                           entry.hash};
                line = cells.join(QLatin1Char(',')).toUtf8() + "\r\n";
            } else {
                line = QJsonDocument(toJson(entry)).toJson(QJsonDocument::Compact) + '\n';
            }
            if (auto status = write(line); !status) {
                return fail(status.error());
            }
            ++written;
        }
        if (entries->size() < size_t(kExportPage)) {
            break;
        }
        page.afterId = entries->back().id;
    }
    if (auto recorded = record(
            actor, {QStringLiteral("audit.export"),
                    QString(),
                    AuditOutcome::Success,
                    QStringLiteral("%1 entries as %2")
                        .arg(written)
                        .arg(format == AuditExportFormat::Csv ? QStringLiteral("CSV") : QStringLiteral("JSON Lines")),
                    {}});
        !recorded) {
        return fail(recorded.error());
    }
    return written;
}

void AuditLog::releaseThreadConnection() const {
    m_db.closeThreadConnection();
}

Result<qint64> AuditLog::applyRetention(const Actor& actor, int days) const {
    for (const Permission needed : {Permission::AuditView, Permission::RolesManage}) {
        if (auto allowed = require(actor, needed); !allowed) {
            return fail(allowed.error());
        }
    }
    if (days < 1) {
        return fail(ErrorCode::InvalidArgument, QStringLiteral("audit retention needs at least one day"));
    }
    AuditEntry checkpoint;
    checkpoint.at = m_clock.nowUtc();
    checkpoint.actorId = actor.userId;
    checkpoint.actorName = actor.userName;
    checkpoint.action = QStringLiteral("audit.checkpoint");
    checkpoint.client = clientName(actor.client);
    checkpoint.outcome = auditOutcomeName(AuditOutcome::Success);
    checkpoint.correlationId = newCorrelationId();
    checkpoint.detail = QStringLiteral("retention of %1 days").arg(days);
    return m_entries.removeOlderThan(m_clock.nowUtc().addDays(-days), checkpoint);
}

} // namespace Tessera::Core
