#include "widgets/BusyState.h"

#include <QApplication>

namespace Tessera::Ui {

void BusyState::begin(const QList<QWidget*>& widgets) {
    if (m_busy) {
        return;
    }
    m_busy = true;
    // The focus inside the dialog (its window need not be the active one).
    QWidget* window = widgets.isEmpty() || !widgets.first() ? nullptr : widgets.first()->window();
    m_focus = window ? window->focusWidget() : QApplication::focusWidget();
    m_widgets.clear();
    for (QWidget* widget : widgets) {
        if (widget && widget->isEnabled()) {
            m_widgets.append(widget);
            widget->setEnabled(false);
        }
    }
}

void BusyState::end() {
    if (!m_busy) {
        return;
    }
    m_busy = false;
    for (const QPointer<QWidget>& widget : std::as_const(m_widgets)) {
        if (widget) {
            widget->setEnabled(true);
        }
    }
    m_widgets.clear();
    if (m_focus && m_focus->isEnabled() && m_focus->isVisible()) {
        m_focus->setFocus(Qt::OtherFocusReason);
    }
}

} // namespace Tessera::Ui
