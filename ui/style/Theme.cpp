#include "style/Theme.h"

#include "style/Icons.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QProxyStyle>
#include <QStyleFactory>
#include <QStyleOption>
#include <QToolButton>

namespace Tessera::Ui::Style {

namespace {

Variant g_current = Variant::Light;
int g_generation = 0;

QRectF inner(const QRect& rect) {
    return QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5);
}

class TesseraStyle final : public QProxyStyle {
public:
    TesseraStyle()
        : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion"))) {}

    int styleHint(StyleHint hint, const QStyleOption* option, const QWidget* widget,
                  QStyleHintReturn* data) const override {
        switch (hint) {
        case SH_DialogButtonBox_ButtonsHaveIcons:
            return 0; // a word says more than a floppy disk
        case SH_UnderlineShortcut:
            return 1;
        default:
            return QProxyStyle::styleHint(hint, option, widget, data);
        }
    }

    int pixelMetric(PixelMetric metric, const QStyleOption* option, const QWidget* widget) const override {
        switch (metric) {
        case PM_ButtonIconSize:
        case PM_SmallIconSize:
        case PM_ToolBarIconSize:
            return iconSize;
        case PM_MessageBoxIconSize:
            return 40;
        case PM_LayoutHorizontalSpacing:
        case PM_LayoutVerticalSpacing:
            return Space::one;
        default:
            return QProxyStyle::pixelMetric(metric, option, widget);
        }
    }

    QIcon standardIcon(StandardPixmap pixmap, const QStyleOption* option, const QWidget* widget) const override {
        switch (pixmap) {
        case SP_MessageBoxWarning:
            return icon(Icon::TriangleAlert, Tone::Warning);
        case SP_MessageBoxCritical:
            return icon(Icon::CircleX, Tone::Danger);
        case SP_MessageBoxInformation:
            return icon(Icon::Info, Tone::Accent);
        case SP_MessageBoxQuestion:
        case SP_DialogHelpButton:
            return icon(Icon::CircleHelp, Tone::Accent);
        case SP_DialogCloseButton:
        case SP_DialogCancelButton:
        case SP_DialogNoButton:
        case SP_LineEditClearButton:
        case SP_TitleBarCloseButton:
            return icon(Icon::X);
        case SP_DialogOkButton:
        case SP_DialogApplyButton:
        case SP_DialogYesButton:
        case SP_DialogSaveButton:
            return icon(Icon::Check);
        case SP_DialogDiscardButton:
        case SP_TrashIcon:
            return icon(Icon::Trash, Tone::Danger);
        case SP_DialogResetButton:
        case SP_BrowserReload:
            return icon(Icon::RefreshCw);
        case SP_FileIcon:
            return icon(Icon::File);
        case SP_DirOpenIcon:
        case SP_DialogOpenButton:
            return icon(Icon::FolderOpen);
        case SP_ArrowUp:
            return icon(Icon::ArrowUp);
        case SP_ArrowDown:
            return icon(Icon::ArrowDown);
        case SP_ArrowLeft:
        case SP_ArrowBack:
            return icon(Icon::ChevronLeft);
        case SP_ArrowRight:
        case SP_ArrowForward:
            return icon(Icon::ChevronRight);
        default:
            return QProxyStyle::standardIcon(pixmap, option, widget);
        }
    }

    void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                       const QWidget* widget) const override {
        switch (element) {
        case PE_PanelButtonCommand:
            drawButton(option, painter);
            return;
        case PE_FrameLineEdit:
            drawField(option, painter);
            return;
        case PE_PanelButtonTool:
            if (option->state.testFlag(State_AutoRaise)) {
                drawFlatToolButton(option, painter);
                return;
            }
            break;
        case PE_FrameFocusRect:
            if (qobject_cast<const QToolButton*>(widget)) {
                // Icon buttons: a rounded ring in the focus colour around the whole button.
                painter->save();
                painter->setRenderHint(QPainter::Antialiasing);
                painter->setPen(QPen(tokens().focus, 2));
                painter->setBrush(Qt::NoBrush);
                const QRect button = widget->rect();
                painter->drawRoundedRect(QRectF(button).adjusted(1, 1, -1, -1), Radius::small + 2, Radius::small + 2);
                painter->restore();
                return;
            }
            break;
        case PE_Frame: {
            // Lists and tables: one thin rounded hairline instead of Fusion's sunken double edge.
            painter->save();
            painter->setRenderHint(QPainter::Antialiasing);
            painter->setPen(QPen(tokens().border, 1));
            painter->setBrush(Qt::NoBrush);
            painter->drawRoundedRect(inner(option->rect), Radius::small, Radius::small);
            painter->restore();
            return;
        }
        case PE_PanelLineEdit: {
            // The field's background, then its rounded frame (Fusion draws both here).
            painter->save();
            painter->setRenderHint(QPainter::Antialiasing);
            painter->setPen(Qt::NoPen);
            painter->setBrush(option->palette.brush(QPalette::Base));
            painter->drawRoundedRect(inner(option->rect), Radius::medium - 2, Radius::medium - 2);
            painter->restore();
            const auto* frame = qstyleoption_cast<const QStyleOptionFrame*>(option);
            if (frame && frame->lineWidth > 0) {
                drawField(option, painter);
            }
            return;
        }
        default:
            break;
        }
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        if (element == PE_IndicatorCheckBox || element == PE_IndicatorRadioButton) {
            drawIndicatorEdge(element, option, painter);
        }
    }

    void drawControl(ControlElement element, const QStyleOption* option, QPainter* painter,
                     const QWidget* widget) const override {
        if (element == CE_HeaderSection) {
            // Flat table headers: the raised surface, a rule under them and a faint line between columns.
            const Colours& c = tokens();
            painter->save();
            painter->fillRect(option->rect, c.raised);
            painter->setPen(QPen(c.border, 1));
            painter->drawLine(option->rect.bottomLeft(), option->rect.bottomRight());
            const auto* header = qstyleoption_cast<const QStyleOptionHeader*>(option);
            if (!header || header->position != QStyleOptionHeader::End) {
                painter->drawLine(option->rect.topRight() + QPoint(0, 4), option->rect.bottomRight() - QPoint(0, 4));
            }
            painter->restore();
            return;
        }
        if (element == CE_PushButtonLabel) {
            const auto* button = qstyleoption_cast<const QStyleOptionButton*>(option);
            if (button && isDefault(*button)) {
                QStyleOptionButton copy = *button;
                copy.palette.setColor(QPalette::ButtonText, tokens().onAccent);
                QProxyStyle::drawControl(element, &copy, painter, widget);
                return;
            }
        }
        QProxyStyle::drawControl(element, option, painter, widget);
    }

private:
    static bool isDefault(const QStyleOptionButton& button) {
        return button.features.testFlag(QStyleOptionButton::DefaultButton) && button.state.testFlag(State_Enabled);
    }

    // Buttons: rounded, filled with the raised surface (the accent for the default button), a hairline edge, a
    // darker shade when hovered or pressed, and a two-pixel focus ring when the keyboard moved there.
    static void drawButton(const QStyleOption* option, QPainter* painter) {
        const Colours& c = tokens();
        const auto* button = qstyleoption_cast<const QStyleOptionButton*>(option);
        const bool primary = button && isDefault(*button);
        const bool enabled = option->state.testFlag(State_Enabled);
        const bool down = option->state & (State_Sunken | State_On);
        const bool hover = enabled && option->state.testFlag(State_MouseOver);
        QColor fill = primary ? c.accent : c.raised;
        if (down) {
            fill = g_current == Variant::Dark ? fill.lighter(125) : fill.darker(112);
        } else if (hover) {
            fill = g_current == Variant::Dark ? fill.lighter(112) : fill.darker(105);
        }
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(primary ? c.accent : c.border, 1));
        painter->setBrush(fill);
        if (!enabled) {
            painter->setOpacity(0.6);
        }
        painter->drawRoundedRect(inner(option->rect).adjusted(1, 1, -1, -1), Radius::medium - 2, Radius::medium - 2);
        if (option->state.testFlag(State_HasFocus) && option->state.testFlag(State_KeyboardFocusChange)) {
            painter->setOpacity(1.0);
            painter->setPen(QPen(c.focus, 2));
            painter->setBrush(Qt::NoBrush);
            painter->drawRoundedRect(QRectF(option->rect).adjusted(1, 1, -1, -1), Radius::medium - 1,
                                     Radius::medium - 1);
        }
        painter->restore();
    }

    // Flat icon buttons (auto-raise): nothing at rest, a rounded tint when hovered, a stronger one when pressed
    // or checked.
    static void drawFlatToolButton(const QStyleOption* option, QPainter* painter) {
        const bool pressed = option->state & (State_Sunken | State_On);
        const bool hover = option->state.testFlag(State_MouseOver) && option->state.testFlag(State_Enabled);
        if (!pressed && !hover) {
            return;
        }
        QColor tint = tokens().text;
        tint.setAlphaF(pressed ? 0.16F : 0.08F);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(tint);
        painter->drawRoundedRect(inner(option->rect), Radius::small + 2, Radius::small + 2);
        painter->restore();
    }

    static void drawField(const QStyleOption* option, QPainter* painter) {
        const Colours& c = tokens();
        const bool focus = option->state.testFlag(State_HasFocus);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(focus ? c.focus : c.border, focus ? 1.5 : 1.0));
        painter->drawRoundedRect(inner(option->rect), Radius::medium - 2, Radius::medium - 2);
        painter->restore();
    }

    // Fusion outlines check boxes and radio buttons with a shade of the window colour, which on a dark base all
    // but disappears; this draws a visible edge around them.
    static void drawIndicatorEdge(PrimitiveElement element, const QStyleOption* option, QPainter* painter) {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        QColor edge = option->palette.color(QPalette::Text);
        edge.setAlphaF(0.45F);
        painter->setPen(QPen(edge, 1));
        painter->setBrush(Qt::NoBrush);
        const QRectF box = inner(option->rect);
        const qreal side = std::min(box.width(), box.height());
        const QRectF square(box.topLeft() + QPointF(0, (box.height() - side) / 2), QSizeF(side, side));
        if (element == PE_IndicatorRadioButton) {
            painter->drawEllipse(square);
        } else {
            painter->drawRoundedRect(square, 2, 2);
        }
        painter->restore();
    }
};

} // namespace

QPalette paletteFor(Variant variant) {
    const Colours& c = colours(variant);
    QPalette p;
    p.setColor(QPalette::Window, c.window);
    p.setColor(QPalette::WindowText, c.text);
    p.setColor(QPalette::Base, c.surface);
    p.setColor(QPalette::AlternateBase, c.raised);
    p.setColor(QPalette::ToolTipBase, c.raised);
    p.setColor(QPalette::ToolTipText, c.text);
    p.setColor(QPalette::Text, c.text);
    p.setColor(QPalette::PlaceholderText, c.mutedText);
    p.setColor(QPalette::Button, c.raised);
    p.setColor(QPalette::ButtonText, c.text);
    p.setColor(QPalette::BrightText, c.danger);
    p.setColor(QPalette::Link, c.accentText);
    p.setColor(QPalette::LinkVisited, c.accentText);
    p.setColor(QPalette::Highlight, c.accent);
    p.setColor(QPalette::HighlightedText, c.onAccent);
    p.setColor(QPalette::Light, variant == Variant::Dark ? c.border.lighter(130) : QColor(Qt::white));
    p.setColor(QPalette::Midlight, c.raised);
    p.setColor(QPalette::Mid, c.border);
    p.setColor(QPalette::Dark, variant == Variant::Dark ? c.window.darker(120) : c.border.darker(120));
    p.setColor(QPalette::Shadow, QColor(0, 0, 0, variant == Variant::Dark ? 160 : 60));
    QColor disabled = c.mutedText;
    disabled.setAlphaF(0.7F);
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        p.setColor(QPalette::Disabled, role, disabled);
    }
    p.setColor(QPalette::Disabled, QPalette::Highlight, c.border);
    // An inactive window keeps its selection colour (a grey selection reads as "nothing selected").
    p.setColor(QPalette::Inactive, QPalette::Highlight, c.accent);
    p.setColor(QPalette::Inactive, QPalette::HighlightedText, c.onAccent);
    return p;
}

QStyle* createStyle() {
    return new TesseraStyle;
}

Variant systemVariant() {
    static const bool dark = [] {
        QStyle* platform = QStyleFactory::create(QApplication::style()->name());
        const QPalette palette = platform ? platform->standardPalette() : QApplication::palette();
        delete platform;
        return palette.color(QPalette::Window).lightness() < 128;
    }();
    return dark ? Variant::Dark : Variant::Light;
}

void apply(QApplication& app, Variant variant) {
    g_current = variant;
    ++g_generation;
    if (!dynamic_cast<TesseraStyle*>(app.style())) {
        app.setStyle(createStyle());
    }
    app.setPalette(paletteFor(variant));
}

Variant current() {
    return g_current;
}

int generation() {
    return g_generation;
}

const Colours& tokens() {
    return colours(g_current);
}

QString css(const QColor& colour) {
    return QStringLiteral("rgba(%1, %2, %3, %4)")
        .arg(colour.red())
        .arg(colour.green())
        .arg(colour.blue())
        .arg(colour.alpha());
}

} // namespace Tessera::Ui::Style
