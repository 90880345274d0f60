#include "style/Panel.h"

#include "style/Theme.h"

#include <QPainter>

namespace Tessera::Ui::Style {

Panel::Panel(Fill fill, int radius, bool outlined, QWidget* parent)
    : QWidget(parent)
    , m_fill(fill)
    , m_radius(radius)
    , m_outlined(outlined) {
}

void Panel::paintEvent(QPaintEvent*) {
    const Colours& c = tokens();
    QColor fill;
    switch (m_fill) {
    case Fill::QuestionBubble:
        fill = c.questionBubble;
        break;
    case Fill::CodeSurface:
        fill = c.codeSurface;
        break;
    case Fill::Surface:
        fill = c.surface;
        break;
    case Fill::Raised:
        fill = c.raised;
        break;
    }
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(m_outlined ? QPen(c.border, 1) : Qt::NoPen);
    painter.setBrush(fill);
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), m_radius, m_radius);
}

} // namespace Tessera::Ui::Style
