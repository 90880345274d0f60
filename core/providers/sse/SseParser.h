#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <vector>

namespace Tessera::Core {

struct SseEvent {
    QByteArray event; // empty means the default "message" type
    QByteArray data;  // data lines joined with '\n'
    QByteArray id;
};

// Incremental Server-Sent Events decoder following the WHATWG rules: lines end in CR, LF or CRLF (a CRLF may be
// split across chunks), a blank line dispatches, ':' lines are comments, one leading space after ':' is dropped,
// data lines are joined with '\n', unknown fields are ignored. The result is the same for any chunking of the input.
// Lines and events are bounded; past the bound the parser stops and reports overflow().
class SseParser final {
public:
    static constexpr qsizetype defaultMaxEventBytes = qsizetype(8) * 1024 * 1024;

    explicit SseParser(qsizetype maxEventBytes = defaultMaxEventBytes);

    // Appends bytes and returns the events they completed.
    std::vector<SseEvent> feed(QByteArrayView chunk);
    // True when a line or event exceeded the bound; the parser ignores further input.
    bool overflow() const { return m_overflow; }
    // True when input after the last dispatched event is pending (a cut-off event at end of stream).
    bool hasPartialEvent() const;

private:
    void processLine(QByteArrayView line, std::vector<SseEvent>& out);

    qsizetype m_maxEventBytes;
    QByteArray m_line;
    SseEvent m_current;
    bool m_hasData = false;
    bool m_pendingFields = false;
    bool m_skipLeadingLf = false;
    bool m_atStart = true;
    int m_bomMatched = 0;
    bool m_overflow = false;
};

} // namespace Tessera::Core
