<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ConversationFiles</name>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Tessera JSON, every version and image (*.json)</source>
        <translation>Tessera-JSON, alle Fassungen und Bilder (*.json)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export All Conversations</source>
        <translation>Alle Unterhaltungen exportieren</translation>
    </message>
    <message>
        <source>Export Conversation</source>
        <translation>Unterhaltung exportieren</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Tessera conversations</source>
        <translation>Tessera-Unterhaltungen</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n conversation(s) to %1.</source>
        <translation>
            <numerusform>%n Unterhaltung nach %1 exportiert.</numerusform>
            <numerusform>%n Unterhaltungen nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import Conversations</source>
        <translation>Unterhaltungen importieren</translation>
    </message>
    <message>
        <source>Tessera or ChatGPT export (*.json);;All files (*)</source>
        <translation>Tessera- oder ChatGPT-Export (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 was not imported.</source>
        <translation>%1 wurde nicht importiert.</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n conversation(s) to %1 in the background; View ▸ Background Jobs shows how far it is.</source>
        <translation>
            <numerusform>%n Unterhaltung wird im Hintergrund nach %1 exportiert; Ansicht ▸ Hintergrundaufträge zeigt, wie weit es ist.</numerusform>
            <numerusform>%n Unterhaltungen werden im Hintergrund nach %1 exportiert; Ansicht ▸ Hintergrundaufträge zeigt, wie weit es ist.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Core::Error</name>
    <message>
        <source>Something went wrong inside Tessera. Please report it with the log file.</source>
        <translation>In Tessera ist ein Fehler aufgetreten. Bitte melden Sie ihn zusammen mit der Protokolldatei.</translation>
    </message>
    <message>
        <source>The input is not valid. Check it and try again.</source>
        <translation>Die Eingabe ist ungültig. Prüfen Sie sie und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The requested item does not exist.</source>
        <translation>Das angeforderte Element existiert nicht.</translation>
    </message>
    <message>
        <source>An item with this name already exists. Choose another name.</source>
        <translation>Ein Element mit diesem Namen existiert bereits. Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>The local database could not be read or written. Check the disk and run &apos;tessera-cli doctor&apos;.</source>
        <translation>Die lokale Datenbank konnte nicht gelesen oder geschrieben werden. Prüfen Sie den Datenträger und führen Sie „tessera-cli doctor“ aus.</translation>
    </message>
    <message>
        <source>The database could not be upgraded. Nothing was changed; restore a backup or report the problem.</source>
        <translation>Die Datenbank konnte nicht aktualisiert werden. Es wurde nichts verändert; stellen Sie eine Sicherung wieder her oder melden Sie das Problem.</translation>
    </message>
    <message>
        <source>No system keychain (Secret Service) is available. Start your keyring, or give the provider an environment variable that holds the API key.</source>
        <translation>Kein Systemschlüsselbund (Secret Service) verfügbar. Starten Sie Ihren Schlüsselbund oder geben Sie dem Anbieter eine Umgebungsvariable an, die den API-Schlüssel enthält.</translation>
    </message>
    <message>
        <source>The API key for this provider is not in the keychain. Edit the provider and enter the key again.</source>
        <translation>Der API-Schlüssel dieses Anbieters ist nicht im Schlüsselbund. Bearbeiten Sie den Anbieter und geben Sie den Schlüssel erneut ein.</translation>
    </message>
    <message>
        <source>The keychain refused the request. Unlock your keyring and try again.</source>
        <translation>Der Schlüsselbund hat die Anfrage abgelehnt. Entsperren Sie ihn und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>No API key is available: the environment variable named for this provider is not set. Set it, or store the key in the keychain.</source>
        <translation>Kein API-Schlüssel verfügbar: Die für diesen Anbieter angegebene Umgebungsvariable ist nicht gesetzt. Setzen Sie sie oder speichern Sie den Schlüssel im Schlüsselbund.</translation>
    </message>
    <message>
        <source>The provider could not be reached. Check the base URL and your network connection.</source>
        <translation>Der Anbieter ist nicht erreichbar. Prüfen Sie die Basis-URL und Ihre Netzwerkverbindung.</translation>
    </message>
    <message>
        <source>The provider did not answer in time. Try again later.</source>
        <translation>Der Anbieter hat nicht rechtzeitig geantwortet. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>A secure connection to the provider could not be established. Check the base URL and the system&apos;s certificates.</source>
        <translation>Es konnte keine sichere Verbindung zum Anbieter hergestellt werden. Prüfen Sie die Basis-URL und die Zertifikate des Systems.</translation>
    </message>
    <message>
        <source>The request was stopped.</source>
        <translation>Die Anfrage wurde angehalten.</translation>
    </message>
    <message>
        <source>The provider rejected the request. Check the model name and the parameters.</source>
        <translation>Der Anbieter hat die Anfrage abgelehnt. Prüfen Sie den Modellnamen und die Parameter.</translation>
    </message>
    <message>
        <source>The provider rejected the API key. Check the key in the provider settings.</source>
        <translation>Der Anbieter hat den API-Schlüssel abgelehnt. Prüfen Sie den Schlüssel in den Anbietereinstellungen.</translation>
    </message>
    <message>
        <source>The API key is not allowed to use this model or endpoint. Check your account&apos;s permissions.</source>
        <translation>Der API-Schlüssel darf dieses Modell oder diesen Endpunkt nicht verwenden. Prüfen Sie die Berechtigungen Ihres Kontos.</translation>
    </message>
    <message>
        <source>The provider does not know this model or endpoint. Check the model name and the base URL.</source>
        <translation>Der Anbieter kennt dieses Modell oder diesen Endpunkt nicht. Prüfen Sie den Modellnamen und die Basis-URL.</translation>
    </message>
    <message>
        <source>The provider is limiting requests. Wait a moment and try again.</source>
        <translation>Der Anbieter begrenzt die Anfragen. Warten Sie einen Moment und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Your provider account has no quota left. Check your plan and billing details.</source>
        <translation>Ihr Anbieterkonto hat kein Kontingent mehr. Prüfen Sie Ihren Tarif und Ihre Abrechnungsdaten.</translation>
    </message>
    <message>
        <source>The provider is having problems right now. Try again later.</source>
        <translation>Der Anbieter hat gerade Probleme. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The provider reported an error while answering. The partial answer was kept.</source>
        <translation>Der Anbieter hat während der Antwort einen Fehler gemeldet. Die Teilantwort wurde behalten.</translation>
    </message>
    <message>
        <source>The answer stopped before it was complete. The partial answer was kept; regenerate to try again.</source>
        <translation>Die Antwort brach ab, bevor sie vollständig war. Die Teilantwort wurde behalten; erzeugen Sie sie neu, um es erneut zu versuchen.</translation>
    </message>
    <message>
        <source>The provider sent a response Tessera cannot read. Check that the base URL points to a compatible server.</source>
        <translation>Der Anbieter hat eine Antwort gesendet, die Tessera nicht lesen kann. Prüfen Sie, ob die Basis-URL auf einen kompatiblen Server zeigt.</translation>
    </message>
    <message>
        <source>The provider&apos;s response exceeded Tessera&apos;s size limits.</source>
        <translation>Die Antwort des Anbieters überschreitet die Größenbeschränkungen von Tessera.</translation>
    </message>
    <message>
        <source>The provider is overloaded right now. Tessera retried; try again in a minute or use a fallback model.</source>
        <translation>Der Anbieter ist gerade überlastet. Tessera hat es erneut versucht; versuchen Sie es in einer Minute wieder oder verwenden Sie ein Ersatzmodell.</translation>
    </message>
    <message>
        <source>This provider failed repeatedly, so Tessera pauses requests to it for a while. It will be tried again automatically; the details say when.</source>
        <translation>Dieser Anbieter ist wiederholt ausgefallen, daher pausiert Tessera Anfragen an ihn für eine Weile. Er wird automatisch erneut versucht; die Details nennen den Zeitpunkt.</translation>
    </message>
    <message>
        <source>This request would exceed the rate limit set for the provider. Wait a moment, or raise the limit in the provider&apos;s settings.</source>
        <translation>Diese Anfrage würde das für den Anbieter festgelegte Ratenlimit überschreiten. Warten Sie einen Moment oder erhöhen Sie das Limit in den Anbietereinstellungen.</translation>
    </message>
    <message>
        <source>The export could not be written. Check that the folder exists, that you may write there, and that the disk has room.</source>
        <translation>Der Export konnte nicht geschrieben werden. Prüfen Sie, ob der Ordner existiert, ob Sie dort schreiben dürfen und ob auf dem Datenträger Platz ist.</translation>
    </message>
    <message>
        <source>This file cannot be attached. Images must be PNG, JPEG, WebP or GIF, and other files must be text (UTF-8); convert the file or pick another one.</source>
        <translation>Diese Datei kann nicht angehängt werden. Bilder müssen PNG, JPEG, WebP oder GIF sein, andere Dateien Text (UTF-8); wandeln Sie die Datei um oder wählen Sie eine andere.</translation>
    </message>
    <message>
        <source>The attachment is too large. An image may have at most 5 MB, a text file 256 KB, and a message at most 8 images; make it smaller or send fewer.</source>
        <translation>Der Anhang ist zu groß. Ein Bild darf höchstens 5 MB haben, eine Textdatei 256 KB und eine Nachricht höchstens 8 Bilder; verkleinern Sie ihn oder senden Sie weniger.</translation>
    </message>
    <message>
        <source>The database is busy with another program&apos;s change. Nothing was changed; try again in a moment.</source>
        <translation>Die Datenbank ist mit der Änderung eines anderen Programms beschäftigt. Es wurde nichts geändert; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The database server could not be reached or refused the sign-in. Check that it is running, the address and user in the database URL, and the password (PGPASSWORD or the keychain).</source>
        <translation>Der Datenbankserver war nicht erreichbar oder hat die Anmeldung abgelehnt. Prüfen Sie, ob er läuft, Adresse und Benutzer in der Datenbank-URL sowie das Passwort (PGPASSWORD oder Schlüsselbund).</translation>
    </message>
    <message>
        <source>Your role does not allow this. Ask an administrator if you need it.</source>
        <translation>Ihre Rolle erlaubt das nicht. Fragen Sie eine Administratorin oder einen Administrator, wenn Sie es brauchen.</translation>
    </message>
    <message>
        <source>The password was refused: it is too short or too easy to guess. The details say why; a few unrelated words make a strong one.</source>
        <translation>Das Passwort wurde abgelehnt: Es ist zu kurz oder zu leicht zu erraten. Die Details sagen, warum; einige zusammenhanglose Wörter ergeben ein starkes Passwort.</translation>
    </message>
    <message>
        <source>You are not signed in, or your session has ended. Sign in again (tessera-cli login, or set TESSERA_TOKEN to an API token).</source>
        <translation>Sie sind nicht angemeldet, oder Ihre Sitzung ist beendet. Melden Sie sich erneut an (tessera-cli login, oder setzen Sie TESSERA_TOKEN auf ein API-Token).</translation>
    </message>
    <message>
        <source>The username or password is wrong. Check both and try again; after five wrong tries the account is locked for a while.</source>
        <translation>Benutzername oder Passwort ist falsch. Prüfen Sie beides und versuchen Sie es erneut; nach fünf falschen Versuchen wird das Konto eine Zeit lang gesperrt.</translation>
    </message>
    <message>
        <source>This account is locked after too many wrong passwords. Try again when the lock ends, or ask an administrator to unlock it.</source>
        <translation>Dieses Konto ist nach zu vielen falschen Passwörtern gesperrt. Versuchen Sie es nach Ablauf der Sperre erneut, oder bitten Sie einen Administrator, es zu entsperren.</translation>
    </message>
    <message>
        <source>An administrator has switched this feature off for you. Ask them if you need it.</source>
        <translation>Eine Administratorin oder ein Administrator hat diese Funktion für Sie abgeschaltet. Fragen Sie nach, wenn Sie sie brauchen.</translation>
    </message>
    <message>
        <source>This request would go over a spending budget, so nothing was sent. Wait until the budget resets, choose a cheaper model or a lower answer length, or ask an administrator for more.</source>
        <translation>Diese Anfrage würde ein Ausgabenbudget überschreiten, daher wurde nichts gesendet. Warten Sie, bis das Budget zurückgesetzt wird, wählen Sie ein günstigeres Modell oder eine kürzere Antwortlänge, oder bitten Sie eine Administratorin oder einen Administrator um mehr.</translation>
    </message>
    <message>
        <source>You have sent as many requests as an administrator allows for now, so nothing was sent. Try again when the time shown has passed or an answer has finished.</source>
        <translation>Sie haben so viele Anfragen gesendet, wie die Administration derzeit erlaubt, daher wurde nichts gesendet. Versuchen Sie es erneut, wenn die angezeigte Zeit vergangen ist oder eine Antwort fertig ist.</translation>
    </message>
    <message>
        <source>The conversation no longer fits the model&apos;s context window, so nothing was sent. Leave out the oldest turns, start a new conversation, or pick a model with a larger window.</source>
        <translation>Die Unterhaltung passt nicht mehr in das Kontextfenster des Modells, daher wurde nichts gesendet. Lassen Sie die ältesten Beiträge weg, beginnen Sie eine neue Unterhaltung oder wählen Sie ein Modell mit größerem Fenster.</translation>
    </message>
    <message>
        <source>The file cannot be imported: it is damaged or not in a form Tessera reads. Nothing was imported; the details say where and what is wrong.</source>
        <translation>Die Datei kann nicht importiert werden: Sie ist beschädigt oder nicht in einer Form, die Tessera liest. Es wurde nichts importiert; die Details sagen, wo und was falsch ist.</translation>
    </message>
    <message>
        <source>The provider&apos;s fine-tuning job failed or was cancelled there. Its reason is shown; fix the training file or the settings and submit it again.</source>
        <translation>Der Feinabstimmungsauftrag beim Anbieter ist fehlgeschlagen oder wurde dort abgebrochen. Der Grund wird angezeigt; korrigieren Sie die Trainingsdatei oder die Einstellungen und reichen Sie sie erneut ein.</translation>
    </message>
</context>
<context>
    <name>Tessera::Core::FeatureFlags</name>
    <message>
        <source>Attach images and files to messages</source>
        <translation>Bilder und Dateien an Nachrichten anhängen</translation>
    </message>
    <message>
        <source>Export conversations</source>
        <translation>Unterhaltungen exportieren</translation>
    </message>
    <message>
        <source>Import conversations</source>
        <translation>Unterhaltungen importieren</translation>
    </message>
    <message>
        <source>Name new conversations from their first exchange</source>
        <translation>Neue Unterhaltungen nach dem ersten Austausch benennen</translation>
    </message>
    <message>
        <source>Answer repeated questions from the response cache</source>
        <translation>Wiederholte Fragen aus dem Antwort-Cache beantworten</translation>
    </message>
    <message>
        <source>People without providers.manage may add providers</source>
        <translation>Personen ohne providers.manage dürfen Anbieter hinzufügen</translation>
    </message>
    <message>
        <source>Share prompt templates with others</source>
        <translation>Prompt-Vorlagen mit anderen teilen</translation>
    </message>
</context>
<context>
    <name>Tessera::Core::PasswordPolicy</name>
    <message>
        <source>The password is too short: use at least 8 characters (15 or more is better).</source>
        <translation>Das Passwort ist zu kurz: Verwenden Sie mindestens 8 Zeichen (15 oder mehr sind besser).</translation>
    </message>
    <message>
        <source>The password is too long: at most 128 characters.</source>
        <translation>Das Passwort ist zu lang: höchstens 128 Zeichen.</translation>
    </message>
    <message>
        <source>The password is mostly a common password or word. Add unrelated words, or use a passphrase.</source>
        <translation>Das Passwort besteht überwiegend aus einem verbreiteten Passwort oder Wort. Fügen Sie zusammenhanglose Wörter hinzu oder verwenden Sie eine Passphrase.</translation>
    </message>
    <message>
        <source>The password is mostly the username or another word of the account.</source>
        <translation>Das Passwort besteht überwiegend aus dem Benutzernamen oder einem anderen Wort des Kontos.</translation>
    </message>
    <message>
        <source>The password is mostly a sequence, a repeat or a keyboard pattern.</source>
        <translation>Das Passwort besteht überwiegend aus einer Folge, einer Wiederholung oder einem Tastaturmuster.</translation>
    </message>
    <message>
        <source>The password is mostly a date or a year.</source>
        <translation>Das Passwort besteht überwiegend aus einem Datum oder einer Jahreszahl.</translation>
    </message>
    <message>
        <source>The password is too easy to guess. Make it longer, for example with a few unrelated words.</source>
        <translation>Das Passwort ist zu leicht zu erraten. Machen Sie es länger, zum Beispiel mit einigen zusammenhanglosen Wörtern.</translation>
    </message>
</context>
<context>
    <name>Tessera::Core::Presets</name>
    <message>
        <source>OpenAI</source>
        <translation>OpenAI</translation>
    </message>
    <message>
        <source>OpenRouter</source>
        <translation>OpenRouter</translation>
    </message>
    <message>
        <source>LM Studio (local)</source>
        <translation>LM Studio (lokal)</translation>
    </message>
    <message>
        <source>Ollama OpenAI-compatible (local)</source>
        <translation>Ollama, OpenAI-kompatibel (lokal)</translation>
    </message>
    <message>
        <source>llama.cpp server (local)</source>
        <translation>llama.cpp-Server (lokal)</translation>
    </message>
    <message>
        <source>vLLM (local)</source>
        <translation>vLLM (lokal)</translation>
    </message>
    <message>
        <source>Custom OpenAI-compatible server</source>
        <translation>Eigener OpenAI-kompatibler Server</translation>
    </message>
    <message>
        <source>Anthropic</source>
        <translation>Anthropic</translation>
    </message>
    <message>
        <source>Google Gemini</source>
        <translation>Google Gemini</translation>
    </message>
    <message>
        <source>Ollama (local, native API)</source>
        <translation>Ollama (lokal, native API)</translation>
    </message>
    <message>
        <source>Azure OpenAI</source>
        <translation>Azure OpenAI</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::AccessGate</name>
    <message>
        <source>Switched off by your administrator (Tools ▸ Administration ▸ Feature flags).</source>
        <translation>Von Ihrer Administration abgeschaltet (Werkzeuge ▸ Verwaltung ▸ Funktionsschalter).</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::AccountMenu</name>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Konto</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>Angemeldet als %1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Change Password…</source>
        <translation>Passwort ä&amp;ndern …</translation>
    </message>
    <message>
        <source>S&amp;witch User…</source>
        <translation>Benutzer &amp;wechseln …</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>My Sessions and API &amp;Tokens…</source>
        <translation>Meine Sitzungen und API-&amp;Token…</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::AccountsPage</name>
    <message>
        <source>Switch Accounts &amp;On…</source>
        <translation>Konten &amp;einschalten …</translation>
    </message>
    <message numerus="yes">
        <source>Accounts are on: %n people share this Tessera, each with their own conversations. You are signed in as %1 (%2).</source>
        <translation>
            <numerusform>Konten sind eingeschaltet: %n Person nutzt dieses Tessera mit eigenen Unterhaltungen. Sie sind als %1 (%2) angemeldet.</numerusform>
            <numerusform>Konten sind eingeschaltet: %n Personen teilen sich dieses Tessera, jede mit ihren eigenen Unterhaltungen. Sie sind als %1 (%2) angemeldet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Accounts are on. You are signed in as %1 (%2).</source>
        <translation>Konten sind eingeschaltet. Sie sind als %1 (%2) angemeldet.</translation>
    </message>
    <message>
        <source>Personal mode: one person uses this Tessera, without signing in. Switch accounts on to share it: each person signs in and has their own conversations, and you manage who may do what. Everything here now becomes yours, as the first administrator.</source>
        <translation>Persönlicher Modus: Eine Person nutzt dieses Tessera, ohne sich anzumelden. Schalten Sie Konten ein, um es zu teilen: Jede Person meldet sich an und hat ihre eigenen Unterhaltungen, und Sie legen fest, wer was darf. Alles, was jetzt hier ist, gehört Ihnen als erster Administratorin oder erstem Administrator.</translation>
    </message>
    <message>
        <source>Only an administrator can switch accounts on.</source>
        <translation>Nur eine Administratorin oder ein Administrator kann Konten einschalten.</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::AddProviderDialog</name>
    <message>
        <source>Store the key in the system &amp;keychain</source>
        <translation>Schlüssel im Systemschlüsselbund speic&amp;hern</translation>
    </message>
    <message>
        <source>Read the key from an &amp;environment variable</source>
        <translation>Schlüssel aus einer &amp;Umgebungsvariable lesen</translation>
    </message>
    <message>
        <source>&amp;No key (local server)</source>
        <translation>&amp;Kein Schlüssel (lokaler Server)</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Add Provider</source>
        <translation>Anbieter hinzufügen</translation>
    </message>
    <message>
        <source>letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>Buchstaben, Ziffern, „.“, „_“ oder „-“</translation>
    </message>
    <message>
        <source>OpenAI-compatible</source>
        <translation>OpenAI-kompatibel</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Variable name, e.g. OPENAI_API_KEY</source>
        <translation>Variablenname, z. B. OPENAI_API_KEY</translation>
    </message>
    <message>
        <source>Environment variable name</source>
        <translation>Name der Umgebungsvariable</translation>
    </message>
    <message>
        <source>Default model</source>
        <translation>Standardmodell</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>&amp;Vorlage:</translation>
    </message>
    <message>
        <source>N&amp;ame:</source>
        <translation>N&amp;ame:</translation>
    </message>
    <message>
        <source>K&amp;ind:</source>
        <translation>A&amp;rt:</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>&amp;Basis-URL:</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API-Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Default model:</source>
        <translation>&amp;Standardmodell:</translation>
    </message>
    <message>
        <source>No system keychain (Secret Service) is available, so Tessera cannot store an API key securely. Put the key in an environment variable before starting Tessera and enter the variable&apos;s name above. Tessera never stores keys in plain text.</source>
        <translation>Es ist kein Systemschlüsselbund (Secret Service) verfügbar, daher kann Tessera keinen API-Schlüssel sicher speichern. Legen Sie den Schlüssel vor dem Start von Tessera in einer Umgebungsvariable ab und geben Sie oben deren Namen ein. Tessera speichert Schlüssel niemals im Klartext.</translation>
    </message>
    <message>
        <source>The name must be 1–64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>Der Name muss aus 1–64 Buchstaben, Ziffern, „.“, „_“ oder „-“ bestehen.</translation>
    </message>
    <message>
        <source>The base URL must start with http:// or https://, for example http://localhost:1234/v1.</source>
        <translation>Die Basis-URL muss mit http:// oder https:// beginnen, zum Beispiel http://localhost:1234/v1.</translation>
    </message>
    <message>
        <source>Enter the name of the environment variable that holds the key (letters, digits and &apos;_&apos;).</source>
        <translation>Geben Sie den Namen der Umgebungsvariable ein, die den Schlüssel enthält (Buchstaben, Ziffern und „_“).</translation>
    </message>
    <message>
        <source>Enter the API key, or choose another way to provide it.</source>
        <translation>Geben Sie den API-Schlüssel ein oder wählen Sie einen anderen Weg, ihn bereitzustellen.</translation>
    </message>
    <message>
        <source>The environment variable %1 is not set in the environment Tessera was started from.</source>
        <translation>Die Umgebungsvariable %1 ist in der Umgebung, aus der Tessera gestartet wurde, nicht gesetzt.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Wird getestet …</translation>
    </message>
    <message>
        <source>Reachable %1 · Authenticated %2</source>
        <translation>Erreichbar %1 · Angemeldet %2</translation>
    </message>
    <message numerus="yes">
        <source> · %n model(s) · %1 ms</source>
        <translation>
            <numerusform> · %n Modell · %1 ms</numerusform>
            <numerusform> · %n Modelle · %1 ms</numerusform>
        </translation>
    </message>
    <message>
        <source>A provider named %1 already exists. Choose another name.</source>
        <translation>Ein Anbieter namens %1 existiert bereits. Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Edit Provider</source>
        <translation>Anbieter bearbeiten</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored key</source>
        <translation>Leer lassen, um den gespeicherten Schlüssel zu behalten</translation>
    </message>
    <message>
        <source>Pause requests after repeated failures (&amp;circuit breaker)</source>
        <translation>Anfragen nach wiederholten Fehlern pausieren (Schut&amp;zschalter)</translation>
    </message>
    <message>
        <source>&amp;Stop all requests to this provider for now</source>
        <translation>Alle Anfragen an diesen Anbieter vorerst sto&amp;ppen</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>kein Limit</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>API &amp;version (Azure):</source>
        <translation>API-Versio&amp;n (Azure):</translation>
    </message>
    <message>
        <source>Failures and limits</source>
        <translation>Fehler und Limits</translation>
    </message>
    <message>
        <source>&amp;Retries:</source>
        <translation>&amp;Wiederholungen:</translation>
    </message>
    <message>
        <source>Requests per &amp;minute:</source>
        <translation>Anfragen pro &amp;Minute:</translation>
    </message>
    <message>
        <source>T&amp;okens per minute:</source>
        <translation>T&amp;oken pro Minute:</translation>
    </message>
    <message>
        <source>&amp;First token within:</source>
        <translation>&amp;Erstes Token innerhalb von:</translation>
    </message>
    <message>
        <source>Azure OpenAI needs an API version, for example %1.</source>
        <translation>Azure OpenAI benötigt eine API-Version, zum Beispiel %1.</translation>
    </message>
    <message>
        <source>How long a request may wait for the rate limit above before it fails</source>
        <translation>Wie lange eine Anfrage auf das Ratenlimit oben warten darf, bevor sie fehlschlägt</translation>
    </message>
    <message>
        <source>How long requests pause after repeated failures before Tessera tries again</source>
        <translation>Wie lange Anfragen nach wiederholten Fehlern pausieren, bevor Tessera es erneut versucht</translation>
    </message>
    <message>
        <source>&amp;Wait for the limit at most:</source>
        <translation>Auf das &amp;Limit höchstens warten:</translation>
    </message>
    <message>
        <source>Connect wit&amp;hin:</source>
        <translation>Verbin&amp;dung innerhalb von:</translation>
    </message>
    <message>
        <source>Silence between ch&amp;unks:</source>
        <translation>St&amp;ille zwischen Teilen:</translation>
    </message>
    <message>
        <source>Pause after fai&amp;lures:</source>
        <translation>Pause nach &amp;Fehlern:</translation>
    </message>
    <message>
        <source>Protocol, retries, limits, timeouts and the circuit breaker</source>
        <translation>Protokoll, Wiederholungen, Limits, Zeitlimits und Schutzschalter</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::AdministrationWindow</name>
    <message>
        <source>Administration</source>
        <translation>Verwaltung</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Search users…</source>
        <translation>Benutzer suchen …</translation>
    </message>
    <message>
        <source>Search users</source>
        <translation>Benutzer suchen</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen …</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Deaktivieren</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <source>&amp;Reset Password…</source>
        <translation>Passwort &amp;zurücksetzen …</translation>
    </message>
    <message>
        <source>End &amp;Sessions</source>
        <translation>&amp;Sitzungen beenden</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>Ent&amp;fernen …</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Aktivieren</translation>
    </message>
    <message>
        <source>Add User</source>
        <translation>Benutzer hinzufügen</translation>
    </message>
    <message>
        <source>Temporary Password</source>
        <translation>Vorläufiges Passwort</translation>
    </message>
    <message>
        <source>The temporary password of %1 is:

%2

It is shown only now. Give it to them; they choose their own at the first sign-in.</source>
        <translation>Das vorläufige Passwort von %1 lautet:

%2

Es wird nur jetzt angezeigt. Geben Sie es weiter; bei der ersten Anmeldung wird ein eigenes gewählt.</translation>
    </message>
    <message>
        <source>Change Role</source>
        <translation>Rolle ändern</translation>
    </message>
    <message>
        <source>Edit User</source>
        <translation>Benutzer bearbeiten</translation>
    </message>
    <message>
        <source>Disable User</source>
        <translation>Benutzer deaktivieren</translation>
    </message>
    <message>
        <source>Disable %1? Their sessions end at once and they cannot sign in until enabled again. Their conversations are kept.</source>
        <translation>%1 deaktivieren? Die Sitzungen enden sofort, und eine Anmeldung ist erst nach erneutem Aktivieren möglich. Die Unterhaltungen bleiben erhalten.</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Enable User</source>
        <translation>Benutzer aktivieren</translation>
    </message>
    <message>
        <source>Unlock User</source>
        <translation>Benutzer entsperren</translation>
    </message>
    <message>
        <source>Reset Password</source>
        <translation>Passwort zurücksetzen</translation>
    </message>
    <message>
        <source>Reset the password of %1? Their sessions end, and they must choose a new password at the next sign-in with the temporary one shown next.</source>
        <translation>Passwort von %1 zurücksetzen? Die Sitzungen enden, und bei der nächsten Anmeldung mit dem gleich angezeigten vorläufigen Passwort muss ein neues gewählt werden.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>The temporary password of %1 is:

%2

It is shown only now.</source>
        <translation>Das vorläufige Passwort von %1 lautet:

%2

Es wird nur jetzt angezeigt.</translation>
    </message>
    <message>
        <source>End Sessions</source>
        <translation>Sitzungen beenden</translation>
    </message>
    <message numerus="yes">
        <source>Ended %n session(s).</source>
        <translation>
            <numerusform>%n Sitzung beendet.</numerusform>
            <numerusform>%n Sitzungen beendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove User</source>
        <translation>Benutzer entfernen</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Empty: a temporary one, shown once</source>
        <translation>Leer: ein vorläufiges, einmal angezeigt</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Anzeigename:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Give their conversations to:</source>
        <translation>Unterhaltungen &amp;übergeben an:</translation>
    </message>
    <message>
        <source>&amp;Delete their conversations</source>
        <translation>Unterhaltungen &amp;löschen</translation>
    </message>
    <message>
        <source>Remove %1 and delete all their conversations? This cannot be undone.</source>
        <translation>%1 entfernen und alle Unterhaltungen löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Feature flags</source>
        <translation>Funktionsschalter</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation>Budgets</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Preise</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>Feedback tags</source>
        <translation>Bewertungs-Tags</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::AlertRuleDialog</name>
    <message>
        <source>Alert Rule</source>
        <translation>Warnregel</translation>
    </message>
    <message>
        <source>Spend above an amount</source>
        <translation>Ausgaben über einem Betrag</translation>
    </message>
    <message>
        <source>A budget reaches its warning share</source>
        <translation>Ein Budget erreicht seine Warnschwelle</translation>
    </message>
    <message>
        <source>A provider fails too often</source>
        <translation>Ein Anbieter scheitert zu oft</translation>
    </message>
    <message>
        <source>A provider fails every request</source>
        <translation>Ein Anbieter scheitert bei jeder Anfrage</translation>
    </message>
    <message>
        <source>A provider answers slowly</source>
        <translation>Ein Anbieter antwortet langsam</translation>
    </message>
    <message>
        <source>e.g. 500.00</source>
        <translation>z. B. 500.00</translation>
    </message>
    <message>
        <source>Amount in US dollars</source>
        <translation>Betrag in US-Dollar</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>The last hours</source>
        <translation>Die letzten Stunden</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Any provider (each on its own)</source>
        <translation>Jeder Anbieter (jeder für sich)</translation>
    </message>
    <message>
        <source>&amp;Alert when:</source>
        <translation>&amp;Warnen, wenn:</translation>
    </message>
    <message>
        <source>A&amp;mount (US dollars):</source>
        <translation>&amp;Betrag (US-Dollar):</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>&amp;Zeitfenster:</translation>
    </message>
    <message>
        <source>&amp;Hours:</source>
        <translation>&amp;Stunden:</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Anbieter:</translation>
    </message>
    <message>
        <source>&amp;Failed share above:</source>
        <translation>&amp;Fehleranteil über:</translation>
    </message>
    <message>
        <source>&amp;Slower than (p95):</source>
        <translation>&amp;Langsamer als (p95):</translation>
    </message>
    <message>
        <source>&amp;Over the last:</source>
        <translation>In &amp;den letzten:</translation>
    </message>
    <message>
        <source>At &amp;least requests:</source>
        <translation>&amp;Mindestens Anfragen:</translation>
    </message>
    <message>
        <source>Everyone&apos;s spend together, in the usage time zone&apos;s day, week or month.</source>
        <translation>Die Ausgaben aller zusammen, im Tag, in der Woche oder im Monat der Nutzungszeitzone.</translation>
    </message>
    <message>
        <source>Any budget (a person&apos;s, a role member&apos;s or everyone&apos;s) reaching the share where it warns, once per budget window.</source>
        <translation>Jedes Budget (einer Person, eines Rollenmitglieds oder aller), das seine Warnschwelle erreicht, einmal je Budgetzeitraum.</translation>
    </message>
    <message>
        <source>Counted only when the provider had at least that many requests in the minutes.</source>
        <translation>Gezählt nur, wenn der Anbieter in diesen Minuten mindestens so viele Anfragen hatte.</translation>
    </message>
    <message>
        <source>Every request since the provider&apos;s last answer failed, for at least these minutes.</source>
        <translation>Jede Anfrage seit der letzten Antwort des Anbieters ist gescheitert, mindestens so viele Minuten lang.</translation>
    </message>
    <message>
        <source>Enter the amount as a number above 0, such as 500 or 12.50.</source>
        <translation>Geben Sie den Betrag als Zahl über 0 ein, etwa 500 oder 12,50.</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::AlertsPage</name>
    <message>
        <source>Any provider</source>
        <translation>Jeder Anbieter</translation>
    </message>
    <message>
        <source>budget #%1</source>
        <translation>Budget Nr. %1</translation>
    </message>
    <message>
        <source>budget #%1 (%2)</source>
        <translation>Budget Nr. %1 (%2)</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Spend today above %1</source>
        <translation>Ausgaben heute über %1</translation>
    </message>
    <message>
        <source>Spend this week above %1</source>
        <translation>Ausgaben diese Woche über %1</translation>
    </message>
    <message>
        <source>Spend this month above %1</source>
        <translation>Ausgaben diesen Monat über %1</translation>
    </message>
    <message numerus="yes">
        <source>Spend in the last %n hour(s) above %1</source>
        <translation>
            <numerusform>Ausgaben in der letzten Stunde über %1</numerusform>
            <numerusform>Ausgaben in den letzten %n Stunden über %1</numerusform>
        </translation>
    </message>
    <message>
        <source>A budget reaches its warning share</source>
        <translation>Ein Budget erreicht seine Warnschwelle</translation>
    </message>
    <message numerus="yes">
        <source>%1: more than %2 of requests failed in %n minute(s)</source>
        <translation>
            <numerusform>%1: mehr als %2 der Anfragen in %n Minute gescheitert</numerusform>
            <numerusform>%1: mehr als %2 der Anfragen in %n Minuten gescheitert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: every request failed for %n minute(s)</source>
        <translation>
            <numerusform>%1: jede Anfrage %n Minute lang gescheitert</numerusform>
            <numerusform>%1: jede Anfrage %n Minuten lang gescheitert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: 95 % of answers slower than %2 ms in %n minute(s)</source>
        <translation>
            <numerusform>%1: 95 % der Antworten langsamer als %2 ms in %n Minute</numerusform>
            <numerusform>%1: 95 % der Antworten langsamer als %2 ms in %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2: %3</source>
        <translation>%1 · %2: %3</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>Hinzugefügt von</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Ausgelöst</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Betrifft</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Show &amp;resolved alerts too</source>
        <translation>&amp;Beendete Warnungen auch zeigen</translation>
    </message>
    <message>
        <source>&amp;Remove Rule</source>
        <translation>Regel &amp;entfernen</translation>
    </message>
    <message>
        <source>Alert rules</source>
        <translation>Warnregeln</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>&amp;Add Rule…</source>
        <translation>Regel &amp;hinzufügen …</translation>
    </message>
    <message>
        <source>&amp;Check Now</source>
        <translation>Jetzt &amp;prüfen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rules&lt;/b&gt; — each raises an alert once per provider, budget or window</source>
        <translation>&lt;b&gt;Regeln&lt;/b&gt; – jede löst eine Warnung einmal je Anbieter, Budget oder Zeitfenster aus</translation>
    </message>
    <message>
        <source>&lt;b&gt;Alerts&lt;/b&gt; — active until what raised them ends</source>
        <translation>&lt;b&gt;Warnungen&lt;/b&gt; – aktiv, bis ihr Anlass endet</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Resolved %1</source>
        <translation>Beendet %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Alert Rule</source>
        <translation>Warnregel</translation>
    </message>
    <message>
        <source>Remove Alert Rule</source>
        <translation>Warnregel entfernen</translation>
    </message>
    <message>
        <source>Remove the rule “%1”? Its active alerts are resolved; the history stays.</source>
        <translation>Die Regel „%1“ entfernen? Ihre aktiven Warnungen werden beendet; der Verlauf bleibt.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::AnswersSideBySide</name>
    <message>
        <source>Re&amp;veal</source>
        <translation>&amp;Aufdecken</translation>
    </message>
    <message>
        <source>Shows which variant gave which answer without voting</source>
        <translation>Zeigt ohne Abstimmung, welche Variante welche Antwort gab</translation>
    </message>
    <message>
        <source>&amp;Left Is Better</source>
        <translation>&amp;Links ist besser</translation>
    </message>
    <message>
        <source>&amp;Right Is Better</source>
        <translation>&amp;Rechts ist besser</translation>
    </message>
    <message>
        <source>&amp;Both Are Bad</source>
        <translation>Beide schl&amp;echt</translation>
    </message>
    <message>
        <source>Answer &amp;%1 Is Best</source>
        <translation>Antwort &amp;%1 ist die beste</translation>
    </message>
    <message>
        <source>Answer %1</source>
        <translation>Antwort %1</translation>
    </message>
    <message>
        <source>Answer %1: %2</source>
        <translation>Antwort %1: %2</translation>
    </message>
    <message>
        <source>T&amp;ie</source>
        <translation>&amp;Unentschieden</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::ApiTokenListModel</name>
    <message>
        <source>All of yours</source>
        <translation>Alles, was Sie dürfen</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Noch nicht</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>May</source>
        <translation>Darf</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt benutzt</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::AttachmentStrip</name>
    <message>
        <source>Attached images</source>
        <translation>Angehängte Bilder</translation>
    </message>
    <message>
        <source>Pasted image %1</source>
        <translation>Eingefügtes Bild %1</translation>
    </message>
    <message>
        <source>%1 — click to remove it</source>
        <translation>%1 – zum Entfernen klicken</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n Bild</numerusform>
            <numerusform>%n Bilder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n Datei</numerusform>
            <numerusform>%n Dateien</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::AuditLogModel</name>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Fehlschlag</translation>
    </message>
    <message>
        <source>Entry %1, correlation id %2</source>
        <translation>Eintrag %1, Korrelations-ID %2</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Woran</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Einzelheiten</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::AuditPage</name>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren …</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Action, e.g. auth.* or user.create</source>
        <translation>Aktion, z. B. auth.* oder user.create</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>Jedes Ergebnis</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Fehlschlag</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Jederzeit</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>Recomputes the chain of hashes: a changed, removed, inserted or reordered entry shows.</source>
        <translation>Berechnet die Kette der Hashes neu: Ein geänderter, entfernter, eingefügter oder umgestellter Eintrag fällt auf.</translation>
    </message>
    <message numerus="yes">
        <source>The audit log verifies: %n entries, none changed, removed, added or moved.</source>
        <translation>
            <numerusform>Das Prüfprotokoll ist intakt: %n Eintrag, nichts geändert, entfernt, hinzugefügt oder verschoben.</numerusform>
            <numerusform>Das Prüfprotokoll ist intakt: %n Einträge, keiner geändert, entfernt, hinzugefügt oder verschoben.</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit log does not verify. First bad entry: %1 (%2).</source>
        <translation>Das Prüfprotokoll ist nicht intakt. Erster fehlerhafter Eintrag: %1 (%2).</translation>
    </message>
    <message>
        <source>Export the Audit Log</source>
        <translation>Prüfprotokoll exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON Lines (*.jsonl)</source>
        <translation>CSV (*.csv);;JSON Lines (*.jsonl)</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n entries to %1.</source>
        <translation>
            <numerusform>%n Eintrag nach %1 geschrieben.</numerusform>
            <numerusform>%n Einträge nach %1 geschrieben.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::BlindReviewDialog</name>
    <message>
        <source>&amp;Next Pair</source>
        <translation>&amp;Nächstes Paar</translation>
    </message>
    <message>
        <source>Review %1 Blind</source>
        <translation>%1 blind beurteilen</translation>
    </message>
    <message>
        <source>The case</source>
        <translation>Der Fall</translation>
    </message>
    <message>
        <source>The case:</source>
        <translation>Der Fall:</translation>
    </message>
    <message>
        <source>Every pair of answers has a vote. Thank you.</source>
        <translation>Jedes Antwortpaar hat eine Stimme. Danke.</translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) left to review.</source>
        <translation>
            <numerusform>Noch %n Paar zu beurteilen.</numerusform>
            <numerusform>Noch %n Paare zu beurteilen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Kept. %n pair(s) left: Next shows one.</source>
        <translation>
            <numerusform>Gespeichert. Noch %n Paar: „Nächstes Paar“ zeigt es.</numerusform>
            <numerusform>Gespeichert. Noch %n Paare: „Nächstes Paar“ zeigt eines.</numerusform>
        </translation>
    </message>
    <message>
        <source>Kept. That was the last pair.</source>
        <translation>Gespeichert. Das war das letzte Paar.</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::BudgetDialog</name>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>A user</source>
        <translation>Eine Person</translation>
    </message>
    <message>
        <source>Each member of a role</source>
        <translation>Jedes Mitglied einer Rolle</translation>
    </message>
    <message>
        <source>Everyone together</source>
        <translation>Alle zusammen</translation>
    </message>
    <message>
        <source>User or role</source>
        <translation>Person oder Rolle</translation>
    </message>
    <message>
        <source>e.g. 25.00</source>
        <translation>z. B. 25,00</translation>
    </message>
    <message>
        <source>Limit in US dollars</source>
        <translation>Grenze in US-Dollar</translation>
    </message>
    <message>
        <source>e.g. 2000000</source>
        <translation>z. B. 2000000</translation>
    </message>
    <message>
        <source>Limit in tokens</source>
        <translation>Grenze in Tokens</translation>
    </message>
    <message>
        <source>&amp;For:</source>
        <translation>&amp;Für:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>&amp;Dollars (US):</source>
        <translation>&amp;Dollar (US):</translation>
    </message>
    <message>
        <source>&amp;Tokens:</source>
        <translation>&amp;Tokens:</translation>
    </message>
    <message>
        <source>Warn &amp;at:</source>
        <translation>&amp;Warnen ab:</translation>
    </message>
    <message>
        <source>Give dollars, tokens or both. A request that would go past a limit is not sent; past the warning share the user is told once per window.</source>
        <translation>Geben Sie Dollar, Tokens oder beides an. Eine Anfrage, die eine Grenze überschreiten würde, wird nicht gesendet; ab dem Warnanteil wird die Person einmal pro Zeitraum informiert.</translation>
    </message>
    <message>
        <source>Choose the user or role the budget is for.</source>
        <translation>Wählen Sie die Person oder Rolle, für die das Budget gilt.</translation>
    </message>
    <message>
        <source>Enter the dollars as a number, such as 25 or 9.50.</source>
        <translation>Geben Sie die Dollar als Zahl ein, etwa 25 oder 9,50.</translation>
    </message>
    <message>
        <source>Enter the tokens as a whole number.</source>
        <translation>Geben Sie die Tokens als ganze Zahl ein.</translation>
    </message>
    <message>
        <source>Give a limit in dollars, in tokens, or both.</source>
        <translation>Geben Sie eine Grenze in Dollar, in Tokens oder beides an.</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::BudgetsPage</name>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Week (Monday to Sunday)</source>
        <translation>Woche (Montag bis Sonntag)</translation>
    </message>
    <message>
        <source>Calendar month</source>
        <translation>Kalendermonat</translation>
    </message>
    <message>
        <source>In total (no reset)</source>
        <translation>Insgesamt (ohne Zurücksetzen)</translation>
    </message>
    <message>
        <source>User %1</source>
        <translation>Person %1</translation>
    </message>
    <message>
        <source>Each member of %1</source>
        <translation>Jedes Mitglied von %1</translation>
    </message>
    <message>
        <source>Everyone together</source>
        <translation>Alle zusammen</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Tokens</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Für</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Grenze</translation>
    </message>
    <message>
        <source>Warns at</source>
        <translation>Warnt ab</translation>
    </message>
    <message>
        <source>Current use</source>
        <translation>Aktueller Verbrauch</translation>
    </message>
    <message>
        <source>Requests per minute</source>
        <translation>Anfragen pro Minute</translation>
    </message>
    <message>
        <source>Answers at once</source>
        <translation>Gleichzeitige Antworten</translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation>Ä&amp;ndern…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Remove L&amp;imit</source>
        <translation>Grenze ent&amp;fernen</translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation>Budgets</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Grenzen</translation>
    </message>
    <message>
        <source>&amp;Add Budget…</source>
        <translation>Budget &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Set Limit…</source>
        <translation>Grenze &amp;setzen…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Budgets&lt;/b&gt; — a request that would go past one is not sent</source>
        <translation>&lt;b&gt;Budgets&lt;/b&gt; – eine Anfrage, die eines überschreiten würde, wird nicht gesendet</translation>
    </message>
    <message>
        <source>&lt;b&gt;Limits&lt;/b&gt; — a user&apos;s own limit replaces their role&apos;s</source>
        <translation>&lt;b&gt;Grenzen&lt;/b&gt; – die eigene Grenze einer Person ersetzt die ihrer Rolle</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Remove Budget</source>
        <translation>Budget entfernen</translation>
    </message>
    <message>
        <source>Remove the budget “%1, %2”? Requests are no longer checked against it.</source>
        <translation>Das Budget „%1, %2“ entfernen? Anfragen werden dann nicht mehr dagegen geprüft.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>A user</source>
        <translation>Eine Person</translation>
    </message>
    <message>
        <source>Each member of a role</source>
        <translation>Jedes Mitglied einer Rolle</translation>
    </message>
    <message>
        <source>&amp;For:</source>
        <translation>&amp;Für:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Requests per minute:</source>
        <translation>&amp;Anfragen pro Minute:</translation>
    </message>
    <message>
        <source>&amp;Answers at once:</source>
        <translation>&amp;Gleichzeitige Antworten:</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::ChangePasswordDialog</name>
    <message>
        <source>&amp;End my other sessions</source>
        <translation>Meine anderen Sitzungen &amp;beenden</translation>
    </message>
    <message>
        <source>Change Password</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <source>Your password was reset by an administrator. Choose your own before you go on.</source>
        <translation>Ihr Passwort wurde von einem Administrator zurückgesetzt. Wählen Sie ein eigenes, bevor Sie fortfahren.</translation>
    </message>
    <message>
        <source>Choose a new password for %1.</source>
        <translation>Wählen Sie ein neues Passwort für %1.</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Aktuelles Passwort</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>Neues Passwort wiederholen</translation>
    </message>
    <message>
        <source>C&amp;urrent password:</source>
        <translation>A&amp;ktuelles Passwort:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Neues Passwort:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <source>&amp;Change Password</source>
        <translation>Passwort ä&amp;ndern</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>Die beiden neuen Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>Das aktuelle Passwort ist falsch.</translation>
    </message>
    <message>
        <source>Too many wrong passwords: the account is locked for a while.</source>
        <translation>Zu viele falsche Passwörter: Das Konto ist eine Zeit lang gesperrt.</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::ChatPanel</name>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Add a provider first (Providers ▸ Add Provider…).</source>
        <translation>Fügen Sie zuerst einen Anbieter hinzu (Anbieter ▸ Anbieter hinzufügen …).</translation>
    </message>
    <message>
        <source>default model</source>
        <translation>Standardmodell</translation>
    </message>
    <message>
        <source>Fallback: %1 / %2</source>
        <translation>Ersatz: %1 / %2</translation>
    </message>
    <message>
        <source>Editing an earlier question: Send makes it a new version, Esc cancels.</source>
        <translation>Sie bearbeiten eine frühere Frage: Senden legt eine neue Fassung an, Esc bricht ab.</translation>
    </message>
    <message>
        <source>Stop the answer being written first (Esc).</source>
        <translation>Halten Sie zuerst die laufende Antwort an (Esc).</translation>
    </message>
    <message>
        <source>No provider</source>
        <translation>Kein Anbieter</translation>
    </message>
    <message>
        <source>Your role does not include chatting: you can read conversations, not write in them.</source>
        <translation>Ihre Rolle umfasst keinen Chat: Sie können Unterhaltungen lesen, aber nicht darin schreiben.</translation>
    </message>
    <message>
        <source>Attachments are switched off by your administrator.</source>
        <translation>Anhänge sind von Ihrer Administration abgeschaltet.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Conversation: %1</source>
        <translation>Unterhaltung: %1</translation>
    </message>
    <message numerus="yes">
        <source>What this conversation has cost so far: %n request(s) to providers, answers and titles.</source>
        <translation>
            <numerusform>Was diese Unterhaltung bisher gekostet hat: %n Anfrage an Anbieter, Antworten und Titel.</numerusform>
            <numerusform>Was diese Unterhaltung bisher gekostet hat: %n Anfragen an Anbieter, Antworten und Titel.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) had no price; their cost is unknown.</source>
        <translation>
            <numerusform>%n Anfrage hatte keinen Preis; ihre Kosten sind unbekannt.</numerusform>
            <numerusform>%n Anfragen hatten keinen Preis; ihre Kosten sind unbekannt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This conversation is %1 tokens, more than %2&apos;s window of %3 tokens. Leave out the oldest %n message(s) and send? The answer will say what was left out.</source>
        <translation>
            <numerusform>Diese Unterhaltung umfasst %1 Tokens, mehr als das Fenster von %2 mit %3 Tokens. Die älteste Nachricht weglassen und senden? Die Antwort vermerkt, was weggelassen wurde.</numerusform>
            <numerusform>Diese Unterhaltung umfasst %1 Tokens, mehr als das Fenster von %2 mit %3 Tokens. Die ältesten %n Nachrichten weglassen und senden? Die Antwort vermerkt, was weggelassen wurde.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not sent: the conversation does not fit the model&apos;s window. Start a new conversation, or pick a model with a larger window.</source>
        <translation>Nicht gesendet: Die Unterhaltung passt nicht in das Fenster des Modells. Beginnen Sie eine neue Unterhaltung oder wählen Sie ein Modell mit größerem Fenster.</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::ChatView</name>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>Start a conversation: write a message below and press Ctrl+Enter.</source>
        <translation>Beginnen Sie eine Unterhaltung: Schreiben Sie unten eine Nachricht und drücken Sie Strg+Eingabe.</translation>
    </message>
    <message>
        <source>Jump to the latest message</source>
        <translation>Zur neuesten Nachricht springen</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::CompareWindow</name>
    <message>
        <source>the input as it is</source>
        <translation>die Eingabe, wie sie ist</translation>
    </message>
    <message>
        <source>%1 version %2</source>
        <translation>%1 Version %2</translation>
    </message>
    <message>
        <source>%1 (production)</source>
        <translation>%1 (Produktion)</translation>
    </message>
    <message>
        <source>%1 · %2 on %3</source>
        <translation>%1 · %2 mit %3</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stopp</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>The input every variant answers (a template&apos;s one variable, or {{input}})</source>
        <translation>Die Eingabe, die jede Variante beantwortet (die eine Variable einer Vorlage oder {{input}})</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Every variant answers the input (Ctrl+Return)</source>
        <translation>Jede Variante beantwortet die Eingabe (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Answering…</source>
        <translation>Wird beantwortet …</translation>
    </message>
    <message>
        <source>%1 ms · %2 tokens in, %3 out · %4</source>
        <translation>%1 ms · %2 Tokens hinein, %3 heraus · %4</translation>
    </message>
    <message>
        <source>Which is better? Your vote is kept with the answers.</source>
        <translation>Welche ist besser? Ihre Stimme wird mit den Antworten gespeichert.</translation>
    </message>
    <message>
        <source>Not every variant answered, so there is no vote.</source>
        <translation>Nicht jede Variante hat geantwortet, daher gibt es keine Abstimmung.</translation>
    </message>
    <message>
        <source>Your vote was kept.</source>
        <translation>Ihre Stimme wurde gespeichert.</translation>
    </message>
    <message>
        <source>Blin&amp;d: hide and shuffle the variants until I vote</source>
        <translation>&amp;Blind: Varianten verbergen und mischen, bis ich abstimme</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::Composer</name>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Write a message, or / for a template… (Ctrl+Enter sends, Esc stops)</source>
        <translation>Nachricht schreiben, oder / für eine Vorlage … (Strg+Eingabe sendet, Esc stoppt)</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::ComposerCard</name>
    <message>
        <source>Attach images or text files to the message (Ctrl+Shift+A); you can also paste or drop them</source>
        <translation>Bilder oder Textdateien an die Nachricht anhängen (Strg+Umschalt+A); Sie können sie auch einfügen oder hineinziehen</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>Choose the provider and model (Ctrl+Shift+M)</source>
        <translation>Anbieter und Modell wählen (Strg+Umschalt+M)</translation>
    </message>
    <message>
        <source>Provider and model</source>
        <translation>Anbieter und Modell</translation>
    </message>
    <message>
        <source>System prompt and fallback model of this conversation (Ctrl+Shift+,)</source>
        <translation>Systemprompt und Ersatzmodell dieser Unterhaltung (Strg+Umschalt+,)</translation>
    </message>
    <message>
        <source>Conversation settings</source>
        <translation>Einstellungen der Unterhaltung</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>Senden (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Stop the answer (Esc)</source>
        <translation>Antwort anhalten (Esc)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::ContextMeter</name>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Tokens</translation>
    </message>
    <message>
        <source>≈%1 tokens</source>
        <translation>≈%1 Tokens</translation>
    </message>
    <message>
        <source>%1 tokens will be sent, counted with the model&apos;s tokenizer.</source>
        <translation>%1 Tokens werden gesendet, gezählt mit dem Tokenizer des Modells.</translation>
    </message>
    <message>
        <source>About %1 tokens will be sent (an estimate: this model&apos;s tokenizer is not public).</source>
        <translation>Etwa %1 Tokens werden gesendet (geschätzt: der Tokenizer dieses Modells ist nicht öffentlich).</translation>
    </message>
    <message>
        <source>Sending it costs about %1 before the answer.</source>
        <translation>Das Senden kostet etwa %1, ohne die Antwort.</translation>
    </message>
    <message>
        <source>This model has no price, so the cost is unknown.</source>
        <translation>Dieses Modell hat keinen Preis, daher sind die Kosten unbekannt.</translation>
    </message>
    <message>
        <source>Context window used</source>
        <translation>Genutztes Kontextfenster</translation>
    </message>
    <message numerus="yes">
        <source>It does not fit the model&apos;s window: when you send it, you are asked whether to leave out the oldest %n message(s).</source>
        <translation>
            <numerusform>Es passt nicht in das Fenster des Modells: Beim Senden werden Sie gefragt, ob die älteste Nachricht weggelassen werden soll.</numerusform>
            <numerusform>Es passt nicht in das Fenster des Modells: Beim Senden werden Sie gefragt, ob die ältesten %n Nachrichten weggelassen werden sollen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your message alone does not fit the model&apos;s window: shorten it or pick a model with a larger window.</source>
        <translation>Ihre Nachricht allein passt nicht in das Fenster des Modells: Kürzen Sie sie oder wählen Sie ein Modell mit größerem Fenster.</translation>
    </message>
    <message>
        <source>%1 % of the model&apos;s %2-token window</source>
        <translation>%1 % des Fensters des Modells mit %2 Tokens</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::ConversationListModel</name>
    <message>
        <source>Untitled conversation</source>
        <translation>Unbenannte Unterhaltung</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n message(s), updated %2</source>
        <translation>
            <numerusform>%1 — %n Nachricht, aktualisiert %2</numerusform>
            <numerusform>%1 — %n Nachrichten, aktualisiert %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (pinned)</source>
        <translation>%1 (angeheftet)</translation>
    </message>
    <message>
        <source>%1, tagged %2</source>
        <translation>%1, Tags: %2</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Tags: %1</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Angeheftet</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>Previous 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Previous 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::ConversationSettingsDialog</name>
    <message>
        <source>Conversation Settings</source>
        <translation>Einstellungen der Unterhaltung</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Systemprompt</translation>
    </message>
    <message>
        <source>Instructions the model follows throughout this conversation</source>
        <translation>Anweisungen, denen das Modell in dieser ganzen Unterhaltung folgt</translation>
    </message>
    <message>
        <source>Fallback provider</source>
        <translation>Ersatzanbieter</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>%1 (disabled)</source>
        <translation>%1 (deaktiviert)</translation>
    </message>
    <message>
        <source>Fallback model</source>
        <translation>Ersatzmodell</translation>
    </message>
    <message>
        <source>When the conversation&apos;s model fails before it writes anything (an outage, an overload, used-up retries, an open circuit breaker), the fallback model answers instead. Each answer shows which model wrote it.</source>
        <translation>Wenn das Modell der Unterhaltung ausfällt, bevor es etwas schreibt (Ausfall, Überlastung, aufgebrauchte Wiederholungen, offener Schutzschalter), antwortet stattdessen das Ersatzmodell. Jede Antwort zeigt, welches Modell sie geschrieben hat.</translation>
    </message>
    <message>
        <source>&amp;System prompt:</source>
        <translation>&amp;Systemprompt:</translation>
    </message>
    <message>
        <source>&amp;Fallback provider:</source>
        <translation>&amp;Ersatzanbieter:</translation>
    </message>
    <message>
        <source>Fallback &amp;model:</source>
        <translation>Ersatz&amp;modell:</translation>
    </message>
    <message>
        <source>Choose a model for the fallback provider (it has no default model).</source>
        <translation>Wählen Sie ein Modell für den Ersatzanbieter (er hat kein Standardmodell).</translation>
    </message>
    <message>
        <source>Provider default</source>
        <translation>Vorgabe des Anbieters</translation>
    </message>
    <message>
        <source>Lower is more focused and repeatable, higher more varied (0 to 2)</source>
        <translation>Niedriger ist gezielter und wiederholbarer, höher abwechslungsreicher (0 bis 2)</translation>
    </message>
    <message>
        <source>The longest answer, in tokens</source>
        <translation>Die längste Antwort, in Tokens</translation>
    </message>
    <message>
        <source>&amp;Temperature:</source>
        <translation>&amp;Temperatur:</translation>
    </message>
    <message>
        <source>Ma&amp;x tokens:</source>
        <translation>Ma&amp;x. Tokens:</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::ConversationSidebar</name>
    <message>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation>Neue Unterhaltung beginnen (Strg+N)</translation>
    </message>
    <message>
        <source>Filter conversations</source>
        <translation>Unterhaltungen filtern</translation>
    </message>
    <message>
        <source>Show only the conversations whose title or tags contain this text; Ctrl+K searches the messages</source>
        <translation>Nur Unterhaltungen zeigen, deren Titel oder Tags diesen Text enthalten; Strg+K durchsucht die Nachrichten</translation>
    </message>
    <message>
        <source>Filter by tag</source>
        <translation>Nach Tag filtern</translation>
    </message>
    <message>
        <source>Show only the conversations with this tag</source>
        <translation>Nur die Unterhaltungen mit diesem Tag zeigen</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::EnableAccountsDialog</name>
    <message>
        <source>Switch Accounts On</source>
        <translation>Konten einschalten</translation>
    </message>
    <message>
        <source>You become the first administrator. Choose your username and a password: from then on Tessera opens with a sign-in, and you can add the people who share it.</source>
        <translation>Sie werden die erste Administratorin bzw. der erste Administrator. Wählen Sie Benutzername und Passwort: Danach öffnet Tessera mit einer Anmeldung, und Sie können die Personen hinzufügen, die es mitnutzen.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Passwort wiederholen</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <source>Switch &amp;On</source>
        <translation>&amp;Einschalten</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <source>The username is not valid: letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos; and &apos;@&apos;, at most 64.</source>
        <translation>Der Benutzername ist ungültig: Buchstaben, Ziffern, „.“, „_“, „-“ und „@“, höchstens 64 Zeichen.</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::ErrorBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss error</source>
        <translation>Fehler schließen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Show the error code and correlation id</source>
        <translation>Fehlercode und Korrelations-ID zeigen</translation>
    </message>
    <message>
        <source>Copy the details</source>
        <translation>Details kopieren</translation>
    </message>
    <message>
        <source>Error code: %1</source>
        <translation>Fehlercode: %1</translation>
    </message>
    <message>
        <source>Correlation id: %1</source>
        <translation>Korrelations-ID: %1</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::ErrorText</name>
    <message>
        <source>The provider said: “%1”</source>
        <translation>Der Anbieter meldete: „%1“</translation>
    </message>
    <message numerus="yes">
        <source>Retry after %n second(s).</source>
        <translation>
            <numerusform>Erneut versuchen nach %n Sekunde.</numerusform>
            <numerusform>Erneut versuchen nach %n Sekunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>[%1]</source>
        <translation>[%1]</translation>
    </message>
    <message>
        <source>Correlation id: %1</source>
        <translation>Korrelations-ID: %1</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::ExperimentsWindow</name>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <source>&amp;Cancel Run</source>
        <translation>Lauf a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>95 % interval</source>
        <translation>95-%-Intervall</translation>
    </message>
    <message>
        <source>Mean score</source>
        <translation>Mittlere Wertung</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>P50</source>
        <translation>P50</translation>
    </message>
    <message>
        <source>P95</source>
        <translation>P95</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Paar</translation>
    </message>
    <message>
        <source>Wins</source>
        <translation>Siege</translation>
    </message>
    <message>
        <source>Ties</source>
        <translation>Unentschieden</translation>
    </message>
    <message>
        <source>Losses</source>
        <translation>Niederlagen</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>Richter</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Unterschied</translation>
    </message>
    <message>
        <source>Promote to Pro&amp;duction…</source>
        <translation>In Pro&amp;duktion übernehmen…</translation>
    </message>
    <message>
        <source>E&amp;xport Results…</source>
        <translation>Ergebnisse e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>Experimente</translation>
    </message>
    <message>
        <source>Run progress</source>
        <translation>Fortschritt des Laufs</translation>
    </message>
    <message>
        <source>Runs the experiment in the background; a run that stopped continues where it was</source>
        <translation>Führt das Experiment im Hintergrund aus; ein angehaltener Lauf macht dort weiter, wo er stand</translation>
    </message>
    <message>
        <source>Stops starting answers; Run continues later without asking again what was answered</source>
        <translation>Startet keine weiteren Antworten; Ausführen macht später weiter, ohne Beantwortetes erneut anzufragen</translation>
    </message>
    <message>
        <source>Moves the production label of the chosen variant&apos;s template to the version it ran with</source>
        <translation>Setzt das Label „production“ der Vorlage der gewählten Variante auf die Version, mit der sie lief</translation>
    </message>
    <message>
        <source>&amp;Variants</source>
        <translation>&amp;Varianten</translation>
    </message>
    <message>
        <source>P&amp;airs</source>
        <translation>Paa&amp;re</translation>
    </message>
    <message>
        <source>&amp;New Experiment…</source>
        <translation>&amp;Neues Experiment…</translation>
    </message>
    <message>
        <source>&amp;Import Dataset…</source>
        <translation>Datensatz &amp;importieren…</translation>
    </message>
    <message>
        <source>Cases for experiments from a CSV or JSONL file: one column per template variable, an optional expected column</source>
        <translation>Fälle für Experimente aus einer CSV- oder JSONL-Datei: eine Spalte je Vorlagenvariable, dazu optional eine Spalte expected</translation>
    </message>
    <message numerus="yes">
        <source>%n variant(s) over the dataset %1</source>
        <translation>
            <numerusform>%n Variante über den Datensatz %1</numerusform>
            <numerusform>%n Varianten über den Datensatz %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No experiments yet</source>
        <translation>Noch keine Experimente</translation>
    </message>
    <message>
        <source>An experiment runs 2 to 6 variants of a prompt over a dataset and tells which does better. Import a dataset, then make one with New Experiment (Ctrl+N).</source>
        <translation>Ein Experiment lässt 2 bis 6 Varianten eines Prompts über einen Datensatz laufen und sagt, welche besser abschneidet. Importieren Sie einen Datensatz und legen Sie dann mit „Neues Experiment“ (Strg+N) eines an.</translation>
    </message>
    <message>
        <source>%1 = %2%3 on %4</source>
        <translation>%1 = %2%3 mit %4</translation>
    </message>
    <message>
        <source> version %1</source>
        <translation> Version %1</translation>
    </message>
    <message>
        <source> (production)</source>
        <translation> (Produktion)</translation>
    </message>
    <message>
        <source>the judge %1 (grades and pairs)</source>
        <translation>den Richter %1 (Wertungen und Paare)</translation>
    </message>
    <message>
        <source>the judge %1</source>
        <translation>den Richter %1</translation>
    </message>
    <message numerus="yes">
        <source>Dataset %1 · %2 · checked by %3 · %n repeat(s), %4 at once</source>
        <translation>
            <numerusform>Datensatz %1 · %2 · geprüft durch %3 · %n Wiederholung, %4 gleichzeitig</numerusform>
            <numerusform>Datensatz %1 · %2 · geprüft durch %3 · %n Wiederholungen, %4 gleichzeitig</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing yet (add assertions or a judge)</source>
        <translation>noch nichts (Assertions oder einen Richter hinzufügen)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) failed</source>
        <translation>
            <numerusform>%n Antwort fehlgeschlagen</numerusform>
            <numerusform>%n Antworten fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Not run yet.</source>
        <translation>Noch nicht ausgeführt.</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Run Again</source>
        <translation>Noch&amp;mals ausführen</translation>
    </message>
    <message>
        <source>Not run yet: run it to see which variant does better.</source>
        <translation>Noch nicht ausgeführt: Führen Sie es aus, um zu sehen, welche Variante besser abschneidet.</translation>
    </message>
    <message>
        <source>%1 against %2 passed, a difference of %3 points (95 % interval %4 to %5)</source>
        <translation>%1 gegenüber %2 bestanden, ein Unterschied von %3 Punkten (95-%-Intervall %4 bis %5)</translation>
    </message>
    <message>
        <source>%1 beats %2: %3.</source>
        <translation>%1 schlägt %2: %3.</translation>
    </message>
    <message>
        <source>Not enough data yet: the run is not finished (%1 against %2: %3).</source>
        <translation>Noch nicht genug Daten: Der Lauf ist nicht beendet (%1 gegen %2: %3).</translation>
    </message>
    <message numerus="yes">
        <source>Not enough data yet (%1 against %2: %3). About %n more item(s) would settle it.</source>
        <translation>
            <numerusform>Noch nicht genug Daten (%1 gegen %2: %3). Etwa %n weiterer Fall würde es entscheiden.</numerusform>
            <numerusform>Noch nicht genug Daten (%1 gegen %2: %3). Etwa %n weitere Fälle würden es entscheiden.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (winner)</source>
        <translation>%1 (Sieger)</translation>
    </message>
    <message>
        <source> · rating %1</source>
        <translation> · Rating %1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 against %2</source>
        <translation>%1 gegen %2</translation>
    </message>
    <message>
        <source>%1 %2, %3 %4, tie %5</source>
        <translation>%1 %2, %3 %4, unentschieden %5</translation>
    </message>
    <message>
        <source>not judged</source>
        <translation>nicht beurteilt</translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation>%1 Punkte</translation>
    </message>
    <message>
        <source>Case %1, repeat %2</source>
        <translation>Fall %1, Wiederholung %2</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>Fall %1</translation>
    </message>
    <message>
        <source>%1 %2 · %3</source>
        <translation>%1 %2 · %3</translation>
    </message>
    <message>
        <source>%1

Score %2 · %3 · %4 ms</source>
        <translation>%1

Wertung %2 · %3 · %4 ms</translation>
    </message>
    <message>
        <source>cost unknown</source>
        <translation>Kosten unbekannt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>Cannot Run the Experiment</source>
        <translation>Experiment kann nicht ausgeführt werden</translation>
    </message>
    <message>
        <source>Cannot Pause the Run</source>
        <translation>Lauf kann nicht pausiert werden</translation>
    </message>
    <message>
        <source>Cancel the Run?</source>
        <translation>Lauf abbrechen?</translation>
    </message>
    <message>
        <source>The run stops for good; the answers it has are kept. Run starts a new run.</source>
        <translation>Der Lauf endet endgültig; seine Antworten bleiben erhalten. Ausführen startet einen neuen Lauf.</translation>
    </message>
    <message>
        <source>Cancel Run</source>
        <translation>Lauf abbrechen</translation>
    </message>
    <message>
        <source>Cannot Cancel the Run</source>
        <translation>Lauf kann nicht abgebrochen werden</translation>
    </message>
    <message>
        <source>Promote to Production</source>
        <translation>In Produktion übernehmen</translation>
    </message>
    <message>
        <source>Choose a variant in the Variants table first.</source>
        <translation>Wählen Sie zuerst eine Variante in der Tabelle „Varianten“.</translation>
    </message>
    <message>
        <source>Chats and runs that use the production version of %1 will use the version variant %2 ran with.</source>
        <translation>Chats und Läufe, die die Produktionsversion von %1 verwenden, nutzen dann die Version, mit der Variante %2 lief.</translation>
    </message>
    <message>
        <source>The results do not name %1 the winner.</source>
        <translation>Die Ergebnisse nennen %1 nicht als Sieger.</translation>
    </message>
    <message>
        <source>Promote %1 to Production?</source>
        <translation>%1 in Produktion übernehmen?</translation>
    </message>
    <message>
        <source>Promote</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Cannot Promote the Variant</source>
        <translation>Variante kann nicht übernommen werden</translation>
    </message>
    <message>
        <source>%1: production is version %2 now.</source>
        <translation>%1: Produktion ist jetzt Version %2.</translation>
    </message>
    <message>
        <source>Export Results</source>
        <translation>Ergebnisse exportieren</translation>
    </message>
    <message>
        <source>Cannot Export the Results</source>
        <translation>Ergebnisse können nicht exportiert werden</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The results were saved to %1.</source>
        <translation>Die Ergebnisse wurden in %1 gespeichert.</translation>
    </message>
    <message>
        <source>Import a Dataset</source>
        <translation>Datensatz importieren</translation>
    </message>
    <message>
        <source>Datasets (*.csv *.jsonl);;All files (*)</source>
        <translation>Datensätze (*.csv *.jsonl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Name of the dataset:</source>
        <translation>Name des Datensatzes:</translation>
    </message>
    <message>
        <source>Cannot Import the Dataset</source>
        <translation>Datensatz kann nicht importiert werden</translation>
    </message>
    <message numerus="yes">
        <source>Dataset %1: %n case(s) imported.</source>
        <translation>
            <numerusform>Datensatz %1: %n Fall importiert.</numerusform>
            <numerusform>Datensatz %1: %n Fälle importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation>%1 entfernen?</translation>
    </message>
    <message>
        <source>The experiment is removed; its runs stay in Background Jobs until removed there.</source>
        <translation>Das Experiment wird entfernt; seine Läufe bleiben unter „Hintergrundaufträge“, bis sie dort entfernt werden.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Cannot Remove the Experiment</source>
        <translation>Experiment kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>An&amp;swers</source>
        <translation>Ant&amp;worten</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Menschen</translation>
    </message>
    <message>
        <source>Judge agrees</source>
        <translation>Richter stimmt zu</translation>
    </message>
    <message>
        <source>Review &amp;Blind…</source>
        <translation>Blind &amp;urteilen…</translation>
    </message>
    <message>
        <source>Vote on the answers two at a time without knowing which variant gave which; the votes count in the ranking and are set against the judge&apos;s</source>
        <translation>Über je zwei Antworten abstimmen, ohne zu wissen, welche Variante welche gab; die Stimmen zählen im Ranking und werden mit denen des Richters verglichen</translation>
    </message>
    <message>
        <source>no votes</source>
        <translation>keine Stimmen</translation>
    </message>
    <message>
        <source>Results as JSON (*.json);;Every answer as CSV (*.csv);;The chosen variant&apos;s passing answers for fine-tuning (*.jsonl)</source>
        <translation>Ergebnisse als JSON (*.json);;Jede Antwort als CSV (*.csv);;Bestandene Antworten der gewählten Variante zum Feintuning (*.jsonl)</translation>
    </message>
    <message>
        <source>Reading the results…</source>
        <translation>Die Ergebnisse werden gelesen …</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::FeedbackDialog</name>
    <message>
        <source>inaccurate</source>
        <translation>ungenau</translation>
    </message>
    <message>
        <source>unhelpful</source>
        <translation>nicht hilfreich</translation>
    </message>
    <message>
        <source>too long</source>
        <translation>zu lang</translation>
    </message>
    <message>
        <source>too short</source>
        <translation>zu kurz</translation>
    </message>
    <message>
        <source>unsafe</source>
        <translation>bedenklich</translation>
    </message>
    <message>
        <source>great</source>
        <translation>sehr gut</translation>
    </message>
    <message>
        <source>&amp;Good answer</source>
        <translation>&amp;Gute Antwort</translation>
    </message>
    <message>
        <source>&amp;Bad answer</source>
        <translation>Sc&amp;hlechte Antwort</translation>
    </message>
    <message>
        <source>Feedback on the Answer</source>
        <translation>Rückmeldung zur Antwort</translation>
    </message>
    <message>
        <source>Your rating stays on this computer with the answer; it is never sent anywhere. It counts in the quality statistics of the model and the template.</source>
        <translation>Ihre Bewertung bleibt mit der Antwort auf diesem Computer; sie wird nirgendwohin gesendet. Sie zählt in den Qualitätsstatistiken des Modells und der Vorlage.</translation>
    </message>
    <message>
        <source>No tags to choose from.</source>
        <translation>Keine Schlagwörter zur Auswahl.</translation>
    </message>
    <message>
        <source>What describes it (optional):</source>
        <translation>Was trifft zu (optional):</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>What was good or wrong? (optional)</source>
        <translation>Was war gut oder falsch? (optional)</translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1 von %2 Zeichen</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>&amp;Kommentar:</translation>
    </message>
    <message>
        <source>&amp;Remove Rating</source>
        <translation>Bewertung &amp;entfernen</translation>
    </message>
    <message>
        <source>The comment is %1 characters long; shorten it to %2.</source>
        <translation>Der Kommentar ist %1 Zeichen lang; kürzen Sie ihn auf %2.</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::FeedbackTagsPage</name>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>The tags people may give an answer they rate, in the order the rating dialog shows them. Double-click a tag (or press F2) to rename it. An answer keeps the tags it was given when one is renamed or removed. The six built-in tags are shown in each person&apos;s language; your own as you write them.</source>
        <translation>Die Tags, die man einer bewerteten Antwort geben kann, in der Reihenfolge des Bewertungsdialogs. Ein Doppelklick auf ein Tag (oder F2) benennt es um. Eine Antwort behält ihre Tags, wenn eines umbenannt oder entfernt wird. Die sechs eingebauten Tags erscheinen in der Sprache jeder Person, eigene so, wie Sie sie schreiben.</translation>
    </message>
    <message>
        <source>Feedback tags</source>
        <translation>Bewertungs-Tags</translation>
    </message>
    <message>
        <source>New tag</source>
        <translation>Neues Tag</translation>
    </message>
    <message>
        <source>A new tag, for example: outdated</source>
        <translation>Ein neues Tag, zum Beispiel: veraltet</translation>
    </message>
    <message>
        <source>Earlier in the rating dialog (Alt+Up)</source>
        <translation>Weiter vorn im Bewertungsdialog (Alt+Nach-oben)</translation>
    </message>
    <message>
        <source>Later in the rating dialog (Alt+Down)</source>
        <translation>Weiter hinten im Bewertungsdialog (Alt+Nach-unten)</translation>
    </message>
    <message>
        <source>Restore De&amp;faults</source>
        <translation>Standard &amp;wiederherstellen</translation>
    </message>
    <message>
        <source>The six built-in tags, in place of the list</source>
        <translation>Die sechs eingebauten Tags anstelle der Liste</translation>
    </message>
    <message>
        <source>Feedback Tags</source>
        <translation>Bewertungs-Tags</translation>
    </message>
    <message>
        <source>%1 of at most %2 tags</source>
        <translation>%1 von höchstens %2 Tags</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be a tag: a tag has at most %2 characters and no comma.</source>
        <translation>„%1“ kann kein Tag sein: Ein Tag hat höchstens %2 Zeichen und kein Komma.</translation>
    </message>
    <message>
        <source>Restore the Default Tags</source>
        <translation>Standard-Tags wiederherstellen</translation>
    </message>
    <message numerus="yes">
        <source>Put the six built-in tags in place of these %n tag(s)? Answers keep the tags they were given.</source>
        <translation>
            <numerusform>Die sechs eingebauten Tags anstelle dieses %n Tags setzen? Antworten behalten ihre Tags.</numerusform>
            <numerusform>Die sechs eingebauten Tags anstelle dieser %n Tags setzen? Antworten behalten ihre Tags.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>%1 (shown as &quot;%2&quot;)</source>
        <translation>%1 (angezeigt als „%2“)</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::FineTuneDialog</name>
    <message>
        <source>&amp;Since:</source>
        <translation>Se&amp;it:</translation>
    </message>
    <message>
        <source>Export Fine-Tuning Data</source>
        <translation>Feinabstimmungsdaten exportieren</translation>
    </message>
    <message>
        <source>Each conversation becomes one training example in OpenAI&apos;s chat format: the branch on screen with its system prompt. Failed answers are left out with their question; answers rated bad stay as context the model does not learn from.</source>
        <translation>Jede Unterhaltung wird ein Trainingsbeispiel im Chat-Format von OpenAI: der angezeigte Zweig mit seinem Systemprompt. Fehlgeschlagene Antworten entfallen samt ihrer Frage; schlecht bewertete Antworten bleiben als Kontext, aus dem das Modell nicht lernt.</translation>
    </message>
    <message>
        <source>Any conversation</source>
        <translation>Jede Unterhaltung</translation>
    </message>
    <message>
        <source>With an answer rated good</source>
        <translation>Mit einer gut bewerteten Antwort</translation>
    </message>
    <message>
        <source>With an answer rated bad</source>
        <translation>Mit einer schlecht bewerteten Antwort</translation>
    </message>
    <message>
        <source>a conversation tag or a feedback tag (optional)</source>
        <translation>ein Unterhaltungs- oder Rückmeldungs-Schlagwort (optional)</translation>
    </message>
    <message>
        <source>answered by this model (optional)</source>
        <translation>von diesem Modell beantwortet (optional)</translation>
    </message>
    <message>
        <source>a question sent from this template (optional)</source>
        <translation>eine Frage aus dieser Vorlage (optional)</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> Tokens</translation>
    </message>
    <message>
        <source>The largest example</source>
        <translation>Das größte Beispiel</translation>
    </message>
    <message>
        <source>&amp;Rating:</source>
        <translation>&amp;Bewertung:</translation>
    </message>
    <message>
        <source>&amp;Tag:</source>
        <translation>Schlag&amp;wort:</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>Tem&amp;plate:</source>
        <translation>&amp;Vorlage:</translation>
    </message>
    <message>
        <source>&amp;Largest example:</source>
        <translation>&amp;Größtes Beispiel:</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren …</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n example(s) to %1.</source>
        <translation>
            <numerusform>%n Beispiel nach %1 geschrieben.</numerusform>
            <numerusform>%n Beispiele nach %1 geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 tokens (%2 to %3 an example), about %4 training tokens over %5 epochs.</source>
        <translation>%1 Tokens (%2 bis %3 je Beispiel), etwa %4 Trainings-Tokens über %5 Epochen.</translation>
    </message>
    <message numerus="yes">
        <source>%n conversation(s) left out: nothing to learn from, or over the limit.</source>
        <translation>
            <numerusform>%n Unterhaltung ausgelassen: nichts zu lernen oder über der Grenze.</numerusform>
            <numerusform>%n Unterhaltungen ausgelassen: nichts zu lernen oder über der Grenze.</numerusform>
        </translation>
    </message>
    <message>
        <source>OpenAI needs at least 10 examples for a fine-tuning job.</source>
        <translation>OpenAI braucht mindestens 10 Beispiele für einen Feinabstimmungsauftrag.</translation>
    </message>
    <message>
        <source>Start Fine-Tuning &amp;Job…</source>
        <translation>Feinabstimmungsauf&amp;trag starten …</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::FineTuneSubmitDialog</name>
    <message>
        <source>Start Fine-Tuning Job</source>
        <translation>Feinabstimmungsauftrag starten</translation>
    </message>
    <message>
        <source>The file is checked, uploaded to the provider and trained on there; Tessera follows the job in the background, even across restarts. The examples leave this computer for the provider, and the provider bills the training.</source>
        <translation>Die Datei wird geprüft, zum Anbieter hochgeladen und dort für das Training verwendet; Tessera verfolgt den Auftrag im Hintergrund, auch über Neustarts hinweg. Die Beispiele verlassen diesen Computer und gehen an den Anbieter, der das Training in Rechnung stellt.</translation>
    </message>
    <message>
        <source>a chat-format JSONL file (File ▸ Export Fine-Tuning Data makes one)</source>
        <translation>eine JSONL-Datei im Chat-Format (Datei ▸ Feinabstimmungsdaten exportieren erstellt eine)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>the base model, such as gpt-4o-mini-2024-07-18</source>
        <translation>das Basismodell, etwa gpt-4o-mini-2024-07-18</translation>
    </message>
    <message>
        <source>optional: a word in the new model&apos;s name</source>
        <translation>optional: ein Wort im Namen des neuen Modells</translation>
    </message>
    <message>
        <source>The provider&apos;s choice</source>
        <translation>Wahl des Anbieters</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Training &amp;file:</source>
        <translation>&amp;Trainingsdatei:</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Anbieter:</translation>
    </message>
    <message>
        <source>Base &amp;model:</source>
        <translation>&amp;Basismodell:</translation>
    </message>
    <message>
        <source>&amp;Epochs:</source>
        <translation>&amp;Epochen:</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Choose a Training File</source>
        <translation>Trainingsdatei wählen</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl);;All files (*)</source>
        <translation>JSON Lines (*.jsonl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Reading %1&apos;s models…</source>
        <translation>Modelle von %1 werden gelesen …</translation>
    </message>
    <message>
        <source>The models could not be read (%1); type the base model&apos;s name.</source>
        <translation>Die Modelle konnten nicht gelesen werden (%1); geben Sie den Namen des Basismodells ein.</translation>
    </message>
    <message>
        <source>Suffi&amp;x:</source>
        <translation>Suffi&amp;x:</translation>
    </message>
    <message>
        <source>No provider speaks OpenAI&apos;s fine-tuning API yet. Add an OpenAI, Azure OpenAI or OpenAI-compatible provider with Providers ▸ Add Provider.</source>
        <translation>Noch kein Anbieter spricht die Feinabstimmungs-API von OpenAI. Fügen Sie unter Anbieter ▸ Anbieter hinzufügen einen OpenAI-, Azure-OpenAI- oder OpenAI-kompatiblen Anbieter hinzu.</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::FlagsPage</name>
    <message>
        <source>Feature flags</source>
        <translation>Funktionsschalter</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>For everyone</source>
        <translation>Für alle</translation>
    </message>
    <message>
        <source>Set for roles and users</source>
        <translation>Für Rollen und Benutzer gesetzt</translation>
    </message>
    <message>
        <source>Set for a &amp;Role or User…</source>
        <translation>Für eine &amp;Rolle oder einen Benutzer setzen …</translation>
    </message>
    <message>
        <source>Feature Flags</source>
        <translation>Funktionsschalter</translation>
    </message>
    <message>
        <source>%1 for everyone</source>
        <translation>%1 für alle</translation>
    </message>
    <message>
        <source>Default (on)</source>
        <translation>Standard (an)</translation>
    </message>
    <message>
        <source>Default (off)</source>
        <translation>Standard (aus)</translation>
    </message>
    <message>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>role %1: %2</source>
        <translation>Rolle %1: %2</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>user %1: %2</source>
        <translation>Benutzer %1: %2</translation>
    </message>
    <message>
        <source>Choose a feature in the list first.</source>
        <translation>Wählen Sie zuerst eine Funktion in der Liste.</translation>
    </message>
    <message>
        <source>Set for a Role or User</source>
        <translation>Für eine Rolle oder einen Benutzer setzen</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Follow the next level</source>
        <translation>Der nächsten Ebene folgen</translation>
    </message>
    <message>
        <source>&amp;For:</source>
        <translation>&amp;Für:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Setting:</source>
        <translation>&amp;Einstellung:</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::IdleLock</name>
    <message>
        <source>Tessera is locked. %1, enter your password to go on.</source>
        <translation>Tessera ist gesperrt. %1, geben Sie Ihr Passwort ein, um fortzufahren.</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::JobsPanel</name>
    <message>
        <source>Queued</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message numerus="yes">
        <source>about %n s left</source>
        <translation>
            <numerusform>noch etwa %n s</numerusform>
            <numerusform>noch etwa %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n min left</source>
        <translation>
            <numerusform>noch etwa %n min</numerusform>
            <numerusform>noch etwa %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n h left</source>
        <translation>
            <numerusform>noch etwa %n h</numerusform>
            <numerusform>noch etwa %n h</numerusform>
        </translation>
    </message>
    <message>
        <source>No background jobs yet. Running an experiment starts one.</source>
        <translation>Noch keine Hintergrundaufträge. Das Ausführen eines Experiments startet einen.</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Cancel Job</source>
        <translation>Auftrag a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Background Jobs</source>
        <translation>Hintergrundaufträge</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <source>Background jobs</source>
        <translation>Hintergrundaufträge</translation>
    </message>
    <message>
        <source>Stops starting answers; those in flight are asked again on resume</source>
        <translation>Startet keine weiteren Antworten; laufende werden beim Fortsetzen erneut angefragt</translation>
    </message>
    <message>
        <source>Stops the job for good; what it has done is kept</source>
        <translation>Beendet den Auftrag endgültig; Erledigtes bleibt erhalten</translation>
    </message>
    <message>
        <source>Deletes a job that is over, with its results</source>
        <translation>Löscht einen beendeten Auftrag samt Ergebnissen</translation>
    </message>
    <message>
        <source>Job %1, started %2</source>
        <translation>Auftrag %1, begonnen %2</translation>
    </message>
    <message>
        <source>%1 (stopping)</source>
        <translation>%1 (wird angehalten)</translation>
    </message>
    <message>
        <source>%1 of %2, %3 failed</source>
        <translation>%1 von %2, %3 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Cannot Pause the Job</source>
        <translation>Auftrag kann nicht pausiert werden</translation>
    </message>
    <message>
        <source>Cannot Resume the Job</source>
        <translation>Auftrag kann nicht fortgesetzt werden</translation>
    </message>
    <message>
        <source>Cancel the Job?</source>
        <translation>Auftrag abbrechen?</translation>
    </message>
    <message>
        <source>The job stops for good. What it has done so far is kept.</source>
        <translation>Der Auftrag endet endgültig. Was er bisher erledigt hat, bleibt erhalten.</translation>
    </message>
    <message>
        <source>Cancel Job</source>
        <translation>Auftrag abbrechen</translation>
    </message>
    <message>
        <source>Cannot Cancel the Job</source>
        <translation>Auftrag kann nicht abgebrochen werden</translation>
    </message>
    <message>
        <source>Remove the Job?</source>
        <translation>Auftrag entfernen?</translation>
    </message>
    <message>
        <source>The job and its results are deleted.</source>
        <translation>Der Auftrag und seine Ergebnisse werden gelöscht.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Cannot Remove the Job</source>
        <translation>Auftrag kann nicht entfernt werden</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::MainWindow</name>
    <message>
        <source>Tessera</source>
        <translation>Tessera</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>The conversation list could not be read.</source>
        <translation>Die Liste der Unterhaltungen konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New Conversation</source>
        <translation>&amp;Neue Unterhaltung</translation>
    </message>
    <message>
        <source>&amp;Rename Conversation…</source>
        <translation>Unterhaltung &amp;umbenennen …</translation>
    </message>
    <message>
        <source>&amp;Delete Conversation</source>
        <translation>Unterhaltung &amp;löschen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Providers</source>
        <translation>&amp;Anbieter</translation>
    </message>
    <message>
        <source>&amp;Add Provider…</source>
        <translation>Anbieter &amp;hinzufügen …</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Extras</translation>
    </message>
    <message>
        <source>&amp;Focus Message Box</source>
        <translation>&amp;Eingabefeld fokussieren</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Tessera</source>
        <translation>&amp;Über Tessera</translation>
    </message>
    <message>
        <source>Provider %1 added.</source>
        <translation>Anbieter %1 hinzugefügt.</translation>
    </message>
    <message>
        <source>Rename Conversation</source>
        <translation>Unterhaltung umbenennen</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <source>Delete Conversation</source>
        <translation>Unterhaltung löschen</translation>
    </message>
    <message>
        <source>Stop the answer being written first.</source>
        <translation>Halten Sie zuerst die laufende Antwort an.</translation>
    </message>
    <message>
        <source>About Tessera</source>
        <translation>Über Tessera</translation>
    </message>
    <message>
        <source>&amp;Manage Providers…</source>
        <translation>Anbieter &amp;verwalten …</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen …</translation>
    </message>
    <message>
        <source>%1 — Tessera</source>
        <translation>%1 — Tessera</translation>
    </message>
    <message>
        <source>Open the provider health view</source>
        <translation>Zustand der Anbieter öffnen</translation>
    </message>
    <message>
        <source>Provider &amp;Health…</source>
        <translation>&amp;Zustand der Anbieter…</translation>
    </message>
    <message>
        <source>Provider health: %1</source>
        <translation>Zustand der Anbieter: %1</translation>
    </message>
    <message>
        <source>&amp;Search Conversations…</source>
        <translation>Unterhaltungen &amp;durchsuchen…</translation>
    </message>
    <message>
        <source>That conversation no longer exists.</source>
        <translation>Diese Unterhaltung gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>That message no longer exists.</source>
        <translation>Diese Nachricht gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>Delete Message</source>
        <translation>Nachricht löschen</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>&amp;Nachricht</translation>
    </message>
    <message>
        <source>&amp;Regenerate Answer</source>
        <translation>Antwort &amp;neu erzeugen</translation>
    </message>
    <message>
        <source>&amp;Edit Last Question</source>
        <translation>Letzte Frage &amp;bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Export Conversation…</source>
        <translation>Unterhaltung &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;All Conversations…</source>
        <translation>&amp;Alle Unterhaltungen exportieren…</translation>
    </message>
    <message>
        <source>&amp;Import Conversations…</source>
        <translation>Unterhaltungen &amp;importieren…</translation>
    </message>
    <message>
        <source>Export Conversation</source>
        <translation>Unterhaltung exportieren</translation>
    </message>
    <message>
        <source>Open a conversation to export first.</source>
        <translation>Öffnen Sie zuerst eine Unterhaltung zum Exportieren.</translation>
    </message>
    <message>
        <source>Tessera conversations</source>
        <translation>Tessera-Unterhaltungen</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n conversation(s).</source>
        <translation>
            <numerusform>%n Unterhaltung importiert.</numerusform>
            <numerusform>%n Unterhaltungen importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Next Conversation</source>
        <translation>&amp;Nächste Unterhaltung</translation>
    </message>
    <message>
        <source>&amp;Previous Conversation</source>
        <translation>&amp;Vorherige Unterhaltung</translation>
    </message>
    <message>
        <source>&amp;Copy Last Code Block</source>
        <translation>Letzten &amp;Codeblock kopieren</translation>
    </message>
    <message>
        <source>The code block was copied.</source>
        <translation>Der Codeblock wurde kopiert.</translation>
    </message>
    <message>
        <source>This conversation has no code block.</source>
        <translation>Diese Unterhaltung enthält keinen Codeblock.</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;Attach Files…</source>
        <translation>Dateien &amp;anhängen…</translation>
    </message>
    <message>
        <source>Attach Files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>Images and text files (*.png *.jpg *.jpeg *.webp *.gif *.txt *.md *.c *.h *.cpp *.hpp *.py *.js *.ts *.json *.sh *.sql *.csv *.log *.yaml *.yml *.toml *.xml *.html *.css *.java *.go *.rs);;All files (*)</source>
        <translation>Bilder und Textdateien (*.png *.jpg *.jpeg *.webp *.gif *.txt *.md *.c *.h *.cpp *.hpp *.py *.js *.ts *.json *.sh *.sql *.csv *.log *.yaml *.yml *.toml *.xml *.html *.css *.java *.go *.rs);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Undo Delete</source>
        <translation>Löschen rüc&amp;kgängig machen</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>„%1“ gelöscht.</translation>
    </message>
    <message>
        <source>Undo Delete</source>
        <translation>Löschen rückgängig machen</translation>
    </message>
    <message>
        <source>Show &amp;Archived Conversations</source>
        <translation>&amp;Archivierte Unterhaltungen zeigen</translation>
    </message>
    <message>
        <source>Pin Conversation</source>
        <translation>Unterhaltung anheften</translation>
    </message>
    <message>
        <source>Archive Conversation</source>
        <translation>Unterhaltung archivieren</translation>
    </message>
    <message>
        <source>“%1” is back in the list.</source>
        <translation>„%1“ ist wieder in der Liste.</translation>
    </message>
    <message>
        <source>“%1” was archived (View ▸ Show Archived Conversations).</source>
        <translation>„%1“ wurde archiviert (Ansicht ▸ Archivierte Unterhaltungen zeigen).</translation>
    </message>
    <message>
        <source>Archived conversations</source>
        <translation>Archivierte Unterhaltungen</translation>
    </message>
    <message>
        <source>Conversation Se&amp;ttings…</source>
        <translation>Ein&amp;stellungen der Unterhaltung…</translation>
    </message>
    <message>
        <source>Ta&amp;gs…</source>
        <translation>Ta&amp;gs …</translation>
    </message>
    <message>
        <source>Tags…</source>
        <translation>Tags …</translation>
    </message>
    <message>
        <source>Filter by &amp;Tag</source>
        <translation>Nach &amp;Tag filtern</translation>
    </message>
    <message>
        <source>No tags yet: tag a conversation with File ▸ Tags…</source>
        <translation>Noch keine Tags: Unterhaltungen taggen Sie mit Datei ▸ Tags …</translation>
    </message>
    <message>
        <source>Rena&amp;me Tag…</source>
        <translation>Tag &amp;umbenennen …</translation>
    </message>
    <message>
        <source>&amp;Delete Tag…</source>
        <translation>Tag &amp;löschen …</translation>
    </message>
    <message>
        <source>Renames the tag the list is filtered by</source>
        <translation>Benennt das Tag um, nach dem die Liste gefiltert ist</translation>
    </message>
    <message>
        <source>Takes the tag the list is filtered by off every conversation</source>
        <translation>Entfernt das Tag, nach dem die Liste gefiltert ist, von allen Unterhaltungen</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Untitled conversation</source>
        <translation>Unbenannte Unterhaltung</translation>
    </message>
    <message>
        <source>The new conversation will start without tags.</source>
        <translation>Die neue Unterhaltung beginnt ohne Tags.</translation>
    </message>
    <message>
        <source>The new conversation will be tagged %1.</source>
        <translation>Die neue Unterhaltung erhält die Tags %1.</translation>
    </message>
    <message>
        <source>Conversations tagged %1</source>
        <translation>Unterhaltungen mit dem Tag %1</translation>
    </message>
    <message>
        <source>All conversations</source>
        <translation>Alle Unterhaltungen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Rename Tag</source>
        <translation>Tag umbenennen</translation>
    </message>
    <message>
        <source>Choose the tag in the filter above the conversations first.</source>
        <translation>Wählen Sie zuerst das Tag im Filter über den Unterhaltungen.</translation>
    </message>
    <message>
        <source>New name for “%1”:</source>
        <translation>Neuer Name für „%1“:</translation>
    </message>
    <message>
        <source>The tag “%1” is now “%2”.</source>
        <translation>Das Tag „%1“ heißt jetzt „%2“.</translation>
    </message>
    <message>
        <source>Delete Tag</source>
        <translation>Tag löschen</translation>
    </message>
    <message numerus="yes">
        <source>Take the tag “%1” off %n conversation(s)? The conversations stay.</source>
        <translation>
            <numerusform>Das Tag „%1“ von %n Unterhaltung entfernen? Die Unterhaltung bleibt.</numerusform>
            <numerusform>Das Tag „%1“ von %n Unterhaltungen entfernen? Die Unterhaltungen bleiben.</numerusform>
        </translation>
    </message>
    <message>
        <source>The tag “%1” was deleted.</source>
        <translation>Das Tag „%1“ wurde gelöscht.</translation>
    </message>
    <message>
        <source>Delete this message? Its text and images are lost; its replies stay in the conversation.</source>
        <translation>Diese Nachricht löschen? Ihr Text und ihre Bilder gehen verloren; die Antworten darauf bleiben in der Unterhaltung.</translation>
    </message>
    <message>
        <source>&amp;Pin Conversation</source>
        <translation>Unterhaltung an&amp;heften</translation>
    </message>
    <message>
        <source>Ar&amp;chive Conversation</source>
        <translation>Unterhaltung ar&amp;chivieren</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Anheften</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archivieren</translation>
    </message>
    <message>
        <source>Un&amp;pin Conversation</source>
        <translation>Unterhaltung nicht mehr an&amp;heften</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Lösen</translation>
    </message>
    <message>
        <source>Resto&amp;re Conversation</source>
        <translation>Unterhaltung wiede&amp;rherstellen</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Tessera %1
A native desktop AI workspace. API keys are kept in the system keychain or read from environment variables; they are never written to Tessera&apos;s files.</source>
        <translation>Tessera %1
Ein nativer Desktop-Arbeitsplatz für KI. API-Schlüssel liegen im Systemschlüsselbund oder werden aus Umgebungsvariablen gelesen; in Tesseras Dateien werden sie nie geschrieben.</translation>
    </message>
    <message>
        <source>A&amp;dministration…</source>
        <translation>&amp;Verwaltung …</translation>
    </message>
    <message>
        <source>Add Provider</source>
        <translation>Anbieter hinzufügen</translation>
    </message>
    <message>
        <source>Adding providers is up to your administrator. Ask them to add one, or to switch on “Members may add providers” for you.</source>
        <translation>Anbieter fügt Ihre Administration hinzu. Bitten Sie sie, einen hinzuzufügen oder „Mitglieder dürfen Anbieter hinzufügen“ für Sie einzuschalten.</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Conversation Too Long</source>
        <translation>Unterhaltung zu lang</translation>
    </message>
    <message>
        <source>Leave Out and Send</source>
        <translation>Weglassen und senden</translation>
    </message>
    <message>
        <source>(resets %1)</source>
        <translation>(wird am %1 zurückgesetzt)</translation>
    </message>
    <message>
        <source>&amp;Usage</source>
        <translation>&amp;Nutzung</translation>
    </message>
    <message>
        <source>What the AI has cost and used, over time, by model, provider and person</source>
        <translation>Was die KI gekostet und verbraucht hat, über die Zeit, nach Modell, Anbieter und Person</translation>
    </message>
    <message>
        <source>Open the Usage view with the active alerts</source>
        <translation>Die Nutzungsansicht mit den aktiven Warnungen öffnen</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n alert(s)</source>
        <translation>
            <numerusform>⚠ %n Warnung</numerusform>
            <numerusform>⚠ %n Warnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n active alert(s)</source>
        <translation>
            <numerusform>%n aktive Warnung</numerusform>
            <numerusform>%n aktive Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Tessera alert</source>
        <translation>Tessera-Warnung</translation>
    </message>
    <message>
        <source>Alert: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>The prompt library: templates with variables, versions and labels</source>
        <translation>Die Prompt-Bibliothek: Vorlagen mit Variablen, Versionen und Labels</translation>
    </message>
    <message>
        <source>P&amp;rompts</source>
        <translation>P&amp;rompts</translation>
    </message>
    <message>
        <source>Rate Answer &amp;Good</source>
        <translation>Antwort als &amp;gut bewerten</translation>
    </message>
    <message>
        <source>Rate Answer &amp;Bad</source>
        <translation>Antwort als &amp;schlecht bewerten</translation>
    </message>
    <message>
        <source>Answer &amp;Feedback…</source>
        <translation>&amp;Rückmeldung zur Antwort …</translation>
    </message>
    <message>
        <source>Export &amp;Fine-Tuning Data…</source>
        <translation>&amp;Feinabstimmungsdaten exportieren …</translation>
    </message>
    <message numerus="yes">
        <source>%n background job(s) cut off last time go on now.</source>
        <translation>
            <numerusform>%n beim letzten Mal unterbrochener Hintergrundauftrag läuft jetzt weiter.</numerusform>
            <numerusform>%n beim letzten Mal unterbrochene Hintergrundaufträge laufen jetzt weiter.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has finished.</source>
        <translation>%1 ist beendet.</translation>
    </message>
    <message>
        <source>%1 is paused: a budget is reached. It goes on when you resume it.</source>
        <translation>%1 ist pausiert: Ein Budget ist erreicht. Es geht weiter, wenn Sie es fortsetzen.</translation>
    </message>
    <message>
        <source>%1 is paused.</source>
        <translation>%1 ist pausiert.</translation>
    </message>
    <message>
        <source>%1 has failed: %2</source>
        <translation>%1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 was cancelled.</source>
        <translation>%1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>E&amp;xperiments</source>
        <translation>E&amp;xperimente</translation>
    </message>
    <message>
        <source>A/B prompt experiments: variants run over a dataset, checked and compared</source>
        <translation>A/B-Prompt-Experimente: Varianten laufen über einen Datensatz, werden geprüft und verglichen</translation>
    </message>
    <message>
        <source>Background &amp;Jobs</source>
        <translation>&amp;Hintergrundaufträge</translation>
    </message>
    <message>
        <source>Long work running in the background: progress, pause, resume and cancel</source>
        <translation>Lange Arbeiten im Hintergrund: Fortschritt, pausieren, fortsetzen und abbrechen</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>Ver&amp;gleichen</translation>
    </message>
    <message>
        <source>Variants of a prompt answer one input side by side; vote blind for the better one</source>
        <translation>Varianten eines Prompts beantworten eine Eingabe nebeneinander; stimmen Sie blind für die bessere</translation>
    </message>
    <message>
        <source>Start Fine-Tuning &amp;Job…</source>
        <translation>Feinabstimmungsauf&amp;trag starten …</translation>
    </message>
    <message numerus="yes">
        <source>%n large file(s) are imported in the background; View ▸ Background Jobs shows them.</source>
        <translation>
            <numerusform>%n große Datei wird im Hintergrund importiert; Ansicht ▸ Hintergrundaufträge zeigt sie.</numerusform>
            <numerusform>%n große Dateien werden im Hintergrund importiert; Ansicht ▸ Hintergrundaufträge zeigt sie.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::MessageWidget</name>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Schreibt …</translation>
    </message>
    <message>
        <source>Incomplete answer (%1)</source>
        <translation>Unvollständige Antwort (%1)</translation>
    </message>
    <message>
        <source>No answer (%1)</source>
        <translation>Keine Antwort (%1)</translation>
    </message>
    <message>
        <source>≈%1 in / ≈%2 out tokens</source>
        <translation>≈%1 Eingabe- / ≈%2 Ausgabe-Token</translation>
    </message>
    <message>
        <source>%1 in / %2 out tokens</source>
        <translation>%1 Eingabe- / %2 Ausgabe-Token</translation>
    </message>
    <message>
        <source>first token %1 ms</source>
        <translation>erstes Token %1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>[image that cannot be shown]</source>
        <translation>[Bild kann nicht angezeigt werden]</translation>
    </message>
    <message>
        <source>Pasted image %1</source>
        <translation>Eingefügtes Bild %1</translation>
    </message>
    <message>
        <source>Image: %1</source>
        <translation>Bild: %1</translation>
    </message>
    <message>
        <source>(fallback: %1)</source>
        <translation>(Ersatz: %1)</translation>
    </message>
    <message>
        <source>from the cache</source>
        <translation>aus dem Cache</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n Versuch</numerusform>
            <numerusform>%n Versuche</numerusform>
        </translation>
    </message>
    <message>
        <source>Previous version</source>
        <translation>Vorherige Fassung</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>Nächste Fassung</translation>
    </message>
    <message>
        <source>Copy the message&apos;s text</source>
        <translation>Den Text der Nachricht kopieren</translation>
    </message>
    <message>
        <source>Version %1 of %2</source>
        <translation>Fassung %1 von %2</translation>
    </message>
    <message>
        <source>Edit the question and send it as a new version (Ctrl+E)</source>
        <translation>Frage bearbeiten und als neue Fassung senden (Strg+E)</translation>
    </message>
    <message>
        <source>Answer again; the old answer stays a version (Ctrl+R)</source>
        <translation>Erneut antworten; die alte Antwort bleibt als Fassung erhalten (Strg+R)</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Weitere Aktionen</translation>
    </message>
    <message>
        <source>&amp;Delete Message…</source>
        <translation>Nachricht &amp;löschen …</translation>
    </message>
    <message>
        <source>Copy the code</source>
        <translation>Code kopieren</translation>
    </message>
    <message>
        <source>code</source>
        <translation>Code</translation>
    </message>
    <message numerus="yes">
        <source>the oldest %n message(s) left out to fit the window</source>
        <translation>
            <numerusform>die älteste Nachricht weggelassen, damit es in das Fenster passt</numerusform>
            <numerusform>die ältesten %n Nachrichten weggelassen, damit es in das Fenster passt</numerusform>
        </translation>
    </message>
    <message>
        <source>Good answer (Ctrl+Shift+Up)</source>
        <translation>Gute Antwort (Strg+Umschalt+Pfeil hoch)</translation>
    </message>
    <message>
        <source>Bad answer (Ctrl+Shift+Down)</source>
        <translation>Schlechte Antwort (Strg+Umschalt+Pfeil runter)</translation>
    </message>
    <message>
        <source>&amp;Feedback…</source>
        <translation>&amp;Rückmeldung …</translation>
    </message>
    <message>
        <source>chosen; press again to take the rating back</source>
        <translation>gewählt; erneut drücken nimmt die Bewertung zurück</translation>
    </message>
    <message>
        <source>from the template %1, version %2</source>
        <translation>aus der Vorlage %1, Version %2</translation>
    </message>
    <message>
        <source>rated good</source>
        <translation>als gut bewertet</translation>
    </message>
    <message>
        <source>rated bad</source>
        <translation>als schlecht bewertet</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::ModelPicker</name>
    <message>
        <source>Choose a provider and model</source>
        <translation>Anbieter und Modell wählen</translation>
    </message>
    <message>
        <source>Search models, or type a model name</source>
        <translation>Modelle suchen oder einen Modellnamen eingeben</translation>
    </message>
    <message>
        <source>Search models</source>
        <translation>Modelle suchen</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Reload the providers&apos; model lists</source>
        <translation>Modelllisten der Anbieter neu laden</translation>
    </message>
    <message>
        <source>Reload models</source>
        <translation>Modelle neu laden</translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>%1 mit %2</translation>
    </message>
    <message>
        <source>Use “%1” with %2</source>
        <translation>„%1“ mit %2 verwenden</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::Money</name>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Tokens</translation>
    </message>
    <message>
        <source>cost unknown</source>
        <translation>Kosten unbekannt</translation>
    </message>
    <message>
        <source>Your requests per minute</source>
        <translation>Ihre Anfragen pro Minute</translation>
    </message>
    <message>
        <source>Your role&apos;s requests per minute</source>
        <translation>Anfragen pro Minute Ihrer Rolle</translation>
    </message>
    <message>
        <source>%1: %2 of %3.</source>
        <translation>%1: %2 von %3.</translation>
    </message>
    <message>
        <source>Your answers at once</source>
        <translation>Ihre gleichzeitigen Antworten</translation>
    </message>
    <message>
        <source>Your role&apos;s answers at once</source>
        <translation>Gleichzeitige Antworten Ihrer Rolle</translation>
    </message>
    <message>
        <source>%1: %2 used and %3 reserved of %4; this request may need up to %5.</source>
        <translation>%1: %2 verbraucht und %3 reserviert von %4; diese Anfrage kann bis zu %5 benötigen.</translation>
    </message>
    <message>
        <source>It resets on %1.</source>
        <translation>Es wird am %1 zurückgesetzt.</translation>
    </message>
    <message>
        <source>The daily budget for everyone</source>
        <translation>Das Tagesbudget für alle</translation>
    </message>
    <message>
        <source>The daily budget of the role %1</source>
        <translation>Das Tagesbudget der Rolle %1</translation>
    </message>
    <message>
        <source>Your daily budget</source>
        <translation>Ihr Tagesbudget</translation>
    </message>
    <message>
        <source>The weekly budget for everyone</source>
        <translation>Das Wochenbudget für alle</translation>
    </message>
    <message>
        <source>The weekly budget of the role %1</source>
        <translation>Das Wochenbudget der Rolle %1</translation>
    </message>
    <message>
        <source>Your weekly budget</source>
        <translation>Ihr Wochenbudget</translation>
    </message>
    <message>
        <source>The monthly budget for everyone</source>
        <translation>Das Monatsbudget für alle</translation>
    </message>
    <message>
        <source>The monthly budget of the role %1</source>
        <translation>Das Monatsbudget der Rolle %1</translation>
    </message>
    <message>
        <source>Your monthly budget</source>
        <translation>Ihr Monatsbudget</translation>
    </message>
    <message>
        <source>The total budget for everyone</source>
        <translation>Das Gesamtbudget für alle</translation>
    </message>
    <message>
        <source>The total budget of the role %1</source>
        <translation>Das Gesamtbudget der Rolle %1</translation>
    </message>
    <message>
        <source>Your total budget</source>
        <translation>Ihr Gesamtbudget</translation>
    </message>
    <message>
        <source>%1 is %2 % used (%3 of %4).</source>
        <translation>%1 ist zu %2 % verbraucht (%3 von %4).</translation>
    </message>
    <message>
        <source>%1 of %2 tokens</source>
        <translation>%1 von %2 Tokens</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 today</source>
        <translation>%1 heute</translation>
    </message>
    <message>
        <source>%1 this week</source>
        <translation>%1 diese Woche</translation>
    </message>
    <message>
        <source>%1 this month</source>
        <translation>%1 diesen Monat</translation>
    </message>
    <message>
        <source>%1 in total</source>
        <translation>%1 insgesamt</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::MyAccountDialog</name>
    <message>
        <source>My Sessions and API Tokens</source>
        <translation>Meine Sitzungen und API-Token</translation>
    </message>
    <message>
        <source>&amp;Sessions</source>
        <translation>&amp;Sitzungen</translation>
    </message>
    <message>
        <source>&amp;API Tokens</source>
        <translation>&amp;API-Token</translation>
    </message>
    <message>
        <source>Signed in as &lt;b&gt;%1&lt;/b&gt;. End a session you do not recognise; make an API token for scripts that use &lt;code&gt;tessera-cli&lt;/code&gt; (TESSERA_TOKEN).</source>
        <translation>Angemeldet als &lt;b&gt;%1&lt;/b&gt;. Beenden Sie jede Sitzung, die Sie nicht kennen; erstellen Sie ein API-Token für Skripte, die &lt;code&gt;tessera-cli&lt;/code&gt; benutzen (TESSERA_TOKEN).</translation>
    </message>
    <message>
        <source>Your API tokens</source>
        <translation>Ihre API-Token</translation>
    </message>
    <message>
        <source>&amp;Create Token…</source>
        <translation>Token &amp;erstellen…</translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>&amp;Widerrufen</translation>
    </message>
    <message>
        <source>An API token cannot make API tokens.</source>
        <translation>Ein API-Token kann keine API-Token erstellen.</translation>
    </message>
    <message>
        <source>API Tokens</source>
        <translation>API-Token</translation>
    </message>
    <message>
        <source>Create API Token</source>
        <translation>API-Token erstellen</translation>
    </message>
    <message>
        <source>API Token %1</source>
        <translation>API-Token %1</translation>
    </message>
    <message>
        <source>Copy the token now: it is shown only this once, and Tessera keeps only a fingerprint of it. Put it in TESSERA_TOKEN for tessera-cli; keep it like a password.</source>
        <translation>Kopieren Sie das Token jetzt: Es wird nur dieses eine Mal gezeigt, Tessera behält nur einen Fingerabdruck davon. Setzen Sie es für tessera-cli in TESSERA_TOKEN; hüten Sie es wie ein Passwort.</translation>
    </message>
    <message>
        <source>The new API token</source>
        <translation>Das neue API-Token</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Revoke API Token</source>
        <translation>API-Token widerrufen</translation>
    </message>
    <message>
        <source>Revoke the token %1? Scripts that use it stop working at once.</source>
        <translation>Das Token %1 widerrufen? Skripte, die es benutzen, funktionieren sofort nicht mehr.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>What the token is for, e.g. nightly-export</source>
        <translation>Wofür das Token ist, z. B. export-nachts</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Everything I may do</source>
        <translation>Alles, was ich darf</translation>
    </message>
    <message>
        <source>Only:</source>
        <translation>Nur:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Expires after:</source>
        <translation>&amp;Läuft ab nach:</translation>
    </message>
    <message>
        <source>Create Token</source>
        <translation>Token erstellen</translation>
    </message>
    <message>
        <source>The token may do:</source>
        <translation>Das Token darf:</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::NewExperimentDialog</name>
    <message>
        <source>Pass at a &amp;score of</source>
        <translation>Bestanden ab Wer&amp;tung</translation>
    </message>
    <message>
        <source>An LLM &amp;judge grades each answer</source>
        <translation>Ein LLM-&amp;Richter bewertet jede Antwort</translation>
    </message>
    <message>
        <source>and compares each pair of variants (asked in both orders)</source>
        <translation>und vergleicht jedes Variantenpaar (in beiden Reihenfolgen gefragt)</translation>
    </message>
    <message>
        <source>Use cached answers where there are any</source>
        <translation>Zwischengespeicherte Antworten verwenden, wo vorhanden</translation>
    </message>
    <message>
        <source>New Experiment</source>
        <translation>Neues Experiment</translation>
    </message>
    <message>
        <source>for example: Shorter prompt</source>
        <translation>zum Beispiel: Kürzerer Prompt</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n case(s))</source>
        <translation>
            <numerusform>%1 (%n Fall)</numerusform>
            <numerusform>%1 (%n Fälle)</numerusform>
        </translation>
    </message>
    <message>
        <source>One check per line, TYPE:VALUE[:WEIGHT], for example
icontains:museum
max-length:800:0.5
is-json</source>
        <translation>Eine Prüfung je Zeile, TYP:WERT[:GEWICHT], zum Beispiel
icontains:museum
max-length:800:0.5
is-json</translation>
    </message>
    <message>
        <source>Passing score</source>
        <translation>Wertung zum Bestehen</translation>
    </message>
    <message>
        <source>Judge&apos;s provider</source>
        <translation>Anbieter des Richters</translation>
    </message>
    <message>
        <source>the judge&apos;s model</source>
        <translation>das Modell des Richters</translation>
    </message>
    <message>
        <source>Judge&apos;s model</source>
        <translation>Modell des Richters</translation>
    </message>
    <message>
        <source>What a good answer does (empty: it does what was asked, is correct and clear)</source>
        <translation>Was eine gute Antwort leistet (leer: sie tut, was verlangt wurde, ist richtig und klar)</translation>
    </message>
    <message>
        <source>Rubric</source>
        <translation>Bewertungsmaßstab</translation>
    </message>
    <message>
        <source>M&amp;odel:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>R&amp;ubric:</source>
        <translation>&amp;Bewertungsmaßstab:</translation>
    </message>
    <message>
        <source> at once</source>
        <translation> gleichzeitig</translation>
    </message>
    <message>
        <source> × each case</source>
        <translation> × je Fall</translation>
    </message>
    <message>
        <source>Repeats after the first are always asked afresh</source>
        <translation>Wiederholungen nach der ersten werden immer neu angefragt</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Dataset:</source>
        <translation>&amp;Datensatz:</translation>
    </message>
    <message>
        <source>Checks (&amp;assertions):</source>
        <translation>&amp;Prüfungen (Assertions):</translation>
    </message>
    <message>
        <source>&amp;Concurrency:</source>
        <translation>&amp;Gleichzeitig:</translation>
    </message>
    <message>
        <source>&amp;Repeats:</source>
        <translation>&amp;Wiederholungen:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>&amp;Variants (2 to 6; version 0 is the template&apos;s production version):</source>
        <translation>&amp;Varianten (2 bis 6; Version 0 ist die Produktionsversion der Vorlage):</translation>
    </message>
    <message>
        <source>There is no dataset yet: import one with Import Dataset in the Experiments window.</source>
        <translation>Es gibt noch keinen Datensatz: Importieren Sie einen mit „Datensatz importieren“ im Fenster „Experimente“.</translation>
    </message>
    <message>
        <source>Give the experiment a name.</source>
        <translation>Geben Sie dem Experiment einen Namen.</translation>
    </message>
    <message>
        <source>Check on line %1 (%2): %3</source>
        <translation>Prüfung in Zeile %1 (%2): %3</translation>
    </message>
    <message>
        <source>The judge needs a model.</source>
        <translation>Der Richter braucht ein Modell.</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Anbieter:</translation>
    </message>
    <message>
        <source>Pause the run at a cost o&amp;f</source>
        <translation>&amp;Lauf pausieren ab Kosten von</translation>
    </message>
    <message>
        <source>Cost cap in US dollars</source>
        <translation>Kostengrenze in US-Dollar</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::PasswordStrength</name>
    <message>
        <source>At least 8 characters; a few unrelated words make a strong password.</source>
        <translation>Mindestens 8 Zeichen; einige Wörter ohne Zusammenhang ergeben ein starkes Passwort.</translation>
    </message>
    <message>
        <source>Strong enough.</source>
        <translation>Stark genug.</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::PriceDialog</name>
    <message>
        <source>From a later &amp;day:</source>
        <translation>Ab einem späteren &amp;Tag:</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>the model&apos;s id, such as gpt-5.4</source>
        <translation>die ID des Modells, etwa gpt-5.4</translation>
    </message>
    <message>
        <source>US dollars per million tokens</source>
        <translation>US-Dollar pro Million Tokens</translation>
    </message>
    <message>
        <source>the input price, unless given</source>
        <translation>der Eingabepreis, falls nicht angegeben</translation>
    </message>
    <message>
        <source>A price applies to requests from its day on; what earlier answers cost stays as it was recorded.</source>
        <translation>Ein Preis gilt für Anfragen ab seinem Tag; was frühere Antworten gekostet haben, bleibt wie erfasst.</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Anbieter:</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>&amp;Input:</source>
        <translation>&amp;Eingabe:</translation>
    </message>
    <message>
        <source>&amp;Cached input:</source>
        <translation>Eingabe aus dem &amp;Cache:</translation>
    </message>
    <message>
        <source>Cache &amp;write:</source>
        <translation>Cache-&amp;Schreiben:</translation>
    </message>
    <message>
        <source>&amp;Output:</source>
        <translation>A&amp;usgabe:</translation>
    </message>
    <message>
        <source>Choose the provider and enter the model&apos;s id.</source>
        <translation>Wählen Sie den Anbieter und geben Sie die ID des Modells ein.</translation>
    </message>
    <message>
        <source>Enter the input and output prices in US dollars per million tokens, such as 2.50.</source>
        <translation>Geben Sie Eingabe- und Ausgabepreis in US-Dollar pro Million Tokens ein, etwa 2,50.</translation>
    </message>
    <message>
        <source>Enter the cached-input and cache-write prices as amounts, or leave them empty.</source>
        <translation>Geben Sie die Preise für Eingabe aus dem Cache und Cache-Schreiben als Beträge ein oder lassen Sie sie leer.</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::PricesPage</name>
    <message>
        <source>Set here</source>
        <translation>Hier festgelegt</translation>
    </message>
    <message>
        <source>Set by %1</source>
        <translation>Festgelegt von %1</translation>
    </message>
    <message>
        <source>Catalog of %1</source>
        <translation>Katalog vom %1</translation>
    </message>
    <message>
        <source>Free (local server)</source>
        <translation>Kostenlos (lokaler Server)</translation>
    </message>
    <message>
        <source>Unknown: set a price</source>
        <translation>Unbekannt: Preis festlegen</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Price from</source>
        <translation>Preis aus</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Cached input</source>
        <translation>Aus dem Cache</translation>
    </message>
    <message>
        <source>Cache write</source>
        <translation>Cache-Schreiben</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Applies</source>
        <translation>Gilt</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>&amp;Set Price…</source>
        <translation>Preis &amp;festlegen …</translation>
    </message>
    <message>
        <source>&amp;Reset to Catalog</source>
        <translation>Auf &amp;Katalog zurücksetzen</translation>
    </message>
    <message>
        <source>Set a Price for This &amp;Model…</source>
        <translation>Preis für dieses &amp;Modell festlegen …</translation>
    </message>
    <message>
        <source>Use Anthropic&apos;s &amp;prompt cache for longer conversations</source>
        <translation>Anthropics &amp;Prompt-Cache für längere Unterhaltungen nutzen</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Preise</translation>
    </message>
    <message>
        <source>Models without a price</source>
        <translation>Modelle ohne Preis</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>The system prompt and the conversation so far are marked for Anthropic&apos;s cache: the next question reads them at a tenth of the input price, and writing them costs a quarter more once.</source>
        <translation>Systemprompt und bisherige Unterhaltung werden für Anthropics Cache markiert: Die nächste Frage liest sie zu einem Zehntel des Eingabepreises, das Schreiben kostet einmalig ein Viertel mehr.</translation>
    </message>
    <message>
        <source>Reports and budgets count days, weeks and months in this zone. Changing it counts every day&apos;s totals again.</source>
        <translation>Berichte und Budgets zählen Tage, Wochen und Monate in dieser Zone. Eine Änderung zählt die Summen aller Tage neu.</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <source>Counting and caching</source>
        <translation>Zählen und Cache</translation>
    </message>
    <message>
        <source>&lt;b&gt;Prices&lt;/b&gt; — US dollars per million tokens; a new price never changes what answers already cost</source>
        <translation>&lt;b&gt;Preise&lt;/b&gt; — US-Dollar pro Million Tokens; ein neuer Preis ändert nie, was Antworten bereits gekostet haben</translation>
    </message>
    <message>
        <source>&lt;b&gt;Models without a price&lt;/b&gt; — their cost shows as unknown until a price is set</source>
        <translation>&lt;b&gt;Modelle ohne Preis&lt;/b&gt; — ihre Kosten gelten als unbekannt, bis ein Preis festgelegt ist</translation>
    </message>
    <message>
        <source>every model</source>
        <translation>jedes Modell</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>from %1 (coming)</source>
        <translation>ab %1 (kommend)</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>seit %1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Reset Price</source>
        <translation>Preis zurücksetzen</translation>
    </message>
    <message>
        <source>Remove the prices set for %1&apos;s model %2? New requests use the catalog&apos;s price again (or none); what answers already cost stays.</source>
        <translation>Die für das Modell %2 von %1 festgelegten Preise entfernen? Neue Anfragen nutzen wieder den Katalogpreis (oder keinen); was Antworten bereits gekostet haben, bleibt.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Counting and Caching</source>
        <translation>Zählen und Cache</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::PromptPalette</name>
    <message>
        <source>Choose a prompt template</source>
        <translation>Eine Prompt-Vorlage wählen</translation>
    </message>
    <message>
        <source>Search templates</source>
        <translation>Vorlagen durchsuchen</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation>%1, Version %2</translation>
    </message>
    <message>
        <source>The prompt library is empty: write templates in View ▸ Prompts (Ctrl+Shift+L).</source>
        <translation>Die Prompt-Bibliothek ist leer: Schreiben Sie Vorlagen unter Ansicht ▸ Prompts (Strg+Umschalt+L).</translation>
    </message>
    <message>
        <source>No template matches “%1”. Escape types a /.</source>
        <translation>Keine Vorlage passt zu „%1“. Esc tippt ein /.</translation>
    </message>
    <message>
        <source>The best %1 of %2 matches; type more to narrow them.</source>
        <translation>Die besten %1 von %2 Treffern; tippen Sie weiter, um einzugrenzen.</translation>
    </message>
    <message>
        <source>Enter puts the template in the message; Escape types a /.</source>
        <translation>Eingabe setzt die Vorlage in die Nachricht; Esc tippt ein /.</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::PromptSettingsEditor</name>
    <message>
        <source>Suggested provider</source>
        <translation>Vorgeschlagener Anbieter</translation>
    </message>
    <message>
        <source>The provider the template&apos;s messages go to; the conversation&apos;s when not chosen</source>
        <translation>Der Anbieter, an den die Nachrichten der Vorlage gehen; ohne Wahl der des Gesprächs</translation>
    </message>
    <message>
        <source>Suggested model</source>
        <translation>Vorgeschlagenes Modell</translation>
    </message>
    <message>
        <source>The conversation&apos;s</source>
        <translation>Das des Gesprächs</translation>
    </message>
    <message>
        <source>The model to use, chosen from the list or typed; the token and cost preview counts with it</source>
        <translation>Das Modell, aus der Liste gewählt oder eingetippt; die Vorschau der Tokens und Kosten rechnet damit</translation>
    </message>
    <message>
        <source>Suggested temperature</source>
        <translation>Vorgeschlagene Temperatur</translation>
    </message>
    <message>
        <source>Conversation&apos;s</source>
        <translation>Wie im Gespräch</translation>
    </message>
    <message>
        <source>Lower is more focused and repeatable, higher more varied (0 to 2)</source>
        <translation>Niedriger ist gezielter und wiederholbar, höher abwechslungsreicher (0 bis 2)</translation>
    </message>
    <message>
        <source>Suggested most tokens of an answer</source>
        <translation>Vorgeschlagene Höchstzahl an Tokens einer Antwort</translation>
    </message>
    <message>
        <source>The longest answer, in tokens</source>
        <translation>Die längste Antwort, in Tokens</translation>
    </message>
    <message>
        <source>Temp&amp;erature:</source>
        <translation>Te&amp;mperatur:</translation>
    </message>
    <message>
        <source>Ma&amp;x tokens:</source>
        <translation>Ma&amp;x. Tokens:</translation>
    </message>
    <message>
        <source>Conversation&apos;s provider</source>
        <translation>Anbieter des Gesprächs</translation>
    </message>
    <message>
        <source>%1 (not available)</source>
        <translation>%1 (nicht verfügbar)</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::PromptsWindow</name>
    <message>
        <source>Prompts</source>
        <translation>Prompts</translation>
    </message>
    <message>
        <source>Search names, descriptions, tags and text</source>
        <translation>Namen, Beschreibungen, Tags und Text durchsuchen</translation>
    </message>
    <message>
        <source>Search templates</source>
        <translation>Vorlagen durchsuchen</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Sort</source>
        <translation>Sortierung</translation>
    </message>
    <message>
        <source>By name</source>
        <translation>Nach Name</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>Most used</source>
        <translation>Am häufigsten verwendet</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <source>writing, email</source>
        <translation>schreiben, e-mail</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>&amp;Tags:</translation>
    </message>
    <message>
        <source>System part</source>
        <translation>Systemteil</translation>
    </message>
    <message>
        <source>Optional: how the model should behave, for example: You answer briefly.</source>
        <translation>Optional: wie sich das Modell verhalten soll, zum Beispiel: Du antwortest knapp.</translation>
    </message>
    <message>
        <source>User part</source>
        <translation>Benutzerteil</translation>
    </message>
    <message>
        <source>The prompt, with variables: Summarise {{text : multiline}} for {{audience}}.</source>
        <translation>Der Prompt mit Variablen: Fasse {{text : multiline}} für {{publikum}} zusammen.</translation>
    </message>
    <message>
        <source>&amp;User part:</source>
        <translation>Ben&amp;utzerteil:</translation>
    </message>
    <message>
        <source>Values and preview</source>
        <translation>Werte und Vorschau</translation>
    </message>
    <message>
        <source>Rendered prompt</source>
        <translation>Fertiger Prompt</translation>
    </message>
    <message>
        <source>What changed in this version</source>
        <translation>Was sich in dieser Version geändert hat</translation>
    </message>
    <message>
        <source>Version message</source>
        <translation>Versionsnotiz</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save as a new version (Ctrl+S)</source>
        <translation>Als neue Version speichern (Strg+S)</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Use in &amp;Production</source>
        <translation>In &amp;Produktion verwenden</translation>
    </message>
    <message>
        <source>Everyone who uses the template without naming a version gets this one</source>
        <translation>Wer die Vorlage ohne Angabe einer Version verwendet, erhält diese</translation>
    </message>
    <message>
        <source>Save this version again as the newest</source>
        <translation>Diese Version erneut als neueste speichern</translation>
    </message>
    <message>
        <source>Version %1 by %2</source>
        <translation>Version %1 von %2</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Alle Tags</translation>
    </message>
    <message>
        <source>Shared with your role by %1: you may change it.</source>
        <translation>Von %1 mit Ihrer Rolle geteilt: Sie dürfen sie ändern.</translation>
    </message>
    <message>
        <source>Shared with your role by %1 to use: you may not change it.</source>
        <translation>Von %1 mit Ihrer Rolle zur Verwendung geteilt: Sie dürfen sie nicht ändern.</translation>
    </message>
    <message>
        <source>latest</source>
        <translation>neueste</translation>
    </message>
    <message>
        <source>Version %1 · %2 · %3</source>
        <translation>Version %1 · %2 · %3</translation>
    </message>
    <message>
        <source>No variables.</source>
        <translation>Keine Variablen.</translation>
    </message>
    <message numerus="yes">
        <source>%n variable(s).</source>
        <translation>
            <numerusform>%n Variable.</numerusform>
            <numerusform>%n Variablen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The template has an error: see above.</source>
        <translation>Die Vorlage hat einen Fehler: siehe oben.</translation>
    </message>
    <message>
        <source>To see the prompt, fill in: %1</source>
        <translation>Für die Vorschau fehlt: %1</translation>
    </message>
    <message>
        <source>System:
%1

User:
%2</source>
        <translation>System:
%1

Benutzer:
%2</translation>
    </message>
    <message>
        <source>Remove Template</source>
        <translation>Vorlage entfernen</translation>
    </message>
    <message numerus="yes">
        <source>Remove &quot;%1&quot; with all its %n version(s)? This cannot be undone.</source>
        <translation>
            <numerusform>„%1“ mit seiner %n Version entfernen? Das lässt sich nicht rückgängig machen.</numerusform>
            <numerusform>„%1“ mit allen %n Versionen entfernen? Das lässt sich nicht rückgängig machen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Ne&amp;w Template</source>
        <translation>Neue &amp;Vorlage</translation>
    </message>
    <message>
        <source>S&amp;ystem part:</source>
        <translation>S&amp;ystemteil:</translation>
    </message>
    <message>
        <source>Rest&amp;ore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Files</source>
        <translation>&amp;Dateien</translation>
    </message>
    <message>
        <source>Import templates, or export the library</source>
        <translation>Vorlagen importieren oder die Bibliothek exportieren</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren …</translation>
    </message>
    <message>
        <source>Export as &amp;JSON (every version)…</source>
        <translation>Als &amp;JSON exportieren (alle Versionen) …</translation>
    </message>
    <message>
        <source>Export as &amp;Markdown Files…</source>
        <translation>Als &amp;Markdown-Dateien exportieren …</translation>
    </message>
    <message>
        <source>Import Templates</source>
        <translation>Vorlagen importieren</translation>
    </message>
    <message>
        <source>Prompt templates (*.json *.md);;Tessera JSON (*.json);;Markdown (*.md)</source>
        <translation>Prompt-Vorlagen (*.json *.md);;Tessera-JSON (*.json);;Markdown (*.md)</translation>
    </message>
    <message>
        <source>Nothing was imported. %1 cannot be read:
%2</source>
        <translation>Es wurde nichts importiert. %1 kann nicht gelesen werden:
%2</translation>
    </message>
    <message>
        <source>Nothing was imported.
%1</source>
        <translation>Es wurde nichts importiert.
%1</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n template(s): %1 new, %2 with a new version, %3 unchanged.</source>
        <translation>
            <numerusform>%n Vorlage importiert: %1 neu, %2 mit neuer Version, %3 unverändert.</numerusform>
            <numerusform>%n Vorlagen importiert: %1 neu, %2 mit neuer Version, %3 unverändert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the Prompt Library</source>
        <translation>Prompt-Bibliothek exportieren</translation>
    </message>
    <message>
        <source>Tessera JSON (*.json)</source>
        <translation>Tessera-JSON (*.json)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n template(s) with %1 versions to %2.</source>
        <translation>
            <numerusform>%n Vorlage mit %1 Versionen nach %2 exportiert.</numerusform>
            <numerusform>%n Vorlagen mit %1 Versionen nach %2 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the Prompt Library as Markdown Files</source>
        <translation>Prompt-Bibliothek als Markdown-Dateien exportieren</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n Markdown file(s) to %1.</source>
        <translation>
            <numerusform>%n Markdown-Datei nach %1 geschrieben.</numerusform>
            <numerusform>%n Markdown-Dateien nach %1 geschrieben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s), none rated</source>
        <translation>
            <numerusform>%n Antwort, keine bewertet</numerusform>
            <numerusform>%n Antworten, keine bewertet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s), %1 % good of %2 rated (95 % interval %3 to %4 %)</source>
        <translation>
            <numerusform>%n Antwort, %1 % gut von %2 bewerteten (95-%-Intervall %3 bis %4 %)</numerusform>
            <numerusform>%n Antworten, %1 % gut von %2 bewerteten (95-%-Intervall %3 bis %4 %)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Tokens</translation>
    </message>
    <message>
        <source>System %1 tokens · user %2 · %3 tokens in all</source>
        <translation>System %1 Tokens · Benutzer %2 · %3 Tokens insgesamt</translation>
    </message>
    <message>
        <source>%1 with %2 (input)</source>
        <translation>%1 mit %2 (Eingabe)</translation>
    </message>
    <message>
        <source>counted on the template&apos;s text until its values are filled in</source>
        <translation>am Text der Vorlage gezählt, bis ihre Werte ausgefüllt sind</translation>
    </message>
    <message>
        <source>&amp;Compare…</source>
        <translation>Ver&amp;gleichen …</translation>
    </message>
    <message>
        <source>This version beside the one before it, the differences marked</source>
        <translation>Diese Version neben der vorherigen, die Unterschiede markiert</translation>
    </message>
    <message>
        <source>Co&amp;mpact…</source>
        <translation>Kür&amp;zen …</translation>
    </message>
    <message>
        <source>Take out the wasted tokens, after showing how many it saves</source>
        <translation>Verschwendete Tokens entfernen, nachdem gezeigt wird, wie viele das spart</translation>
    </message>
    <message>
        <source>line %1 says “%2” again</source>
        <translation>Zeile %1 sagt „%2“ noch einmal</translation>
    </message>
    <message>
        <source>the example on line %1 takes %2 tokens: a shorter one may do</source>
        <translation>das Beispiel in Zeile %1 braucht %2 Tokens: ein kürzeres reicht vielleicht</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) with extra spaces or blank lines</source>
        <translation>
            <numerusform>%n Zeile mit überzähligen Leerzeichen oder Leerzeilen</numerusform>
            <numerusform>%n Zeilen mit überzähligen Leerzeichen oder Leerzeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Compacting saves %n token(s).</source>
        <translation>
            <numerusform>Kürzen spart %n Token.</numerusform>
            <numerusform>Kürzen spart %n Tokens.</numerusform>
        </translation>
    </message>
    <message>
        <source>Compact the Template</source>
        <translation>Vorlage kürzen</translation>
    </message>
    <message>
        <source>Taking out the extra spaces, blank lines and repeated instructions makes the template %1 tokens instead of %2 (%3 fewer). Variables, code and indentation stay as they are. The editor gets the compact text; Save keeps it as a new version.</source>
        <translation>Ohne die überzähligen Leerzeichen, Leerzeilen und wiederholten Anweisungen hat die Vorlage %1 statt %2 Tokens (%3 weniger). Variablen, Code und Einrückungen bleiben, wie sie sind. Der Editor erhält den gekürzten Text; Speichern behält ihn als neue Version.</translation>
    </message>
    <message>
        <source>Compact</source>
        <translation>Kürzen</translation>
    </message>
    <message>
        <source>S&amp;hare…</source>
        <translation>&amp;Freigeben …</translation>
    </message>
    <message>
        <source>Share the template with roles, to use or to change</source>
        <translation>Die Vorlage für Rollen freigeben, zum Verwenden oder Ändern</translation>
    </message>
    <message>
        <source>&amp;Labels</source>
        <translation>&amp;Labels</translation>
    </message>
    <message>
        <source>Put a label on the version chosen, or take one off</source>
        <translation>Ein Label an die gewählte Version setzen oder eines entfernen</translation>
    </message>
    <message>
        <source>Put a &amp;Label on Version %1…</source>
        <translation>&amp;Label an Version %1 setzen …</translation>
    </message>
    <message>
        <source>Label Version %1</source>
        <translation>Version %1 mit Label versehen</translation>
    </message>
    <message>
        <source>Label (lower-case letters, digits, - and _; production is the one used when no version is named):</source>
        <translation>Label (Kleinbuchstaben, Ziffern, - und _; production ist die Version, die verwendet wird, wenn keine genannt ist):</translation>
    </message>
    <message>
        <source>Take “%1” Off</source>
        <translation>„%1“ entfernen</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <source>Everyone&apos;s</source>
        <translation>Von allen</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Meine</translation>
    </message>
    <message>
        <source>Shared by %1</source>
        <translation>Freigegeben von %1</translation>
    </message>
    <message>
        <source>&amp;Answer with:</source>
        <translation>&amp;Antworten mit:</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::ProviderHealthDialog</name>
    <message>
        <source>closed (normal)</source>
        <translation>geschlossen (normal)</translation>
    </message>
    <message>
        <source>open: paused, tried again in %1 s</source>
        <translation>offen: pausiert, neuer Versuch in %1 s</translation>
    </message>
    <message>
        <source>half-open: trying again</source>
        <translation>halb offen: wird erneut versucht</translation>
    </message>
    <message>
        <source>stopped by an administrator</source>
        <translation>von einem Administrator angehalten</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>none reported</source>
        <translation>keine gemeldet</translation>
    </message>
    <message>
        <source>requests %1 of %2 left</source>
        <translation>Anfragen: %1 von %2 übrig</translation>
    </message>
    <message>
        <source>tokens %1 of %2 left</source>
        <translation>Tokens: %1 von %2 übrig</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Checking providers…</source>
        <translation>Anbieter werden geprüft…</translation>
    </message>
    <message>
        <source>Provider health not checked yet</source>
        <translation>Zustand der Anbieter noch nicht geprüft</translation>
    </message>
    <message>
        <source>No enabled providers</source>
        <translation>Keine aktivierten Anbieter</translation>
    </message>
    <message>
        <source>All providers healthy</source>
        <translation>Alle Anbieter in Ordnung</translation>
    </message>
    <message numerus="yes">
        <source>%n provider(s) unhealthy</source>
        <translation>
            <numerusform>%n Anbieter gestört</numerusform>
            <numerusform>%n Anbieter gestört</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Check Now</source>
        <translation>&amp;Jetzt prüfen</translation>
    </message>
    <message>
        <source>Provider Health</source>
        <translation>Zustand der Anbieter</translation>
    </message>
    <message>
        <source>Provider health</source>
        <translation>Zustand der Anbieter</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Circuit breaker</source>
        <translation>Schutzschalter</translation>
    </message>
    <message>
        <source>Rate limits (reported)</source>
        <translation>Ratenlimits (gemeldet)</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Traffic per provider</source>
        <translation>Verkehr je Anbieter</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Fallbacks</source>
        <translation>Ersatzantworten</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>Tokens ein</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>Tokens aus</translation>
    </message>
    <message>
        <source>Cache hits</source>
        <translation>Cache-Treffer</translation>
    </message>
    <message>
        <source>Avg. latency</source>
        <translation>Mittl. Latenz</translation>
    </message>
    <message>
        <source>Avg. first token</source>
        <translation>Mittl. erstes Token</translation>
    </message>
    <message>
        <source>Check every enabled provider now (F5)</source>
        <translation>Alle aktivierten Anbieter jetzt prüfen (F5)</translation>
    </message>
    <message>
        <source>Check automatically</source>
        <translation>Automatisch prüfen</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message numerus="yes">
        <source>Every %n minute(s)</source>
        <translation>
            <numerusform>Jede Minute</numerusform>
            <numerusform>Alle %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Check &amp;automatically:</source>
        <translation>&amp;Automatisch prüfen:</translation>
    </message>
    <message>
        <source>&amp;Traffic (all sessions, from the metrics):</source>
        <translation>&amp;Verkehr (alle Sitzungen, aus den Metriken):</translation>
    </message>
    <message>
        <source>Copy &amp;Metrics</source>
        <translation>&amp;Metriken kopieren</translation>
    </message>
    <message>
        <source>Copy every metric in Prometheus text format</source>
        <translation>Alle Metriken im Prometheus-Textformat kopieren</translation>
    </message>
    <message>
        <source>Checking every enabled provider…</source>
        <translation>Alle aktivierten Anbieter werden geprüft…</translation>
    </message>
    <message>
        <source>%1 · last checked %2</source>
        <translation>%1 · zuletzt geprüft %2</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Nicht geprüft</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>In Ordnung</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation>Gestört</translation>
    </message>
    <message>
        <source>not reachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>key rejected</source>
        <translation>Schlüssel abgelehnt</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>no requests yet</source>
        <translation>noch keine Anfragen</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>The metrics were copied to the clipboard.</source>
        <translation>Die Metriken wurden in die Zwischenablage kopiert.</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::ProviderListModel</name>
    <message>
        <source>OpenAI</source>
        <translation>OpenAI</translation>
    </message>
    <message>
        <source>OpenAI-compatible</source>
        <translation>OpenAI-kompatibel</translation>
    </message>
    <message>
        <source>System keychain</source>
        <translation>Systemschlüsselbund</translation>
    </message>
    <message>
        <source>Environment variable %1</source>
        <translation>Umgebungsvariable %1</translation>
    </message>
    <message>
        <source>No key</source>
        <translation>Kein Schlüssel</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>Default model</source>
        <translation>Standardmodell</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::ProvidersDialog</name>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen …</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>%1 wird getestet …</translation>
    </message>
    <message numerus="yes">
        <source>%1: reachable, authenticated, %n model(s), %2 ms</source>
        <translation>
            <numerusform>%1: erreichbar, angemeldet, %n Modell, %2 ms</numerusform>
            <numerusform>%1: erreichbar, angemeldet, %n Modelle, %2 ms</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Remove Provider</source>
        <translation>Anbieter entfernen</translation>
    </message>
    <message>
        <source>%1 was removed, but its key could not be deleted from the keychain: %2</source>
        <translation>%1 wurde entfernt, aber der Schlüssel konnte nicht aus dem Schlüsselbund gelöscht werden: %2</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <source>Remove %1? Its API key is deleted from the system keychain; its conversations are kept.</source>
        <translation>%1 entfernen? Sein API-Schlüssel wird aus dem Systemschlüsselbund gelöscht; seine Unterhaltungen bleiben erhalten.</translation>
    </message>
    <message>
        <source>Remove %1? Its conversations are kept. Its key stays in the environment variable %2; Tessera only stops using it.</source>
        <translation>%1 entfernen? Seine Unterhaltungen bleiben erhalten. Sein Schlüssel bleibt in der Umgebungsvariable %2; Tessera verwendet ihn nur nicht mehr.</translation>
    </message>
    <message>
        <source>Remove %1? Its conversations are kept.</source>
        <translation>%1 entfernen? Seine Unterhaltungen bleiben erhalten.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::RoleMatrixModel</name>
    <message>
        <source>Chat</source>
        <translation>Chatten</translation>
    </message>
    <message>
        <source>Use providers</source>
        <translation>Anbieter benutzen</translation>
    </message>
    <message>
        <source>Manage providers and keys</source>
        <translation>Anbieter und Schlüssel verwalten</translation>
    </message>
    <message>
        <source>Manage users</source>
        <translation>Benutzer verwalten</translation>
    </message>
    <message>
        <source>Manage roles</source>
        <translation>Rollen verwalten</translation>
    </message>
    <message>
        <source>Manage budgets and limits</source>
        <translation>Budgets und Grenzen verwalten</translation>
    </message>
    <message>
        <source>See everyone&apos;s usage</source>
        <translation>Nutzung aller sehen</translation>
    </message>
    <message>
        <source>Read the audit log</source>
        <translation>Prüfprotokoll lesen</translation>
    </message>
    <message>
        <source>Change feature flags</source>
        <translation>Funktionsschalter ändern</translation>
    </message>
    <message>
        <source>Share prompts</source>
        <translation>Prompts teilen</translation>
    </message>
    <message>
        <source>Run prompt experiments</source>
        <translation>Prompt-Experimente durchführen</translation>
    </message>
    <message>
        <source>Export conversations</source>
        <translation>Unterhaltungen exportieren</translation>
    </message>
    <message>
        <source>Import conversations</source>
        <translation>Unterhaltungen importieren</translation>
    </message>
    <message>
        <source>%1: %2 (granted)</source>
        <translation>%1: %2 (erlaubt)</translation>
    </message>
    <message>
        <source>%1: %2 (not granted)</source>
        <translation>%1: %2 (nicht erlaubt)</translation>
    </message>
    <message numerus="yes">
        <source>%1: built in, cannot be changed; %n people have it</source>
        <translation>
            <numerusform>%1: eingebaut, nicht änderbar; %n Person hat sie</numerusform>
            <numerusform>%1: eingebaut, nicht änderbar; %n Personen haben sie</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: custom role; %n people have it</source>
        <translation>
            <numerusform>%1: eigene Rolle; %n Person hat sie</numerusform>
            <numerusform>%1: eigene Rolle; %n Personen haben sie</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::RolesPage</name>
    <message>
        <source>Sa&amp;ve Allowlist</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Add Role…</source>
        <translation>Rolle &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Roles and their permissions</source>
        <translation>Rollen und ihre Berechtigungen</translation>
    </message>
    <message>
        <source>Change Role</source>
        <translation>Rolle ändern</translation>
    </message>
    <message>
        <source>Every provider and model (or e.g. openai, anthropic/claude-sonnet-4)</source>
        <translation>Alle Anbieter und Modelle (oder z. B. openai, anthropic/claude-sonnet-4)</translation>
    </message>
    <message>
        <source>Providers and models the role allows</source>
        <translation>Anbieter und Modelle, die die Rolle erlaubt</translation>
    </message>
    <message>
        <source>&amp;Providers and models:</source>
        <translation>&amp;Anbieter und Modelle:</translation>
    </message>
    <message>
        <source>Selected role</source>
        <translation>Ausgewählte Rolle</translation>
    </message>
    <message>
        <source>Effective permissions</source>
        <translation>Wirksame Berechtigungen</translation>
    </message>
    <message>
        <source>User whose permissions to show</source>
        <translation>Benutzer, dessen Berechtigungen gezeigt werden</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Choose a role in the table.</source>
        <translation>Wählen Sie eine Rolle in der Tabelle.</translation>
    </message>
    <message>
        <source>Built-in role: it cannot be changed. Add a custom role to grant another set of permissions.</source>
        <translation>Eingebaute Rolle: nicht änderbar. Fügen Sie eine eigene Rolle hinzu, um andere Berechtigungen zu vergeben.</translation>
    </message>
    <message>
        <source>Custom role: check or clear a permission to change it at once. People who have it get the change when they next sign in.</source>
        <translation>Eigene Rolle: Haken setzen oder entfernen ändert sie sofort. Wer sie hat, bekommt die Änderung bei der nächsten Anmeldung.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; · %n people have it</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; · %n Person hat sie</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; · %n Personen haben sie</numerusform>
        </translation>
    </message>
    <message>
        <source>Give the people who have this role another role first.</source>
        <translation>Geben Sie den Personen mit dieser Rolle zuerst eine andere Rolle.</translation>
    </message>
    <message>
        <source>Add Role</source>
        <translation>Rolle hinzufügen</translation>
    </message>
    <message>
        <source>Rename Role</source>
        <translation>Rolle umbenennen</translation>
    </message>
    <message>
        <source>Remove Role</source>
        <translation>Rolle entfernen</translation>
    </message>
    <message>
        <source>Remove the role %1? Its feature flag settings go with it.</source>
        <translation>Die Rolle %1 entfernen? Ihre Funktionsschalter-Einstellungen gehen mit.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Save Allowlist</source>
        <translation>Freigabeliste speichern</translation>
    </message>
    <message>
        <source>every provider and model</source>
        <translation>alle Anbieter und Modelle</translation>
    </message>
    <message>
        <source>%1 has the role %2, which grants: %3. Providers: %4.</source>
        <translation>%1 hat die Rolle %2, sie erlaubt: %3. Anbieter: %4.</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Start from:</source>
        <translation>&amp;Ausgehend von:</translation>
    </message>
    <message>
        <source>The new role starts with the permissions and providers of the role you start from; change them in the table.</source>
        <translation>Die neue Rolle beginnt mit den Berechtigungen und Anbietern der gewählten Rolle; ändern Sie sie in der Tabelle.</translation>
    </message>
    <message>
        <source>New name of %1:</source>
        <translation>Neuer Name von %1:</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::SearchDialog</name>
    <message>
        <source>Search Conversations</source>
        <translation>Unterhaltungen durchsuchen</translation>
    </message>
    <message>
        <source>Search text</source>
        <translation>Suchtext</translation>
    </message>
    <message>
        <source>Search all conversations… (&quot;quotes&quot; for a phrase)</source>
        <translation>Alle Unterhaltungen durchsuchen … („Anführungszeichen“ für eine Wortfolge)</translation>
    </message>
    <message>
        <source>Matching messages</source>
        <translation>Gefundene Nachrichten</translation>
    </message>
    <message>
        <source>Type to search every message.</source>
        <translation>Tippen Sie, um alle Nachrichten zu durchsuchen.</translation>
    </message>
    <message>
        <source>No messages match.</source>
        <translation>Keine Nachricht passt.</translation>
    </message>
    <message numerus="yes">
        <source>The newest %n matches; scroll for more.</source>
        <translation>
            <numerusform>Der neueste Treffer; für mehr weiterblättern.</numerusform>
            <numerusform>Die neuesten %n Treffer; für mehr weiterblättern.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n matching message(s), newest first.</source>
        <translation>
            <numerusform>%n passende Nachricht, die neueste zuerst.</numerusform>
            <numerusform>%n passende Nachrichten, die neuesten zuerst.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::SearchResultModel</name>
    <message>
        <source>You, %1</source>
        <translation>Sie, %1</translation>
    </message>
    <message>
        <source>Assistant, %1</source>
        <translation>Assistent, %1</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::SessionListModel</name>
    <message>
        <source>%1 (this session)</source>
        <translation>%1 (diese Sitzung)</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Kommandozeile</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt genutzt</translation>
    </message>
    <message>
        <source>Ends at the latest</source>
        <translation>Endet spätestens</translation>
    </message>
    <message>
        <source>Stays signed in</source>
        <translation>Bleibt angemeldet</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::SessionsPage</name>
    <message>
        <source>&amp;End Session</source>
        <translation>Sitzung &amp;beenden</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>End Session</source>
        <translation>Sitzung beenden</translation>
    </message>
    <message>
        <source>This is your own session: ending it signs you out at the next action. End it?</source>
        <translation>Das ist Ihre eigene Sitzung: Wenn Sie sie beenden, werden Sie bei der nächsten Aktion abgemeldet. Beenden?</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Your sessions</source>
        <translation>Ihre Sitzungen</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>A new language takes effect when Tessera starts again.</source>
        <translation>Eine neue Sprache wird beim nächsten Start von Tessera wirksam.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Design:</translation>
    </message>
    <message>
        <source>Reuse identical answers in &amp;chat</source>
        <translation>Gleiche Antworten im &amp;Chat wiederverwenden</translation>
    </message>
    <message>
        <source>Reuse identical answers in &amp;batch work</source>
        <translation>Gleiche Antworten bei Stapel&amp;arbeit wiederverwenden</translation>
    </message>
    <message>
        <source>C&amp;lear Cache</source>
        <translation>Cache &amp;leeren</translation>
    </message>
    <message>
        <source>Only when asked</source>
        <translation>Nur auf Anfrage</translation>
    </message>
    <message numerus="yes">
        <source>Every %n minute(s)</source>
        <translation>
            <numerusform>Jede Minute</numerusform>
            <numerusform>Alle %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Check provider &amp;health:</source>
        <translation>&amp;Zustand der Anbieter prüfen:</translation>
    </message>
    <message>
        <source>&amp;Keep answers for:</source>
        <translation>Antworten &amp;behalten für:</translation>
    </message>
    <message numerus="yes">
        <source>%n stored answer(s)</source>
        <translation>
            <numerusform>%n gespeicherte Antwort</numerusform>
            <numerusform>%n gespeicherte Antworten</numerusform>
        </translation>
    </message>
    <message>
        <source>served from the cache: %1</source>
        <translation>aus dem Cache beantwortet: %1</translation>
    </message>
    <message>
        <source>Sending exactly the same conversation to the same model again returns the stored answer at no token cost.</source>
        <translation>Wird genau dieselbe Unterhaltung noch einmal an dasselbe Modell gesendet, kommt die gespeicherte Antwort ohne Tokenkosten zurück.</translation>
    </message>
    <message>
        <source>System size</source>
        <translation>Systemgröße</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>&amp;Font size:</source>
        <translation>Schrift&amp;größe:</translation>
    </message>
    <message>
        <source>&amp;Name new conversations from their first exchange</source>
        <translation>Neue Unterhaltungen nach dem ersten Austausch be&amp;nennen</translation>
    </message>
    <message>
        <source>After the first answer, the same model is asked for a short title (one small extra request). Titles you change are kept.</source>
        <translation>Nach der ersten Antwort wird dasselbe Modell nach einem kurzen Titel gefragt (eine kleine zusätzliche Anfrage). Titel, die Sie ändern, bleiben erhalten.</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>In use:</source>
        <translation>In Gebrauch:</translation>
    </message>
    <message>
        <source>The file in the data folder</source>
        <translation>Die Datei im Datenordner</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>Da&amp;tenbank:</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>Database password</source>
        <translation>Datenbank-Passwort</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>For a team store on PostgreSQL: postgresql://USER@HOST:PORT/DATABASE. The password is kept in the system keychain. A new store is used when Tessera starts again; copy the conversations over with tessera-cli store copy.</source>
        <translation>Für einen Team-Speicher auf PostgreSQL: postgresql://BENUTZER@HOST:PORT/DATENBANK. Das Passwort wird im Schlüsselbund des Systems aufbewahrt. Ein neuer Speicher wird beim nächsten Start von Tessera verwendet; die Unterhaltungen übertragen Sie mit tessera-cli store copy.</translation>
    </message>
    <message>
        <source>The database is not valid: %1</source>
        <translation>Die Datenbank ist nicht gültig: %1</translation>
    </message>
    <message>
        <source>dark</source>
        <translation>dunkle</translation>
    </message>
    <message>
        <source>light</source>
        <translation>helle</translation>
    </message>
    <message>
        <source>system</source>
        <translation>System-</translation>
    </message>
    <message>
        <source>This run uses the %1 theme given with --theme. The choice here applies when Tessera starts without it.</source>
        <translation>Dieser Start verwendet das mit --theme angegebene %1 Farbschema. Die Auswahl hier gilt, wenn Tessera ohne diese Option startet.</translation>
    </message>
    <message>
        <source>Between checks, the status bar follows the answers themselves: a provider whose requests fail shows as unhealthy at once.</source>
        <translation>Zwischen den Prüfungen folgt die Statusleiste den Antworten selbst: Ein Anbieter, dessen Anfragen fehlschlagen, erscheint sofort als gestört.</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Providers and health</source>
        <translation>Anbieter und Zustand</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <source>This run uses the language given with --language (%1). The choice here applies when Tessera starts without it.</source>
        <translation>Dieser Start verwendet die mit --language angegebene Sprache (%1). Die Auswahl hier gilt, wenn Tessera ohne diese Option startet.</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::ShareTemplateDialog</name>
    <message>
        <source>Share %1</source>
        <translation>%1 freigeben</translation>
    </message>
    <message>
        <source>Members of a role may use a template shared with it, or also change it. Changes to a shared template are recorded in the audit log.</source>
        <translation>Mitglieder einer Rolle dürfen eine für sie freigegebene Vorlage verwenden oder auch ändern. Änderungen an freigegebenen Vorlagen werden im Prüfprotokoll festgehalten.</translation>
    </message>
    <message>
        <source>Sharing with %1</source>
        <translation>Freigabe für %1</translation>
    </message>
    <message>
        <source>Not shared</source>
        <translation>Nicht freigegeben</translation>
    </message>
    <message>
        <source>May use it</source>
        <translation>Darf sie verwenden</translation>
    </message>
    <message>
        <source>May use and change it</source>
        <translation>Darf sie verwenden und ändern</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Strg+Eingabe</translation>
    </message>
    <message>
        <source>Stop the answer, or cancel an edit</source>
        <translation>Antwort anhalten oder Bearbeiten abbrechen</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Move through search results</source>
        <translation>Durch Suchergebnisse blättern</translation>
    </message>
    <message>
        <source>Up, Down, Page Up, Page Down</source>
        <translation>Pfeil hoch, Pfeil runter, Bild hoch, Bild runter</translation>
    </message>
    <message>
        <source>Check provider health again (in its window)</source>
        <translation>Zustand der Anbieter erneut prüfen (in dessen Fenster)</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>Move between controls</source>
        <translation>Zwischen Bedienelementen wechseln</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Umschalt+Tab</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Choose the provider and model</source>
        <translation>Anbieter und Modell wählen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Strg+Umschalt+M</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::SignInDialog</name>
    <message>
        <source>&amp;Stay signed in on this computer</source>
        <translation>Auf diesem Computer angemeldet &amp;bleiben</translation>
    </message>
    <message>
        <source>Tessera is locked</source>
        <translation>Tessera ist gesperrt</translation>
    </message>
    <message>
        <source>Sign in to Tessera</source>
        <translation>Bei Tessera anmelden</translation>
    </message>
    <message>
        <source>Tessera was locked after a while without use. Enter your password to go on; your draft and any answer being written are kept.</source>
        <translation>Tessera wurde nach einer Weile ohne Benutzung gesperrt. Geben Sie Ihr Passwort ein, um fortzufahren; Ihr Entwurf und eine gerade entstehende Antwort bleiben erhalten.</translation>
    </message>
    <message>
        <source>This Tessera is shared. Sign in with your username and password.</source>
        <translation>Dieses Tessera wird gemeinsam genutzt. Melden Sie sich mit Benutzername und Passwort an.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Keeps a sign-in token in the system keychain for 30 days, so Tessera opens without asking. Signing out forgets it.</source>
        <translation>Bewahrt 30 Tage lang ein Anmelde-Token im Schlüsselbund des Systems auf, sodass Tessera ohne Nachfrage öffnet. Beim Abmelden wird es gelöscht.</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <source>&amp;Sign In</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Enter your username.</source>
        <translation>Geben Sie Ihren Benutzernamen ein.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Geben Sie Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>This account is locked after too many wrong passwords, until %1. An administrator can unlock it sooner.</source>
        <translation>Dieses Konto ist nach zu vielen falschen Passwörtern bis %1 gesperrt. Ein Administrator kann es früher entsperren.</translation>
    </message>
    <message>
        <source>The username or password is wrong. After five wrong tries the account is locked for a while.</source>
        <translation>Benutzername oder Passwort ist falsch. Nach fünf falschen Versuchen wird das Konto eine Zeit lang gesperrt.</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::TagsDialog</name>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>&amp;Tags for the new conversation:</source>
        <translation>&amp;Tags der neuen Unterhaltung:</translation>
    </message>
    <message>
        <source>&amp;Tags of “%1”:</source>
        <translation>&amp;Tags von „%1“:</translation>
    </message>
    <message numerus="yes">
        <source>On %n conversation(s)</source>
        <translation>
            <numerusform>An %n Unterhaltung</numerusform>
            <numerusform>An %n Unterhaltungen</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;New tag:</source>
        <translation>&amp;Neues Tag:</translation>
    </message>
    <message>
        <source>New tag</source>
        <translation>Neues Tag</translation>
    </message>
    <message>
        <source>work, ideas</source>
        <translation>Arbeit, Ideen</translation>
    </message>
    <message>
        <source>Space toggles the tag under the cursor. Filter the list by tag above the conversations.</source>
        <translation>Die Leertaste setzt oder entfernt das markierte Tag. Über den Unterhaltungen filtern Sie die Liste nach Tag.</translation>
    </message>
    <message>
        <source>A tag has a name of at most %1 characters, without commas or control characters.</source>
        <translation>Ein Tag hat einen Namen aus höchstens %1 Zeichen, ohne Kommas und Steuerzeichen.</translation>
    </message>
    <message>
        <source>“%1” cannot be a tag.</source>
        <translation>„%1“ kann kein Tag sein.</translation>
    </message>
    <message>
        <source>Type a name for the tag first.</source>
        <translation>Geben Sie zuerst einen Namen für das Tag ein.</translation>
    </message>
    <message numerus="yes">
        <source>A conversation can carry at most %n tag(s); uncheck %1 of them.</source>
        <translation>
            <numerusform>Eine Unterhaltung kann höchstens %n Tag tragen; entfernen Sie %1 Haken.</numerusform>
            <numerusform>Eine Unterhaltung kann höchstens %n Tags tragen; entfernen Sie %1 Haken.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::TemplateValuesDialog</name>
    <message>
        <source>%1 (version %2)</source>
        <translation>%1 (Version %2)</translation>
    </message>
    <message>
        <source>The prompt as it will be sent</source>
        <translation>Der Prompt, wie er gesendet wird</translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>The prompt:</source>
        <translation>Der Prompt:</translation>
    </message>
    <message>
        <source>System:
%1

User:
%2</source>
        <translation>System:
%1

Benutzer:
%2</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::UndoBar</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::UsageCharts</name>
    <message>
        <source>M</source>
        <translation> Mio.</translation>
    </message>
    <message>
        <source>k</source>
        <translation> Tsd.</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Rated good</source>
        <translation>Als gut bewertet</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2%3 of %n rated</source>
        <translation>
            <numerusform>%1 · %2%3 von %n bewerteten</numerusform>
            <numerusform>%1 · %2%3 von %n bewerteten</numerusform>
        </translation>
    </message>
    <message>
        <source>Rated good (dot) and its 95 % interval (line)</source>
        <translation>Als gut bewertet (Punkt) und sein 95-%-Intervall (Linie)</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::UsageFigures</name>
    <message>
        <source>no change</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message numerus="yes">
        <source>against the %n day(s) before</source>
        <translation>
            <numerusform>gegenüber dem Tag davor</numerusform>
            <numerusform>gegenüber den %n Tagen davor</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) without a price: the cost is at least this.</source>
        <translation>
            <numerusform>%n Anfrage ohne Preis: Die Kosten sind mindestens so hoch.</numerusform>
            <numerusform>%n Anfragen ohne Preis: Die Kosten sind mindestens so hoch.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Input %1 (cached %2), output %3 (reasoning %4)</source>
        <translation>Eingabe %1 (aus dem Cache %2), Ausgabe %3 (Reasoning %4)</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) from Tessera&apos;s cache, %1 retries, %2 on a fallback model</source>
        <translation>
            <numerusform>%n Antwort aus dem Cache von Tessera, %1 Wiederholungen, %2 über ein Ersatzmodell</numerusform>
            <numerusform>%n Antworten aus dem Cache von Tessera, %1 Wiederholungen, %2 über ein Ersatzmodell</numerusform>
        </translation>
    </message>
    <message>
        <source>Average cost per request</source>
        <translation>Durchschnittliche Kosten je Anfrage</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>%1 %2 points</source>
        <translation>%1 %2 Prozentpunkte</translation>
    </message>
    <message>
        <source>Failed requests</source>
        <translation>Fehlgeschlagene Anfragen</translation>
    </message>
    <message numerus="yes">
        <source>%n failed request(s)</source>
        <translation>
            <numerusform>%n fehlgeschlagene Anfrage</numerusform>
            <numerusform>%n fehlgeschlagene Anfragen</numerusform>
        </translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Cached input</source>
        <translation>Aus dem Cache</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>Reasoning</translation>
    </message>
    <message>
        <source>Everything else</source>
        <translation>Alles andere</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chatten</translation>
    </message>
    <message>
        <source>Titles</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>by model</source>
        <translation>nach Modell</translation>
    </message>
    <message>
        <source>by provider</source>
        <translation>nach Anbieter</translation>
    </message>
    <message>
        <source>by person</source>
        <translation>nach Person</translation>
    </message>
    <message>
        <source>by role</source>
        <translation>nach Rolle</translation>
    </message>
    <message>
        <source>by feature</source>
        <translation>nach Funktion</translation>
    </message>
    <message>
        <source>%1 p95</source>
        <translation>%1 p95</translation>
    </message>
    <message>
        <source>%1 p50</source>
        <translation>%1 p50</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Tägliches</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Wöchentliches</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Monatliches</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>%1 budget of %2</source>
        <translation>%1 Budget von %2</translation>
    </message>
    <message>
        <source>%1 budget of each member of %2</source>
        <translation>%1 Budget jedes Mitglieds von %2</translation>
    </message>
    <message>
        <source>%1 budget of each member of %2 (closest: %3)</source>
        <translation>%1 Budget jedes Mitglieds von %2 (am nächsten an der Grenze: %3)</translation>
    </message>
    <message>
        <source>%1 budget for everyone</source>
        <translation>%1 Budget für alle</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>Ausgegeben</translation>
    </message>
    <message>
        <source>Even pace</source>
        <translation>Gleichmäßiges Tempo</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Prognose</translation>
    </message>
    <message>
        <source>Forecast low</source>
        <translation>Prognose niedrig</translation>
    </message>
    <message>
        <source>Forecast high</source>
        <translation>Prognose hoch</translation>
    </message>
    <message>
        <source>Forecast range (80 %)</source>
        <translation>Prognosebereich (80 %)</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Grenze</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Tokens</translation>
    </message>
    <message>
        <source>%1 of %2 used (%3).</source>
        <translation>%1 von %2 verbraucht (%3).</translation>
    </message>
    <message>
        <source>The limit was reached on %1.</source>
        <translation>Die Grenze wurde am %1 erreicht.</translation>
    </message>
    <message>
        <source>The limit is reached.</source>
        <translation>Die Grenze ist erreicht.</translation>
    </message>
    <message>
        <source>Recent rate: %1 a day.</source>
        <translation>Aktuelles Tempo: %1 pro Tag.</translation>
    </message>
    <message>
        <source>Forecast at the end of the window: %1 (80 % range %2 to %3).</source>
        <translation>Prognose zum Ende des Zeitfensters: %1 (80-%-Bereich %2 bis %3).</translation>
    </message>
    <message>
        <source>At this rate the limit is reached on %1.</source>
        <translation>In diesem Tempo ist die Grenze am %1 erreicht.</translation>
    </message>
    <message>
        <source>At this rate the limit holds until the window ends.</source>
        <translation>In diesem Tempo hält die Grenze bis zum Ende des Zeitfensters.</translation>
    </message>
    <message>
        <source>Person: %1</source>
        <translation>Person: %1</translation>
    </message>
    <message>
        <source>Role: %1</source>
        <translation>Rolle: %1</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Your usage</source>
        <translation>Ihre Nutzung</translation>
    </message>
    <message>
        <source>Provider: %1</source>
        <translation>Anbieter: %1</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <source>Feature: %1</source>
        <translation>Funktion: %1</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::UsageLinesModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>nothing measured</source>
        <translation>nichts gemessen</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::UsageReport</name>
    <message>
        <source>Page %1</source>
        <translation>Seite %1</translation>
    </message>
    <message>
        <source>Usage report</source>
        <translation>Nutzungsbericht</translation>
    </message>
    <message>
        <source>Days count in the time zone %1. Made by Tessera on %2.</source>
        <translation>Tage zählen in der Zeitzone %1. Erstellt von Tessera am %2.</translation>
    </message>
    <message>
        <source>Changes are %1 (%2 to %3).</source>
        <translation>Veränderungen %1 (%2 bis %3).</translation>
    </message>
    <message>
        <source>Cost over time, %1</source>
        <translation>Kosten im Zeitverlauf, %1</translation>
    </message>
    <message>
        <source>Tokens over time</source>
        <translation>Tokens im Zeitverlauf</translation>
    </message>
    <message>
        <source>Budget pace</source>
        <translation>Budgettempo</translation>
    </message>
    <message>
        <source>No budget applies here.</source>
        <translation>Hier gilt kein Budget.</translation>
    </message>
    <message>
        <source>No usage in this period.</source>
        <translation>Keine Nutzung in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Top people</source>
        <translation>Personen mit der meisten Nutzung</translation>
    </message>
    <message>
        <source>Top models</source>
        <translation>Meistgenutzte Modelle</translation>
    </message>
    <message>
        <source>Speed by provider: time to the first token</source>
        <translation>Geschwindigkeit je Anbieter: Zeit bis zum ersten Token</translation>
    </message>
    <message>
        <source>No completed answers in this period.</source>
        <translation>Keine vollständigen Antworten in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Speed by provider: total time</source>
        <translation>Geschwindigkeit je Anbieter: Gesamtzeit</translation>
    </message>
    <message>
        <source>Reliability by provider: failed requests</source>
        <translation>Zuverlässigkeit je Anbieter: fehlgeschlagene Anfragen</translation>
    </message>
    <message>
        <source>No requests in this period.</source>
        <translation>Keine Anfragen in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Cost %1, %2</source>
        <translation>Kosten %1, %2</translation>
    </message>
    <message>
        <source>Tokens %1, %2</source>
        <translation>Tokens %1, %2</translation>
    </message>
    <message>
        <source>Requests %1, %2</source>
        <translation>Anfragen %1, %2</translation>
    </message>
    <message>
        <source>Usage report, %1</source>
        <translation>Nutzungsbericht, %1</translation>
    </message>
    <message>
        <source>Tessera usage report · %1</source>
        <translation>Tessera-Nutzungsbericht · %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 to %2 (%n day(s))</source>
        <translation>
            <numerusform>%1 bis %2 (%n Tag)</numerusform>
            <numerusform>%1 bis %2 (%n Tage)</numerusform>
        </translation>
    </message>
    <message>
        <source>Quality of answers by template version</source>
        <translation>Qualität der Antworten nach Vorlagenversion</translation>
    </message>
    <message>
        <source>Quality of answers by provider</source>
        <translation>Qualität der Antworten nach Anbieter</translation>
    </message>
    <message>
        <source>Quality of answers by model</source>
        <translation>Qualität der Antworten nach Modell</translation>
    </message>
    <message>
        <source>No answers in this period.</source>
        <translation>Keine Antworten in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>From the thumbs people gave the answers of the period. The interval is where the true share of good answers lies, 95 times in 100.</source>
        <translation>Aus den Daumen, die die Antworten des Zeitraums bekamen. Im Intervall liegt der wahre Anteil guter Antworten, 95 von 100 Mal.</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::UsageShareModel</name>
    <message>
        <source>at least %1</source>
        <translation>mindestens %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::UsageTimelineModel</name>
    <message>
        <source>Week of %1</source>
        <translation>Woche ab %1</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::UsageWindow</name>
    <message>
        <source>Usage</source>
        <translation>Nutzung</translation>
    </message>
    <message>
        <source>Reading usage</source>
        <translation>Nutzung wird gelesen</translation>
    </message>
    <message>
        <source>Split cost by</source>
        <translation>Kosten aufteilen</translation>
    </message>
    <message>
        <source>Cost over time</source>
        <translation>Kosten im Zeitverlauf</translation>
    </message>
    <message>
        <source>Tokens over time</source>
        <translation>Tokens im Zeitverlauf</translation>
    </message>
    <message>
        <source>Top people</source>
        <translation>Personen mit der meisten Nutzung</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Top models</source>
        <translation>Meistgenutzte Modelle</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Letzter Monat</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Dieses Jahr</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>P&amp;erson:</source>
        <translation>P&amp;erson:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>Pro&amp;vider:</source>
        <translation>An&amp;bieter:</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>&amp;Feature:</source>
        <translation>&amp;Funktion:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Show the numbers as a table</source>
        <translation>Die Zahlen als Tabelle zeigen</translation>
    </message>
    <message>
        <source>Show %1 as a table</source>
        <translation>%1 als Tabelle zeigen</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Titles</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>%1 to %2, changes %3 · updated %4</source>
        <translation>%1 bis %2, Veränderungen %3 · aktualisiert %4</translation>
    </message>
    <message>
        <source>%1
%2 · %3 tokens · %4 requests</source>
        <translation>%1
%2 · %3 Tokens · %4 Anfragen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>%1 exportieren</translation>
    </message>
    <message>
        <source>Table as &amp;CSV…</source>
        <translation>Tabelle als &amp;CSV …</translation>
    </message>
    <message>
        <source>Chart as &amp;PNG…</source>
        <translation>Diagramm als &amp;PNG …</translation>
    </message>
    <message>
        <source>Chart as &amp;SVG…</source>
        <translation>Diagramm als &amp;SVG …</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG-Bilder (*.svg)</translation>
    </message>
    <message>
        <source>%1 could not be written. Check that the folder exists and that you may write to it.</source>
        <translation>%1 konnte nicht geschrieben werden. Prüfen Sie, ob der Ordner existiert und Sie darin schreiben dürfen.</translation>
    </message>
    <message>
        <source>Speed measure</source>
        <translation>Geschwindigkeitsmaß</translation>
    </message>
    <message>
        <source>time to first token</source>
        <translation>Zeit bis zum ersten Token</translation>
    </message>
    <message>
        <source>total time</source>
        <translation>Gesamtzeit</translation>
    </message>
    <message>
        <source>Reliability measure</source>
        <translation>Zuverlässigkeitsmaß</translation>
    </message>
    <message>
        <source>failed requests</source>
        <translation>fehlgeschlagene Anfragen</translation>
    </message>
    <message>
        <source>retries</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>fallbacks</source>
        <translation>Ausweichmodelle</translation>
    </message>
    <message>
        <source>cache hit rate</source>
        <translation>Cache-Trefferquote</translation>
    </message>
    <message>
        <source>Speed by provider</source>
        <translation>Geschwindigkeit nach Anbieter</translation>
    </message>
    <message>
        <source>Reliability by provider</source>
        <translation>Zuverlässigkeit nach Anbieter</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Budget pace</source>
        <translation>Budgettempo</translation>
    </message>
    <message>
        <source>No budget applies here. Set one in Tools ▸ Administration ▸ Budgets.</source>
        <translation>Hier gilt kein Budget. Legen Sie eines unter Extras ▸ Verwaltung ▸ Budgets fest.</translation>
    </message>
    <message>
        <source>No budget applies here.</source>
        <translation>Hier gilt kein Budget.</translation>
    </message>
    <message numerus="yes">
        <source>%n active alert(s):</source>
        <translation>
            <numerusform>%n aktive Warnung:</numerusform>
            <numerusform>%n aktive Warnungen:</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the whole dashboard for this period as a PDF report (%1)</source>
        <translation>Das ganze Dashboard für diesen Zeitraum als PDF-Bericht speichern (%1)</translation>
    </message>
    <message>
        <source>Save the dashboard as a PDF report</source>
        <translation>Das Dashboard als PDF-Bericht speichern</translation>
    </message>
    <message>
        <source>Save Usage Report</source>
        <translation>Nutzungsbericht speichern</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>PDF Repor&amp;t…</source>
        <translation>PDF-Beri&amp;cht…</translation>
    </message>
    <message>
        <source>Quality of answers</source>
        <translation>Qualität der Antworten</translation>
    </message>
    <message>
        <source>Group the quality by</source>
        <translation>Qualität gruppieren nach</translation>
    </message>
    <message>
        <source>by model</source>
        <translation>nach Modell</translation>
    </message>
    <message>
        <source>by provider</source>
        <translation>nach Anbieter</translation>
    </message>
    <message>
        <source>by template version</source>
        <translation>nach Vorlagenversion</translation>
    </message>
    <message>
        <source>From the thumbs people gave the answers of the period. The interval is where the true share of good answers lies, 95 times in 100: few ratings make it wide.</source>
        <translation>Aus den Daumen, die Menschen den Antworten des Zeitraums gaben. Das Intervall enthält den wahren Anteil guter Antworten in 95 von 100 Fällen: Wenige Bewertungen machen es breit.</translation>
    </message>
    <message>
        <source>No answers in this period yet.</source>
        <translation>Noch keine Antworten in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Rated</source>
        <translation>Bewertet</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Gut</translation>
    </message>
    <message>
        <source>95 % interval</source>
        <translation>95-%-Intervall</translation>
    </message>
    <message>
        <source>Tags chosen most</source>
        <translation>Häufigste Schlagwörter</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation>%1, Version %2</translation>
    </message>
    <message>
        <source>%1 (%2 %)</source>
        <translation>%1 (%2 %)</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>%1 to %2 %</source>
        <translation>%1 bis %2 %</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Show the numbers as a table, with every group and its tags</source>
        <translation>Die Zahlen als Tabelle zeigen, mit jeder Gruppe und ihren Tags</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::UserListModel</name>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>Gesperrt bis %1</translation>
    </message>
    <message>
        <source>Active, must change password</source>
        <translation>Aktiv, muss Passwort ändern</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Letzte Anmeldung</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::VariableForm</name>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation>mindestens %1</translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation>höchstens %1</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>%1 (default %2)</source>
        <translation>%1 (Standard %2)</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>(auswählen)</translation>
    </message>
    <message>
        <source>A text file</source>
        <translation>Eine Textdatei</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Choose a file for %1</source>
        <translation>Eine Datei für %1 auswählen</translation>
    </message>
    <message>
        <source>Choose a Text File</source>
        <translation>Textdatei auswählen</translation>
    </message>
    <message>
        <source>Needs a value</source>
        <translation>Braucht einen Wert</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::VariantsEditor</name>
    <message>
        <source>Add Varian&amp;t</source>
        <translation>Variante &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Re&amp;move Variant</source>
        <translation>Variante ent&amp;fernen</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Variants</source>
        <translation>Varianten</translation>
    </message>
    <message>
        <source>(the input as it is)</source>
        <translation>(die Eingabe, wie sie ist)</translation>
    </message>
    <message>
        <source>Template of variant %1</source>
        <translation>Vorlage der Variante %1</translation>
    </message>
    <message>
        <source>production</source>
        <translation>Produktion</translation>
    </message>
    <message>
        <source>Version of variant %1</source>
        <translation>Version der Variante %1</translation>
    </message>
    <message>
        <source>Provider of variant %1</source>
        <translation>Anbieter der Variante %1</translation>
    </message>
    <message>
        <source>model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Model of variant %1</source>
        <translation>Modell der Variante %1</translation>
    </message>
    <message>
        <source>Variant %1 needs a template: make one in View ▸ Prompts.</source>
        <translation>Variante %1 braucht eine Vorlage: Legen Sie eine unter Ansicht ▸ Prompts an.</translation>
    </message>
    <message>
        <source>Variant %1 needs a provider: add one in Providers.</source>
        <translation>Variante %1 braucht einen Anbieter: Fügen Sie einen unter Anbieter hinzu.</translation>
    </message>
    <message>
        <source>Variant %1 needs a model.</source>
        <translation>Variante %1 braucht ein Modell.</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::VersionCompareDialog</name>
    <message>
        <source>provider %1</source>
        <translation>Anbieter %1</translation>
    </message>
    <message>
        <source>model %1</source>
        <translation>Modell %1</translation>
    </message>
    <message>
        <source>temperature %1</source>
        <translation>Temperatur %1</translation>
    </message>
    <message>
        <source>at most %1 tokens</source>
        <translation>höchstens %1 Tokens</translation>
    </message>
    <message>
        <source>Compare Versions of %1</source>
        <translation>Versionen von %1 vergleichen</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Version %1 · %2</source>
        <translation>Version %1 · %2</translation>
    </message>
    <message>
        <source>The older version</source>
        <translation>Die ältere Version</translation>
    </message>
    <message>
        <source>The newer version</source>
        <translation>Die neuere Version</translation>
    </message>
    <message>
        <source>The older version, removed lines marked</source>
        <translation>Die ältere Version, entfernte Zeilen markiert</translation>
    </message>
    <message>
        <source>The newer version, added lines marked</source>
        <translation>Die neuere Version, hinzugefügte Zeilen markiert</translation>
    </message>
    <message>
        <source>System part</source>
        <translation>Systemteil</translation>
    </message>
    <message>
        <source>User part</source>
        <translation>Benutzerteil</translation>
    </message>
    <message>
        <source>Suggested settings</source>
        <translation>Vorgeschlagene Einstellungen</translation>
    </message>
    <message>
        <source>The two versions are the same.</source>
        <translation>Die beiden Versionen sind gleich.</translation>
    </message>
    <message>
        <source>Lines removed: %1, added: %2.</source>
        <translation>Zeilen entfernt: %1, hinzugefügt: %2.</translation>
    </message>
</context>
<context>
    <name>Tessera::Ui::WelcomePage</name>
    <message>
        <source>OpenAI</source>
        <translation>OpenAI</translation>
    </message>
    <message>
        <source>GPT models, with an API key</source>
        <translation>GPT-Modelle, mit API-Schlüssel</translation>
    </message>
    <message>
        <source>Anthropic</source>
        <translation>Anthropic</translation>
    </message>
    <message>
        <source>Claude models, with an API key</source>
        <translation>Claude-Modelle, mit API-Schlüssel</translation>
    </message>
    <message>
        <source>Google Gemini</source>
        <translation>Google Gemini</translation>
    </message>
    <message>
        <source>Gemini models, with an API key</source>
        <translation>Gemini-Modelle, mit API-Schlüssel</translation>
    </message>
    <message>
        <source>Ollama</source>
        <translation>Ollama</translation>
    </message>
    <message>
        <source>Models on this computer, no key needed</source>
        <translation>Modelle auf diesem Computer, kein Schlüssel nötig</translation>
    </message>
    <message>
        <source>LM Studio</source>
        <translation>LM Studio</translation>
    </message>
    <message>
        <source>OpenRouter</source>
        <translation>OpenRouter</translation>
    </message>
    <message>
        <source>Many vendors&apos; models behind one key</source>
        <translation>Modelle vieler Hersteller hinter einem Schlüssel</translation>
    </message>
    <message>
        <source>Other OpenAI-compatible</source>
        <translation>Anderer OpenAI-kompatibler Server</translation>
    </message>
    <message>
        <source>Any server that speaks the OpenAI API</source>
        <translation>Jeder Server, der die OpenAI-API spricht</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>Welcome to Tessera</source>
        <translation>Willkommen bei Tessera</translation>
    </message>
    <message>
        <source>A fast desktop workspace for AI chat: every major provider, your keys in the system keychain, your conversations on your computer.</source>
        <translation>Ein schneller Desktop-Arbeitsplatz für KI-Chats: alle großen Anbieter, Ihre Schlüssel im Systemschlüsselbund, Ihre Unterhaltungen auf Ihrem Computer.</translation>
    </message>
    <message>
        <source>Choose a provider to start:</source>
        <translation>Wählen Sie zum Start einen Anbieter:</translation>
    </message>
    <message>
        <source>You can add more providers, and change these later, under Providers.</source>
        <translation>Weitere Anbieter fügen Sie später unter „Anbieter“ hinzu; dort ändern Sie sie auch.</translation>
    </message>
    <message>
        <source>No provider is set up yet, and adding one is up to your administrator. Ask them to add one; it appears here as soon as they have.</source>
        <translation>Noch ist kein Anbieter eingerichtet, und Anbieter fügt Ihre Administration hinzu. Bitten Sie sie darum; er erscheint hier, sobald er hinzugefügt ist.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Tessera cannot start</source>
        <translation>Tessera kann nicht starten</translation>
    </message>
    <message>
        <source>Store not available</source>
        <translation>Speicher nicht verfügbar</translation>
    </message>
    <message>
        <source>The store chosen in Settings (%1) cannot be opened:
%2

Open the local store in the data folder instead? The setting is kept; change it in Settings.</source>
        <translation>Der in den Einstellungen gewählte Speicher (%1) lässt sich nicht öffnen:
%2

Stattdessen den lokalen Speicher im Datenordner öffnen? Die Einstellung bleibt erhalten; ändern Sie sie in den Einstellungen.</translation>
    </message>
</context>
</TS>
