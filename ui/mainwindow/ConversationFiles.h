#pragma once

#include "common/Actor.h"

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

// Export and import through the file dialogs: asks for the file, writes or reads it, and explains what failed.
class ConversationFiles final {
    Q_DECLARE_TR_FUNCTIONS(ConversationFiles)

public:
    ConversationFiles(Core::CoreServices& services, Core::Actor actor, Dialogs& dialogs);

    // Exports the conversations (none: all of them) as Markdown, Tessera JSON or PDF, the format chosen in the save
    // dialog. Returns what to tell the user once written; nullopt when cancelled or failed (the failure shown).
    std::optional<QString> exportConversations(QWidget* parent, const std::vector<qint64>& ids,
                                               const QString& suggestedName);

    struct Imported {
        int conversations = 0;
        qint64 lastId = 0; // the last conversation added, 0 when none
    };
    // Imports the files the user picks; each file is all or nothing, and a refused one is explained. nullopt when
    // no file was picked.
    std::optional<Imported> importConversations(QWidget* parent);

private:
    Core::CoreServices& m_services;
    const Core::Actor m_actor;
    Dialogs& m_dialogs;
};

} // namespace Tessera::Ui
