#include "providers/sse/SseParser.h"

namespace Tessera::Core {

SseParser::SseParser(qsizetype maxEventBytes)
    : m_maxEventBytes(maxEventBytes) {
}

bool SseParser::hasPartialEvent() const {
    return !m_line.isEmpty() || m_pendingFields;
}

std::vector<SseEvent> SseParser::feed(QByteArrayView chunk) {
    std::vector<SseEvent> out;
    if (m_overflow) {
        return out;
    }
    qsizetype pos = 0;
    // A UTF-8 byte order mark may begin the stream, possibly split across chunks; it is not part of the data.
    static constexpr char bom[] = "\xEF\xBB\xBF";
    while (m_atStart && pos < chunk.size()) {
        if (chunk[pos] == bom[m_bomMatched]) {
            ++pos;
            if (++m_bomMatched == 3) {
                m_atStart = false;
            }
        } else {
            m_line.append(QByteArrayView(bom, m_bomMatched)); // the bytes were data after all
            m_atStart = false;
        }
    }
    while (pos < chunk.size()) {
        if (m_skipLeadingLf) {
            m_skipLeadingLf = false;
            if (chunk[pos] == '\n') {
                ++pos;
                continue;
            }
        }
        qsizetype end = pos;
        while (end < chunk.size() && chunk[end] != '\n' && chunk[end] != '\r') {
            ++end;
        }
        if (end == chunk.size()) {
            m_line.append(chunk.sliced(pos));
            if (m_line.size() > m_maxEventBytes) {
                m_overflow = true;
            }
            break;
        }
        if (m_line.isEmpty()) {
            processLine(chunk.sliced(pos, end - pos), out);
        } else {
            m_line.append(chunk.sliced(pos, end - pos));
            processLine(m_line, out);
            m_line.clear();
        }
        if (m_overflow) {
            break;
        }
        if (chunk[end] == '\r') {
            m_skipLeadingLf = true;
        }
        pos = end + 1;
    }
    return out;
}

void SseParser::processLine(QByteArrayView line, std::vector<SseEvent>& out) {
    if (line.isEmpty()) {
        if (m_hasData) {
            out.push_back(std::move(m_current));
        }
        m_current = {};
        m_hasData = false;
        m_pendingFields = false;
        return;
    }
    if (line.front() == ':') {
        return; // comment / keep-alive
    }
    m_pendingFields = true;
    QByteArrayView field = line;
    QByteArrayView value;
    if (const qsizetype colon = line.indexOf(':'); colon >= 0) {
        field = line.first(colon);
        value = line.sliced(colon + 1);
        if (value.startsWith(' ')) {
            value = value.sliced(1);
        }
    }
    if (field == "data") {
        if (m_hasData) {
            m_current.data.append('\n');
        }
        m_current.data.append(value);
        m_hasData = true;
        if (m_current.data.size() > m_maxEventBytes) {
            m_overflow = true;
        }
    } else if (field == "event") {
        m_current.event = value.toByteArray();
    } else if (field == "id") {
        if (!value.contains('\0')) {
            m_current.id = value.toByteArray();
        }
    }
    // "retry" and unknown fields are ignored.
}

} // namespace Tessera::Core
