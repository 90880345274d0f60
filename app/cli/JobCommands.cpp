// jobs list | show | pause | resume | cancel | remove (docs/cli.md), and running a job here or in the background.
#include "JobCommands.h"

#include "app/CoreServices.h"
#include "common/Clock.h"
#include "jobs/JobRunner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonObject>
#include <QProcess>

namespace Tessera::Cli {

using namespace Tessera::Core;

namespace {

QString progressLine(const JobProgress& p) {
    QString line = QStringLiteral("%1 of %2 done").arg(p.done + p.failed).arg(p.total);
    if (p.failed > 0) {
        line += QStringLiteral(", %1 failed").arg(p.failed);
    }
    if (p.secondsLeft) {
        line += QStringLiteral(", about %1 s left").arg(*p.secondsLeft);
    }
    return line;
}

std::optional<qint64> jobId(const QString& text) {
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    return ok && id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

void printJob(const JobInfo& job, const QDateTime& now) {
    QString text = QStringLiteral("Job %1: %2\nKind: %3\nState: %4%5\nProgress: %6 of %7 done")
                       .arg(job.id)
                       .arg(printable(job.title), printable(job.kind), QString(jobStateName(job.state)),
                            job.reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(printable(job.reason)))
                       .arg(job.done + job.failed)
                       .arg(job.total);
    if (job.failed > 0) {
        text += QStringLiteral(", %1 failed").arg(job.failed);
    }
    if (const auto left = estimatedSecondsLeft(job, now)) {
        text += QStringLiteral(", about %1 s left").arg(*left);
    }
    text += QStringLiteral("\nCreated: %1\n").arg(timeText(job.createdAt));
    if (job.startedAt.isValid()) {
        text += QStringLiteral("Started: %1\n").arg(timeText(job.startedAt));
    }
    if (job.finishedAt.isValid()) {
        text += QStringLiteral("Ended: %1\n").arg(timeText(job.finishedAt));
    }
    printOut(text);
}

} // namespace

QJsonObject jobJson(const JobInfo& job) {
    const auto left = estimatedSecondsLeft(job, QDateTime::currentDateTimeUtc());
    return QJsonObject{{QStringLiteral("id"), job.id},
                       {QStringLiteral("kind"), job.kind},
                       {QStringLiteral("title"), job.title},
                       {QStringLiteral("state"), QString(jobStateName(job.state))},
                       {QStringLiteral("done"), job.done},
                       {QStringLiteral("failed"), job.failed},
                       {QStringLiteral("total"), job.total},
                       {QStringLiteral("seconds_left"), left ? QJsonValue(*left) : QJsonValue()},
                       {QStringLiteral("reason"), job.reason},
                       {QStringLiteral("active"), job.held},
                       {QStringLiteral("created_at"), timeJson(job.createdAt)},
                       {QStringLiteral("started_at"), timeJson(job.startedAt)},
                       {QStringLiteral("finished_at"), timeJson(job.finishedAt)},
                       {QStringLiteral("updated_at"), timeJson(job.updatedAt)}};
}

int exitCodeOfReason(const QString& reason) {
    const QString code = reason.section(QLatin1Char(':'), 0, 0);
    for (int i = 0; i <= int(lastErrorCode); ++i) {
        if (codeName(ErrorCode(i)) == code) {
            return cliExitCode(ErrorCode(i));
        }
    }
    return exitFailure;
}

int runJobHere(Context& context, qint64 id, bool summary) {
    JobRunner runner(context.services.jobs(), context.services.clock());
    context.services.registerJobKinds(runner, context.actor);
    QEventLoop loop;
    JobState endedAs = JobState::Running;
    QString reason;
    QElapsedTimer shown;
    shown.start();
    QObject::connect(&runner, &JobRunner::progressed, &loop, [&shown](qint64, const JobProgress& p) {
        if (shown.elapsed() >= 500 || p.done + p.failed == p.total) {
            printErr(progressLine(p) + QLatin1Char('\n'));
            shown.restart();
        }
    });
    QObject::connect(&runner, &JobRunner::ended, &loop, [&](qint64, JobState state, const QString& why) {
        endedAs = state;
        reason = why;
        loop.quit();
    });
    auto started = runner.start(context.actor, id);
    if (!started) {
        return reportError(context, started.error());
    }
    loop.exec();
    auto after = context.services.jobs().get(context.actor, id);
    if (!summary) {
        // The caller prints the outcome.
    } else if (context.json && after) {
        printJson(jobJson(*after));
    } else if (after) {
        printOut(QStringLiteral("Job %1 %2: %3 of %4 done, %5 failed.%6\n")
                     .arg(after->id)
                     .arg(jobStateName(after->state))
                     .arg(after->done)
                     .arg(after->total)
                     .arg(after->failed)
                     .arg(reason.isEmpty() ? QString() : QStringLiteral(" ") + printable(reason)));
    }
    switch (endedAs) {
    case JobState::Finished:
        return exitOk;
    case JobState::Paused:
        // Paused by a budget reached: as a refused request is; by a person: done for now.
        return reason.startsWith(QStringLiteral("quota.exceeded")) ? cliExitCode(ErrorCode::QuotaExceeded) : exitOk;
    case JobState::Failed:
        return exitCodeOfReason(reason);
    default:
        return exitFailure;
    }
}

int runJobInBackground(Context& context, const JobInfo& job, const QString& follow) {
    QProcess worker;
    worker.setProgram(QCoreApplication::applicationFilePath());
    worker.setArguments(context.storeArgs + QStringList{QStringLiteral("jobs"), QStringLiteral("resume"),
                                                        QString::number(job.id), QStringLiteral("--wait")});
    worker.setStandardInputFile(QProcess::nullDevice());
    worker.setStandardOutputFile(QProcess::nullDevice());
    worker.setStandardErrorFile(QProcess::nullDevice());
    qint64 pid = 0;
    if (!worker.startDetached(&pid)) {
        return reportError(context, makeError(ErrorCode::InvalidArgument,
                                              QStringLiteral("could not start a background tessera-cli for job %1: %2; "
                                                             "run it here with: tessera-cli jobs resume %1 --wait")
                                                  .arg(job.id)
                                                  .arg(worker.errorString())));
    }
    if (context.json) {
        printJson(QJsonObject{{QStringLiteral("job"), job.id},
                              {QStringLiteral("state"), QString(jobStateName(job.state))},
                              {QStringLiteral("done"), job.done},
                              {QStringLiteral("total"), job.total},
                              {QStringLiteral("background"), true}});
    } else {
        printOut(QStringLiteral("Job %1 runs in the background (%2 of %3 done). Follow it with: %4\n")
                     .arg(job.id)
                     .arg(job.done + job.failed)
                     .arg(job.total)
                     .arg(follow.isEmpty() ? QStringLiteral("tessera-cli jobs show %1").arg(job.id) : follow));
    }
    return exitOk;
}

int controlJob(Context& context, const QString& action, qint64 id, bool wait) {
    if (action == QLatin1StringView("resume")) {
        auto job = context.services.jobs().get(context.actor, id);
        if (!job) {
            return reportError(context, job.error());
        }
        if (jobIsOver(job->state)) {
            return reportError(
                context,
                makeError(ErrorCode::InvalidArgument,
                          QStringLiteral("job %1 is %2; it cannot run again").arg(id).arg(jobStateName(job->state))));
        }
        return wait ? runJobHere(context, id) : runJobInBackground(context, *job);
    }
    JobRunner runner(context.services.jobs(), context.services.clock());
    context.services.registerJobKinds(runner, context.actor);
    QEventLoop loop;
    QObject::connect(&runner, &JobRunner::ended, &loop, [&loop, id](qint64 ended) {
        if (ended == id) {
            loop.quit();
        }
    });
    const Status stopped =
        action == QLatin1StringView("pause") ? runner.pause(context.actor, id) : runner.cancel(context.actor, id);
    if (!stopped) {
        return reportError(context, stopped.error());
    }
    if (runner.isCallingOff(id)) {
        // A cancelled job that is not running calls off what it began elsewhere (a provider's fine-tuning job).
        loop.exec();
    }
    auto after = context.services.jobs().get(context.actor, id);
    if (!after) {
        return reportError(context, after.error());
    }
    if (context.json) {
        printJson(jobJson(*after));
    } else if (after->held) {
        printOut(QStringLiteral("Job %1 will be %2 once the answers in flight are in (%3 of %4 done).\n")
                     .arg(id)
                     .arg(jobStateName(after->state))
                     .arg(after->done + after->failed)
                     .arg(after->total));
    } else {
        printOut(QStringLiteral("Job %1 %2 (%3 of %4 done).\n")
                     .arg(id)
                     .arg(jobStateName(after->state))
                     .arg(after->done + after->failed)
                     .arg(after->total));
    }
    return exitOk;
}

int runJobs(Context& context, const QStringList& args) {
    if (args.isEmpty()) {
        return usageError(QStringLiteral("jobs needs a subcommand: list, show, pause, resume, cancel or remove"));
    }
    const QString sub = args.first();
    QString problem;
    auto parsed = CommandArgs::parse(args.mid(1), {}, {QStringLiteral("all"), QStringLiteral("wait")}, &problem);
    if (!parsed) {
        return usageError(problem);
    }
    JobStore& jobs = context.services.jobs();
    if (sub == QLatin1StringView("list")) {
        if (!parsed->positional.isEmpty()) {
            return usageError(QStringLiteral("jobs list takes no arguments but --all"));
        }
        auto listed = jobs.list(context.actor, !parsed->has(QStringLiteral("all")));
        if (!listed) {
            return reportError(context, listed.error());
        }
        if (!context.json && listed->empty()) {
            printOut(parsed->has(QStringLiteral("all"))
                         ? QStringLiteral("No jobs.\n")
                         : QStringLiteral("No jobs running, queued or paused. See them all with: tessera-cli jobs "
                                          "list --all\n"));
            return exitOk;
        }
        if (context.json) {
            QJsonArray array;
            for (const JobInfo& job : *listed) {
                array.append(jobJson(job));
            }
            printJson(array);
            return exitOk;
        }
        const QDateTime now = context.services.clock().nowUtc();
        std::vector<QStringList> lines;
        for (const JobInfo& job : *listed) {
            const auto left = estimatedSecondsLeft(job, now);
            lines.push_back({QString::number(job.id), QString(jobStateName(job.state)),
                             QStringLiteral("%1/%2").arg(job.done + job.failed).arg(job.total),
                             left ? QStringLiteral("%1 s").arg(*left) : QString(), printable(job.title)});
        }
        printOut(tableText({QStringLiteral("ID"), QStringLiteral("STATE"), QStringLiteral("DONE"),
                            QStringLiteral("LEFT"), QStringLiteral("TITLE")},
                           lines, 1));
        return exitOk;
    }
    const bool known = sub == QLatin1StringView("show") || sub == QLatin1StringView("pause") ||
                       sub == QLatin1StringView("resume") || sub == QLatin1StringView("cancel") ||
                       sub == QLatin1StringView("remove");
    if (!known) {
        return usageError(
            QStringLiteral("unknown jobs subcommand \"%1\": list, show, pause, resume, cancel or remove").arg(sub));
    }
    const auto id = parsed->positional.size() == 1 ? jobId(parsed->positional.front()) : std::nullopt;
    if (!id) {
        return usageError(QStringLiteral("jobs %1 takes one job ID (a number; see tessera-cli jobs list)").arg(sub));
    }
    if (parsed->has(QStringLiteral("wait")) && sub != QLatin1StringView("resume")) {
        return usageError(QStringLiteral("--wait goes with jobs resume"));
    }
    if (sub == QLatin1StringView("show")) {
        auto job = jobs.get(context.actor, *id);
        if (!job) {
            return reportError(context, job.error());
        }
        if (context.json) {
            printJson(jobJson(*job));
        } else {
            printJob(*job, context.services.clock().nowUtc());
        }
        return exitOk;
    }
    if (sub == QLatin1StringView("remove")) {
        if (auto removed = jobs.remove(context.actor, *id); !removed) {
            return reportError(context, removed.error());
        }
        if (context.json) {
            printJson(QJsonObject{{QStringLiteral("removed"), *id}});
        } else {
            printOut(QStringLiteral("Removed job %1.\n").arg(*id));
        }
        return exitOk;
    }
    return controlJob(context, sub, *id, parsed->has(QStringLiteral("wait")));
}

} // namespace Tessera::Cli
