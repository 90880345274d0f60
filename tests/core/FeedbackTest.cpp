// Feedback on answers, on both engines: rated up or down with tags from the administrators' list and a comment,
// changed and cleared; only the owner of a conversation rates its answers (another's answer reads as missing); the
// tag list is edited with roles.manage and audited; quality statistics per model and provider against known values.
#include "prompts/Feedback.h"

#include "storage/AccountRepository.h"
#include "storage/ConversationRepository.h"
#include "storage/MessageRepository.h"

#include "support/CoreFixture.h"
#include "support/QtPrinters.h"

#include <gtest/gtest.h>

using namespace Tessera::Core;
using Tessera::Testing::CoreFixture;

namespace {

class FeedbackTest : public ::testing::Test {
protected:
    void SetUp() override {
        AccountRepository accounts(*core.db, core.clock);
        auto a = accounts.add(QStringLiteral("ada"), {}, qint64(BuiltInRole::Member));
        ASSERT_TRUE(a);
        ada = Actor::withRole(a->id, QStringLiteral("ada"), BuiltInRole::Member, ClientKind::Test);
        feedback = std::make_unique<FeedbackService>(*core.db, core.clock, *core.audit);
    }

    // A question (sent from a template version when `use` is set) and its answer by a model in a conversation of
    // `ownerId`; returns the answer's id.
    qint64 answer(const QString& provider, const QString& model, qint64 ownerId = 1,
                  std::optional<TemplateUse> use = {}) {
        auto conversation = core.conversations->create(QStringLiteral("c"), std::nullopt, model, {}, ownerId);
        EXPECT_TRUE(conversation);
        Message question;
        question.conversationId = conversation->id;
        question.role = Role::User;
        question.content = QStringLiteral("q");
        question.templateUse = use;
        auto asked = core.messages->add(question);
        EXPECT_TRUE(asked);
        lastQuestion = asked->id;
        Message reply;
        reply.conversationId = conversation->id;
        reply.parentId = asked->id;
        reply.role = Role::Assistant;
        reply.content = QStringLiteral("a");
        reply.providerName = provider;
        reply.model = model;
        auto answered = core.messages->add(reply);
        EXPECT_TRUE(answered);
        return answered->id;
    }

    CoreFixture core;
    std::unique_ptr<FeedbackService> feedback;
    const Actor owner = Actor::owner(ClientKind::Test);
    Actor ada;
    qint64 lastQuestion = 0;
};

} // namespace

TEST_F(FeedbackTest, AnAnswerIsRatedChangedAndClearedByItsOwnerOnly) {
    const qint64 id = answer(QStringLiteral("openai"), QStringLiteral("gpt-5.4"));
    auto rated = feedback->set(owner, id, false, {QStringLiteral("Too long"), QStringLiteral("unhelpful")},
                               QStringLiteral("  rambles  "));
    ASSERT_TRUE(rated) << rated.error().toLogString().toStdString();
    EXPECT_FALSE(rated->positive);
    EXPECT_EQ(rated->tags, (QStringList{QStringLiteral("too long"), QStringLiteral("unhelpful")}));
    EXPECT_EQ(rated->comment, QStringLiteral("rambles"));
    // Changed: one rating per answer.
    auto changed = feedback->set(owner, id, true, {QStringLiteral("great")}, {});
    ASSERT_TRUE(changed);
    EXPECT_TRUE(changed->positive);
    EXPECT_EQ(changed->createdAt, rated->createdAt);
    auto read = feedback->get(owner, id);
    ASSERT_TRUE(read && *read);
    EXPECT_EQ((*read)->tags, QStringList{QStringLiteral("great")});
    auto count = core.db->exec(QStringLiteral("SELECT COUNT(*) FROM message_feedback"));
    ASSERT_TRUE(count && count->next());
    EXPECT_EQ(count->value(0).toInt(), 1);

    // Another person's answer reads as missing, for rating and reading.
    EXPECT_EQ(feedback->set(ada, id, true, {}, {}).error().code, ErrorCode::NotFound);
    auto hidden = feedback->get(ada, id);
    ASSERT_TRUE(hidden);
    EXPECT_FALSE(*hidden);
    EXPECT_EQ(feedback->set(owner, 99'999, true, {}, {}).error().code, ErrorCode::NotFound);
    // Questions are not rated; tags come from the list; comments are bounded.
    EXPECT_EQ(feedback->set(owner, lastQuestion, true, {}, {}).error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(feedback->set(owner, id, true, {QStringLiteral("brilliant")}, {}).error().code,
              ErrorCode::InvalidArgument);
    EXPECT_EQ(feedback->set(owner, id, true, {}, QString(FeedbackService::maxCommentLength + 1, QLatin1Char('x')))
                  .error()
                  .code,
              ErrorCode::InvalidArgument);

    EXPECT_EQ(feedback->clear(ada, id).error().code, ErrorCode::NotFound);
    ASSERT_TRUE(feedback->clear(owner, id));
    EXPECT_FALSE(*feedback->get(owner, id));
    EXPECT_EQ(feedback->clear(owner, id).error().code, ErrorCode::NotFound);
}

TEST_F(FeedbackTest, TheTagListIsEditedByAdministratorsAndAudited) {
    EXPECT_EQ(*feedback->tags(),
              (QStringList{QStringLiteral("inaccurate"), QStringLiteral("unhelpful"), QStringLiteral("too long"),
                           QStringLiteral("too short"), QStringLiteral("unsafe"), QStringLiteral("great")}));
    EXPECT_EQ(feedback->setTags(ada, {QStringLiteral("x")}).error().code, ErrorCode::AuthForbidden);
    ASSERT_TRUE(feedback->setTags(
        owner, {QStringLiteral(" Great "), QStringLiteral("off topic"), QStringLiteral("great"), QString()}));
    EXPECT_EQ(*feedback->tags(), (QStringList{QStringLiteral("great"), QStringLiteral("off topic")}));
    EXPECT_EQ(feedback->setTags(owner, {QStringLiteral("a,b")}).error().code, ErrorCode::InvalidArgument);
    auto audited =
        core.db->exec(QStringLiteral("SELECT outcome FROM audit_log WHERE action = 'feedback.tags' ORDER BY id"));
    QStringList outcomes;
    while (audited && audited->next()) {
        outcomes << audited->value(0).toString();
    }
    EXPECT_EQ(outcomes, (QStringList{QStringLiteral("denied"), QStringLiteral("success")}));
}

TEST_F(FeedbackTest, QualityStatisticsGiveThePositiveRateWithItsWilsonInterval) {
    // gpt-5.4: twelve answers, ten rated, eight of them up; claude: four answers, none rated; ada's own: one down.
    std::vector<qint64> gpt;
    for (int i = 0; i < 12; ++i) {
        gpt.push_back(answer(QStringLiteral("openai"), QStringLiteral("gpt-5.4")));
    }
    for (int i = 0; i < 4; ++i) {
        answer(QStringLiteral("anthropic"), QStringLiteral("claude-sonnet-4-5"));
    }
    for (int i = 0; i < 10; ++i) {
        const QStringList tags = i < 8 ? QStringList{QStringLiteral("great")} : QStringList{QStringLiteral("too long")};
        ASSERT_TRUE(feedback->set(owner, gpt[std::size_t(i)], i < 8,
                                  i == 0 ? QStringList{QStringLiteral("great"), QStringLiteral("too short")} : tags,
                                  {}));
    }
    const qint64 adas = answer(QStringLiteral("openai"), QStringLiteral("gpt-5.4"), ada.userId);
    ASSERT_TRUE(feedback->set(ada, adas, false, {}, {}));

    auto byModel = feedback->stats(owner, FeedbackGrouping::Model);
    ASSERT_TRUE(byModel) << byModel.error().toLogString().toStdString();
    ASSERT_EQ(byModel->size(), 2u);
    const FeedbackStats& g = byModel->front();
    EXPECT_EQ(g.key, QStringLiteral("gpt-5.4"));
    EXPECT_EQ(g.answers, 13) << "the owner sees everyone's (usage.view_all)";
    EXPECT_EQ(g.rated, 11);
    EXPECT_EQ(g.positive, 8);
    const FeedbackStats& c = byModel->back();
    EXPECT_EQ(c.answers, 4);
    EXPECT_EQ(c.rated, 0);
    EXPECT_FALSE(c.positiveRate);
    ASSERT_EQ(g.topTags.size(), 3u);
    EXPECT_EQ(g.topTags[0], (std::pair<QString, qint64>{QStringLiteral("great"), 8}));
    EXPECT_EQ(g.topTags[1], (std::pair<QString, qint64>{QStringLiteral("too long"), 2}));

    // A member's statistics are their own: 8 of 10 up is the worked example's [0.490, 0.943] for the owner's only.
    auto own = feedback->stats(ada, FeedbackGrouping::Provider);
    ASSERT_TRUE(own);
    ASSERT_EQ(own->size(), 1u);
    EXPECT_EQ(own->front().key, QStringLiteral("openai"));
    EXPECT_EQ(own->front().answers, 1);
    EXPECT_EQ(own->front().positive, 0);
    ASSERT_TRUE(feedback->clear(ada, adas));
    auto exact = feedback->stats(owner, FeedbackGrouping::Provider);
    ASSERT_TRUE(exact);
    const FeedbackStats& openai = exact->front();
    EXPECT_EQ(openai.key, QStringLiteral("openai"));
    EXPECT_EQ(openai.rated, 10);
    EXPECT_EQ(openai.positive, 8);
    EXPECT_DOUBLE_EQ(*openai.positiveRate, 0.8);
    EXPECT_NEAR(openai.interval.low, 0.490, 0.0005);
    EXPECT_NEAR(openai.interval.high, 0.943, 0.0005);
    EXPECT_NEAR(openai.ratedShare(), 10.0 / 13.0, 1e-12);

    auto records = feedback->records(ada);
    ASSERT_TRUE(records);
    EXPECT_TRUE(records->empty()) << "ada's rating was cleared; the owner's are not hers";
    auto all = feedback->records(owner);
    ASSERT_TRUE(all);
    ASSERT_EQ(all->size(), 10u);
    EXPECT_EQ(all->front().model, QStringLiteral("gpt-5.4"));
    EXPECT_EQ(all->front().rater, QStringLiteral("owner"));
}

TEST_F(FeedbackTest, StatisticsByTemplateCountAnswersToPromptsSentFromEachVersion) {
    const TemplateUse v1{7, QStringLiteral("Summary"), 1, {{QStringLiteral("text"), QStringLiteral("x")}}};
    TemplateUse v2 = v1;
    v2.version = 2;
    // Version 1: three answers, two up, one down (too long). Version 2: two answers, one up. A plain prompt: none.
    const qint64 a = answer(QStringLiteral("openai"), QStringLiteral("gpt-5.4"), 1, v1);
    const qint64 b = answer(QStringLiteral("openai"), QStringLiteral("gpt-5.4"), 1, v1);
    const qint64 c = answer(QStringLiteral("anthropic"), QStringLiteral("claude"), 1, v1);
    const qint64 d = answer(QStringLiteral("openai"), QStringLiteral("gpt-5.4"), 1, v2);
    answer(QStringLiteral("openai"), QStringLiteral("gpt-5.4"), 1, v2);
    const qint64 plain = answer(QStringLiteral("openai"), QStringLiteral("gpt-5.4"));
    ASSERT_TRUE(feedback->set(owner, a, true, {}, {}));
    ASSERT_TRUE(feedback->set(owner, b, true, {QStringLiteral("great")}, {}));
    ASSERT_TRUE(feedback->set(owner, c, false, {QStringLiteral("too long")}, {}));
    ASSERT_TRUE(feedback->set(owner, d, true, {}, {}));
    ASSERT_TRUE(feedback->set(owner, plain, false, {}, {}));

    auto stats = feedback->stats(owner, FeedbackGrouping::Template);
    ASSERT_TRUE(stats) << stats.error().toLogString().toStdString();
    ASSERT_EQ(stats->size(), 2u) << "the plain prompt's answer belongs to no template";
    EXPECT_EQ(stats->at(0).key, QStringLiteral("Summary"));
    EXPECT_EQ(stats->at(0).version, 1);
    EXPECT_EQ(stats->at(0).answers, 3);
    EXPECT_EQ(stats->at(0).rated, 3);
    EXPECT_EQ(stats->at(0).positive, 2);
    ASSERT_EQ(stats->at(0).topTags.size(), 2u);
    EXPECT_EQ(stats->at(1).version, 2);
    EXPECT_EQ(stats->at(1).answers, 2);
    EXPECT_EQ(stats->at(1).rated, 1);
    EXPECT_EQ(stats->at(1).positive, 1);
    EXPECT_EQ(parseFeedbackGrouping(QStringLiteral("template")), FeedbackGrouping::Template);

    // The answer read back carries its rating; its question, the template it came from.
    auto read = core.messages->pathTo(c);
    ASSERT_TRUE(read);
    ASSERT_EQ(read->size(), 2u);
    EXPECT_EQ(read->front().templateUse, v1);
    ASSERT_TRUE(read->back().feedback);
    EXPECT_FALSE(read->back().feedback->positive);
    EXPECT_EQ(read->back().feedback->tags, QStringList{QStringLiteral("too long")});
    auto records = feedback->records(owner);
    ASSERT_TRUE(records);
    EXPECT_EQ(records->front().templateName, QStringLiteral("Summary"));
    EXPECT_EQ(records->front().templateVersion, 1);
    EXPECT_TRUE(records->back().templateName.isEmpty());

    // A member sees only their own: none of these.
    auto own = feedback->stats(ada, FeedbackGrouping::Template);
    ASSERT_TRUE(own);
    EXPECT_TRUE(own->empty());
}
