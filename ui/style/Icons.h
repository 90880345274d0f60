#pragma once

#include <QIcon>
#include <QString>

namespace Tessera::Ui::Style {

// The one icon set: Lucide (ISC licence, resources/icons/lucide, copied by scripts/update-icons.sh). Icons are
// drawn from their SVG at the size and scale asked, so they stay sharp on high-DPI screens, in the colour of the
// current theme (Theme.h): a disabled icon is muted, one on a selected row takes the selection's text colour.
enum class Icon {
    Activity,
    Archive,
    ArchiveRestore,
    ArrowDown,
    ArrowUp,
    Bot,
    Check,
    ChevronDown,
    ChevronLeft,
    ChevronRight,
    CircleAlert,
    CircleCheck,
    CircleHelp,
    CircleX,
    Columns,
    Copy,
    Cpu,
    Database,
    Download,
    Ellipsis,
    ExternalLink,
    Eye,
    EyeOff,
    File,
    FileText,
    Filter,
    FolderOpen,
    Globe,
    Image,
    Info,
    KeyRound,
    Keyboard,
    ListFilter,
    MessageSquare,
    MessageSquarePlus,
    Moon,
    PanelLeft,
    Paperclip,
    Pencil,
    Pin,
    PinOff,
    Plug,
    Plus,
    RefreshCw,
    RotateCcw,
    Scissors,
    Search,
    Server,
    Settings,
    SlidersHorizontal,
    Sparkles,
    Square,
    Sun,
    Tag,
    ThumbsDown,
    ThumbsUp,
    Trash,
    TriangleAlert,
    Undo,
    Upload,
    User,
    X,
    Zap,
};

// Which token colours the icon: the text colour unless it says something (an error in danger, a good state in
// success, the send button's icon on the accent fill).
enum class Tone { Text, Muted, Accent, OnAccent, Success, Warning, Danger };

QIcon icon(Icon which, Tone tone = Tone::Text);

// The resource file of an icon (":/icons/lucide/copy.svg"); every Icon has one (tested).
QString iconPath(Icon which);
// Every icon, for the tests.
QList<Icon> allIcons();

} // namespace Tessera::Ui::Style
