// The experiments' tables, written once for both engines: `identity` is the engine's self-numbering key, `integer`
// its integer type.
#include "storage/Migrations.h"

namespace Tessera::Core {

QStringList datasetTables(const QString& identity, const QString& integer) {
    // Datasets: a name unique in the store (whatever its case), the person who made it, where it came from, its
    // variable columns (a JSON array) and counts; its items in order, each with the line it came from, the
    // variables' values (a JSON object), the expected output (null when none) and metadata (a JSON object or '').
    return {
        QStringLiteral("CREATE TABLE datasets (id %1, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE, "
                       "owner_id %2 NOT NULL, source TEXT NOT NULL DEFAULT '', columns TEXT NOT NULL, "
                       "item_count %2 NOT NULL, expected_count %2 NOT NULL DEFAULT 0, created_at TEXT NOT NULL)")
            .arg(identity, integer),
        QStringLiteral("CREATE INDEX datasets_owner ON datasets(owner_id)"),
        QStringLiteral("CREATE TABLE dataset_items (dataset_id %1 NOT NULL REFERENCES datasets(id) ON DELETE CASCADE, "
                       "position %1 NOT NULL, source_row %1 NOT NULL, variables TEXT NOT NULL, expected TEXT, "
                       "metadata TEXT NOT NULL DEFAULT '', PRIMARY KEY (dataset_id, position))")
            .arg(integer),
    };
}

QStringList jobTables(const QString& identity, const QString& integer) {
    // Background jobs: the kind, the owner, the state and why, the kind's settings (JSON), the counts, the process
    // running it (a store_owners id, '' for none) and its times; its items in order, each pending until it is done or
    // failed, with its input and result (JSON), error and duration.
    return {
        QStringLiteral("CREATE TABLE jobs (id %1, kind TEXT NOT NULL, title TEXT NOT NULL DEFAULT '', "
                       "owner_id %2 NOT NULL, state TEXT NOT NULL, params TEXT NOT NULL DEFAULT '', total %2 NOT NULL, "
                       "done %2 NOT NULL DEFAULT 0, failed %2 NOT NULL DEFAULT 0, reason TEXT NOT NULL DEFAULT '', "
                       "runner TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, started_at TEXT, finished_at TEXT, "
                       "updated_at TEXT NOT NULL)")
            .arg(identity, integer),
        QStringLiteral("CREATE INDEX jobs_owner ON jobs(owner_id, state)"),
        QStringLiteral("CREATE TABLE job_items (job_id %1 NOT NULL REFERENCES jobs(id) ON DELETE CASCADE, "
                       "position %1 NOT NULL, state TEXT NOT NULL, input TEXT NOT NULL DEFAULT '', "
                       "result TEXT NOT NULL DEFAULT '', error TEXT NOT NULL DEFAULT '', duration_ms %1 NOT NULL "
                       "DEFAULT 0, finished_at TEXT, PRIMARY KEY (job_id, position))")
            .arg(integer),
        QStringLiteral("CREATE INDEX job_items_pending ON job_items(job_id, position) WHERE state = 'pending'"),
    };
}

QStringList experimentTables(const QString& identity, const QString& integer) {
    // Experiments: a name unique in the store, the owner, the dataset it runs over (its removal is refused while an
    // experiment uses it), the definition (variants, assertions, settings) as JSON and the job of its latest run.
    return {
        QStringLiteral("CREATE TABLE experiments (id %1, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE, "
                       "owner_id %2 NOT NULL, dataset_id %2 NOT NULL, definition TEXT NOT NULL, "
                       "created_at TEXT NOT NULL, job_id %2)")
            .arg(identity, integer),
        QStringLiteral("CREATE INDEX experiments_owner ON experiments(owner_id)"),
        QStringLiteral("CREATE INDEX experiments_dataset ON experiments(dataset_id)"),
    };
}

QStringList voteTables(const QString& identity, const QString& integer) {
    // People's votes between answers to one input (View ▸ Compare, tessera-cli compare, a blind review of an
    // experiment's answers): the input, the variants and their answers as shown, the choice as given and the
    // pairwise outcomes it means; an experiment's votes name it and the case (item and repeat) they were on.
    return {
        QStringLiteral("CREATE TABLE votes (id %1, owner_id %2 NOT NULL, created_at TEXT NOT NULL, "
                       "source TEXT NOT NULL, experiment_id %2, item %2, repeat_no %2, input TEXT NOT NULL, "
                       "variants TEXT NOT NULL, answers TEXT NOT NULL, blind %2 NOT NULL DEFAULT 0, "
                       "choice TEXT NOT NULL, outcomes TEXT NOT NULL)")
            .arg(identity, integer),
        QStringLiteral("CREATE INDEX votes_owner ON votes(owner_id, created_at)"),
        QStringLiteral("CREATE INDEX votes_experiment ON votes(experiment_id, item, repeat_no)"),
    };
}

} // namespace Tessera::Core
