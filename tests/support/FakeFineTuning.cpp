#include "support/FakeFineTuning.h"

#include "support/FakeProviderServer.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrlQuery>

#include <algorithm>
#include <vector>

namespace Tessera::Testing {

namespace {

QByteArray compactJson(const QJsonObject& object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

FakeResponse invalid(const QString& message, const QString& code = {}) {
    return FakeResponse::openAiError(400, message, QStringLiteral("invalid_request_error"), code);
}

struct Part {
    QByteArray name;
    QByteArray fileName;
    QByteArray content;
};

// The parts of a multipart/form-data body.
std::vector<Part> multipartParts(const QByteArray& contentType, const QByteArray& body) {
    const qsizetype at = contentType.indexOf("boundary=");
    if (at < 0) {
        return {};
    }
    QByteArray boundary = contentType.mid(at + 9).trimmed();
    if (boundary.startsWith('"') && boundary.endsWith('"')) {
        boundary = boundary.mid(1, boundary.size() - 2);
    }
    const QByteArray delimiter = "--" + boundary;
    std::vector<Part> parts;
    qsizetype from = body.indexOf(delimiter);
    while (from >= 0) {
        from += delimiter.size();
        if (body.mid(from, 2) == "--") {
            break;
        }
        const qsizetype next = body.indexOf(QByteArray("\r\n" + delimiter), from);
        if (next < 0) {
            break;
        }
        const QByteArray raw = body.mid(from + 2, next - from - 2); // after the line break that follows
        const qsizetype headerEnd = raw.indexOf("\r\n\r\n");
        if (headerEnd >= 0) {
            Part part;
            const QByteArray headers = raw.left(headerEnd);
            static const QRegularExpression name(QStringLiteral("\\bname=\"([^\"]*)\""));
            static const QRegularExpression fileName(QStringLiteral("filename=\"([^\"]*)\""));
            const QString text = QString::fromUtf8(headers);
            part.name = name.match(text).captured(1).toUtf8();
            part.fileName = fileName.match(text).captured(1).toUtf8();
            part.content = raw.mid(headerEnd + 4);
            parts.push_back(part);
        }
        from = next + 2;
    }
    return parts;
}

} // namespace

std::optional<FakeResponse> FakeFineTuning::handle(const RecordedRequest& request) {
    const QList<QByteArray> pathAndQuery = request.path.split('?');
    const QByteArray path = pathAndQuery.value(0);
    const QByteArray query = pathAndQuery.value(1);
    if (path.endsWith("/files") && request.method == "POST") {
        return upload(request);
    }
    const qsizetype at = path.indexOf("/fine_tuning/jobs");
    if (at < 0) {
        return std::nullopt;
    }
    const QList<QByteArray> rest = path.mid(at + qsizetype(qstrlen("/fine_tuning/jobs"))).split('/');
    // rest: [""] for the jobs, ["", ID] for one, ["", ID, "events" | "cancel"].
    if (rest.size() == 1) {
        if (request.method == "POST") {
            return create(request);
        }
        return list();
    }
    auto job = m_jobs.find(QString::fromUtf8(QByteArray::fromPercentEncoding(rest.value(1))));
    if (job == m_jobs.end()) {
        return FakeResponse::openAiError(
            404, QStringLiteral("No fine-tuning job found with id %1").arg(QString::fromUtf8(rest.value(1))),
            QStringLiteral("invalid_request_error"), QStringLiteral("fine_tune_not_found"));
    }
    const QByteArray action = rest.value(2);
    if (action.isEmpty() && request.method == "GET") {
        return advance(job->second);
    }
    if (action == "events" && request.method == "GET") {
        return events(job->second, query);
    }
    if (action == "cancel" && request.method == "POST") {
        return cancel(job->second);
    }
    return FakeResponse::openAiError(404, QStringLiteral("Unknown request"), QStringLiteral("invalid_request_error"));
}

FakeResponse FakeFineTuning::upload(const RecordedRequest& request) {
    const std::vector<Part> parts = multipartParts(request.headers.value("content-type"), request.body);
    QByteArray purpose;
    const Part* filePart = nullptr;
    for (const Part& part : parts) {
        if (part.name == "purpose") {
            purpose = part.content;
        } else if (part.name == "file") {
            filePart = &part;
        }
    }
    if (!filePart) {
        return invalid(QStringLiteral("'file' is a required property"));
    }
    if (purpose != "fine-tune") {
        return invalid(QStringLiteral("'%1' is not one of the purposes").arg(QString::fromUtf8(purpose)));
    }
    int line = 0;
    for (const QByteArray& text : filePart->content.split('\n')) {
        ++line;
        if (text.trimmed().isEmpty()) {
            continue;
        }
        if (!QJsonDocument::fromJson(text).isObject()) {
            return invalid(QStringLiteral("Invalid file format. Line %1 is not a JSON object.").arg(line),
                           QStringLiteral("invalid_file_format"));
        }
    }
    File file;
    file.id = QStringLiteral("file-%1").arg(m_next++);
    file.name = QString::fromUtf8(filePart->fileName);
    file.content = filePart->content;
    file.createdAt = QDateTime::currentSecsSinceEpoch();
    m_files[file.id] = file;
    return FakeResponse::json(200, compactJson({{QStringLiteral("id"), file.id},
                                                {QStringLiteral("object"), QStringLiteral("file")},
                                                {QStringLiteral("bytes"), qint64(file.content.size())},
                                                {QStringLiteral("created_at"), file.createdAt},
                                                {QStringLiteral("filename"), file.name},
                                                {QStringLiteral("purpose"), QStringLiteral("fine-tune")}}));
}

FakeResponse FakeFineTuning::create(const RecordedRequest& request) {
    const QJsonObject body = request.json();
    const QString fileId = body.value(QLatin1StringView("training_file")).toString();
    const QString model = body.value(QLatin1StringView("model")).toString();
    auto file = m_files.find(fileId);
    if (file == m_files.end()) {
        return invalid(QStringLiteral("invalid training_file: %1").arg(fileId));
    }
    if (!m_models.contains(model)) {
        return invalid(QStringLiteral("Model %1 is not available for fine-tuning or does not exist.").arg(model),
                       QStringLiteral("model_not_available"));
    }
    Job job;
    job.sequence = m_next;
    const QString id = QStringLiteral("ftjob-%1").arg(m_next++);
    QJsonObject hyper = body.value(QLatin1StringView("method"))
                            .toObject()
                            .value(QLatin1StringView("supervised"))
                            .toObject()
                            .value(QLatin1StringView("hyperparameters"))
                            .toObject();
    if (hyper.isEmpty()) {
        hyper = body.value(QLatin1StringView("hyperparameters")).toObject();
    }
    for (const QByteArray& line : file->second.content.split('\n')) {
        job.examples += line.trimmed().isEmpty() ? 0 : 1;
    }
    job.failsInTraining = file->second.content.contains("[[ft-fail]]");
    job.object =
        QJsonObject{{QStringLiteral("id"), id},
                    {QStringLiteral("object"), QStringLiteral("fine_tuning.job")},
                    {QStringLiteral("model"), model},
                    {QStringLiteral("created_at"), QDateTime::currentSecsSinceEpoch()},
                    {QStringLiteral("finished_at"), QJsonValue::Null},
                    {QStringLiteral("fine_tuned_model"), QJsonValue::Null},
                    {QStringLiteral("organization_id"), QStringLiteral("org-test")},
                    {QStringLiteral("result_files"), QJsonArray()},
                    {QStringLiteral("status"), QStringLiteral("validating_files")},
                    {QStringLiteral("validation_file"), QJsonValue::Null},
                    {QStringLiteral("training_file"), fileId},
                    {QStringLiteral("suffix"), body.value(QLatin1StringView("suffix"))},
                    {QStringLiteral("hyperparameters"),
                     QJsonObject{{QStringLiteral("n_epochs"), hyper.value(QLatin1StringView("n_epochs")).toInt(3)}}},
                    {QStringLiteral("trained_tokens"), QJsonValue::Null},
                    {QStringLiteral("error"), QJsonObject()}};
    event(job, QStringLiteral("info"), QStringLiteral("Validating training file: %1").arg(fileId));
    m_jobs[id] = job;
    return FakeResponse::json(200, compactJson(job.object));
}

FakeResponse FakeFineTuning::list() const {
    std::vector<const Job*> newestFirst;
    for (const auto& [id, job] : m_jobs) {
        newestFirst.push_back(&job);
    }
    std::sort(newestFirst.begin(), newestFirst.end(),
              [](const Job* a, const Job* b) { return a->sequence > b->sequence; });
    QJsonArray data;
    for (const Job* job : newestFirst) {
        data.append(job->object);
    }
    return FakeResponse::json(200, compactJson({{QStringLiteral("object"), QStringLiteral("list")},
                                                {QStringLiteral("data"), data},
                                                {QStringLiteral("has_more"), false}}));
}

void FakeFineTuning::event(Job& job, const QString& level, const QString& message) {
    job.events.append(QJsonObject{{QStringLiteral("object"), QStringLiteral("fine_tuning.job.event")},
                                  {QStringLiteral("id"), QStringLiteral("ftevent-%1").arg(m_next++)},
                                  {QStringLiteral("created_at"), QDateTime::currentSecsSinceEpoch()},
                                  {QStringLiteral("level"), level},
                                  {QStringLiteral("message"), message},
                                  {QStringLiteral("data"), QJsonObject()},
                                  {QStringLiteral("type"), QStringLiteral("message")}});
}

FakeResponse FakeFineTuning::advance(Job& job) {
    const QString status = job.object.value(QLatin1StringView("status")).toString();
    const auto finish = [&](const QString& to) {
        job.object.insert(QStringLiteral("status"), to);
        job.object.insert(QStringLiteral("finished_at"), QDateTime::currentSecsSinceEpoch());
    };
    const auto failWith = [&](const QString& code, const QString& message) {
        finish(QStringLiteral("failed"));
        job.object.insert(QStringLiteral("error"),
                          QJsonObject{{QStringLiteral("code"), code},
                                      {QStringLiteral("message"), message},
                                      {QStringLiteral("param"), QStringLiteral("training_file")}});
        event(job, QStringLiteral("error"), message);
    };
    if (status == QLatin1StringView("validating_files")) {
        if (job.examples < 10) {
            failWith(QStringLiteral("invalid_n_examples"),
                     QStringLiteral("Training file has %1 example(s), but must have at least 10 examples")
                         .arg(job.examples));
        } else {
            job.object.insert(QStringLiteral("status"), QStringLiteral("queued"));
            event(job, QStringLiteral("info"), QStringLiteral("Files validated, moving job to queued state"));
        }
    } else if (status == QLatin1StringView("queued")) {
        job.object.insert(QStringLiteral("status"), QStringLiteral("running"));
        event(job, QStringLiteral("info"), QStringLiteral("Fine-tuning job started"));
    } else if (status == QLatin1StringView("running")) {
        if (job.failsInTraining) {
            failWith(QStringLiteral("training_failed"), QStringLiteral("The job failed due to an error in training"));
        } else {
            const QString base = job.object.value(QLatin1StringView("model")).toString();
            const QString suffix = job.object.value(QLatin1StringView("suffix")).toString();
            const QString id = job.object.value(QLatin1StringView("id")).toString();
            const QString model = QStringLiteral("ft:%1:org-test%2:%3")
                                      .arg(base, suffix.isEmpty() ? QString() : QStringLiteral(":") + suffix, id);
            finish(QStringLiteral("succeeded"));
            job.object.insert(QStringLiteral("fine_tuned_model"), model);
            job.object.insert(QStringLiteral("trained_tokens"), job.examples * 100);
            event(job, QStringLiteral("info"), QStringLiteral("New fine-tuned model created: %1").arg(model));
            event(job, QStringLiteral("info"), QStringLiteral("The job has successfully completed"));
            if (!m_models.contains(model)) {
                m_models.append(model);
            }
        }
    }
    return FakeResponse::json(200, compactJson(job.object));
}

FakeResponse FakeFineTuning::events(const Job& job, const QByteArray& query) const {
    const int limit = QUrlQuery(QString::fromUtf8(query)).queryItemValue(QStringLiteral("limit")).toInt();
    QJsonArray data;
    for (qsizetype i = job.events.size() - 1; i >= 0 && (limit <= 0 || data.size() < limit); --i) {
        data.append(job.events.at(i));
    }
    return FakeResponse::json(200, compactJson({{QStringLiteral("object"), QStringLiteral("list")},
                                                {QStringLiteral("data"), data},
                                                {QStringLiteral("has_more"), data.size() < job.events.size()}}));
}

FakeResponse FakeFineTuning::cancel(Job& job) {
    const QString status = job.object.value(QLatin1StringView("status")).toString();
    if (status == QLatin1StringView("succeeded") || status == QLatin1StringView("failed") ||
        status == QLatin1StringView("cancelled")) {
        return invalid(QStringLiteral("Job has already completed: %1").arg(status));
    }
    job.object.insert(QStringLiteral("status"), QStringLiteral("cancelled"));
    job.object.insert(QStringLiteral("finished_at"), QDateTime::currentSecsSinceEpoch());
    event(job, QStringLiteral("info"), QStringLiteral("Fine-tuning job cancelled"));
    return FakeResponse::json(200, compactJson(job.object));
}

} // namespace Tessera::Testing
