#include "FineTuneCommands.h"

#include "JobCommands.h"

#include "app/CoreServices.h"
#include "prompts/FineTuningJobs.h"

#include <QDir>
#include <QJsonObject>

#include <cmath>

namespace Tessera::Cli {

using namespace Tessera::Core;

namespace {

QString statusText(const FineTuneStatus& status) {
    QString out =
        QStringLiteral("Fine-tuning job %1: %2 (%3 of %4 steps done)%5\n")
            .arg(status.job.id)
            .arg(jobStateName(status.job.state))
            .arg(status.job.done + status.job.failed)
            .arg(status.job.total)
            .arg(status.job.reason.isEmpty() ? QString() : QStringLiteral(": ") + printable(status.job.reason));
    out += QStringLiteral("Base model %1 at %2, from %3 (%4 examples)\n")
               .arg(printable(status.baseModel), printable(status.provider), printable(status.fileName))
               .arg(status.examples);
    if (!status.fileId.isEmpty()) {
        out += QStringLiteral("Training file: %1\n").arg(printable(status.fileId));
    }
    if (!status.remoteJobId.isEmpty()) {
        out += QStringLiteral("Provider's job: %1%2\n")
                   .arg(printable(status.remoteJobId),
                        status.remote ? QStringLiteral(", ") + printable(status.remote->status) : QString());
    }
    if (status.remote) {
        if (!status.remote->fineTunedModel.isEmpty()) {
            out += QStringLiteral("Fine-tuned model: %1\n").arg(printable(status.remote->fineTunedModel));
        }
        if (status.remote->trainedTokens > 0) {
            out += QStringLiteral("Trained tokens: %1\n").arg(status.remote->trainedTokens);
        }
        if (!status.remote->errorMessage.isEmpty()) {
            out += QStringLiteral("Provider's reason: %1\n").arg(printable(status.remote->errorMessage));
        }
    }
    if (status.remoteError) {
        out += QStringLiteral("The provider could not be asked just now (%1: %2); this is what Tessera last knew.\n")
                   .arg(codeName(status.remoteError->code), printable(status.remoteError->detail));
    }
    if (!status.events.empty()) {
        out += QStringLiteral("Events:\n");
        for (const RemoteFineTuneEvent& event : status.events) {
            out += QStringLiteral("  %1 %2 %3\n")
                       .arg(timeText(event.at), printable(event.level), printable(event.message));
        }
    }
    return out;
}

int printStatus(Context& context, const Result<FineTuneStatus>& status) {
    if (!status) {
        return reportError(context, status.error());
    }
    if (context.json) {
        printJson(status->toJson());
    } else {
        printOut(statusText(*status));
    }
    return exitOk;
}

int submit(Context& context, const QStringList& args) {
    QString problem;
    auto parsed = CommandArgs::parse(args,
                                     {QStringLiteral("provider"), QStringLiteral("model"), QStringLiteral("suffix"),
                                      QStringLiteral("epochs"), QStringLiteral("poll-seconds")},
                                     {QStringLiteral("wait")}, &problem);
    if (!parsed) {
        return usageError(problem);
    }
    if (parsed->positional.size() != 1 || !parsed->has(QStringLiteral("provider")) ||
        !parsed->has(QStringLiteral("model"))) {
        return usageError(QStringLiteral("finetune submit takes FILE --provider NAME --model BASE"));
    }
    FineTuneSubmission submission;
    submission.path = QDir::current().absoluteFilePath(parsed->positional.first());
    submission.provider = parsed->value(QStringLiteral("provider"));
    submission.baseModel = parsed->value(QStringLiteral("model"));
    submission.suffix = parsed->value(QStringLiteral("suffix"));
    if (parsed->has(QStringLiteral("epochs"))) {
        bool ok = false;
        const int epochs = parsed->value(QStringLiteral("epochs")).toInt(&ok);
        if (!ok || epochs < 1 || epochs > 50) {
            return usageError(QStringLiteral("--epochs takes a whole number from 1 to 50"));
        }
        submission.epochs = epochs;
    }
    if (parsed->has(QStringLiteral("poll-seconds"))) {
        bool ok = false;
        const double seconds = parsed->value(QStringLiteral("poll-seconds")).toDouble(&ok);
        if (!ok || !std::isfinite(seconds) || seconds < 0.1 || seconds > 3600) {
            return usageError(QStringLiteral("--poll-seconds takes a number from 0.1 to 3600"));
        }
        submission.pollMs = qint64(std::llround(seconds * 1000));
    }
    auto job = context.services.fineTuneJobs().submit(context.actor, submission);
    if (!job) {
        return reportError(context, job.error());
    }
    const QString follow = QStringLiteral("tessera-cli finetune status %1").arg(job->id);
    if (!parsed->has(QStringLiteral("wait"))) {
        return runJobInBackground(context, *job, follow);
    }
    printErr(QStringLiteral("Fine-tuning job %1: %2\n").arg(job->id).arg(job->title));
    QObject::connect(&context.services.fineTuneJobs(), &FineTuneJobs::followed, &context.services.fineTuneJobs(),
                     [id = job->id](qint64 jobId, const QString& status, const QStringList& events) {
                         if (jobId != id) {
                             return;
                         }
                         QString lines;
                         for (const QString& event : events) {
                             lines += QStringLiteral("  %1\n").arg(printable(event));
                         }
                         printErr(QStringLiteral("Provider's job: %1\n").arg(printable(status)) + lines);
                     });
    const int code = runJobHere(context, job->id, false);
    QObject::disconnect(&context.services.fineTuneJobs(), &FineTuneJobs::followed, nullptr, nullptr);
    const int printed = printStatus(context, context.services.fineTuneJobs().localStatus(context.actor, job->id));
    return code != exitOk ? code : printed;
}

int status(Context& context, const QStringList& args) {
    bool ok = false;
    const qint64 id = args.value(0).toLongLong(&ok);
    if (args.size() != 1 || !ok || id <= 0) {
        return usageError(QStringLiteral("finetune status takes the job's number"));
    }
    QObject receiver;
    const auto status = await<Result<FineTuneStatus>>(
        [&](auto done) { context.services.fineTuneJobs().status(context.actor, id, &receiver, std::move(done)); });
    return printStatus(context, status);
}

} // namespace

int runFinetuneJob(Context& context, const QString& action, const QStringList& args) {
    if (action == QLatin1StringView("submit")) {
        return submit(context, args);
    }
    return status(context, args);
}

} // namespace Tessera::Cli
