#include "style/Icons.h"

#include "style/Theme.h"

#include <QFile>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPixmapCache>
#include <QSvgRenderer>

namespace Tessera::Ui::Style {

namespace {

const char* fileName(Icon which) {
    switch (which) {
    case Icon::Activity:
        return "activity";
    case Icon::Archive:
        return "archive";
    case Icon::ArchiveRestore:
        return "archive-restore";
    case Icon::ArrowDown:
        return "arrow-down";
    case Icon::ArrowUp:
        return "arrow-up";
    case Icon::Bot:
        return "bot";
    case Icon::Check:
        return "check";
    case Icon::ChevronDown:
        return "chevron-down";
    case Icon::ChevronLeft:
        return "chevron-left";
    case Icon::ChevronRight:
        return "chevron-right";
    case Icon::CircleAlert:
        return "circle-alert";
    case Icon::CircleCheck:
        return "circle-check";
    case Icon::CircleHelp:
        return "circle-help";
    case Icon::CircleX:
        return "circle-x";
    case Icon::Columns:
        return "columns-2";
    case Icon::Copy:
        return "copy";
    case Icon::Cpu:
        return "cpu";
    case Icon::Database:
        return "database";
    case Icon::Download:
        return "download";
    case Icon::Ellipsis:
        return "ellipsis";
    case Icon::ExternalLink:
        return "external-link";
    case Icon::Eye:
        return "eye";
    case Icon::EyeOff:
        return "eye-off";
    case Icon::File:
        return "file";
    case Icon::FileText:
        return "file-text";
    case Icon::Filter:
        return "filter";
    case Icon::FolderOpen:
        return "folder-open";
    case Icon::Globe:
        return "globe";
    case Icon::Image:
        return "image";
    case Icon::Info:
        return "info";
    case Icon::KeyRound:
        return "key-round";
    case Icon::Keyboard:
        return "keyboard";
    case Icon::ListFilter:
        return "list-filter";
    case Icon::MessageSquare:
        return "message-square";
    case Icon::MessageSquarePlus:
        return "message-square-plus";
    case Icon::Moon:
        return "moon";
    case Icon::PanelLeft:
        return "panel-left";
    case Icon::Paperclip:
        return "paperclip";
    case Icon::Pencil:
        return "pencil";
    case Icon::Pin:
        return "pin";
    case Icon::PinOff:
        return "pin-off";
    case Icon::Plug:
        return "plug";
    case Icon::Plus:
        return "plus";
    case Icon::RefreshCw:
        return "refresh-cw";
    case Icon::RotateCcw:
        return "rotate-ccw";
    case Icon::Scissors:
        return "scissors";
    case Icon::Search:
        return "search";
    case Icon::Server:
        return "server";
    case Icon::Settings:
        return "settings";
    case Icon::SlidersHorizontal:
        return "sliders-horizontal";
    case Icon::Sparkles:
        return "sparkles";
    case Icon::Square:
        return "square";
    case Icon::Sun:
        return "sun";
    case Icon::Tag:
        return "tag";
    case Icon::ThumbsDown:
        return "thumbs-down";
    case Icon::ThumbsUp:
        return "thumbs-up";
    case Icon::Trash:
        return "trash-2";
    case Icon::TriangleAlert:
        return "triangle-alert";
    case Icon::Undo:
        return "undo-2";
    case Icon::Upload:
        return "upload";
    case Icon::User:
        return "user";
    case Icon::X:
        return "x";
    case Icon::Zap:
        return "zap";
    }
    return "circle-help";
}

const QByteArray& svgOf(Icon which) {
    static QHash<int, QByteArray> loaded;
    auto it = loaded.find(int(which));
    if (it == loaded.end()) {
        QFile file(iconPath(which));
        it = loaded.insert(int(which), file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray());
    }
    return *it;
}

QColor colourOf(Tone tone, QIcon::Mode mode) {
    const Colours& c = tokens();
    if (mode == QIcon::Selected) {
        return c.onAccent;
    }
    QColor colour;
    switch (tone) {
    case Tone::Text:
        colour = c.text;
        break;
    case Tone::Muted:
        colour = c.mutedText;
        break;
    case Tone::Accent:
        colour = c.accentText;
        break;
    case Tone::OnAccent:
        colour = c.onAccent;
        break;
    case Tone::Success:
        colour = c.success;
        break;
    case Tone::Warning:
        colour = c.warning;
        break;
    case Tone::Danger:
        colour = c.danger;
        break;
    }
    if (mode == QIcon::Disabled) {
        colour = c.mutedText;
        colour.setAlphaF(0.55F);
    }
    return colour;
}

// Draws the SVG with "currentColor" replaced by the tone's colour of the current theme.
class SvgIconEngine final : public QIconEngine {
public:
    SvgIconEngine(Icon which, Tone tone)
        : m_icon(which)
        , m_tone(tone) {}

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State) override {
        QSvgRenderer renderer(coloured(mode));
        painter->save();
        painter->setOpacity(painter->opacity() * colourOf(m_tone, mode).alphaF());
        renderer.render(painter, QRectF(rect));
        painter->restore();
    }

    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override {
        return scaledPixmap(size, mode, state, 1.0);
    }

    // QIcon asks with the size in device pixels already (the logical size times the scale).
    QPixmap scaledPixmap(const QSize& size, QIcon::Mode mode, QIcon::State, qreal scale) override {
        const QColor colour = colourOf(m_tone, mode);
        const QSize pixels = size;
        const QString key = QStringLiteral("tessera-icon:%1:%2x%3:%4")
                                .arg(QLatin1StringView(fileName(m_icon)))
                                .arg(pixels.width())
                                .arg(pixels.height())
                                .arg(colour.rgba(), 0, 16);
        QPixmap pixmap;
        if (!QPixmapCache::find(key, &pixmap)) {
            pixmap = QPixmap(pixels);
            pixmap.fill(Qt::transparent);
            QPainter painter(&pixmap);
            painter.setOpacity(colour.alphaF());
            QSvgRenderer renderer(coloured(mode));
            renderer.render(&painter, QRectF(QPointF(0, 0), QSizeF(pixels)));
            painter.end();
            QPixmapCache::insert(key, pixmap);
        }
        pixmap.setDevicePixelRatio(scale);
        return pixmap;
    }

    QSize actualSize(const QSize& size, QIcon::Mode, QIcon::State) override { return size; }
    QIconEngine* clone() const override { return new SvgIconEngine(m_icon, m_tone); }
    QString key() const override { return QStringLiteral("tessera-svg"); }
    QString iconName() override { return QString::fromLatin1(fileName(m_icon)); }

private:
    QByteArray coloured(QIcon::Mode mode) const {
        QByteArray svg = svgOf(m_icon);
        svg.replace("currentColor", colourOf(m_tone, mode).name(QColor::HexRgb).toLatin1());
        return svg;
    }

    Icon m_icon;
    Tone m_tone;
};

} // namespace

QIcon icon(Icon which, Tone tone) {
    return QIcon(new SvgIconEngine(which, tone));
}

QString iconPath(Icon which) {
    return QStringLiteral(":/icons/lucide/%1.svg").arg(QLatin1StringView(fileName(which)));
}

QList<Icon> allIcons() {
    QList<Icon> icons;
    for (int i = int(Icon::Activity); i <= int(Icon::Zap); ++i) {
        icons.append(Icon(i));
    }
    return icons;
}

} // namespace Tessera::Ui::Style
