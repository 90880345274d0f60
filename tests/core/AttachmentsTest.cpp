// Images attached to messages: recognised by content, limited in size and number, stored with the message, and
// sent again with the conversation's history.
#include "chat/Attachments.h"
#include "support/CoreFixture.h"
#include "support/FakeProviderServer.h"
#include "support/TestHelpers.h"

#include "support/QtPrinters.h"

#include <QFile>
#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace Tessera::Core;
using Tessera::Testing::CoreFixture;
using Tessera::Testing::FakeProviderServer;
using Tessera::Testing::waitUntil;

namespace {

const QByteArray kPng("\x89PNG\r\n\x1a\n-png-body", 17);
const QByteArray kJpeg("\xff\xd8\xff\xe0-jpeg-body", 14);
const QByteArray kGif("GIF89a-gif-body");
const QByteArray kWebp("RIFF\x10\0\0\0WEBPVP8 body", 20);

ImageAttachment png(const QString& name = QStringLiteral("shot.png")) {
    return {QStringLiteral("image/png"), kPng, name};
}

// A message with a PNG and a GIF, in a new conversation.
Message twoPictures(CoreFixture& core) {
    auto conversation = core.conversations->create(QStringLiteral("pictures"), std::nullopt, QString(), QString());
    EXPECT_TRUE(conversation);
    Message message;
    message.conversationId = conversation ? conversation->id : 0;
    message.content = QStringLiteral("two pictures");
    message.images = {png(QStringLiteral("a.png")), {QStringLiteral("image/gif"), kGif, QStringLiteral("b.gif")}};
    return message;
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& data) {
    const QString path = dir.filePath(name);
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(data);
    return path;
}

} // namespace

TEST(AttachmentsTest, ImageTypesAreRecognisedByContent) {
    EXPECT_EQ(sniffImageType(kPng), QStringLiteral("image/png"));
    EXPECT_EQ(sniffImageType(kJpeg), QStringLiteral("image/jpeg"));
    EXPECT_EQ(sniffImageType(kGif), QStringLiteral("image/gif"));
    EXPECT_EQ(sniffImageType(kWebp), QStringLiteral("image/webp"));
    EXPECT_FALSE(sniffImageType(QByteArray("%PDF-1.7")));
    EXPECT_FALSE(sniffImageType(QByteArray("RIFF\0\0\0\0WAVE", 12)));
    EXPECT_FALSE(sniffImageType(QByteArray()));
}

TEST(AttachmentsTest, LoadingAFileChecksSizeAndContentNotTheName) {
    QTemporaryDir dir;
    auto loaded = loadImageFile(writeFile(dir, QStringLiteral("photo.dat"), kJpeg));
    ASSERT_TRUE(loaded);
    EXPECT_EQ(loaded->mimeType, QStringLiteral("image/jpeg"));
    EXPECT_EQ(loaded->name, QStringLiteral("photo.dat"));
    EXPECT_EQ(loaded->data, kJpeg);

    auto renamed = loadImageFile(writeFile(dir, QStringLiteral("notes.png"), "just text"));
    ASSERT_FALSE(renamed);
    EXPECT_EQ(renamed.error().code, ErrorCode::AttachmentUnsupported);

    QByteArray huge = kPng;
    huge.resize(ImageLimits::maxBytes + 1, 'x');
    auto tooLarge = loadImageFile(writeFile(dir, QStringLiteral("huge.png"), huge));
    ASSERT_FALSE(tooLarge);
    EXPECT_EQ(tooLarge.error().code, ErrorCode::AttachmentTooLarge);

    auto missing = loadImageFile(dir.filePath(QStringLiteral("nope.png")));
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::AttachmentUnsupported);
    auto directory = loadImageFile(dir.path());
    ASSERT_FALSE(directory);
    EXPECT_EQ(directory.error().code, ErrorCode::AttachmentUnsupported);
}

TEST(AttachmentsTest, ValidationRejectsMismatchedTypesTooManyAndTooLarge) {
    EXPECT_TRUE(validateImages({}));
    EXPECT_TRUE(validateImages({png(), {QStringLiteral("image/gif"), kGif, {}}}));
    auto lying = validateImages({{QStringLiteral("image/png"), kJpeg, QStringLiteral("x.png")}});
    ASSERT_FALSE(lying);
    EXPECT_EQ(lying.error().code, ErrorCode::AttachmentUnsupported);
    EXPECT_TRUE(lying.error().detail.contains(QStringLiteral("image/jpeg")));
    std::vector<ImageAttachment> many(ImageLimits::maxPerMessage + 1, png());
    auto tooMany = validateImages(many);
    ASSERT_FALSE(tooMany);
    EXPECT_EQ(tooMany.error().code, ErrorCode::AttachmentTooLarge);
    ImageAttachment big = png();
    big.data.resize(ImageLimits::maxBytes + 1, 'x');
    EXPECT_EQ(validateImages({big}).error().code, ErrorCode::AttachmentTooLarge);
}

TEST(AttachmentsTest, ImagesAreStoredWithTheirMessageAndReadBackInOrder) {
    CoreFixture core;
    const Message message = twoPictures(core);
    auto added = core.messages->add(message);
    ASSERT_TRUE(added);
    Message plain;
    plain.conversationId = message.conversationId;
    plain.content = QStringLiteral("no pictures");
    ASSERT_TRUE(core.messages->add(plain));

    auto read = core.messages->get(added->id);
    ASSERT_TRUE(read);
    EXPECT_EQ(read->images, message.images);
    auto listed = core.messages->listForConversation(message.conversationId);
    ASSERT_TRUE(listed);
    ASSERT_EQ(listed->size(), 2U);
    EXPECT_EQ((*listed)[0].images, message.images);
    EXPECT_TRUE((*listed)[1].images.empty());

    ASSERT_TRUE(core.conversations->remove(message.conversationId));
    auto left = core.db->exec(QStringLiteral("SELECT COUNT(*) FROM message_images"));
    ASSERT_TRUE(left && left->next());
    EXPECT_EQ(left->value(0).toInt(), 0) << "images go with their conversation";
}

TEST(AttachmentsTest, ABranchCanBeReadWithImageNamesOnlyAndTheBytesAfterwards) {
    CoreFixture core;
    const Message message = twoPictures(core);
    auto added = core.messages->add(message);
    ASSERT_TRUE(added);
    ASSERT_TRUE(core.messages->setCurrentLeaf(message.conversationId, added->id));

    auto light = core.messages->path(message.conversationId, ImageBytes::Later);
    ASSERT_TRUE(light);
    ASSERT_EQ(light->size(), 1U);
    const std::vector<ImageAttachment>& named = light->front().images;
    ASSERT_EQ(named.size(), 2U);
    EXPECT_EQ(named[0].name, QStringLiteral("a.png"));
    EXPECT_EQ(named[1].mimeType, QStringLiteral("image/gif"));
    EXPECT_TRUE(named[0].data.isEmpty() && named[1].data.isEmpty()) << "no bytes read";

    auto bytes = core.messages->imagesOf(added->id);
    ASSERT_TRUE(bytes);
    EXPECT_EQ(*bytes, message.images);
    EXPECT_EQ(core.messages->path(message.conversationId)->front().images, message.images) << "by default, with bytes";
    EXPECT_TRUE(core.messages->imagesOf(added->id + 100)->empty());
}

TEST(AttachmentsTest, AFailedImageInsertStoresNothing) {
    CoreFixture core;
    auto conversation = core.conversations->create(QStringLiteral("x"), std::nullopt, QString(), QString());
    ASSERT_TRUE(Tessera::Testing::TestStore::refuseInserts(*core.db, QStringLiteral("message_images")));
    Message message;
    message.conversationId = conversation->id;
    message.content = QStringLiteral("with picture");
    message.images = {png()};
    EXPECT_FALSE(core.messages->add(message));
    EXPECT_TRUE(core.messages->listForConversation(conversation->id)->empty()) << "no message without its image";
}

TEST(AttachmentsTest, SentImagesAreStoredAndTravelAgainWithTheHistory) {
    CoreFixture core;
    FakeProviderServer server;
    ASSERT_TRUE(server.listen());
    core.addProvider(QStringLiteral("local"), server.baseUrl());
    std::vector<TurnOutcome> outcomes;
    QObject::connect(core.chat.get(), &ChatService::turnFinished,
                     [&](const TurnOutcome& outcome) { outcomes.push_back(outcome); });

    SendOptions options;
    options.images = {png()};
    auto first = core.chat->send(core.actor, QStringLiteral("what is on this screenshot?"), options);
    ASSERT_TRUE(first);
    ASSERT_TRUE(waitUntil([&] { return outcomes.size() == 1; }, 10'000));
    EXPECT_EQ(core.messages->get(first->userMessageId)->images, options.images);

    SendOptions next;
    next.conversationId = first->conversationId;
    ASSERT_TRUE(core.chat->send(core.actor, QStringLiteral("and in more detail?"), next));
    ASSERT_TRUE(waitUntil([&] { return outcomes.size() == 2; }, 10'000));
    const QByteArray body = server.requests().back().body;
    EXPECT_TRUE(body.contains(kPng.toBase64())) << "the earlier image is part of the history";
}

TEST(AttachmentsTest, ABadImageIsRefusedBeforeAnythingIsStoredOrSent) {
    CoreFixture core;
    FakeProviderServer server;
    ASSERT_TRUE(server.listen());
    core.addProvider(QStringLiteral("local"), server.baseUrl());
    SendOptions options;
    options.images = {{QStringLiteral("image/png"), QByteArray("<svg/>"), QStringLiteral("vector.png")}};
    auto started = core.chat->send(core.actor, QStringLiteral("look"), options);
    ASSERT_FALSE(started);
    EXPECT_EQ(started.error().code, ErrorCode::AttachmentUnsupported);
    EXPECT_TRUE(core.conversations->list()->empty());
    EXPECT_EQ(server.requests().size(), 0);
}

TEST(AttachmentsTest, TextFilesAreReadAsUtf8WithinTheirLimitAndBecomeFencedContext) {
    QTemporaryDir dir;
    auto code = loadTextFile(writeFile(dir, QStringLiteral("main.cpp"), "int main() { return 0; }\n"));
    ASSERT_TRUE(code);
    EXPECT_EQ(code->name, QStringLiteral("main.cpp"));
    EXPECT_EQ(code->content, QStringLiteral("int main() { return 0; }\n"));
    auto umlauts = loadTextFile(writeFile(dir, QStringLiteral("notes.txt"), "Grüße\n"));
    ASSERT_TRUE(umlauts);
    EXPECT_EQ(umlauts->content, QStringLiteral("Grüße\n"));

    EXPECT_EQ(loadTextFile(writeFile(dir, QStringLiteral("a.bin"), QByteArray("ab\0cd", 5))).error().code,
              ErrorCode::AttachmentUnsupported)
        << "binary";
    EXPECT_EQ(loadTextFile(writeFile(dir, QStringLiteral("latin1.txt"),
                                     "Gr\xfc\xdf"
                                     "e"))
                  .error()
                  .code,
              ErrorCode::AttachmentUnsupported)
        << "not UTF-8";
    EXPECT_EQ(loadTextFile(writeFile(dir, QStringLiteral("pic.txt"), kPng)).error().code,
              ErrorCode::AttachmentUnsupported)
        << "an image is not text";
    EXPECT_EQ(
        loadTextFile(writeFile(dir, QStringLiteral("big.log"), QByteArray(TextLimits::maxBytes + 1, 'x'))).error().code,
        ErrorCode::AttachmentTooLarge);

    const QString prompt = withTextAttachments(QStringLiteral("Review this"),
                                               {*code, {QStringLiteral("README.md"), QStringLiteral("```\nx\n```")}});
    EXPECT_EQ(prompt, QStringLiteral("Review this\n\n**main.cpp**\n```cpp\nint main() { return 0; }\n```"
                                     "\n\n**README.md**\n````md\n```\nx\n```\n````"))
        << "a file holding fences gets a longer one";
}
