#include "audit/AuditVerifier.h"

#include <QMetaObject>
#include <QPointer>
#include <QThread>

namespace Tessera::Core {

AuditVerifier::AuditVerifier(const AuditLog& audit, QObject* parent)
    : QObject(parent)
    , m_audit(audit) {
}

AuditVerifier::~AuditVerifier() {
    if (m_thread) {
        cancel();
        m_thread->wait();
        delete m_thread;
    }
}

bool AuditVerifier::running() const {
    return m_thread && m_thread->isRunning();
}

void AuditVerifier::cancel() {
    if (m_cancel) {
        *m_cancel = true;
    }
}

bool AuditVerifier::start(const Actor& actor) {
    if (running()) {
        return false;
    }
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    auto cancelled = std::make_shared<std::atomic<bool>>(false);
    m_cancel = cancelled;
    QPointer<AuditVerifier> self(this);
    m_thread = QThread::create([self, audit = &m_audit, actor, cancelled] {
        auto result = audit->verify(actor, [&](qint64 done, qint64 total) {
            QMetaObject::invokeMethod(
                self.data(),
                [self, done, total] {
                    if (self) {
                        Q_EMIT self->progress(done, total);
                    }
                },
                Qt::QueuedConnection);
            return !cancelled->load();
        });
        audit->releaseThreadConnection();
        QMetaObject::invokeMethod(
            self.data(),
            [self, result] {
                if (self) {
                    Q_EMIT self->finished(result);
                }
            },
            Qt::QueuedConnection);
    });
    m_thread->start();
    return true;
}

} // namespace Tessera::Core
