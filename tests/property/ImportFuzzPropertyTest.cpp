// Fuzz-style import: any damage to a valid export (cut short, bytes changed, pieces repeated) is either read
// correctly or refused with import.invalid; what is read imports into a store that stays intact.
#include "exchange/ConversationExchange.h"
#include "exchange/ConversationFormats.h"
#include "support/CoreFixture.h"

// clang-format off
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h> // needs GoogleTest declared first
// clang-format on

using namespace Tessera::Core;

namespace {

const QByteArray kValid = R"({"format": "tessera-conversations", "version": 1, "conversations": [
  {"title": "t", "model": "m", "current_leaf": 3, "created_at": "2026-01-02T03:04:05.000Z", "messages": [
    {"key": 1, "parent": null, "role": "user", "content": "question", "created_at": "2026-01-02T03:04:05.000Z"},
    {"key": 2, "parent": 1, "role": "assistant", "content": "first answer", "state": "complete",
     "usage": {"input_tokens": 3, "output_tokens": 4}},
    {"key": 3, "parent": 1, "role": "assistant", "content": "second answer", "state": "incomplete"}]}]})";

const QByteArray kChatGpt = R"([{"title": "c", "create_time": 1700000000, "current_node": "b", "mapping": {
  "r": {"parent": null, "message": null},
  "a": {"parent": "r", "message": {"author": {"role": "user"}, "content": {"parts": ["hi"]}}},
  "b": {"parent": "a", "message": {"author": {"role": "assistant"}, "content": {"parts": ["hello"]}}}}}])";

} // namespace

RC_GTEST_PROP(ImportFuzzProperty, DamagedFilesAreReadOrRefusedNeverHalfImported, ()) {
    static Tessera::Testing::CoreFixture core;
    QByteArray bytes = *rc::gen::element(kValid, kChatGpt);
    const int edits = *rc::gen::inRange(1, 6);
    for (int i = 0; i < edits; ++i) {
        const int at = *rc::gen::inRange(0, int(bytes.size()));
        switch (*rc::gen::inRange(0, 4)) {
        case 0: // cut short
            bytes.truncate(at);
            break;
        case 1: // a byte changed
            if (at < bytes.size()) {
                bytes[at] = char(*rc::gen::inRange(0, 256));
            }
            break;
        case 2: // a piece repeated
            bytes.insert(at, bytes.mid(at, *rc::gen::inRange(1, 40)));
            break;
        default: // a piece removed
            bytes.remove(at, *rc::gen::inRange(1, 20));
            break;
        }
    }
    const auto before = core.conversations->list()->size();
    QString format;
    auto read = readExport(bytes, &format);
    if (!read) {
        RC_ASSERT(read.error().code == ErrorCode::ImportInvalid);
        RC_ASSERT(!read.error().subject.isEmpty());
        return;
    }
    const ConversationExchange exchange(*core.db, *core.conversations, *core.messages, *core.providers, core.clock);
    auto report = exchange.import(core.actor, *read, format);
    RC_ASSERT(report.has_value());
    RC_ASSERT(core.conversations->list()->size() == before + read->size());
    RC_ASSERT(*core.db->integrityCheck() == QStringLiteral("ok"));
}
