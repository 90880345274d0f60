#pragma once

#include "common/Actor.h"
#include "common/Result.h"
#include "jobs/JobRunner.h"
#include "jobs/JobStore.h"

#include <memory>

namespace Tessera::Core {

class ConversationExchange;
class Database;

// Importing a large file of conversations (Tessera JSON or ChatGPT's export) as a background job (kind "import"):
// the file is read, checked and imported on a worker thread, so the window stays free, and the job shows it and
// says when it ends. It stays all or nothing: the conversations and the job's note that they are in land in one
// transaction, so a run cut off anywhere imports the file once when it resumes, never twice. An import cannot stop
// halfway: pausing or cancelling takes effect once it has finished. A file changed since it was chosen is refused.
// Needs data.import and the import feature.
class ImportJobs final {
public:
    // Files from this size on are imported in the background by the app; smaller ones at once.
    static constexpr qint64 backgroundFromBytes = qint64(4) * 1024 * 1024;

    ImportJobs(const Database& db, const ConversationExchange& exchange, JobStore& jobs);

    // A queued job for the file. Errors: auth.forbidden, feature.disabled, import.invalid (no such file, too large).
    Result<JobInfo> submit(const Actor& actor, const QString& path) const;
    // What runs the actor's import jobs (register it under the kind "import").
    std::shared_ptr<JobHandler> handler(const Actor& actor) const;

private:
    const Database& m_db;
    const ConversationExchange& m_exchange;
    JobStore& m_jobs;
};

} // namespace Tessera::Core
