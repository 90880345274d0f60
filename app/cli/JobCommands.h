#pragma once

#include "CliSupport.h"

#include "jobs/JobStore.h"

namespace Tessera::Cli {

// jobs list [--all] | show ID | pause ID | resume ID [--wait] | cancel ID | remove ID (docs/cli.md).
int runJobs(Context& context, const QStringList& args);

QJsonObject jobJson(const Core::JobInfo& job);
// Runs the job in this process until it ends, its progress on stderr, then prints the job (unless `summary` is
// false: the caller tells the outcome its own way). Exit status: 0 finished (or paused by a person), 13 paused by a
// budget, the status of the error that failed it (1 when none is named), 1 cancelled.
int runJobHere(Context& context, qint64 jobId, bool summary = true);
// Starts a tessera-cli of its own, in the background, that runs the job (as `jobs resume ID --wait` would), and
// says how to follow it (`follow`: the command; `tessera-cli jobs show ID` when empty).
int runJobInBackground(Context& context, const Core::JobInfo& job, const QString& follow = {});
// The exit status for a job's reason ("provider.unauthorized: ..."): its error code's, 1 when it names none.
int exitCodeOfReason(const QString& reason);
// Pauses, resumes (here with `wait`, else in the background) or cancels a job, as its commands do.
int controlJob(Context& context, const QString& action, qint64 jobId, bool wait);

} // namespace Tessera::Cli
