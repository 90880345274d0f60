#pragma once

#include "audit/AuditLog.h"
#include "common/Actor.h"

#include <QObject>

#include <atomic>
#include <memory>

class QThread;

namespace Tessera::Core {

// Verifies the audit log on a worker thread (a million entries take seconds), reporting progress and the result
// on the thread that started it. The worker uses a store connection of its own and closes it when done.
class AuditVerifier final : public QObject {
    Q_OBJECT
public:
    explicit AuditVerifier(const AuditLog& audit, QObject* parent = nullptr);
    ~AuditVerifier() override;

    // false when a verification is already running.
    bool start(const Actor& actor);
    void cancel();
    bool running() const;

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    void finished(const Tessera::Core::Result<Tessera::Core::AuditVerification>& result);

private:
    const AuditLog& m_audit;
    QThread* m_thread = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

} // namespace Tessera::Core
