#pragma once

#include "chat/Attachments.h"
#include "chat/Message.h"

#include <QWidget>

#include <vector>

class QHBoxLayout;
class QLabel;

namespace Tessera::Ui {

// What waits to be sent with the next message: a thumbnail of each image and a chip for each text file, each a
// button that removes it (also reachable with the keyboard). Hidden while empty.
class AttachmentStrip final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttachmentStrip)

public:
    explicit AttachmentStrip(QWidget* parent = nullptr);

    const std::vector<Core::ImageAttachment>& images() const { return m_images; }
    const std::vector<Core::TextAttachment>& files() const { return m_files; }
    void add(const Core::ImageAttachment& image);
    void addFile(const Core::TextAttachment& file);
    void removeAt(std::size_t index);
    void removeFileAt(std::size_t index);
    void clear();

Q_SIGNALS:
    void changed();

private:
    void rebuild();

    std::vector<Core::ImageAttachment> m_images;
    std::vector<Core::TextAttachment> m_files;
    QHBoxLayout* m_row;
    QLabel* m_summary;
};

} // namespace Tessera::Ui
