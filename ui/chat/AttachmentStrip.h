#pragma once

#include "chat/Message.h"

#include <QWidget>

#include <vector>

class QHBoxLayout;
class QLabel;

namespace Tessera::Ui {

// The images waiting to be sent with the next message: a thumbnail of each with a button that removes it
// (also reachable with the keyboard). Hidden while empty.
class AttachmentStrip final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttachmentStrip)

public:
    explicit AttachmentStrip(QWidget* parent = nullptr);

    const std::vector<Core::ImageAttachment>& images() const { return m_images; }
    void add(const Core::ImageAttachment& image);
    void removeAt(std::size_t index);
    void clear();

Q_SIGNALS:
    void changed();

private:
    void rebuild();

    std::vector<Core::ImageAttachment> m_images;
    QHBoxLayout* m_row;
    QLabel* m_summary;
};

} // namespace Tessera::Ui
