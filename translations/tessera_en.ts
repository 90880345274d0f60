<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ConversationFiles</name>
    <message numerus="yes">
        <source>Exported %n conversation(s) to %1.</source>
        <translation>
            <numerusform>Exported %n conversation to %1.</numerusform>
            <numerusform>Exported %n conversations to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n conversation(s) to %1 in the background; View ▸ Background Jobs shows how far it is.</source>
        <translation>
            <numerusform>Exporting %n conversation to %1 in the background; View ▸ Background Jobs shows how far it is.</numerusform>
            <numerusform>Exporting %n conversations to %1 in the background; View ▸ Background Jobs shows how far it is.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::AccountsPage</name>
    <message numerus="yes">
        <source>Accounts are on: %n people share this Tessera, each with their own conversations. You are signed in as %1 (%2).</source>
        <translation>
            <numerusform>Accounts are on: %n person uses this Tessera, with their own conversations. You are signed in as %1 (%2).</numerusform>
            <numerusform>Accounts are on: %n people share this Tessera, each with their own conversations. You are signed in as %1 (%2).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::AddProviderDialog</name>
    <message numerus="yes">
        <source> · %n model(s) · %1 ms</source>
        <translation>
            <numerusform> · %n model · %1 ms</numerusform>
            <numerusform> · %n models · %1 ms</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::AdministrationWindow</name>
    <message numerus="yes">
        <source>Ended %n session(s).</source>
        <translation>
            <numerusform>Ended %n session.</numerusform>
            <numerusform>Ended %n sessions.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::AlertsPage</name>
    <message numerus="yes">
        <source>Spend in the last %n hour(s) above %1</source>
        <translation>
            <numerusform>Spend in the last hour above %1</numerusform>
            <numerusform>Spend in the last %n hours above %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: more than %2 of requests failed in %n minute(s)</source>
        <translation>
            <numerusform>%1: more than %2 of requests failed in %n minute</numerusform>
            <numerusform>%1: more than %2 of requests failed in %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: every request failed for %n minute(s)</source>
        <translation>
            <numerusform>%1: every request failed for %n minute</numerusform>
            <numerusform>%1: every request failed for %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: 95 % of answers slower than %2 ms in %n minute(s)</source>
        <translation>
            <numerusform>%1: 95 % of answers slower than %2 ms in %n minute</numerusform>
            <numerusform>%1: 95 % of answers slower than %2 ms in %n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::AttachmentStrip</name>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::AuditPage</name>
    <message numerus="yes">
        <source>The audit log verifies: %n entries, none changed, removed, added or moved.</source>
        <translation>
            <numerusform>The audit log verifies: %n entry, not changed, removed, added or moved.</numerusform>
            <numerusform>The audit log verifies: %n entries, none changed, removed, added or moved.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n entries to %1.</source>
        <translation>
            <numerusform>Wrote %n entry to %1.</numerusform>
            <numerusform>Wrote %n entries to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::BlindReviewDialog</name>
    <message numerus="yes">
        <source>%n pair(s) left to review.</source>
        <translation>
            <numerusform>%n pair left to review.</numerusform>
            <numerusform>%n pairs left to review.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Kept. %n pair(s) left: Next shows one.</source>
        <translation>
            <numerusform>Kept. %n pair left: Next shows it.</numerusform>
            <numerusform>Kept. %n pairs left: Next shows one.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::ChatPanel</name>
    <message numerus="yes">
        <source>What this conversation has cost so far: %n request(s) to providers, answers and titles.</source>
        <translation>
            <numerusform>What this conversation has cost so far: %n request to providers, answers and titles.</numerusform>
            <numerusform>What this conversation has cost so far: %n requests to providers, answers and titles.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) had no price; their cost is unknown.</source>
        <translation>
            <numerusform>%n request had no price; its cost is unknown.</numerusform>
            <numerusform>%n requests had no price; their cost is unknown.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This conversation is %1 tokens, more than %2&apos;s window of %3 tokens. Leave out the oldest %n message(s) and send? The answer will say what was left out.</source>
        <translation>
            <numerusform>This conversation is %1 tokens, more than %2&apos;s window of %3 tokens. Leave out the oldest message and send? The answer will say what was left out.</numerusform>
            <numerusform>This conversation is %1 tokens, more than %2&apos;s window of %3 tokens. Leave out the oldest %n messages and send? The answer will say what was left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::ContextMeter</name>
    <message numerus="yes">
        <source>It does not fit the model&apos;s window: when you send it, you are asked whether to leave out the oldest %n message(s).</source>
        <translation>
            <numerusform>It does not fit the model&apos;s window: when you send it, you are asked whether to leave out the oldest message.</numerusform>
            <numerusform>It does not fit the model&apos;s window: when you send it, you are asked whether to leave out the oldest %n messages.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::ConversationListModel</name>
    <message numerus="yes">
        <source>%1 — %n message(s), updated %2</source>
        <translation>
            <numerusform>%1 — %n message, updated %2</numerusform>
            <numerusform>%1 — %n messages, updated %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::ErrorText</name>
    <message numerus="yes">
        <source>Retry after %n second(s).</source>
        <translation>
            <numerusform>Retry after %n second.</numerusform>
            <numerusform>Retry after %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::ExperimentsWindow</name>
    <message numerus="yes">
        <source>%n variant(s) over the dataset %1</source>
        <translation>
            <numerusform>%n variant over the dataset %1</numerusform>
            <numerusform>%n variants over the dataset %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dataset %1 · %2 · checked by %3 · %n repeat(s), %4 at once</source>
        <translation>
            <numerusform>Dataset %1 · %2 · checked by %3 · %n repeat, %4 at once</numerusform>
            <numerusform>Dataset %1 · %2 · checked by %3 · %n repeats, %4 at once</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) failed</source>
        <translation>
            <numerusform>%n answer failed</numerusform>
            <numerusform>%n answers failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not enough data yet (%1 against %2: %3). About %n more item(s) would settle it.</source>
        <translation>
            <numerusform>Not enough data yet (%1 against %2: %3). About %n more item would settle it.</numerusform>
            <numerusform>Not enough data yet (%1 against %2: %3). About %n more items would settle it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dataset %1: %n case(s) imported.</source>
        <translation>
            <numerusform>Dataset %1: %n case imported.</numerusform>
            <numerusform>Dataset %1: %n cases imported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::FeedbackTagsPage</name>
    <message numerus="yes">
        <source>Put the six built-in tags in place of these %n tag(s)? Answers keep the tags they were given.</source>
        <translation>
            <numerusform>Put the six built-in tags in place of this %n tag? Answers keep the tags they were given.</numerusform>
            <numerusform>Put the six built-in tags in place of these %n tags? Answers keep the tags they were given.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::FineTuneDialog</name>
    <message numerus="yes">
        <source>Wrote %n example(s) to %1.</source>
        <translation>
            <numerusform>Wrote %n example to %1.</numerusform>
            <numerusform>Wrote %n examples to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conversation(s) left out: nothing to learn from, or over the limit.</source>
        <translation>
            <numerusform>%n conversation left out: nothing to learn from, or over the limit.</numerusform>
            <numerusform>%n conversations left out: nothing to learn from, or over the limit.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::JobsPanel</name>
    <message numerus="yes">
        <source>about %n s left</source>
        <translation>
            <numerusform>about %n s left</numerusform>
            <numerusform>about %n s left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n min left</source>
        <translation>
            <numerusform>about %n min left</numerusform>
            <numerusform>about %n min left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n h left</source>
        <translation>
            <numerusform>about %n h left</numerusform>
            <numerusform>about %n h left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::MainWindow</name>
    <message numerus="yes">
        <source>Imported %n conversation(s).</source>
        <translation>
            <numerusform>Imported %n conversation.</numerusform>
            <numerusform>Imported %n conversations.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Take the tag “%1” off %n conversation(s)? The conversations stay.</source>
        <translation>
            <numerusform>Take the tag “%1” off %n conversation? The conversations stay.</numerusform>
            <numerusform>Take the tag “%1” off %n conversations? The conversations stay.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n alert(s)</source>
        <translation>
            <numerusform>⚠ %n alert</numerusform>
            <numerusform>⚠ %n alerts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n active alert(s)</source>
        <translation>
            <numerusform>%n active alert</numerusform>
            <numerusform>%n active alerts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n background job(s) cut off last time go on now.</source>
        <translation>
            <numerusform>%n background job cut off last time goes on now.</numerusform>
            <numerusform>%n background jobs cut off last time go on now.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n large file(s) are imported in the background; View ▸ Background Jobs shows them.</source>
        <translation>
            <numerusform>%n large file is imported in the background; View ▸ Background Jobs shows it.</numerusform>
            <numerusform>%n large files are imported in the background; View ▸ Background Jobs shows them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::MessageWidget</name>
    <message numerus="yes">
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n attempt</numerusform>
            <numerusform>%n attempts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the oldest %n message(s) left out to fit the window</source>
        <translation>
            <numerusform>the oldest message left out to fit the window</numerusform>
            <numerusform>the oldest %n messages left out to fit the window</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::NewExperimentDialog</name>
    <message numerus="yes">
        <source>%1 (%n case(s))</source>
        <translation>
            <numerusform>%1 (%n case)</numerusform>
            <numerusform>%1 (%n cases)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::PromptsWindow</name>
    <message numerus="yes">
        <source>%n variable(s).</source>
        <translation>
            <numerusform>%n variable.</numerusform>
            <numerusform>%n variables.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove &quot;%1&quot; with all its %n version(s)? This cannot be undone.</source>
        <translation>
            <numerusform>Remove &quot;%1&quot; with its %n version? This cannot be undone.</numerusform>
            <numerusform>Remove &quot;%1&quot; with all its %n versions? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n template(s): %1 new, %2 with a new version, %3 unchanged.</source>
        <translation>
            <numerusform>Imported %n template: %1 new, %2 with a new version, %3 unchanged.</numerusform>
            <numerusform>Imported %n templates: %1 new, %2 with a new version, %3 unchanged.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n template(s) with %1 versions to %2.</source>
        <translation>
            <numerusform>Exported %n template with %1 versions to %2.</numerusform>
            <numerusform>Exported %n templates with %1 versions to %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n Markdown file(s) to %1.</source>
        <translation>
            <numerusform>Wrote %n Markdown file to %1.</numerusform>
            <numerusform>Wrote %n Markdown files to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s), none rated</source>
        <translation>
            <numerusform>%n answer, none rated</numerusform>
            <numerusform>%n answers, none rated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s), %1 % good of %2 rated (95 % interval %3 to %4 %)</source>
        <translation>
            <numerusform>%n answer, %1 % good of %2 rated (95 % interval %3 to %4 %)</numerusform>
            <numerusform>%n answers, %1 % good of %2 rated (95 % interval %3 to %4 %)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) with extra spaces or blank lines</source>
        <translation>
            <numerusform>%n line with extra spaces or blank lines</numerusform>
            <numerusform>%n lines with extra spaces or blank lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Compacting saves %n token(s).</source>
        <translation>
            <numerusform>Compacting saves %n token.</numerusform>
            <numerusform>Compacting saves %n tokens.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::ProviderHealthDialog</name>
    <message numerus="yes">
        <source>%n provider(s) unhealthy</source>
        <translation>
            <numerusform>%n provider unhealthy</numerusform>
            <numerusform>%n providers unhealthy</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every %n minute(s)</source>
        <translation>
            <numerusform>Every %n minute</numerusform>
            <numerusform>Every %n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::ProvidersDialog</name>
    <message numerus="yes">
        <source>%1: reachable, authenticated, %n model(s), %2 ms</source>
        <translation>
            <numerusform>%1: reachable, authenticated, %n model, %2 ms</numerusform>
            <numerusform>%1: reachable, authenticated, %n models, %2 ms</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::RoleMatrixModel</name>
    <message numerus="yes">
        <source>%1: built in, cannot be changed; %n people have it</source>
        <translation>
            <numerusform>%1: built in, cannot be changed; %n person has it</numerusform>
            <numerusform>%1: built in, cannot be changed; %n people have it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: custom role; %n people have it</source>
        <translation>
            <numerusform>%1: custom role; %n person has it</numerusform>
            <numerusform>%1: custom role; %n people have it</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::RolesPage</name>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; · %n people have it</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; · %n person has it</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; · %n people have it</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::SearchDialog</name>
    <message numerus="yes">
        <source>The newest %n matches; scroll for more.</source>
        <translation>
            <numerusform>The newest %n matches; scroll for more.</numerusform>
            <numerusform>The newest %n matches; scroll for more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n matching message(s), newest first.</source>
        <translation>
            <numerusform>%n matching message, newest first.</numerusform>
            <numerusform>%n matching messages, newest first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::SettingsDialog</name>
    <message numerus="yes">
        <source>Every %n minute(s)</source>
        <translation>
            <numerusform>Every %n minute</numerusform>
            <numerusform>Every %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stored answer(s)</source>
        <translation>
            <numerusform>%n stored answer</numerusform>
            <numerusform>%n stored answers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::TagsDialog</name>
    <message numerus="yes">
        <source>On %n conversation(s)</source>
        <translation>
            <numerusform>On %n conversation</numerusform>
            <numerusform>On %n conversations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A conversation can carry at most %n tag(s); uncheck %1 of them.</source>
        <translation>
            <numerusform>A conversation can carry at most %n tag; uncheck %1 of them.</numerusform>
            <numerusform>A conversation can carry at most %n tags; uncheck %1 of them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::UsageCharts</name>
    <message numerus="yes">
        <source>%1 · %2%3 of %n rated</source>
        <translation>
            <numerusform>%1 · %2%3 of %n rated</numerusform>
            <numerusform>%1 · %2%3 of %n rated</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::UsageFigures</name>
    <message numerus="yes">
        <source>against the %n day(s) before</source>
        <translation>
            <numerusform>against the day before</numerusform>
            <numerusform>against the %n days before</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) without a price: the cost is at least this.</source>
        <translation>
            <numerusform>%n request without a price: the cost is at least this.</numerusform>
            <numerusform>%n requests without a price: the cost is at least this.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) from Tessera&apos;s cache, %1 retries, %2 on a fallback model</source>
        <translation>
            <numerusform>%n answer from Tessera&apos;s cache, %1 retries, %2 on a fallback model</numerusform>
            <numerusform>%n answers from Tessera&apos;s cache, %1 retries, %2 on a fallback model</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed request(s)</source>
        <translation>
            <numerusform>%n failed request</numerusform>
            <numerusform>%n failed requests</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::UsageReport</name>
    <message numerus="yes">
        <source>%1 to %2 (%n day(s))</source>
        <translation>
            <numerusform>%1 to %2 (%n day)</numerusform>
            <numerusform>%1 to %2 (%n days)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::UsageWindow</name>
    <message numerus="yes">
        <source>%n active alert(s):</source>
        <translation>
            <numerusform>%n active alert:</numerusform>
            <numerusform>%n active alerts:</numerusform>
        </translation>
    </message>
</context>
</TS>
