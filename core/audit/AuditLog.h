#pragma once

#include "common/Actor.h"
#include "common/Result.h"
#include "storage/AuditRepository.h"

#include <QString>

#include <functional>
#include <vector>

class QIODevice;

namespace Tessera::Core {

class Clock;
class Database;

enum class AuditOutcome { Success, Failure, Denied };
QString auditOutcomeName(AuditOutcome outcome);
QString clientName(ClientKind client);

// What happened, for one audit entry. The action names are listed in docs/admin-guide.md ("auth.sign_in",
// "user.create", ...); target names what it was done to ("user:ada"). detail never holds a secret.
struct AuditEvent {
    QString action;
    QString target;
    AuditOutcome outcome = AuditOutcome::Success;
    QString detail;
    QString correlationId; // a new one when empty
};

enum class AuditExportFormat { Csv, JsonLines };

// The audit log service: every security-relevant change records itself here, inside the same transaction as the
// change (record() joins the caller's transaction), so the change and its entry land together or not at all.
// Refusals and failures are recorded on their own, since the refused operation writes nothing. Reading, verifying
// and exporting need audit.view; retention also needs roles.manage.
class AuditLog final {
public:
    AuditLog(const Database& db, const Clock& clock);

    Status record(const Actor& actor, const AuditEvent& event) const;
    // For an event without a signed-in actor (a failed sign-in): actorId 0 when the name belongs to nobody.
    Status recordFor(qint64 actorId, const QString& actorName, ClientKind client, const AuditEvent& event) const;

    Result<std::vector<AuditEntry>> list(const Actor& actor, const AuditFilter& filter) const;
    Result<AuditVerification> verify(const Actor& actor,
                                     const std::function<bool(qint64, qint64)>& progress = {}) const;
    // Writes the entries the filter selects (its limit and paging ignored), oldest first. Recorded as audit.export.
    Result<qint64> exportTo(const Actor& actor, AuditExportFormat format, const AuditFilter& filter,
                            QIODevice& out) const;
    // Removes entries older than days behind a checkpoint entry; returns how many went.
    Result<qint64> applyRetention(const Actor& actor, int days) const;
    // For a worker thread that read the log (verification): closes that thread's store connection.
    void releaseThreadConnection() const;

    // Detail and names as an entry keeps them: control characters become spaces, at most 2,000 characters.
    static QString clean(const QString& text);

private:
    const Database& m_db;
    const Clock& m_clock;
    AuditRepository m_entries;
};

} // namespace Tessera::Core
