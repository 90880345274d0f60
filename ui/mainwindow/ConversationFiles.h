#pragma once

#include "common/Actor.h"
#include "exchange/ConversationExchange.h"

#include <QCoreApplication>
#include <QString>

#include <optional>
#include <vector>

class QWidget;

namespace Tessera::Core {
class CoreServices;
}

namespace Tessera::Ui {

class Dialogs;
class JobsController;

// Export and import through the file dialogs: asks for the file, writes or reads it, and explains what failed.
class ConversationFiles final {
    Q_DECLARE_TR_FUNCTIONS(ConversationFiles)

public:
    ConversationFiles(Core::CoreServices& services, Core::Actor actor, Dialogs& dialogs);

    // Exports the conversations (none: all of them) as Markdown, Tessera JSON or PDF, the format chosen in the save
    // dialog. Returns what to tell the user once written; nullopt when cancelled or failed (the failure shown).
    std::optional<QString> exportConversations(QWidget* parent, const std::vector<qint64>& ids,
                                               const QString& suggestedName);
    // Exports every conversation: as Markdown or Tessera JSON in a background job that `jobs` runs (progress in
    // View ▸ Background Jobs, a notification when written), as PDF here. Returns what to tell the user; nullopt
    // when cancelled or refused (the reason shown).
    std::optional<QString> exportAll(QWidget* parent, JobsController& jobs, const QString& suggestedName);

    struct Imported {
        int conversations = 0;
        qint64 lastId = 0;  // the last conversation added, 0 when none
        int background = 0; // large files handed to background jobs
    };
    // Imports the files the user picks; each file is all or nothing, and a refused one is explained. Files of
    // ImportJobs::backgroundFromBytes or more are imported by a background job that `jobs` runs. nullopt when no
    // file was picked.
    std::optional<Imported> importConversations(QWidget* parent, JobsController& jobs);

private:
    struct Target {
        QString path;
        Core::ExportFormat format = Core::ExportFormat::Markdown;
        bool pdf = false;
    };
    // Asks where and in which format (the save dialog's choice, or the name's extension); nullopt when cancelled.
    std::optional<Target> askTarget(QWidget* parent, bool all, const QString& suggestedName);
    std::optional<QString> write(QWidget* parent, const Target& target, const std::vector<qint64>& ids);

    Core::CoreServices& m_services;
    const Core::Actor m_actor;
    Dialogs& m_dialogs;
};

} // namespace Tessera::Ui
