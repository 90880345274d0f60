#pragma once

#include <QList>
#include <QPointer>
#include <QWidget>

namespace Tessera::Ui {

// Disables a dialog's controls while work runs (a connection test) and gives the keyboard focus back to where it
// was when the work ends. Disabling the focused button would otherwise move the focus on to the next one, such as
// Cancel or Remove, and the next Enter would press that.
class BusyState final {
public:
    void begin(const QList<QWidget*>& widgets);
    void end();
    bool busy() const { return m_busy; }

private:
    QList<QPointer<QWidget>> m_widgets;
    QPointer<QWidget> m_focus;
    bool m_busy = false;
};

} // namespace Tessera::Ui
