#include "mainwindow/AccessGate.h"

#include "app/CoreServices.h"
#include "widgets/ErrorText.h"

#include <QAction>
#include <QCoreApplication>
#include <QTimer>

namespace Tessera::Ui {

namespace {

constexpr int refreshMs = 3000; // flags changed elsewhere show within a few seconds

} // namespace

AccessGate::AccessGate(Core::CoreServices& services, Core::Actor actor, QObject* parent)
    : QObject(parent)
    , m_services(services)
    , m_actor(std::move(actor))
    , m_timer(new QTimer(this)) {
    m_timer->setInterval(refreshMs);
    connect(m_timer, &QTimer::timeout, this, &AccessGate::refresh);
    m_timer->start();
}

void AccessGate::guard(QAction* action, Core::Permission permission, std::optional<Core::Feature> feature) {
    guard(
        action, [this, permission] { return m_actor.may(permission); },
        [this, feature] { return !feature || featureOn(*feature); }, switchedOffText());
}

void AccessGate::guard(QAction* action, std::function<bool()> shown, std::function<bool()> enabled,
                       const QString& offTip) {
    m_entries.push_back({action, std::move(shown), std::move(enabled), offTip, action->toolTip()});
    apply(m_entries.back());
}

void AccessGate::apply(Entry& entry) {
    if (!entry.action) {
        return;
    }
    entry.action->setVisible(entry.shown());
    const bool on = entry.enabled();
    entry.action->setEnabled(on);
    entry.action->setStatusTip(on ? QString() : entry.offTip);
    entry.action->setToolTip(on ? entry.onTip : entry.offTip);
}

bool AccessGate::featureOn(Core::Feature feature) const {
    return m_services.flags().enabled(m_actor, feature);
}

bool AccessGate::mayAddProviders() const {
    return m_actor.may(Core::Permission::ProvidersManage) ||
           (m_actor.may(Core::Permission::ProvidersUse) && featureOn(Core::Feature::MembersAddProviders));
}

void AccessGate::refresh() {
    for (Entry& entry : m_entries) {
        apply(entry);
    }
    Q_EMIT refreshed();
}

} // namespace Tessera::Ui
