<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Tessera::Core::Error</name>
    <message>
        <source>Something went wrong inside Tessera. Please report it with the log file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The input is not valid. Check it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The requested item does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An item with this name already exists. Choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local database could not be read or written. Check the disk and run &apos;tessera-cli doctor&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database could not be upgraded. Nothing was changed; restore a backup or report the problem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain (Secret Service) is available. Start your keyring, or give the provider an environment variable that holds the API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API key for this provider is not in the keychain. Edit the provider and enter the key again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain refused the request. Unlock your keyring and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key is available: the environment variable named for this provider is not set. Set it, or store the key in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider could not be reached. Check the base URL and your network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider did not answer in time. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A secure connection to the provider could not be established. Check the base URL and the system&apos;s certificates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider rejected the request. Check the model name and the parameters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider rejected the API key. Check the key in the provider settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API key is not allowed to use this model or endpoint. Check your account&apos;s permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider does not know this model or endpoint. Check the model name and the base URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider is limiting requests. Wait a moment and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your provider account has no quota left. Check your plan and billing details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider is having problems right now. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider reported an error while answering. The partial answer was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer stopped before it was complete. The partial answer was kept; regenerate to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider sent a response Tessera cannot read. Check that the base URL points to a compatible server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s response exceeded Tessera&apos;s size limits.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tessera::Core::Presets</name>
    <message>
        <source>OpenAI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenRouter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LM Studio (local)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ollama OpenAI-compatible (local)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>llama.cpp server (local)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vLLM (local)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom OpenAI-compatible server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::AddProviderDialog</name>
    <message>
        <source>Store the key in the system &amp;keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the key from an &amp;environment variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;No key (local server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAI-compatible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variable name, e.g. OPENAI_API_KEY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment variable name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;ame:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>K&amp;ind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Default model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain (Secret Service) is available, so Tessera cannot store an API key securely. Put the key in an environment variable before starting Tessera and enter the variable&apos;s name above. Tessera never stores keys in plain text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name must be 1–64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The base URL must start with http:// or https://, for example http://localhost:1234/v1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the name of the environment variable that holds the key (letters, digits and &apos;_&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the API key, or choose another way to provide it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The environment variable %1 is not set in the environment Tessera was started from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reachable %1 · Authenticated %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> · %n model(s) · %1 ms</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>A provider named %1 already exists. Choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::ChatPanel</name>
    <message>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload the provider&apos;s model list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the answer (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a provider first (Providers ▸ Add Provider…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in / %2 out tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first token %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>total %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::ChatView</name>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::Composer</name>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a message… (Ctrl+Enter sends, Esc stops)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::ConversationListModel</name>
    <message>
        <source>Untitled conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n message(s), updated %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::ErrorBanner</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::ErrorText</name>
    <message>
        <source>The provider said: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Retry after %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>[%1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correlation id: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::MainWindow</name>
    <message>
        <source>Tessera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversation list could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename Conversation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Provider…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Focus Message Box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Tessera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider %1 added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “%1” and all its messages? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the answer being written first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Tessera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tessera %1
A native desktop AI workspace. Your API keys stay in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::MessageWidget</name>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistant · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incomplete answer (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≈%1 in / ≈%2 out tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in / %2 out tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first token %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language takes effect when Tessera starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Tessera cannot start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
