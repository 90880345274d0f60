// The account commands of the real tessera-cli: switching accounts on, login and logout (the session in the
// keychain), API tokens through TESSERA_TOKEN, users, sessions and the audit log, and every new exit status
// (10 not signed in, 11 denied, 12 wrong password or locked).
#include "support/TestHelpers.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include "support/QtPrinters.h"

#include <gtest/gtest.h>

namespace {

const QByteArray kAdminPassword = "correct horse battery staple\n";
const QByteArray kMemberPassword = "violet lantern under snow\n";

struct Outcome {
    int exitCode = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(out.toUtf8()).array(); }
};

class AccountsCliTest : public ::testing::Test {
protected:
    Outcome cli(const QStringList& args, const QByteArray& input = {}, const QString& token = {}) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("TESSERA_DATA_DIR"));
        env.remove(QStringLiteral("TESSERA_DATABASE_URL"));
        env.remove(QStringLiteral("TESSERA_TOKEN"));
        if (!token.isEmpty()) {
            env.insert(QStringLiteral("TESSERA_TOKEN"), token);
        }
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(TESSERA_CLI_PATH), QStringList{QStringLiteral("--data-dir"), dir.path()} + args);
        EXPECT_TRUE(process.waitForStarted());
        process.write(input);
        process.closeWriteChannel();
        EXPECT_TRUE(process.waitForFinished(60'000));
        Outcome run;
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    static QStringList words(const char* text) { return QString::fromLatin1(text).split(QLatin1Char(' ')); }

    // Accounts on, with boss as the administrator; an API token of boss's for the commands that follow.
    QString enableWithToken() {
        const Outcome enabled = cli(words("accounts enable --admin boss --password-stdin"), kAdminPassword);
        EXPECT_EQ(enabled.exitCode, 0) << enabled.err.toStdString();
        // Without a session the token has to come from somewhere: a login (keychain) makes it.
        const Outcome login = cli(words("login --user boss --password-stdin"), kAdminPassword);
        if (login.exitCode == 8) {
            // Without a keychain the session cannot be kept: login says so, offers API tokens, and keeps nothing.
            keychainMissing = true;
            EXPECT_NE(qEnvironmentVariableIntValue("TESSERA_REQUIRE_KEYCHAIN"), 1) << login.err.toStdString();
            EXPECT_TRUE(login.err.contains(QStringLiteral("TESSERA_TOKEN"))) << login.err.toStdString();
            EXPECT_EQ(cli(words("whoami")).exitCode, 10) << "still not signed in";
            return {};
        }
        EXPECT_EQ(login.exitCode, 0) << login.err.toStdString();
        const Outcome token = cli(words("--json api-tokens create admin-script"));
        EXPECT_EQ(token.exitCode, 0) << token.err.toStdString();
        return token.json().value(QLatin1StringView("token")).toString();
    }

    QTemporaryDir dir;
    bool keychainMissing = false;
};

} // namespace

TEST_F(AccountsCliTest, PersonalModeNeedsNoSignInAndEnablingNeedsAStrongPasswordFromStdin) {
    const Outcome status = cli(words("--json accounts status"));
    ASSERT_EQ(status.exitCode, 0) << status.err.toStdString();
    EXPECT_EQ(status.json().value(QLatin1StringView("mode")).toString(), QStringLiteral("personal"));
    const Outcome whoami = cli(words("--json whoami"));
    EXPECT_EQ(whoami.json().value(QLatin1StringView("username")).toString(), QStringLiteral("owner"));
    EXPECT_EQ(whoami.json().value(QLatin1StringView("role")).toString(), QStringLiteral("Administrator"));
    EXPECT_EQ(whoami.json().value(QLatin1StringView("permissions")).toArray().size(), 13);
    EXPECT_EQ(cli(words("login --user owner --password-stdin"), kAdminPassword).exitCode, 2) << "nothing to sign in to";

    const Outcome weak = cli(words("accounts enable --admin boss --password-stdin"), "password1\n");
    EXPECT_EQ(weak.exitCode, 2);
    EXPECT_TRUE(weak.err.contains(QStringLiteral("auth.weak_password"))) << weak.err.toStdString();
    EXPECT_EQ(cli(words("accounts enable --admin boss")).exitCode, 2) << "no terminal, no --password-stdin";
    EXPECT_EQ(cli(words("--json accounts status")).json().value(QLatin1StringView("mode")).toString(),
              QStringLiteral("personal"))
        << "nothing changed";
    const Outcome enabled = cli(words("--json accounts enable --admin boss --password-stdin"), kAdminPassword);
    ASSERT_EQ(enabled.exitCode, 0) << enabled.err.toStdString();
    EXPECT_EQ(enabled.json().value(QLatin1StringView("admin")).toString(), QStringLiteral("boss"));

    const Outcome locked = cli(words("conversations list"));
    EXPECT_EQ(locked.exitCode, 10) << "every command needs a session now";
    EXPECT_TRUE(locked.err.contains(QStringLiteral("auth.required"))) << locked.err.toStdString();
    EXPECT_EQ(cli(words("accounts status")).exitCode, 10);
    EXPECT_EQ(cli(words("whoami"), {}, QStringLiteral("tsk_not-a-real-token")).exitCode, 10);
    EXPECT_EQ(cli(words("--help")).exitCode, 0);
    EXPECT_EQ(cli(words("--version")).exitCode, 0);
}

TEST_F(AccountsCliTest, WrongPasswordsFailWithTwelveAndFiveLockTheAccount) {
    ASSERT_EQ(cli(words("accounts enable --admin boss --password-stdin"), kAdminPassword).exitCode, 0);
    for (int i = 0; i < 5; ++i) {
        const Outcome wrong = cli(words("login --user boss --password-stdin"), "not it\n");
        EXPECT_EQ(wrong.exitCode, 12);
        EXPECT_TRUE(wrong.err.contains(QStringLiteral("auth.failed"))) << wrong.err.toStdString();
    }
    const Outcome unknown = cli(words("login --user nobody --password-stdin"), kAdminPassword);
    EXPECT_EQ(unknown.exitCode, 12);
    const Outcome locked = cli(words("--json login --user boss --password-stdin"), kAdminPassword);
    EXPECT_EQ(locked.exitCode, 12);
    EXPECT_EQ(locked.json().value(QLatin1StringView("error")).toObject().value(QLatin1StringView("code")).toString(),
              QStringLiteral("auth.locked"));
    EXPECT_TRUE(locked.err.contains(QStringLiteral("locked until"))) << "says until when: " << locked.err.toStdString();
}

TEST_F(AccountsCliTest, AnAdministratorManagesUsersTokensSessionsAndTheAuditLog) {
    const QString token = enableWithToken();
    if (keychainMissing) {
        return; // what can be checked without a keychain was checked in enableWithToken (CI requires one)
    }
    ASSERT_TRUE(token.startsWith(QStringLiteral("tsk_"))) << token.toStdString();
    const Outcome whoami = cli(words("--json whoami"), {}, token);
    ASSERT_EQ(whoami.exitCode, 0) << whoami.err.toStdString();
    EXPECT_EQ(whoami.json().value(QLatin1StringView("username")).toString(), QStringLiteral("boss"));
    EXPECT_EQ(whoami.json().value(QLatin1StringView("via")).toString(), QStringLiteral("api-token"));

    const Outcome added =
        cli(words("--json users add ada --role Member --display-name Ada --password-stdin"), kMemberPassword, token);
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    EXPECT_FALSE(added.json().contains(QLatin1StringView("temporary_password")));
    const Outcome temporary = cli(words("--json users add bob --role Member"), {}, token);
    ASSERT_EQ(temporary.exitCode, 0);
    EXPECT_EQ(temporary.json().value(QLatin1StringView("temporary_password")).toString().size(), 24);
    EXPECT_EQ(cli(words("users add ada --role Member"), {}, token).exitCode, 9) << "taken";
    EXPECT_EQ(cli(words("users add carl --role Nobody"), {}, token).exitCode, 7) << "no such role";
    const Outcome listed = cli(words("--json users list"), {}, token);
    ASSERT_EQ(listed.array().size(), 3);
    const Outcome shown = cli(words("--json users show ADA"), {}, token);
    EXPECT_EQ(shown.json().value(QLatin1StringView("display_name")).toString(), QStringLiteral("Ada"));
    const Outcome demoted = cli(words("users update boss --role Member"), {}, token);
    EXPECT_EQ(demoted.exitCode, 2) << "the last administrator stays";
    const Outcome disabled = cli(words("--json users update bob --disable"), {}, token);
    EXPECT_EQ(disabled.json().value(QLatin1StringView("status")).toString(), QStringLiteral("disabled"));
    const Outcome reset = cli(words("--json users reset-password ada"), {}, token);
    ASSERT_EQ(reset.exitCode, 0);
    EXPECT_TRUE(reset.json().value(QLatin1StringView("must_change_password")).toBool());
    EXPECT_EQ(cli(words("users unlock ada"), {}, token).exitCode, 0);
    EXPECT_EQ(cli(words("users show ghost"), {}, token).exitCode, 7);

    const Outcome sessions = cli(words("--json sessions list"), {}, token);
    ASSERT_EQ(sessions.exitCode, 0);
    ASSERT_EQ(sessions.array().size(), 1) << "boss's login";
    const qint64 sessionId = sessions.array().first().toObject().value(QLatin1StringView("id")).toInteger();
    EXPECT_EQ(cli(words("sessions revoke 999"), {}, token).exitCode, 7);
    EXPECT_EQ(
        cli({QStringLiteral("sessions"), QStringLiteral("revoke"), QString::number(sessionId)}, {}, token).exitCode, 0);
    EXPECT_EQ(cli(words("whoami")).exitCode, 10) << "the login's session ended";

    const Outcome tokens = cli(words("--json api-tokens list"), {}, token);
    ASSERT_EQ(tokens.array().size(), 1);
    EXPECT_TRUE(tokens.array().first().toObject().value(QLatin1StringView("last_used_at")).isString());
    EXPECT_EQ(cli(words("api-tokens create narrow --permissions chat,bogus"), {}, token).exitCode, 2);

    const Outcome verify = cli(words("--json audit verify"), {}, token);
    ASSERT_EQ(verify.exitCode, 0) << verify.err.toStdString();
    EXPECT_TRUE(verify.json().value(QLatin1StringView("ok")).toBool());
    const Outcome audit = cli(words("--json audit list --action user.* --limit 50"), {}, token);
    ASSERT_EQ(audit.exitCode, 0);
    QStringList actions;
    for (const QJsonValue& entry : audit.array()) {
        actions << entry.toObject().value(QLatin1StringView("action")).toString();
    }
    EXPECT_TRUE(actions.contains(QStringLiteral("user.create")));
    EXPECT_TRUE(actions.contains(QStringLiteral("user.disable")));
    EXPECT_TRUE(actions.contains(QStringLiteral("user.password_reset")));
    EXPECT_EQ(cli(words("audit list --since yesterday"), {}, token).exitCode, 2);
    const QString path = dir.filePath(QStringLiteral("audit.jsonl"));
    const Outcome exported =
        cli({QStringLiteral("--json"), QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--format"),
             QStringLiteral("jsonl"), QStringLiteral("--output"), path},
            {}, token);
    ASSERT_EQ(exported.exitCode, 0) << exported.err.toStdString();
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    EXPECT_EQ(text.count('\n'), exported.json().value(QLatin1StringView("entries")).toInteger());
    EXPECT_FALSE(text.contains(token.toUtf8())) << "no token in the audit log";
    EXPECT_FALSE(text.contains("violet lantern")) << "no password in the audit log";

    EXPECT_EQ(cli(words("users remove bob"), {}, token).exitCode, 2) << "transfer or delete must be chosen";
    EXPECT_EQ(cli(words("users remove bob --transfer-to ada --delete-data"), {}, token).exitCode, 2);
    const Outcome removed = cli(words("--json users remove bob --transfer-to ada"), {}, token);
    ASSERT_EQ(removed.exitCode, 0) << removed.err.toStdString();
    EXPECT_EQ(removed.json().value(QLatin1StringView("transferred_to")).toString(), QStringLiteral("ada"));
    EXPECT_EQ(cli(words("users show bob"), {}, token).exitCode, 7);
    EXPECT_EQ(cli(words("users remove boss --delete-data"), {}, token).exitCode, 2) << "not oneself";

    ASSERT_EQ(cli(words("api-tokens revoke admin-script"), {}, token).exitCode, 0);
    EXPECT_EQ(cli(words("whoami"), {}, token).exitCode, 10) << "a revoked token is refused";
}

TEST_F(AccountsCliTest, AMemberIsRefusedAdministrationWithElevenAndLogsOut) {
    const QString token = enableWithToken();
    if (keychainMissing) {
        return; // what can be checked without a keychain was checked in enableWithToken (CI requires one)
    }
    ASSERT_EQ(cli(words("users add ada --role Member --password-stdin"), kMemberPassword, token).exitCode, 0);
    const Outcome login = cli(words("--json login --user ada --password-stdin"), kMemberPassword);
    ASSERT_EQ(login.exitCode, 0) << login.err.toStdString();
    EXPECT_EQ(login.json().value(QLatin1StringView("role")).toString(), QStringLiteral("Member"));
    for (const char* command : {"users list",
                                "users add eve --role Member",
                                "audit list",
                                "audit verify",
                                "sessions list --user boss",
                                "users unlock boss",
                                "users reset-password boss",
                                "budgets set --global --usd 1",
                                "budgets remove --role Member",
                                "limits set --user ada --rpm 100",
                                "prices set work gpt-5.4 --input 1 --output 2",
                                "prices reset work gpt-5.4",
                                "usage rebuild",
                                "usage settings --prompt-caching off",
                                "usage report --user boss",
                                "usage chart --metric cost --by model --user boss --output refused.png",
                                "usage pdf --user boss --output refused.pdf",
                                "alerts add budget-soft",
                                "alerts remove 1",
                                "alerts rules",
                                "alerts list",
                                "alerts check"}) {
        const Outcome refused = cli(words(command));
        EXPECT_EQ(refused.exitCode, 11) << command << ": " << refused.err.toStdString();
        EXPECT_TRUE(refused.err.contains(QStringLiteral("auth.forbidden"))) << command;
    }
    EXPECT_FALSE(QFile::exists(QStringLiteral("refused.png")));
    EXPECT_FALSE(QFile::exists(QStringLiteral("refused.pdf")));
    const Outcome own = cli(words("--json sessions list"));
    ASSERT_EQ(own.exitCode, 0) << "one's own sessions";
    EXPECT_EQ(own.array().size(), 1);
    // One's own usage as a chart and a report.
    QTemporaryDir pictures;
    const Outcome chart = cli(words("--json usage chart --metric requests --by model --output") +
                              QStringList{pictures.filePath(QStringLiteral("own.svg"))});
    EXPECT_EQ(chart.exitCode, 0) << chart.err.toStdString();
    const Outcome report =
        cli(words("--json usage pdf --output") + QStringList{pictures.filePath(QStringLiteral("own.pdf"))});
    EXPECT_EQ(report.exitCode, 0) << report.err.toStdString();
    EXPECT_EQ(report.json().value(QLatin1StringView("requests")).toInt(), 0) << "nothing asked yet";
    const Outcome denied = cli(words("--json audit list --action user.* --outcome denied"), {}, token);
    EXPECT_GE(denied.array().size(), 2) << "the refusals are audited";
    const Outcome changed = cli(words("password --password-stdin"), kMemberPassword + "another fine long phrase\n");
    EXPECT_EQ(changed.exitCode, 0) << changed.err.toStdString();
    EXPECT_EQ(cli(words("logout")).exitCode, 0);
    EXPECT_EQ(cli(words("whoami")).exitCode, 10);
    EXPECT_EQ(cli(words("logout")).exitCode, 10) << "already signed out";
}

TEST_F(AccountsCliTest, RolesAndFlagsAreManagedFromTheCommandLine) {
    const Outcome added =
        cli(words("--json roles add Reviewer --permissions chat,data.export --providers local,openai/gpt-4o"));
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    EXPECT_EQ(added.json().value(QLatin1StringView("permissions")).toArray().size(), 2);
    EXPECT_EQ(added.json().value(QLatin1StringView("providers")).toArray().size(), 2);
    EXPECT_EQ(cli(words("roles add Reviewer --permissions chat")).exitCode, 9) << "taken";
    EXPECT_EQ(cli(words("roles add Broken --permissions chat,everything")).exitCode, 2);
    EXPECT_EQ(cli(words("roles update Member --permissions chat")).exitCode, 2) << "built-in roles are fixed";
    const Outcome updated = cli(words("--json roles update Reviewer --permissions chat --name Editor"));
    ASSERT_EQ(updated.exitCode, 0) << updated.err.toStdString();
    EXPECT_EQ(updated.json().value(QLatin1StringView("name")).toString(), QStringLiteral("Editor"));
    EXPECT_EQ(cli(words("--json roles list")).array().size(), 5);
    EXPECT_EQ(cli(words("roles show Nobody")).exitCode, 7);

    ASSERT_EQ(cli(words("flags set export off --role Editor")).exitCode, 0);
    ASSERT_EQ(cli(words("flags set attachments off")).exitCode, 0);
    const Outcome listed = cli(words("--json flags list"));
    ASSERT_EQ(listed.exitCode, 0);
    QHash<QString, QJsonObject> byKey;
    for (const QJsonValue& flag : listed.array()) {
        byKey.insert(flag.toObject().value(QLatin1StringView("key")).toString(), flag.toObject());
    }
    for (const char* key : {"attachments", "export", "import", "auto_titles", "response_cache", "members_add_providers",
                            "prompt_sharing"}) {
        EXPECT_TRUE(byKey.contains(QString::fromLatin1(key))) << key;
    }
    EXPECT_FALSE(byKey.value(QStringLiteral("attachments")).value(QLatin1StringView("effective")).toBool());
    EXPECT_FALSE(byKey.value(QStringLiteral("export"))
                     .value(QLatin1StringView("roles"))
                     .toObject()
                     .value(QLatin1StringView("Editor"))
                     .toBool(true));
    EXPECT_EQ(cli(words("flags set attachments maybe")).exitCode, 2);
    EXPECT_EQ(cli(words("flags set nonsense on")).exitCode, 2);
    EXPECT_EQ(cli(words("flags set export on --role Editor --user owner")).exitCode, 2);
    ASSERT_EQ(cli(words("flags unset attachments")).exitCode, 0);
    EXPECT_EQ(cli(words("flags unset attachments")).exitCode, 7) << "nothing left to unset";
    EXPECT_EQ(cli(words("roles remove Editor")).exitCode, 0);
    const Outcome audit = cli(words("--json audit list --action flag.*"));
    EXPECT_EQ(audit.array().size(), 3);
}

TEST_F(AccountsCliTest, OnlyAnAdministratorCopiesAStoreWithAccounts) {
    const QString token = enableWithToken();
    if (keychainMissing) {
        return; // checked in enableWithToken
    }
    const QString copy = dir.path() + QStringLiteral("/copy.sqlite3");
    ASSERT_EQ(cli(words("users add ada --role Member --password-stdin"), kMemberPassword, token).exitCode, 0);
    ASSERT_EQ(cli(words("login --user ada --password-stdin"), kMemberPassword).exitCode, 0);
    const Outcome member = cli({QStringLiteral("store"), QStringLiteral("copy"), QStringLiteral("--to"), copy});
    EXPECT_EQ(member.exitCode, 11) << member.err.toStdString();
    EXPECT_FALSE(QFile::exists(copy)) << "nothing written";
    ASSERT_EQ(cli(words("logout")).exitCode, 0);
    const Outcome nobody = cli({QStringLiteral("store"), QStringLiteral("copy"), QStringLiteral("--to"), copy});
    EXPECT_EQ(nobody.exitCode, 10) << "not signed in";
    const Outcome admin =
        cli({QStringLiteral("--json"), QStringLiteral("store"), QStringLiteral("copy"), QStringLiteral("--to"), copy},
            {}, token);
    ASSERT_EQ(admin.exitCode, 0) << admin.err.toStdString();
    EXPECT_TRUE(admin.json().value(QLatin1StringView("verified")).toBool());
    const Outcome audited = cli(words("--json audit list --action store.copy"), {}, token);
    ASSERT_EQ(audited.exitCode, 0);
    EXPECT_EQ(audited.array().size(), 2) << "the refusal and the copy";
}
