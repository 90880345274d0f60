#pragma once

#include "common/Actor.h"
#include "common/Result.h"
#include "exchange/ConversationExchange.h"
#include "jobs/JobRunner.h"
#include "jobs/JobStore.h"

#include <memory>

namespace Tessera::Core {

class ConversationRepository;

// Exporting all of a person's conversations as a background job (kind "export"), so a large store is written
// without holding up the window, with progress, and across a quit or a crash: the conversations in batches, each
// batch rendered into a part file beside the target as it ends, then the parts joined into the file (written whole
// or not at all) and removed. A run cut off anywhere resumes without rendering the finished batches again; a
// cancelled one removes its parts. Markdown or Tessera JSON, as ConversationExchange renders them. Needs data.export
// and the export feature; recorded in the audit log (data.export of conversations:all) when the file is written.
class ExportJobs final {
public:
    static constexpr int batchSize = 10;

    ExportJobs(const ConversationExchange& exchange, const ConversationRepository& conversations, JobStore& jobs);

    // A queued job for the actor's conversations as they are now. Errors: auth.forbidden, feature.disabled,
    // input.invalid (no path).
    Result<JobInfo> submit(const Actor& actor, const QString& path, ExportFormat format) const;
    // What runs the actor's export jobs (register it under the kind "export").
    std::shared_ptr<JobHandler> handler(const Actor& actor) const;

    // Where a batch of the job writes its part: hidden, beside the target.
    static QString partPath(const QString& target, qint64 jobId, qint64 position);

private:
    const ConversationExchange& m_exchange;
    const ConversationRepository& m_conversations;
    JobStore& m_jobs;
};

} // namespace Tessera::Core
