#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>

namespace Tessera::Testing {

struct FakeResponse;
struct RecordedRequest;

// OpenAI's Files and fine-tuning endpoints as the test server speaks them:
//   POST /v1/files (multipart: purpose "fine-tune" and the file; a line that is not JSON is refused, 400
//     invalid_file_format)
//   POST /v1/fine_tuning/jobs (400 for a file it does not have or a model not in its list), GET /v1/fine_tuning/jobs
//   GET /v1/fine_tuning/jobs/ID, GET .../ID/events (newest first), POST .../ID/cancel (400 once it is over)
// A job moves one state each time it is looked at: validating_files, queued, running, then succeeded, when its
// fine-tuned model joins the server's model list. It fails at validation with fewer than 10 examples
// (invalid_n_examples) and while training when the file holds [[ft-fail]]. Unknown jobs are 404.
class FakeFineTuning final {
public:
    explicit FakeFineTuning(QStringList& models)
        : m_models(models) {}

    // The response when the request is one of these endpoints.
    std::optional<FakeResponse> handle(const RecordedRequest& request);

    int jobCount() const { return int(m_jobs.size()); }
    int fileCount() const { return int(m_files.size()); }

private:
    struct File {
        QString id;
        QString name;
        QByteArray content;
        qint64 createdAt = 0;
    };
    struct Job {
        QJsonObject object; // as GET returns it
        QJsonArray events;  // oldest first
        int examples = 0;
        bool failsInTraining = false;
        int sequence = 0; // the order jobs were made in
    };

    FakeResponse upload(const RecordedRequest& request);
    FakeResponse create(const RecordedRequest& request);
    FakeResponse list() const;
    FakeResponse advance(Job& job);
    FakeResponse events(const Job& job, const QByteArray& query) const;
    FakeResponse cancel(Job& job);
    void event(Job& job, const QString& level, const QString& message);

    QStringList& m_models;
    std::map<QString, File> m_files;
    std::map<QString, Job> m_jobs;
    int m_next = 1;
};

} // namespace Tessera::Testing
