#include "providers/sse/SseParser.h"

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using Tessera::Core::SseEvent;
using Tessera::Core::SseParser;

namespace {

struct Flat {
    std::string event, data, id;
    bool operator==(const Flat&) const = default;
};

std::vector<Flat> flatten(const std::vector<SseEvent>& events) {
    std::vector<Flat> out;
    for (const auto& e : events) {
        out.push_back({e.event.toStdString(), e.data.toStdString(), e.id.toStdString()});
    }
    return out;
}

std::vector<Flat> parseInPieces(const QByteArray& input, const std::vector<qsizetype>& cuts) {
    SseParser parser;
    std::vector<SseEvent> all;
    qsizetype start = 0;
    for (qsizetype cut : cuts) {
        auto events = parser.feed(QByteArrayView(input).sliced(start, cut - start));
        all.insert(all.end(), events.begin(), events.end());
        start = cut;
    }
    auto events = parser.feed(QByteArrayView(input).sliced(start));
    all.insert(all.end(), events.begin(), events.end());
    return flatten(all);
}

// Recorded from the OpenAI Chat Completions stream format (LF line endings), with a keep-alive comment.
const QByteArray kOpenAiStream =
    ": keep-alive\n\n"
    "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"role\":"
    "\"assistant\",\"content\":\"\"},\"finish_reason\":null}],\"usage\":null}\n\n"
    "data: "
    "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":"
    "\"Gr\xC3\xBC\xC3\x9F"
    "e \xF0\x9F\x91\x8B\"},\"finish_reason\":null}],\"usage\":null}\n\n"
    "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{},"
    "\"finish_reason\":\"stop\"}],\"usage\":null}\n\n"
    "data: {\"id\":\"chatcmpl-1\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":3}}\n\n"
    "data: [DONE]\n\n";

// Anthropic-style named events with CRLF endings, a multi-line data field, an id and a retry field.
const QByteArray kNamedCrlfStream = "event: message_start\r\n"
                                    "data: {\"type\":\"message_start\"}\r\n"
                                    "\r\n"
                                    "event: ping\r\n"
                                    "data: {\"type\": \"ping\"}\r\n"
                                    "\r\n"
                                    "id: 42\r\n"
                                    "retry: 1000\r\n"
                                    "data: line one\r\n"
                                    "data:line two\r\n"
                                    "data:  indented\r\n"
                                    "\r\n"
                                    "event: message_stop\r\n"
                                    "data: {}\r\n"
                                    "\r\n";

std::vector<Flat> expectedOpenAi() {
    SseParser parser;
    return flatten(parser.feed(kOpenAiStream));
}

} // namespace

TEST(SseParser, ParsesOpenAiStreamEvents) {
    const auto events = expectedOpenAi();
    ASSERT_EQ(events.size(), 5u);
    EXPECT_NE(events[1].data.find("Gr\xC3\xBC\xC3\x9F"
                                  "e"),
              std::string::npos);
    EXPECT_NE(events[1].data.find("\xF0\x9F\x91\x8B"), std::string::npos);
    EXPECT_EQ(events[4].data, "[DONE]");
}

TEST(SseParser, ParsesNamedEventsMultiLineDataAndCrlf) {
    SseParser parser;
    const auto events = flatten(parser.feed(kNamedCrlfStream));
    ASSERT_EQ(events.size(), 4u);
    EXPECT_EQ(events[0].event, "message_start");
    EXPECT_EQ(events[1].event, "ping");
    EXPECT_EQ(events[2].data, "line one\nline two\n indented");
    EXPECT_EQ(events[2].id, "42");
    EXPECT_EQ(events[3].event, "message_stop");
}

TEST(SseParser, EverySplitIntoTwoPiecesGivesTheSameEvents) {
    for (const QByteArray& stream : {kOpenAiStream, kNamedCrlfStream}) {
        SseParser whole;
        const auto expected = flatten(whole.feed(stream));
        for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
            ASSERT_EQ(parseInPieces(stream, {cut}), expected) << "cut at " << cut;
        }
    }
}

TEST(SseParser, EverySplitIntoThreePiecesGivesTheSameEvents) {
    const QByteArray& stream = kNamedCrlfStream;
    SseParser whole;
    const auto expected = flatten(whole.feed(stream));
    for (qsizetype a = 0; a <= stream.size(); ++a) {
        for (qsizetype b = a; b <= stream.size(); ++b) {
            ASSERT_EQ(parseInPieces(stream, {a, b}), expected) << "cuts at " << a << ", " << b;
        }
    }
}

TEST(SseParser, ByteByByteGivesTheSameEvents) {
    std::vector<qsizetype> cuts;
    for (qsizetype i = 1; i < kOpenAiStream.size(); ++i) {
        cuts.push_back(i);
    }
    EXPECT_EQ(parseInPieces(kOpenAiStream, cuts), expectedOpenAi());
}

TEST(SseParser, CrOnlyLineEndingsAndCrlfSplitAcrossChunks) {
    SseParser parser;
    auto first = parser.feed("data: a\r");
    EXPECT_TRUE(first.empty());
    auto second = parser.feed("\n\r\n");
    ASSERT_EQ(second.size(), 1u);
    EXPECT_EQ(second[0].data, "a");

    SseParser crOnly;
    const auto events = flatten(crOnly.feed("data: x\r\rdata: y\r\r"));
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[1].data, "y");
}

TEST(SseParser, ByteOrderMarkIsDroppedEvenWhenSplit) {
    SseParser parser;
    EXPECT_TRUE(parser.feed("\xEF").empty());
    EXPECT_TRUE(parser.feed("\xBB").empty());
    const auto events = flatten(parser.feed("\xBF"
                                            "data: hi\n\n"));
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].data, "hi");
}

TEST(SseParser, EventWithoutDataIsNotDispatchedAndCutOffEventIsPending) {
    SseParser parser;
    EXPECT_TRUE(parser.feed("event: ping\n\n").empty());
    EXPECT_FALSE(parser.hasPartialEvent());
    EXPECT_TRUE(parser.feed("data: {\"partial\":").empty());
    EXPECT_TRUE(parser.hasPartialEvent());
}

TEST(SseParser, FieldWithoutColonAndUnknownFieldsAreIgnored) {
    SseParser parser;
    const auto events = flatten(parser.feed("data\nfoo: bar\ndata: x\n\n"));
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].data, "\nx"); // a bare "data" line contributes an empty line
}

TEST(SseParser, OverlongLineReportsOverflowAndStops) {
    SseParser parser(64);
    EXPECT_TRUE(parser.feed(QByteArray("data: ").append(QByteArray(100, 'x'))).empty());
    EXPECT_TRUE(parser.overflow());
    EXPECT_TRUE(parser.feed("\n\n").empty());
}
