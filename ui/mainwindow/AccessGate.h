#pragma once

#include "accounts/FeatureFlags.h"
#include "common/Actor.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <vector>

class QAction;
class QTimer;

namespace Tessera::Core {
class CoreServices;
}

namespace Tessera::Ui {

// What the main window offers the signed-in person: an action their role does not allow is hidden, one whose
// feature flag is off is greyed with the reason. Flags apply at once, so the gate looks again every few seconds and
// whenever asked (a menu about to open). Hiding is never the protection: core refuses on its own.
class AccessGate final : public QObject {
    Q_OBJECT
public:
    AccessGate(Core::CoreServices& services, Core::Actor actor, QObject* parent = nullptr);

    // Shown only with the permission; greyed while the feature (if any) is off.
    void guard(QAction* action, Core::Permission permission, std::optional<Core::Feature> feature = std::nullopt);
    // Shown while shown() says so, greyed while enabled() says no (with the tooltip offTip).
    void guard(QAction* action, std::function<bool()> shown, std::function<bool()> enabled, const QString& offTip);

    bool featureOn(Core::Feature feature) const;
    // Whether the person may add a provider: providers.manage, or providers.use with the flag for members.
    bool mayAddProviders() const;

public Q_SLOTS:
    // Looks at the actor's permissions and the flags again; emits refreshed().
    void refresh();

Q_SIGNALS:
    void refreshed();

private:
    struct Entry {
        QPointer<QAction> action;
        std::function<bool()> shown;
        std::function<bool()> enabled;
        QString offTip;
        QString onTip;
    };
    static void apply(Entry& entry);

    Core::CoreServices& m_services;
    const Core::Actor m_actor;
    std::vector<Entry> m_entries;
    QTimer* m_timer;
};

} // namespace Tessera::Ui
