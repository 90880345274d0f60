// Fine-tuning data on both engines: each conversation's shown branch as an OpenAI chat example with its system
// prompt; failed answers left out with their question; answers rated down kept as context with weight 0; the
// filters (rating, tag, model, template, date); the guide's checks and token counts; the default epochs.
#include "prompts/FineTuning.h"

#include "storage/ConversationRepository.h"
#include "storage/MessageRepository.h"
#include "storage/TagRepository.h"
#include "tokenizer/TokenCounter.h"

#include "support/CoreFixture.h"
#include "support/QtPrinters.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Tessera::Core;
using Tessera::Testing::CoreFixture;

namespace {

class FineTuningTest : public ::testing::Test {
protected:
    // A conversation of question and answer pairs; answers get the model given and, when rating is set, a rating.
    struct Turn {
        QString question;
        QString answer;
        MessageState state = MessageState::Complete;
        std::optional<bool> rating;
        QStringList feedbackTags;
        QString templateName;
    };
    static Turn turn(const QString& question, const QString& answer, MessageState state = MessageState::Complete,
                     std::optional<bool> rating = {}, const QStringList& tags = {}, const QString& templateName = {}) {
        return Turn{question, answer, state, rating, tags, templateName};
    }
    qint64 conversation(const std::vector<Turn>& turns, const QString& system = {},
                        const QString& model = QStringLiteral("gpt-test")) {
        auto created = core.conversations->create(QStringLiteral("c"), std::nullopt, model, system, 1);
        EXPECT_TRUE(created);
        std::optional<qint64> parent;
        for (const Turn& turn : turns) {
            Message q;
            q.conversationId = created->id;
            q.parentId = parent;
            q.role = Role::User;
            q.content = turn.question;
            if (!turn.templateName.isEmpty()) {
                q.templateUse = TemplateUse{1, turn.templateName, 2, {}};
            }
            auto asked = core.messages->add(q);
            EXPECT_TRUE(asked);
            Message a;
            a.conversationId = created->id;
            a.parentId = asked->id;
            a.role = Role::Assistant;
            a.content = turn.answer;
            a.state = turn.state;
            a.model = model;
            auto answered = core.messages->add(a);
            EXPECT_TRUE(answered);
            if (turn.rating) {
                Feedback f;
                f.messageId = answered->id;
                f.positive = *turn.rating;
                f.tags = turn.feedbackTags;
                EXPECT_TRUE(core.messages->saveFeedback(f, 1));
            }
            parent = answered->id;
        }
        return created->id;
    }

    std::vector<QJsonArray> examples(const FineTuneSummary& summary) {
        std::vector<QJsonArray> out;
        for (const QByteArray& line : summary.jsonl.split('\n')) {
            if (!line.isEmpty()) {
                out.push_back(QJsonDocument::fromJson(line).object().value(QLatin1StringView("messages")).toArray());
            }
        }
        return out;
    }

    CoreFixture core;
    FineTuningService service{*core.conversations, *core.messages, *core.audit};
    const Actor owner = Actor::owner(ClientKind::Test);
};

} // namespace

TEST_F(FineTuningTest, TheBranchShownBecomesAChatExampleCheckedAsTheGuideChecksIt) {
    conversation({turn(QStringLiteral("What is 2+2?"), QStringLiteral("4"), MessageState::Complete, true),
                  turn(QStringLiteral("And 3+3?"), QString(), MessageState::Failed),
                  turn(QStringLiteral("And 5+5?"), QStringLiteral("11"), MessageState::Complete, false),
                  turn(QStringLiteral("Sure?"), QStringLiteral("10, sorry"))},
                 QStringLiteral("You do sums."));
    auto summary = service.build(owner, {});
    ASSERT_TRUE(summary) << summary.error().toLogString().toStdString();
    ASSERT_EQ(summary->examples, 1);
    const QJsonArray messages = examples(*summary).front();
    ASSERT_EQ(messages.size(), 7) << "system, then three finished turns; the failed one went with its question";
    EXPECT_EQ(messages[0].toObject().value(QLatin1StringView("role")).toString(), QStringLiteral("system"));
    EXPECT_EQ(messages[3].toObject().value(QLatin1StringView("content")).toString(), QStringLiteral("And 5+5?"));
    EXPECT_EQ(messages[4].toObject().value(QLatin1StringView("weight")).toInt(-1), 0) << "rated down: context only";
    EXPECT_FALSE(messages[2].toObject().contains(QLatin1StringView("weight")));
    EXPECT_EQ(messages[6].toObject().value(QLatin1StringView("role")).toString(), QStringLiteral("assistant"));
    EXPECT_EQ(summary->downWeighted, 1);
    EXPECT_TRUE(checkFineTuneJsonl(summary->jsonl, Encoding::O200kBase, 65'536).isEmpty());

    // The tokens as the guide counts them: 3 a message plus its role and content, and 3 to prime the reply.
    std::vector<std::pair<QString, QString>> counted;
    for (const QJsonValue& m : messages) {
        counted.emplace_back(m.toObject().value(QLatin1StringView("role")).toString(),
                             m.toObject().value(QLatin1StringView("content")).toString());
    }
    qint64 expected = 3;
    for (const auto& [role, content] : counted) {
        expected +=
            3 + countTokens(role, Encoding::O200kBase).tokens + countTokens(content, Encoding::O200kBase).tokens;
    }
    EXPECT_EQ(summary->tokens, expected);
    EXPECT_EQ(summary->minTokens, expected);
    EXPECT_EQ(summary->epochs, 25) << "one example: 100 / 1, at most 25";
    EXPECT_EQ(summary->trainingTokens, expected * 25);
}

TEST_F(FineTuningTest, FiltersChooseTheConversationsAndOversizedOrEmptyOnesAreLeftOutWithAReason) {
    const qint64 liked = conversation({turn(QStringLiteral("q1"), QStringLiteral("a1"), MessageState::Complete, true,
                                            {QStringLiteral("great")}, QStringLiteral("Summary"))});
    const qint64 other = conversation({turn(QStringLiteral("q2"), QStringLiteral("a2"))}, {}, QStringLiteral("claude"));
    ASSERT_TRUE(TagRepository(*core.db).setTags(other, {QStringLiteral("keep")}));
    const qint64 failed = conversation({turn(QStringLiteral("q3"), QString(), MessageState::Failed)});
    const qint64 huge = conversation({turn(QStringLiteral("long"), QStringLiteral("word ").repeated(3000))});

    FineTuneFilter up;
    up.rating = true;
    EXPECT_EQ(service.build(owner, up)->examples, 1);
    FineTuneFilter tag;
    tag.tag = QStringLiteral("great");
    EXPECT_EQ(service.build(owner, tag)->examples, 1) << "a feedback tag";
    tag.tag = QStringLiteral("KEEP");
    EXPECT_EQ(service.build(owner, tag)->examples, 1) << "a conversation tag, any case";
    FineTuneFilter model;
    model.model = QStringLiteral("claude");
    EXPECT_EQ(service.build(owner, model)->examples, 1);
    FineTuneFilter fromTemplate;
    fromTemplate.templateName = QStringLiteral("summary");
    auto templated = service.build(owner, fromTemplate);
    ASSERT_TRUE(templated);
    ASSERT_EQ(templated->examples, 1);
    EXPECT_TRUE(templated->jsonl.contains("q1"));
    FineTuneFilter later;
    later.since = core.clock.nowUtc().date().addDays(1);
    EXPECT_EQ(service.build(owner, later)->considered, 0);

    FineTuneFilter small;
    small.maxTokensPerExample = 500;
    auto all = service.build(owner, small);
    ASSERT_TRUE(all);
    EXPECT_EQ(all->examples, 2);
    ASSERT_EQ(all->skipped.size(), 2u);
    EXPECT_EQ(all->skipped[0].conversationId + all->skipped[1].conversationId, failed + huge);
    bool over = false;
    for (const FineTuneSkip& skip : all->skipped) {
        over = over || (skip.conversationId == huge && skip.reason.contains(QStringLiteral("over the limit of 500")));
    }
    EXPECT_TRUE(over);
    Q_UNUSED(liked);

    // Written whole, and recorded.
    QTemporaryDir dir;
    auto written = service.write(owner, {}, dir.filePath(QStringLiteral("train.jsonl")));
    ASSERT_TRUE(written) << written.error().toLogString().toStdString();
    EXPECT_EQ(written->examples, 3);
    EXPECT_EQ(service.write(owner, {}, QStringLiteral("/no/such/folder/train.jsonl")).error().code,
              ErrorCode::ExportFailed);
}

TEST(FineTuningCheckTest, TheGuidesChecksFindEveryProblemWithItsLine) {
    const QByteArray bad = R"({"messages": [{"role": "user", "content": "hi"}]}
not json
{"messages": []}
{"messages": [{"role": "tool", "content": "x"}, {"role": "assistant", "content": ""}]}
{"messages": [{"role": "user", "content": "q", "colour": 1}, {"role": "assistant", "content": "a", "weight": 2}]}
{"messages": [{"role": "assistant", "content": "a"}, {"role": "user", "content": "q"}]}
)";
    const QStringList problems = checkFineTuneJsonl(bad, Encoding::O200kBase, 65'536);
    const QString all = problems.join(QLatin1Char('\n'));
    EXPECT_TRUE(all.contains(QStringLiteral("line 1: has no answer"))) << all.toStdString();
    EXPECT_TRUE(all.contains(QStringLiteral("line 2: not a JSON object")));
    EXPECT_TRUE(all.contains(QStringLiteral("line 3: no messages list")));
    EXPECT_TRUE(all.contains(QStringLiteral("line 4: message 1 has an unknown role \"tool\"")));
    EXPECT_TRUE(all.contains(QStringLiteral("line 4: message 2 has no content")));
    EXPECT_TRUE(all.contains(QStringLiteral("line 5: message 1 has an unknown key colour")));
    EXPECT_TRUE(all.contains(QStringLiteral("line 5: message 2 has a weight")));
    EXPECT_TRUE(all.contains(QStringLiteral("line 6: does not end with an answer")));
    EXPECT_TRUE(
        checkFineTuneJsonl(R"({"messages": [{"role": "user", "content": "q"}, {"role": "assistant", "content": "a"}]})",
                           Encoding::O200kBase, 65'536)
            .isEmpty());
    EXPECT_FALSE(
        checkFineTuneJsonl(R"({"messages": [{"role": "user", "content": "q"}, {"role": "assistant", "content": "a"}]})",
                           Encoding::O200kBase, 5)
            .isEmpty())
        << "over the limit";
}

TEST(FineTuningCheckTest, TheDefaultEpochsFollowTheGuide) {
    EXPECT_EQ(fineTuneEpochs(0), 0);
    EXPECT_EQ(fineTuneEpochs(1), 25);
    EXPECT_EQ(fineTuneEpochs(10), 10);
    EXPECT_EQ(fineTuneEpochs(34), 3);
    EXPECT_EQ(fineTuneEpochs(33), 3) << "99 seen: 100 / 33 = 3";
    EXPECT_EQ(fineTuneEpochs(20), 5);
    EXPECT_EQ(fineTuneEpochs(8'333), 3);
    EXPECT_EQ(fineTuneEpochs(10'000), 2);
    EXPECT_EQ(fineTuneEpochs(30'000), 1);
}
