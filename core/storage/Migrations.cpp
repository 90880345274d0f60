#include "storage/Migrations.h"

namespace Tessera::Core {

const std::vector<Migration>& sqliteMigrations() {
    // The time a row seeded by a migration was made, as the store writes times.
    const QString now = QStringLiteral("strftime('%Y-%m-%dT%H:%M:%fZ', 'now')");
    static const std::vector<Migration> all = {
        {1,
         {
             QStringLiteral(R"(CREATE TABLE providers (
                 id INTEGER PRIMARY KEY,
                 name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                 kind TEXT NOT NULL,
                 base_url TEXT NOT NULL,
                 default_model TEXT NOT NULL DEFAULT '',
                 key_source TEXT NOT NULL CHECK (key_source IN ('keychain', 'env', 'none')),
                 key_env_var TEXT NOT NULL DEFAULT '',
                 created_at TEXT NOT NULL,
                 updated_at TEXT NOT NULL))"),
             QStringLiteral(R"(CREATE TABLE conversations (
                 id INTEGER PRIMARY KEY,
                 title TEXT NOT NULL,
                 provider_id INTEGER REFERENCES providers(id) ON DELETE SET NULL,
                 model TEXT NOT NULL DEFAULT '',
                 system_prompt TEXT NOT NULL DEFAULT '',
                 created_at TEXT NOT NULL,
                 updated_at TEXT NOT NULL))"),
             QStringLiteral("CREATE INDEX conversations_by_update ON conversations(updated_at DESC, id DESC)"),
             QStringLiteral(R"(CREATE TABLE messages (
                 id INTEGER PRIMARY KEY,
                 conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
                 role TEXT NOT NULL CHECK (role IN ('system', 'user', 'assistant')),
                 content TEXT NOT NULL,
                 state TEXT NOT NULL CHECK (state IN ('complete', 'streaming', 'incomplete', 'failed')),
                 provider_name TEXT NOT NULL DEFAULT '',
                 model TEXT NOT NULL DEFAULT '',
                 finish_reason TEXT NOT NULL DEFAULT '',
                 input_tokens INTEGER,
                 cached_input_tokens INTEGER,
                 output_tokens INTEGER,
                 reasoning_tokens INTEGER,
                 usage_estimated INTEGER NOT NULL DEFAULT 0,
                 ttft_ms INTEGER,
                 latency_ms INTEGER,
                 error_code TEXT NOT NULL DEFAULT '',
                 correlation_id TEXT NOT NULL DEFAULT '',
                 created_at TEXT NOT NULL,
                 updated_at TEXT NOT NULL))"),
             QStringLiteral("CREATE INDEX messages_by_conversation ON messages(conversation_id, id)"),
         }},
        {2,
         {
             QStringLiteral("ALTER TABLE providers ADD COLUMN api_version TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("ALTER TABLE providers ADD COLUMN enabled INTEGER NOT NULL DEFAULT 1"),
             QStringLiteral("ALTER TABLE providers ADD COLUMN resilience TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("ALTER TABLE conversations ADD COLUMN fallback_provider_id INTEGER "
                            "REFERENCES providers(id) ON DELETE SET NULL"),
             QStringLiteral("ALTER TABLE conversations ADD COLUMN fallback_model TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("ALTER TABLE messages ADD COLUMN attempts INTEGER NOT NULL DEFAULT 1"),
             QStringLiteral("ALTER TABLE messages ADD COLUMN cache_hit INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE messages ADD COLUMN via_fallback INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral(R"(CREATE TABLE message_images (
                 id INTEGER PRIMARY KEY,
                 message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
                 mime_type TEXT NOT NULL,
                 name TEXT NOT NULL DEFAULT '',
                 data BLOB NOT NULL))"),
             QStringLiteral("CREATE INDEX message_images_by_message ON message_images(message_id, id)"),
             QStringLiteral(R"(CREATE TABLE response_cache (
                 key TEXT PRIMARY KEY,
                 provider_name TEXT NOT NULL,
                 model TEXT NOT NULL,
                 answer TEXT NOT NULL,
                 created_at TEXT NOT NULL,
                 expires_at TEXT NOT NULL,
                 hits INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID)"),
             QStringLiteral("CREATE INDEX response_cache_by_model ON response_cache(provider_name, model)"),
             QStringLiteral("CREATE INDEX response_cache_by_expiry ON response_cache(expires_at)"),
             QStringLiteral(R"sql(CREATE TABLE metrics (
                 name TEXT NOT NULL,
                 labels TEXT NOT NULL,
                 value REAL NOT NULL,
                 PRIMARY KEY (name, labels)) WITHOUT ROWID)sql"),
             QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID"),
         }},
        {3,
         {
             // Full-text search over message text: an external-content FTS5 index kept in step by triggers.
             QStringLiteral("CREATE VIRTUAL TABLE messages_fts USING fts5(content, content='messages', "
                            "content_rowid='id', tokenize='unicode61 remove_diacritics 2')"),
             QStringLiteral("INSERT INTO messages_fts(messages_fts) VALUES('rebuild')"),
             QStringLiteral(R"sql(CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
                 INSERT INTO messages_fts(rowid, content) VALUES (new.id, new.content);
             END)sql"),
             QStringLiteral(R"sql(CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
                 INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.id, old.content);
             END)sql"),
             QStringLiteral(R"sql(CREATE TRIGGER messages_fts_update AFTER UPDATE OF content ON messages BEGIN
                 INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.id, old.content);
                 INSERT INTO messages_fts(rowid, content) VALUES (new.id, new.content);
             END)sql"),
         }},
        {4,
         {
             // Branches: every message follows a parent (none for the first), so edited and regenerated messages
             // are siblings; the conversation remembers the last message of the branch it shows.
             QStringLiteral("ALTER TABLE messages ADD COLUMN parent_id INTEGER"),
             QStringLiteral("UPDATE messages SET parent_id = (SELECT MAX(p.id) FROM messages p "
                            "WHERE p.conversation_id = messages.conversation_id AND p.id < messages.id)"),
             QStringLiteral("CREATE INDEX messages_by_parent ON messages(conversation_id, parent_id, id)"),
             QStringLiteral("ALTER TABLE conversations ADD COLUMN current_leaf_id INTEGER"),
             QStringLiteral("UPDATE conversations SET current_leaf_id = "
                            "(SELECT MAX(m.id) FROM messages m WHERE m.conversation_id = conversations.id)"),
         }},
        {5,
         {
             // What the user is typing, per conversation (0: a conversation not started yet), so nothing typed is
             // lost to a restart or a crash.
             QStringLiteral("CREATE TABLE drafts (conversation_id INTEGER PRIMARY KEY, text TEXT NOT NULL, "
                            "updated_at TEXT NOT NULL) WITHOUT ROWID"),
             QStringLiteral(R"sql(CREATE TRIGGER drafts_follow_conversations AFTER DELETE ON conversations BEGIN
                 DELETE FROM drafts WHERE conversation_id = old.id;
             END)sql"),
         }},
        {6,
         {
             // Per-conversation generation settings; NULL leaves them to the provider.
             QStringLiteral("ALTER TABLE conversations ADD COLUMN temperature REAL"),
             QStringLiteral("ALTER TABLE conversations ADD COLUMN max_tokens INTEGER"),
         }},
        {7,
         {
             // Deleting a conversation in the app can be undone for a moment: it is marked, then removed.
             QStringLiteral("ALTER TABLE conversations ADD COLUMN deleted_at TEXT"),
         }},
        {8,
         {
             // Organising: pinned conversations stay at the top; archived ones leave the list until asked for.
             QStringLiteral("ALTER TABLE conversations ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE conversations ADD COLUMN archived INTEGER NOT NULL DEFAULT 0"),
         }},
        {9,
         {
             // Tags: names compared without case; a conversation has any number of them. A tag no conversation
             // uses any more is removed with its last link (also when a conversation is deleted).
             QStringLiteral("CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE)"),
             QStringLiteral(R"sql(CREATE TABLE conversation_tags (
                 conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
                 tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
                 PRIMARY KEY (conversation_id, tag_id)) WITHOUT ROWID)sql"),
             QStringLiteral("CREATE INDEX conversation_tags_by_tag ON conversation_tags(tag_id, conversation_id)"),
             QStringLiteral(R"sql(CREATE TRIGGER tags_unused_removed AFTER DELETE ON conversation_tags
             WHEN NOT EXISTS (SELECT 1 FROM conversation_tags WHERE tag_id = old.tag_id) BEGIN
                 DELETE FROM tags WHERE id = old.tag_id;
             END)sql"),
         }},
        {10,
         {
             // Several processes can share one store: each registers itself with a heartbeat, and marks the answers
             // it streams and the conversations it moves to the trash, so another process recovers only what a
             // process that is gone left behind.
             QStringLiteral("CREATE TABLE store_owners (id TEXT PRIMARY KEY, host TEXT NOT NULL, pid INTEGER NOT NULL, "
                            "started_at TEXT NOT NULL, heartbeat_at TEXT NOT NULL)"),
             QStringLiteral("ALTER TABLE messages ADD COLUMN owner TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("ALTER TABLE conversations ADD COLUMN deleted_by TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("CREATE INDEX messages_streaming ON messages(state) WHERE state = 'streaming'"),
         }},
        {11,
         {
             // Accounts and roles. Personal mode is multi-user mode with one account: every store has the owner
             // (id 1, an Administrator, no password until accounts are switched on), and what it holds is theirs.
             // Built-in roles keep their permissions in code; a custom role's are here ("chat,data.export"), with
             // its allowlist of providers and models ("" allows all).
             QStringLiteral(R"(CREATE TABLE roles (
                 id INTEGER PRIMARY KEY,
                 name TEXT NOT NULL,
                 name_key TEXT NOT NULL UNIQUE,
                 built_in INTEGER NOT NULL DEFAULT 0,
                 permissions TEXT NOT NULL DEFAULT '',
                 providers TEXT NOT NULL DEFAULT '',
                 created_at TEXT NOT NULL))"),
             QStringLiteral(R"(CREATE TABLE accounts (
                 id INTEGER PRIMARY KEY,
                 username TEXT NOT NULL,
                 username_key TEXT NOT NULL UNIQUE,
                 display_name TEXT NOT NULL DEFAULT '',
                 role_id INTEGER NOT NULL REFERENCES roles(id),
                 password_hash TEXT NOT NULL DEFAULT '',
                 status TEXT NOT NULL DEFAULT 'active',
                 must_change_password INTEGER NOT NULL DEFAULT 0,
                 failed_sign_ins INTEGER NOT NULL DEFAULT 0,
                 first_failure_at TEXT NOT NULL DEFAULT '',
                 locked_until TEXT NOT NULL DEFAULT '',
                 lockouts INTEGER NOT NULL DEFAULT 0,
                 created_at TEXT NOT NULL,
                 last_sign_in_at TEXT NOT NULL DEFAULT ''))"),
             QStringLiteral("CREATE INDEX accounts_by_role ON accounts(role_id)"),
             QStringLiteral("INSERT INTO roles (id, name, name_key, built_in, created_at) VALUES "
                            "(1, 'Administrator', 'administrator', 1, %1), (2, 'Manager', 'manager', 1, %1), "
                            "(3, 'Member', 'member', 1, %1), (4, 'Auditor', 'auditor', 1, %1)")
                 .arg(now),
             QStringLiteral("INSERT INTO accounts (id, username, username_key, display_name, role_id, created_at) "
                            "VALUES (1, 'owner', 'owner', 'owner', 1, %1)")
                 .arg(now),
         }},
        {12,
         {
             // Sign-in sessions, the refresh tokens of "stay signed in" (a family per sign-in, rotated at each use),
             // personal API tokens (ids never reused, so the audit log's "session 7" names one), the hash-chained audit
             // log with its head, and feature flags. Tokens are kept only as SHA-256; the audit head carries the newest
             // entry's hash (so a removed tail shows) and the hash the oldest kept entry follows (after retention
             // removed older ones).
             QStringLiteral(R"(CREATE TABLE sessions (
                 id INTEGER PRIMARY KEY AUTOINCREMENT,
                 account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                 token_hash TEXT NOT NULL UNIQUE,
                 client TEXT NOT NULL,
                 refresh_family TEXT NOT NULL DEFAULT '',
                 created_at TEXT NOT NULL,
                 last_seen_at TEXT NOT NULL,
                 expires_at TEXT NOT NULL))"),
             QStringLiteral("CREATE INDEX sessions_by_account ON sessions(account_id)"),
             QStringLiteral(R"(CREATE TABLE refresh_tokens (
                 id INTEGER PRIMARY KEY AUTOINCREMENT,
                 family TEXT NOT NULL,
                 account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                 token_hash TEXT NOT NULL UNIQUE,
                 created_at TEXT NOT NULL,
                 expires_at TEXT NOT NULL,
                 used_at TEXT NOT NULL DEFAULT ''))"),
             QStringLiteral("CREATE INDEX refresh_tokens_by_family ON refresh_tokens(family)"),
             QStringLiteral("CREATE INDEX refresh_tokens_by_account ON refresh_tokens(account_id)"),
             QStringLiteral(R"(CREATE TABLE api_tokens (
                 id INTEGER PRIMARY KEY AUTOINCREMENT,
                 account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                 name TEXT NOT NULL,
                 name_key TEXT NOT NULL,
                 token_hash TEXT NOT NULL UNIQUE,
                 permissions TEXT NOT NULL DEFAULT '*',
                 created_at TEXT NOT NULL,
                 expires_at TEXT NOT NULL DEFAULT '',
                 last_used_at TEXT NOT NULL DEFAULT '',
                 UNIQUE (account_id, name_key)))"),
             QStringLiteral(R"(CREATE TABLE audit_log (
                 id INTEGER PRIMARY KEY,
                 at TEXT NOT NULL,
                 actor_id INTEGER NOT NULL,
                 actor_name TEXT NOT NULL,
                 action TEXT NOT NULL,
                 target TEXT NOT NULL DEFAULT '',
                 client TEXT NOT NULL,
                 outcome TEXT NOT NULL,
                 correlation_id TEXT NOT NULL DEFAULT '',
                 detail TEXT NOT NULL DEFAULT '',
                 prev_hash TEXT NOT NULL,
                 hash TEXT NOT NULL))"),
             QStringLiteral("CREATE INDEX audit_by_time ON audit_log(at, id)"),
             QStringLiteral("CREATE INDEX audit_by_actor ON audit_log(actor_id, id)"),
             QStringLiteral("CREATE INDEX audit_by_action ON audit_log(action, id)"),
             QStringLiteral(R"(CREATE TABLE audit_head (
                 id INTEGER PRIMARY KEY CHECK (id = 1),
                 last_id INTEGER NOT NULL,
                 last_hash TEXT NOT NULL,
                 base_id INTEGER NOT NULL,
                 base_hash TEXT NOT NULL))"),
             QStringLiteral(
                 "INSERT INTO audit_head (id, last_id, last_hash, base_id, base_hash) VALUES (1, 0, '', 0, '')"),
             QStringLiteral(R"(CREATE TABLE feature_flags (
                 flag TEXT NOT NULL,
                 scope TEXT NOT NULL CHECK (scope IN ('default', 'role', 'user')),
                 scope_id INTEGER NOT NULL DEFAULT 0,
                 enabled INTEGER NOT NULL,
                 PRIMARY KEY (flag, scope, scope_id)))"),
         }},
        {13,
         {
             // Conversations, tags and drafts belong to an account: every list, search, export and draft is the
             // signed-in person's. What the store held before is the owner's (account 1). Tag names and the draft
             // of a conversation not yet started are unique per account, so both tables are rebuilt with the owner
             // in their keys.
             QStringLiteral("ALTER TABLE conversations ADD COLUMN owner_id INTEGER NOT NULL DEFAULT 1"),
             QStringLiteral("CREATE INDEX conversations_by_owner ON conversations(owner_id, updated_at DESC, id DESC)"),
             QStringLiteral("CREATE TABLE tags_by_owner (id INTEGER PRIMARY KEY, owner_id INTEGER NOT NULL DEFAULT 1, "
                            "name TEXT NOT NULL COLLATE NOCASE, UNIQUE (owner_id, name))"),
             QStringLiteral("INSERT INTO tags_by_owner (id, owner_id, name) SELECT id, 1, name FROM tags"),
             QStringLiteral(R"sql(CREATE TABLE conversation_tags_by_owner (
                 conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
                 tag_id INTEGER NOT NULL REFERENCES tags_by_owner(id) ON DELETE CASCADE,
                 PRIMARY KEY (conversation_id, tag_id)) WITHOUT ROWID)sql"),
             QStringLiteral("INSERT INTO conversation_tags_by_owner (conversation_id, tag_id) "
                            "SELECT conversation_id, tag_id FROM conversation_tags"),
             QStringLiteral("DROP TABLE conversation_tags"),
             QStringLiteral("DROP TABLE tags"),
             QStringLiteral("ALTER TABLE tags_by_owner RENAME TO tags"),
             QStringLiteral("ALTER TABLE conversation_tags_by_owner RENAME TO conversation_tags"),
             QStringLiteral("CREATE INDEX conversation_tags_by_tag ON conversation_tags(tag_id, conversation_id)"),
             QStringLiteral(R"sql(CREATE TRIGGER tags_unused_removed AFTER DELETE ON conversation_tags
             WHEN NOT EXISTS (SELECT 1 FROM conversation_tags WHERE tag_id = old.tag_id) BEGIN
                 DELETE FROM tags WHERE id = old.tag_id;
             END)sql"),
             QStringLiteral("DROP TRIGGER drafts_follow_conversations"),
             QStringLiteral(
                 "CREATE TABLE drafts_by_owner (owner_id INTEGER NOT NULL DEFAULT 1, conversation_id INTEGER "
                 "NOT NULL, text TEXT NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (owner_id, "
                 "conversation_id)) WITHOUT ROWID"),
             QStringLiteral("INSERT INTO drafts_by_owner (owner_id, conversation_id, text, updated_at) "
                            "SELECT 1, conversation_id, text, updated_at FROM drafts"),
             QStringLiteral("DROP TABLE drafts"),
             QStringLiteral("ALTER TABLE drafts_by_owner RENAME TO drafts"),
             QStringLiteral(R"sql(CREATE TRIGGER drafts_follow_conversations AFTER DELETE ON conversations BEGIN
                 DELETE FROM drafts WHERE conversation_id = old.id;
             END)sql"),
         }},
        {14,
         {
             // The usage ledger: one entry per provider request that can cost money, kept when its conversation is
             // deleted (no reference to it: accounting outlives content). Daily rollups (day × person × provider ×
             // model × feature) are updated in the same transaction, so totals read the rollups.
             QStringLiteral(R"(CREATE TABLE usage_ledger (
                 id INTEGER PRIMARY KEY AUTOINCREMENT,
                 at TEXT NOT NULL,
                 day TEXT NOT NULL,
                 account_id INTEGER NOT NULL,
                 provider TEXT NOT NULL,
                 model TEXT NOT NULL,
                 model_reported TEXT NOT NULL DEFAULT '',
                 feature TEXT NOT NULL,
                 conversation_id INTEGER,
                 message_id INTEGER,
                 input_tokens INTEGER NOT NULL DEFAULT 0,
                 cached_input_tokens INTEGER NOT NULL DEFAULT 0,
                 cache_write_tokens INTEGER NOT NULL DEFAULT 0,
                 output_tokens INTEGER NOT NULL DEFAULT 0,
                 reasoning_tokens INTEGER NOT NULL DEFAULT 0,
                 cost_micros INTEGER,
                 price TEXT NOT NULL DEFAULT '',
                 estimated INTEGER NOT NULL DEFAULT 0,
                 latency_ms INTEGER,
                 first_token_ms INTEGER,
                 outcome TEXT NOT NULL CHECK (outcome IN ('complete', 'incomplete', 'failed', 'cached')),
                 correlation_id TEXT NOT NULL DEFAULT ''))"),
             QStringLiteral("CREATE INDEX usage_ledger_by_account ON usage_ledger(account_id, id)"),
             QStringLiteral("CREATE INDEX usage_ledger_by_day ON usage_ledger(day, id)"),
             QStringLiteral("CREATE INDEX usage_ledger_by_message ON usage_ledger(message_id)"),
             QStringLiteral(R"(CREATE TABLE usage_daily (
                 day TEXT NOT NULL,
                 account_id INTEGER NOT NULL,
                 provider TEXT NOT NULL,
                 model TEXT NOT NULL,
                 feature TEXT NOT NULL,
                 requests INTEGER NOT NULL DEFAULT 0,
                 input_tokens INTEGER NOT NULL DEFAULT 0,
                 cached_input_tokens INTEGER NOT NULL DEFAULT 0,
                 cache_write_tokens INTEGER NOT NULL DEFAULT 0,
                 output_tokens INTEGER NOT NULL DEFAULT 0,
                 reasoning_tokens INTEGER NOT NULL DEFAULT 0,
                 cost_micros INTEGER NOT NULL DEFAULT 0,
                 unpriced INTEGER NOT NULL DEFAULT 0,
                 PRIMARY KEY (day, account_id, provider, model, feature)))"),
             QStringLiteral("CREATE INDEX usage_daily_by_account ON usage_daily(account_id, day)"),
             // What the store already knew of answers' usage moves into the ledger (the owner of the conversation
             // is who used it; the day is the UTC date of the answer); the rollups are summed from it.
             QStringLiteral(
                 "INSERT INTO usage_ledger (at, day, account_id, provider, model, model_reported, feature, "
                 "conversation_id, message_id, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, "
                 "cost_micros, estimated, latency_ms, first_token_ms, outcome, correlation_id) "
                 "SELECT m.updated_at, substr(m.updated_at, 1, 10), c.owner_id, m.provider_name, m.model, m.model, "
                 "'chat', m.conversation_id, m.id, COALESCE(m.input_tokens, 0), COALESCE(m.cached_input_tokens, 0), "
                 "COALESCE(m.output_tokens, 0), COALESCE(m.reasoning_tokens, 0), "
                 "CASE WHEN m.cache_hit = 1 THEN 0 ELSE NULL END, m.usage_estimated, m.latency_ms, m.ttft_ms, "
                 "CASE WHEN m.cache_hit = 1 THEN 'cached' WHEN m.state = 'complete' THEN 'complete' "
                 "WHEN m.state = 'incomplete' THEN 'incomplete' ELSE 'failed' END, m.correlation_id "
                 "FROM messages m JOIN conversations c ON c.id = m.conversation_id "
                 "WHERE m.role = 'assistant' AND m.state <> 'streaming' AND m.provider_name <> '' ORDER BY m.id"),
             QStringLiteral(
                 "INSERT INTO usage_daily (day, account_id, provider, model, feature, requests, input_tokens, "
                 "cached_input_tokens, cache_write_tokens, output_tokens, reasoning_tokens, cost_micros, unpriced) "
                 "SELECT day, account_id, provider, model, feature, COUNT(*), SUM(input_tokens), "
                 "SUM(cached_input_tokens), SUM(cache_write_tokens), SUM(output_tokens), SUM(reasoning_tokens), "
                 "SUM(COALESCE(cost_micros, 0)), SUM(CASE WHEN cost_micros IS NULL THEN 1 ELSE 0 END) "
                 "FROM usage_ledger GROUP BY day, account_id, provider, model, feature"),
         }},
        {15,
         {
             // Price overrides: an administrator's price for a provider's model from a moment on (a negotiated
             // rate, a gateway's prices). Rates are micro-dollars per million tokens. A new row never changes a
             // cost already in the ledger, which keeps the price it used.
             QStringLiteral(R"(CREATE TABLE price_overrides (
                 id INTEGER PRIMARY KEY AUTOINCREMENT,
                 provider TEXT NOT NULL,
                 model TEXT NOT NULL,
                 effective_from TEXT NOT NULL,
                 input_micros INTEGER NOT NULL,
                 cached_input_micros INTEGER NOT NULL,
                 cache_write_micros INTEGER NOT NULL,
                 output_micros INTEGER NOT NULL,
                 reasoning_micros INTEGER NOT NULL,
                 set_by INTEGER NOT NULL,
                 set_at TEXT NOT NULL,
                 UNIQUE (provider, model, effective_from)))"),
             // Budgets: per user, per role (each member gets it) or for everyone together, over a calendar window
             // in the usage time zone or in total. A budget limits dollars, tokens or both.
             QStringLiteral(R"(CREATE TABLE budgets (
                 id INTEGER PRIMARY KEY AUTOINCREMENT,
                 scope TEXT NOT NULL CHECK (scope IN ('user', 'role', 'global')),
                 subject_id INTEGER NOT NULL DEFAULT 0,
                 period TEXT NOT NULL CHECK (period IN ('day', 'week', 'month', 'total')),
                 limit_micros INTEGER,
                 limit_tokens INTEGER,
                 soft_percent INTEGER NOT NULL DEFAULT 80,
                 updated_by INTEGER NOT NULL,
                 updated_at TEXT NOT NULL,
                 UNIQUE (scope, subject_id, period)))"),
             // The soft-limit warnings already given: once per budget, person and window.
             QStringLiteral(R"(CREATE TABLE budget_warnings (
                 budget_id INTEGER NOT NULL,
                 account_id INTEGER NOT NULL,
                 window_start TEXT NOT NULL,
                 warned_at TEXT NOT NULL,
                 PRIMARY KEY (budget_id, account_id, window_start)))"),
             // Requests per minute and answers at once, per user or per role (each member).
             QStringLiteral(R"(CREATE TABLE rate_limits (
                 scope TEXT NOT NULL CHECK (scope IN ('user', 'role')),
                 subject_id INTEGER NOT NULL,
                 requests_per_minute INTEGER,
                 concurrent INTEGER,
                 updated_by INTEGER NOT NULL,
                 updated_at TEXT NOT NULL,
                 PRIMARY KEY (scope, subject_id)))"),
             // What requests in flight may still cost: reserved before a request leaves, settled when it ends.
             // A reservation counts while its process (owner, see store_owners) lives; settled rows stay a few
             // minutes to count requests per minute.
             QStringLiteral(R"(CREATE TABLE usage_reservations (
                 id INTEGER PRIMARY KEY AUTOINCREMENT,
                 account_id INTEGER NOT NULL,
                 owner TEXT NOT NULL,
                 started_at TEXT NOT NULL,
                 cost_micros INTEGER NOT NULL DEFAULT 0,
                 tokens INTEGER NOT NULL DEFAULT 0,
                 settled INTEGER NOT NULL DEFAULT 0))"),
             QStringLiteral("CREATE INDEX usage_reservations_by_account ON usage_reservations(account_id, started_at)"),
             // How many of the oldest messages an answer's request left out to fit the model's window.
             QStringLiteral("ALTER TABLE messages ADD COLUMN left_out INTEGER NOT NULL DEFAULT 0"),
             // A conversation's total cost, found without reading the whole ledger.
             QStringLiteral("CREATE INDEX usage_ledger_by_conversation ON usage_ledger(conversation_id)"),
             // usage unpriced: the entries without a price, found without reading the whole ledger.
             QStringLiteral("CREATE INDEX usage_ledger_unpriced ON usage_ledger(provider, model) "
                            "WHERE cost_micros IS NULL"),
         }},
        {16,
         {
             // What each person, and everyone together (account -1), used each day: the budget check reads a
             // window's few rows here rather than the daily totals of every provider, model and feature. Kept in
             // the transaction that records each entry, and rebuilt with the daily totals.
             QStringLiteral(R"(CREATE TABLE usage_totals (
                 account_id INTEGER NOT NULL,
                 day TEXT NOT NULL,
                 cost_micros INTEGER NOT NULL DEFAULT 0,
                 tokens INTEGER NOT NULL DEFAULT 0,
                 PRIMARY KEY (account_id, day)))"),
             QStringLiteral("INSERT INTO usage_totals (account_id, day, cost_micros, tokens) SELECT account_id, day, "
                            "SUM(cost_micros), SUM(input_tokens + output_tokens) FROM usage_daily "
                            "GROUP BY account_id, day"),
             QStringLiteral("INSERT INTO usage_totals (account_id, day, cost_micros, tokens) SELECT -1, day, "
                            "SUM(cost_micros), SUM(input_tokens + output_tokens) FROM usage_daily GROUP BY day"),
             // The requests in flight, without the settled ones kept for requests per minute.
             QStringLiteral("CREATE INDEX usage_reservations_open ON usage_reservations(account_id) "
                            "WHERE settled = 0"),
         }},
        {17,
         {
             // What the dashboards show of reliability: the retries an answer took and whether the fallback model
             // gave it, on its ledger entry; failures, answers from the cache, retries and fallbacks in the daily
             // totals, which are summed again from the ledger with them.
             QStringLiteral("ALTER TABLE usage_ledger ADD COLUMN retries INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE usage_ledger ADD COLUMN via_fallback INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("UPDATE usage_ledger SET via_fallback = COALESCE((SELECT m.via_fallback FROM messages m "
                            "WHERE m.id = usage_ledger.message_id), 0), retries = COALESCE((SELECT CASE WHEN "
                            "m.attempts - 1 - m.via_fallback > 0 THEN m.attempts - 1 - m.via_fallback ELSE 0 END "
                            "FROM messages m WHERE m.id = usage_ledger.message_id), 0) WHERE message_id IS NOT NULL"),
             QStringLiteral("ALTER TABLE usage_daily ADD COLUMN failures INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE usage_daily ADD COLUMN cache_hits INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE usage_daily ADD COLUMN retries INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE usage_daily ADD COLUMN fallbacks INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("DELETE FROM usage_daily"),
             QStringLiteral(
                 "INSERT INTO usage_daily (day, account_id, provider, model, feature, requests, input_tokens, "
                 "cached_input_tokens, cache_write_tokens, output_tokens, reasoning_tokens, cost_micros, unpriced, "
                 "failures, cache_hits, retries, fallbacks) "
                 "SELECT day, account_id, provider, model, feature, COUNT(*), SUM(input_tokens), "
                 "SUM(cached_input_tokens), SUM(cache_write_tokens), SUM(output_tokens), SUM(reasoning_tokens), "
                 "SUM(COALESCE(cost_micros, 0)), SUM(CASE WHEN cost_micros IS NULL THEN 1 ELSE 0 END), "
                 "SUM(CASE WHEN outcome = 'failed' THEN 1 ELSE 0 END), "
                 "SUM(CASE WHEN outcome = 'cached' THEN 1 ELSE 0 END), SUM(retries), SUM(via_fallback) "
                 "FROM usage_ledger GROUP BY day, account_id, provider, model, feature"),
             // The per-person totals of each day carry every sum the dashboards show, so charts that need no
             // provider, model or feature read a day's few rows there rather than the finer daily totals.
             QStringLiteral("ALTER TABLE usage_totals ADD COLUMN requests INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE usage_totals ADD COLUMN failures INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE usage_totals ADD COLUMN cache_hits INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE usage_totals ADD COLUMN retries INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE usage_totals ADD COLUMN fallbacks INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE usage_totals ADD COLUMN input_tokens INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE usage_totals ADD COLUMN cached_input_tokens INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE usage_totals ADD COLUMN output_tokens INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE usage_totals ADD COLUMN reasoning_tokens INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE usage_totals ADD COLUMN unpriced INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("DELETE FROM usage_totals"),
             QStringLiteral("INSERT INTO usage_totals (account_id, day, cost_micros, tokens, requests, failures, "
                            "cache_hits, retries,"
                            " fallbacks, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, unpriced) "
                            "SELECT account_id, day, SUM(cost_micros), SUM(input_tokens + output_tokens), "
                            "SUM(requests), SUM(failures), SUM(cache_hits), SUM(retries),"
                            " SUM(fallbacks), SUM(input_tokens), SUM(cached_input_tokens), SUM(output_tokens), "
                            "SUM(reasoning_tokens), SUM(unpriced) FROM usage_daily GROUP BY account_id, day"),
             QStringLiteral("INSERT INTO usage_totals (account_id, day, cost_micros, tokens, requests, failures, "
                            "cache_hits, retries,"
                            " fallbacks, input_tokens, cached_input_tokens, output_tokens, reasoning_tokens, unpriced) "
                            "SELECT -1, day, SUM(cost_micros), SUM(input_tokens + output_tokens), "
                            "SUM(requests), SUM(failures), SUM(cache_hits), SUM(retries),"
                            " SUM(fallbacks), SUM(input_tokens), SUM(cached_input_tokens), SUM(output_tokens), "
                            "SUM(reasoning_tokens), SUM(unpriced) FROM usage_daily GROUP BY day"),
         }},
        // The speed chart's latency bins and everyone's totals by provider, model and feature, so charts over all
        // people read a few rows a day.
        {18, usageRollupTables(QStringLiteral("INTEGER")) + usageRollupFillStatements()},
        {19,
         {
             // Alert rules set by administrators, and the alerts they raised: once per rule, condition (a provider,
             // a budget) and window, resolved when the condition ends; kept after their rule is removed.
             QStringLiteral(R"(CREATE TABLE alert_rules (
                 id INTEGER PRIMARY KEY AUTOINCREMENT,
                 kind TEXT NOT NULL CHECK (kind IN ('spend', 'budget_soft', 'failure_rate', 'unhealthy', 'latency')),
                 provider TEXT NOT NULL DEFAULT '',
                 amount_micros INTEGER,
                 share_basis_points INTEGER,
                 latency_ms INTEGER,
                 minutes INTEGER NOT NULL DEFAULT 0,
                 spend_window TEXT NOT NULL DEFAULT '',
                 min_requests INTEGER NOT NULL DEFAULT 5,
                 created_by TEXT NOT NULL,
                 created_at TEXT NOT NULL))"),
             QStringLiteral(R"(CREATE TABLE alert_events (
                 id INTEGER PRIMARY KEY AUTOINCREMENT,
                 rule_id INTEGER REFERENCES alert_rules(id) ON DELETE SET NULL,
                 rule TEXT NOT NULL,
                 condition_key TEXT NOT NULL,
                 window_key TEXT NOT NULL,
                 message TEXT NOT NULL,
                 raised_at TEXT NOT NULL,
                 resolved_at TEXT,
                 UNIQUE (rule_id, condition_key, window_key)))"),
             QStringLiteral(
                 "CREATE INDEX alert_events_open ON alert_events(rule_id, condition_key) WHERE resolved_at IS NULL"),
         }},
        // The prompt library (templates, versions, labels, shares) and feedback on answers (PromptTables.cpp).
        {20, promptLibraryTables(QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT"), QStringLiteral("INTEGER"),
                                 QStringLiteral("REAL"))},
        {21, feedbackTables(QStringLiteral("INTEGER"))},
        {22, templateUseColumns(QStringLiteral("INTEGER"))},
        {23, datasetTables(QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT"), QStringLiteral("INTEGER"))},
        {24, jobTables(QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT"), QStringLiteral("INTEGER"))},
        {25, experimentTables(QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT"), QStringLiteral("INTEGER"))},
        {26, voteTables(QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT"), QStringLiteral("INTEGER"))},
    };
    return all;
}

} // namespace Tessera::Core
