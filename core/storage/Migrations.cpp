#include "storage/Migrations.h"

namespace Tessera::Core {

const std::vector<Migration>& migrations() {
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
    };
    return all;
}

} // namespace Tessera::Core
