<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>Peerlink::AccountDialog</name>
    <message>
        <source>&amp;Remember the password in the system&apos;s password store</source>
        <translation>Das Passwort im &amp;Passwortspeicher des Systems merken</translation>
    </message>
    <message>
        <source>Server settings</source>
        <translation>Servereinstellungen</translation>
    </message>
    <message>
        <source>Sign in to Peerlink</source>
        <translation>Bei Peerlink anmelden</translation>
    </message>
    <message>
        <source>Sign in with your XMPP account</source>
        <translation>Mit Ihrem XMPP-Konto anmelden</translation>
    </message>
    <message>
        <source>Peerlink uses your XMPP (Jabber) account to find your contacts. Your chats and files then go directly to them, end-to-end encrypted.</source>
        <translation>Peerlink findet Ihre Kontakte über Ihr XMPP-Konto (Jabber). Ihre Chats und Dateien gehen dann direkt an sie, Ende-zu-Ende-verschlüsselt.</translation>
    </message>
    <message>
        <source>you@example.org</source>
        <translation>sie@example.org</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>Shows the server host and port fields</source>
        <translation>Zeigt die Felder für Server und Port</translation>
    </message>
    <message>
        <source>found automatically</source>
        <translation>wird automatisch gefunden</translation>
    </message>
    <message>
        <source>Server host</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>Server port</source>
        <translation>Server-Port</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>Leave these empty unless your provider tells you otherwise.</source>
        <translation>Lassen Sie diese Felder leer, wenn Ihr Anbieter nichts anderes angibt.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Enter your address as name@example.org.</source>
        <translation>Geben Sie Ihre Adresse in der Form name@example.org ein.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Geben Sie Ihr Passwort ein.</translation>
    </message>
</context>
<context>
    <name>Peerlink::CertificateDialog</name>
    <message>
        <source>Untrusted server certificate</source>
        <translation>Nicht vertrauenswürdiges Serverzertifikat</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted</source>
        <translation>Dem Zertifikat von %1 wird nicht vertraut</translation>
    </message>
    <message>
        <source>Peerlink did not connect, because:</source>
        <translation>Peerlink hat keine Verbindung aufgebaut, weil:</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>SHA-256-Fingerabdruck:</translation>
    </message>
    <message>
        <source>Issued to:</source>
        <translation>Ausgestellt für:</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>Ausgestellt von:</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>Gültig:</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>Compare the fingerprint with the one your server&apos;s administrator publishes. Continue only if they match: otherwise someone may be listening in.</source>
        <translation>Vergleichen Sie den Fingerabdruck mit dem, den die Verwaltung Ihres Servers veröffentlicht. Fahren Sie nur fort, wenn beide übereinstimmen – sonst könnte jemand mithören.</translation>
    </message>
    <message>
        <source>Always trust this certificate</source>
        <translation>Diesem Zertifikat immer vertrauen</translation>
    </message>
    <message>
        <source>Trust once</source>
        <translation>Einmal vertrauen</translation>
    </message>
    <message>
        <source>Do not connect</source>
        <translation>Nicht verbinden</translation>
    </message>
</context>
<context>
    <name>Peerlink::ChatService</name>
    <message>
        <source>The chat history is unavailable: %1</source>
        <translation>Der Chatverlauf ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a contact&apos;s address (user@domain).</source>
        <translation>„%1“ ist keine Kontaktadresse (name@domain).</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>Die Nachricht ist leer.</translation>
    </message>
    <message>
        <source>The message has %1 characters; at most %2 fit in one message. Send it in parts or as a file.</source>
        <translation>Die Nachricht hat %1 Zeichen; in eine Nachricht passen höchstens %2. Senden Sie sie in Teilen oder als Datei.</translation>
    </message>
    <message>
        <source>The message could not be stored: %1</source>
        <translation>Die Nachricht konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>There is no message of yours with id %1 to correct.</source>
        <translation>Es gibt keine Nachricht von Ihnen mit der ID %1, die korrigiert werden könnte.</translation>
    </message>
    <message>
        <source>The corrected message is empty.</source>
        <translation>Die korrigierte Nachricht ist leer.</translation>
    </message>
    <message>
        <source>The message has %1 characters; at most %2 fit in one message.</source>
        <translation>Die Nachricht hat %1 Zeichen; in eine Nachricht passen höchstens %2.</translation>
    </message>
    <message>
        <source>The correction could not be stored: %1</source>
        <translation>Die Korrektur konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>There is no message of yours with id %1.</source>
        <translation>Es gibt keine Nachricht von Ihnen mit der ID %1.</translation>
    </message>
</context>
<context>
    <name>Peerlink::ConnectButton</name>
    <message>
        <source>Connection details…</source>
        <translation>Verbindungsdetails…</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>%1 is offline. You can connect when they are online.</source>
        <translation>%1 ist offline. Sie können sich verbinden, sobald %1 online ist.</translation>
    </message>
    <message>
        <source>Connect to %1</source>
        <translation>Mit %1 verbinden</translation>
    </message>
    <message>
        <source>Connecting to %1</source>
        <translation>Verbindung mit %1 wird aufgebaut</translation>
    </message>
    <message>
        <source>Connected to %1: %2</source>
        <translation>Mit %1 verbunden: %2</translation>
    </message>
    <message>
        <source>Retry connecting to %1</source>
        <translation>Erneut mit %1 verbinden</translation>
    </message>
</context>
<context>
    <name>Peerlink::ConnectionDetailsDialog</name>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Round trip time</source>
        <translation>Umlaufzeit</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>Connection with %1</source>
        <translation>Verbindung mit %1</translation>
    </message>
    <message>
        <source>Route:</source>
        <translation>Weg:</translation>
    </message>
    <message>
        <source>This device:</source>
        <translation>Dieses Gerät:</translation>
    </message>
    <message>
        <source>%1&apos;s device:</source>
        <translation>Gerät von %1:</translation>
    </message>
    <message>
        <source>Round trip:</source>
        <translation>Umlaufzeit:</translation>
    </message>
    <message>
        <source>Relay (TURN) in use:</source>
        <translation>Relais (TURN) in Benutzung:</translation>
    </message>
    <message>
        <source>Router port (UPnP) in use:</source>
        <translation>Router-Port (UPnP) in Benutzung:</translation>
    </message>
    <message>
        <source>Time to connect:</source>
        <translation>Zeit bis zur Verbindung:</translation>
    </message>
    <message>
        <source>Device fingerprint:</source>
        <translation>Geräte-Fingerabdruck:</translation>
    </message>
    <message>
        <source>received</source>
        <translation>empfangen</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>Candidates gathered by this device</source>
        <translation>Von diesem Gerät gesammelte Kandidaten</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>In Benutzung</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>No path selected yet</source>
        <translation>Noch kein Weg ausgewählt</translation>
    </message>
    <message>
        <source>Not measured yet</source>
        <translation>Noch nicht gemessen</translation>
    </message>
    <message>
        <source>Yes, the connection runs through the relay</source>
        <translation>Ja, die Verbindung läuft über das Relais</translation>
    </message>
    <message>
        <source>Allocated as a fallback, not carrying the connection</source>
        <translation>Als Rückfallebene reserviert, trägt die Verbindung nicht</translation>
    </message>
    <message>
        <source>Yes, the connection runs through the mapped port</source>
        <translation>Ja, die Verbindung läuft über den geöffneten Port</translation>
    </message>
    <message>
        <source>A port is mapped, not carrying the connection</source>
        <translation>Ein Port ist geöffnet, trägt die Verbindung aber nicht</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>in Benutzung</translation>
    </message>
    <message>
        <source>not in use</source>
        <translation>nicht in Benutzung</translation>
    </message>
</context>
<context>
    <name>Peerlink::ContactListWidget</name>
    <message>
        <source>Search contacts</source>
        <translation>Kontakte suchen</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>No contacts yet.
Add someone with the “Add contact” button above.</source>
        <translation>Noch keine Kontakte.
Fügen Sie jemanden mit der Schaltfläche „Kontakt hinzufügen“ oben hinzu.</translation>
    </message>
    <message>
        <source>No contact matches “%1”.</source>
        <translation>Kein Kontakt passt zu „%1“.</translation>
    </message>
    <message>
        <source>Open conversation</source>
        <translation>Unterhaltung öffnen</translation>
    </message>
    <message>
        <source>Connection details…</source>
        <translation>Verbindungsdetails…</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Send files…</source>
        <translation>Dateien senden…</translation>
    </message>
    <message>
        <source>Remove contact…</source>
        <translation>Kontakt entfernen…</translation>
    </message>
    <message>
        <source>Remove contact</source>
        <translation>Kontakt entfernen</translation>
    </message>
    <message>
        <source>Remove %1 (%2) from your contacts? You will no longer see each other&apos;s presence.</source>
        <translation>%1 (%2) aus Ihren Kontakten entfernen? Sie sehen dann gegenseitig nicht mehr, wer online ist.</translation>
    </message>
</context>
<context>
    <name>Peerlink::ContactRow</name>
    <message>
        <source>typing…</source>
        <translation>schreibt…</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n unread message(s)</source>
        <translation>
            <numerusform>%n ungelesene Nachricht</numerusform>
            <numerusform>%n ungelesene Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>Press Enter to open the conversation. Drop files here to send them to %1.</source>
        <translation>Drücken Sie die Eingabetaste, um die Unterhaltung zu öffnen. Legen Sie hier Dateien ab, um sie an %1 zu senden.</translation>
    </message>
</context>
<context>
    <name>Peerlink::ConversationView</name>
    <message>
        <source>Connection details</source>
        <translation>Verbindungsdetails</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Cancel editing (Esc)</source>
        <translation>Bearbeiten abbrechen (Esc)</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>Bearbeiten abbrechen</translation>
    </message>
    <message>
        <source>Send files…</source>
        <translation>Dateien senden…</translation>
    </message>
    <message>
        <source>Send files</source>
        <translation>Dateien senden</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line, Up edits your last message.</source>
        <translation>Die Eingabetaste sendet, Umschalt+Eingabe beginnt eine neue Zeile, Pfeil nach oben bearbeitet Ihre letzte Nachricht.</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Senden (Eingabetaste)</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <source>Conversation with %1</source>
        <translation>Unterhaltung mit %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Drop files here to send them to %1</source>
        <translation>Dateien hier ablegen, um sie an %1 zu senden</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 schreibt…</translation>
    </message>
    <message>
        <source>%1 of at most %2 characters</source>
        <translation>%1 von höchstens %2 Zeichen</translation>
    </message>
    <message>
        <source>Editing your message. Enter saves, Esc cancels.</source>
        <translation>Sie bearbeiten Ihre Nachricht. Die Eingabetaste speichert, Esc bricht ab.</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Text kopieren</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Message — goes directly to %1, end-to-end encrypted</source>
        <translation>Nachricht – geht direkt an %1, Ende-zu-Ende-verschlüsselt</translation>
    </message>
    <message>
        <source>Message — goes through your server until you connect</source>
        <translation>Nachricht – geht über Ihren Server, bis Sie sich verbinden</translation>
    </message>
</context>
<context>
    <name>Peerlink::CoreContactsSource</name>
    <message>
        <source>&quot;%1&quot; is not an address. Enter it as name@example.org.</source>
        <translation>„%1“ ist keine Adresse. Geben Sie sie in der Form name@example.org ein.</translation>
    </message>
    <message>
        <source>You are not signed in. Contacts can be added once you are online.</source>
        <translation>Sie sind nicht angemeldet. Kontakte können hinzugefügt werden, sobald Sie online sind.</translation>
    </message>
    <message>
        <source>%1 could not be added to your contacts.</source>
        <translation>%1 konnte nicht zu Ihren Kontakten hinzugefügt werden.</translation>
    </message>
</context>
<context>
    <name>Peerlink::Format</name>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Free to chat</source>
        <translation>Gesprächsbereit</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Abwesend</translation>
    </message>
    <message>
        <source>Away for a while</source>
        <translation>Länger abwesend</translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation>Bitte nicht stören</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>Wartet auf Zustimmung</translation>
    </message>
    <message>
        <source>Not sharing presence</source>
        <translation>Teilt keine Anwesenheit</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Direct</source>
        <translation>Direkt</translation>
    </message>
    <message>
        <source>Direct (UPnP)</source>
        <translation>Direkt (UPnP)</translation>
    </message>
    <message>
        <source>Relayed</source>
        <translation>Über Relais</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Waiting for %1 to answer…</source>
        <translation>Warte auf Antwort von %1…</translation>
    </message>
    <message>
        <source>Looking for a path to %1…</source>
        <translation>Suche einen Weg zu %1…</translation>
    </message>
    <message>
        <source>Securing the connection…</source>
        <translation>Verbindung wird abgesichert…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Not connected. Connect to chat and send files directly to %1.</source>
        <translation>Nicht verbunden. Verbinden Sie sich, um direkt mit %1 zu chatten und Dateien zu senden.</translation>
    </message>
    <message>
        <source>Connected to %1 through a relay server (end-to-end encrypted).</source>
        <translation>Mit %1 über einen Relais-Server verbunden (Ende-zu-Ende-verschlüsselt).</translation>
    </message>
    <message>
        <source>Connected directly to %1 through a port opened on your router (UPnP), end-to-end encrypted.</source>
        <translation>Direkt mit %1 verbunden über einen auf Ihrem Router geöffneten Port (UPnP), Ende-zu-Ende-verschlüsselt.</translation>
    </message>
    <message>
        <source>Connected directly to %1, end-to-end encrypted.</source>
        <translation>Direkt mit %1 verbunden, Ende-zu-Ende-verschlüsselt.</translation>
    </message>
    <message>
        <source>Round trip: %1.</source>
        <translation>Umlaufzeit: %1.</translation>
    </message>
    <message>
        <source>The connection to %1 failed.</source>
        <translation>Die Verbindung mit %1 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Local address</source>
        <translation>Lokale Adresse</translation>
    </message>
    <message>
        <source>Public address (STUN)</source>
        <translation>Öffentliche Adresse (STUN)</translation>
    </message>
    <message>
        <source>Public address (seen by peer)</source>
        <translation>Öffentliche Adresse (von der Gegenseite gesehen)</translation>
    </message>
    <message>
        <source>Relay (TURN)</source>
        <translation>Relais (TURN)</translation>
    </message>
    <message>
        <source>, relay reached over TCP</source>
        <translation>, Relais über TCP erreicht</translation>
    </message>
    <message>
        <source>, relay reached over TLS</source>
        <translation>, Relais über TLS erreicht</translation>
    </message>
    <message>
        <source>, mapped with UPnP</source>
        <translation>, mit UPnP geöffnet</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Wartet auf Versand</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <source>P2P</source>
        <translation>P2P</translation>
    </message>
    <message>
        <source>via server</source>
        <translation>über Server</translation>
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
        <source>Preparing</source>
        <translation>Wird vorbereitet</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Transferring</source>
        <translation>Wird übertragen</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Unterbrochen</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>Wird geprüft</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Preparing the download…</source>
        <translation>Download wird vorbereitet…</translation>
    </message>
    <message>
        <source>Computing the checksum…</source>
        <translation>Prüfsumme wird berechnet…</translation>
    </message>
    <message>
        <source>%1 offers this file (%2)</source>
        <translation>%1 bietet diese Datei an (%2)</translation>
    </message>
    <message>
        <source>Waiting for %1 to accept (%2)</source>
        <translation>Wartet darauf, dass %1 annimmt (%2)</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
    <message>
        <source>Paused by %1 · %2</source>
        <translation>Von %1 angehalten · %2</translation>
    </message>
    <message>
        <source>Paused · %1</source>
        <translation>Angehalten · %1</translation>
    </message>
    <message>
        <source>Interrupted · %1 · continues when %2 is reachable</source>
        <translation>Unterbrochen · %1 · geht weiter, sobald %2 erreichbar ist</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>Datei wird geprüft…</translation>
    </message>
    <message>
        <source>Waiting for %1 to check the file…</source>
        <translation>Wartet darauf, dass %1 die Datei prüft…</translation>
    </message>
    <message>
        <source>Received %1 from %2</source>
        <translation>%1 von %2 empfangen</translation>
    </message>
    <message>
        <source>Sent %1 to %2</source>
        <translation>%1 an %2 gesendet</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 declined the file</source>
        <translation>%1 hat die Datei abgelehnt</translation>
    </message>
    <message>
        <source>&lt; 1 ms</source>
        <translation>&lt; 1 ms</translation>
    </message>
</context>
<context>
    <name>Peerlink::KeychainSecretStore</name>
    <message>
        <source>Nothing is stored for this account yet.</source>
        <translation>Für dieses Konto ist noch nichts gespeichert.</translation>
    </message>
    <message>
        <source>The system password store refused access (%1). Unlock it and try again.</source>
        <translation>Der Passwortspeicher des Systems hat den Zugriff verweigert (%1). Entsperren Sie ihn und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>No system password store is available (%1). Start GNOME Keyring, KWallet or KeePassXC to have your password remembered.</source>
        <translation>Kein Passwortspeicher des Systems verfügbar (%1). Starten Sie GNOME Keyring, KWallet oder KeePassXC, damit Ihr Passwort gespeichert wird.</translation>
    </message>
    <message>
        <source>The system password store failed: %1</source>
        <translation>Der Passwortspeicher des Systems ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>No system password store is available (no Secret Service such as GNOME Keyring, KWallet or KeePassXC is running). Peerlink does not save your password in a file: you will be asked for it each time you start Peerlink.</source>
        <translation>Kein Passwortspeicher des Systems verfügbar (kein Secret Service wie GNOME Keyring, KWallet oder KeePassXC läuft). Peerlink speichert Ihr Passwort nicht in einer Datei: Sie werden bei jedem Start danach gefragt.</translation>
    </message>
</context>
<context>
    <name>Peerlink::MainWindow</name>
    <message>
        <source>Transfers</source>
        <translation>Übertragungen</translation>
    </message>
    <message>
        <source>Peerlink</source>
        <translation>Peerlink</translation>
    </message>
    <message>
        <source>Not signed in. Choose Peerlink &gt; Sign in to add your account.</source>
        <translation>Nicht angemeldet. Wählen Sie Peerlink &gt; Anmelden, um Ihr Konto hinzuzufügen.</translation>
    </message>
    <message>
        <source>&amp;Peerlink</source>
        <translation>&amp;Peerlink</translation>
    </message>
    <message>
        <source>&amp;Add contact…</source>
        <translation>Kontakt &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Send &amp;files…</source>
        <translation>&amp;Dateien senden…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Sign in with another &amp;account…</source>
        <translation>Mit anderem &amp;Konto anmelden…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Search contacts</source>
        <translation>Kontakte &amp;suchen</translation>
    </message>
    <message>
        <source>&amp;Transfers</source>
        <translation>Ü&amp;bertragungen</translation>
    </message>
    <message>
        <source>Connection &amp;details</source>
        <translation>Verbindungs&amp;details</translation>
    </message>
    <message>
        <source>Go to &amp;message field</source>
        <translation>Zum &amp;Nachrichtenfeld</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Peerlink</source>
        <translation>&amp;Über Peerlink</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Add contact (%1)</source>
        <translation>Kontakt hinzufügen (%1)</translation>
    </message>
    <message>
        <source>Add contact</source>
        <translation>Kontakt hinzufügen</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Welcome to Peerlink</source>
        <translation>Willkommen bei Peerlink</translation>
    </message>
    <message>
        <source>Choose a contact to start a conversation.
Press Connect for a direct, end-to-end encrypted connection, and drop files on a contact to send them.</source>
        <translation>Wählen Sie einen Kontakt, um eine Unterhaltung zu beginnen.
Mit „Verbinden“ entsteht eine direkte, Ende-zu-Ende-verschlüsselte Verbindung; Dateien senden Sie, indem Sie sie auf einem Kontakt ablegen.</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline, trying again in %1</source>
        <translation>Offline, neuer Versuch in %1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Your account: %1, %2</source>
        <translation>Ihr Konto: %1, %2</translation>
    </message>
    <message>
        <source>(%1) Peerlink</source>
        <translation>(%1) Peerlink</translation>
    </message>
    <message>
        <source>wants to send you “%1” (%2)</source>
        <translation>möchte Ihnen „%1“ senden (%2)</translation>
    </message>
    <message>
        <source>The new language is used the next time Peerlink starts.</source>
        <translation>Die neue Sprache wird beim nächsten Start von Peerlink verwendet.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Einstellungen gespeichert.</translation>
    </message>
    <message>
        <source>The files could not be sent to %1.</source>
        <translation>Die Dateien konnten nicht an %1 gesendet werden.</translation>
    </message>
    <message numerus="yes">
        <source>Sending %n item(s) to %1…</source>
        <translation>
            <numerusform>Sende %n Element an %1…</numerusform>
            <numerusform>Sende %n Elemente an %1…</numerusform>
        </translation>
    </message>
    <message>
        <source>Send files to %1</source>
        <translation>Dateien an %1 senden</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>name@example.org</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>They will be asked to approve. Once they do, you see each other online and can connect.</source>
        <translation>Die Person wird um Zustimmung gebeten. Danach sehen Sie gegenseitig, wer online ist, und können sich verbinden.</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Enter the address as name@example.org.</source>
        <translation>Geben Sie die Adresse in der Form name@example.org ein.</translation>
    </message>
    <message>
        <source>The contact could not be added.</source>
        <translation>Der Kontakt konnte nicht hinzugefügt werden.</translation>
    </message>
    <message>
        <source>Asked %1 to become your contact.</source>
        <translation>%1 wurde gefragt, ob er oder sie Ihr Kontakt werden möchte.</translation>
    </message>
    <message>
        <source>Contact request</source>
        <translation>Kontaktanfrage</translation>
    </message>
    <message>
        <source>%1 wants to add you as a contact and see when you are online.</source>
        <translation>%1 möchte Sie als Kontakt hinzufügen und sehen, wann Sie online sind.</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>%1 wants to add you as a contact.</source>
        <translation>%1 möchte Sie als Kontakt hinzufügen.</translation>
    </message>
    <message>
        <source>New device key</source>
        <translation>Neuer Geräteschlüssel</translation>
    </message>
    <message>
        <source>%1 connected from a device Peerlink has not seen before for them.

Device fingerprint:
%2

If they did not set up a new device or reinstall Peerlink, someone else may be pretending to be them. Compare the fingerprint with them in person or by phone.</source>
        <translation>%1 hat sich von einem Gerät verbunden, das Peerlink für diesen Kontakt noch nicht kennt.

Geräte-Fingerabdruck:
%2

Wenn kein neues Gerät eingerichtet und Peerlink nicht neu installiert wurde, gibt sich vielleicht jemand anderes als dieser Kontakt aus. Vergleichen Sie den Fingerabdruck persönlich oder am Telefon.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>About Peerlink</source>
        <translation>Über Peerlink</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Peerlink %1&lt;/h3&gt;&lt;p&gt;Chat and send files directly to your contacts, end-to-end encrypted. Your XMPP account finds them; ICE finds a path through the NATs between you; QUIC carries your messages and files.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Peerlink %1&lt;/h3&gt;&lt;p&gt;Chatten und Dateien direkt an Ihre Kontakte senden, Ende-zu-Ende-verschlüsselt. Ihr XMPP-Konto findet sie; ICE findet einen Weg durch die NATs zwischen Ihnen; QUIC überträgt Ihre Nachrichten und Dateien.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Peerlink is still running</source>
        <translation>Peerlink läuft weiter</translation>
    </message>
    <message>
        <source>Contacts can still reach you. Quit from the tray icon&apos;s menu.</source>
        <translation>Kontakte können Sie weiterhin erreichen. Beenden können Sie über das Menü des Symbols im Infobereich.</translation>
    </message>
</context>
<context>
    <name>Peerlink::MessageDelegate</name>
    <message>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
</context>
<context>
    <name>Peerlink::MessageListModel</name>
    <message>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
    <message>
        <source>Carried over the direct, encrypted connection</source>
        <translation>Über die direkte, verschlüsselte Verbindung übertragen</translation>
    </message>
    <message>
        <source>Carried by your XMPP server</source>
        <translation>Über Ihren XMPP-Server übertragen</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>%1 at %2: %3. %4</source>
        <translation>%1 um %2: %3. %4</translation>
    </message>
</context>
<context>
    <name>Peerlink::OfferDialog</name>
    <message>
        <source>Files from %1</source>
        <translation>Dateien von %1</translation>
    </message>
    <message>
        <source>Offered files</source>
        <translation>Angebotene Dateien</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>%1 wants to send you “%2”</source>
        <translation>%1 möchte Ihnen „%2“ senden</translation>
    </message>
    <message>
        <source>modified %1</source>
        <translation>geändert %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 wants to send you %n file(s)</source>
        <translation>
            <numerusform>%1 möchte Ihnen %n Datei senden</numerusform>
            <numerusform>%1 möchte Ihnen %n Dateien senden</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in total</source>
        <translation>%1 insgesamt</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Save into your download folder</source>
        <translation>In Ihrem Download-Ordner speichern</translation>
    </message>
    <message>
        <source>Choose where to save the file</source>
        <translation>Wählen, wo die Datei gespeichert wird</translation>
    </message>
    <message>
        <source>Choose a folder for the files</source>
        <translation>Einen Ordner für die Dateien wählen</translation>
    </message>
    <message>
        <source>Save the files from %1 in</source>
        <translation>Die Dateien von %1 speichern in</translation>
    </message>
</context>
<context>
    <name>Peerlink::PeerSession</name>
    <message>
        <source>%1 did not answer within %2 seconds. They may be away; try again later.</source>
        <translation>%1 hat nicht innerhalb von %2 Sekunden geantwortet. Vielleicht ist die Person nicht da; versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The connection to %1 was lost and could not be restored within %2 seconds.</source>
        <translation>Die Verbindung mit %1 ging verloren und konnte nicht innerhalb von %2 Sekunden wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>No connection to %1 could be established within %2 seconds. A firewall may block the way; a TURN server in the settings can help.</source>
        <translation>Innerhalb von %2 Sekunden konnte keine Verbindung mit %1 aufgebaut werden. Vielleicht blockiert eine Firewall den Weg; ein TURN-Server in den Einstellungen kann helfen.</translation>
    </message>
    <message>
        <source>%1 answered with a session Peerlink cannot use.</source>
        <translation>%1 hat mit einer Sitzung geantwortet, die Peerlink nicht verwenden kann.</translation>
    </message>
    <message>
        <source>%1 answered without a usable device fingerprint (%2). The connection was not made.</source>
        <translation>%1 hat ohne verwendbaren Geräte-Fingerabdruck geantwortet (%2). Die Verbindung wurde nicht aufgebaut.</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>keiner angegeben</translation>
    </message>
    <message>
        <source>%1 ended the session.</source>
        <translation>%1 hat die Sitzung beendet.</translation>
    </message>
    <message>
        <source>%1 ended the session (%2).</source>
        <translation>%1 hat die Sitzung beendet (%2).</translation>
    </message>
    <message>
        <source>%1 connected at the same time; their session is used.</source>
        <translation>%1 hat sich gleichzeitig verbunden; die Sitzung von %1 wird verwendet.</translation>
    </message>
    <message>
        <source>%1 cannot be reached with Peerlink right now%2.</source>
        <translation>%1 ist gerade nicht mit Peerlink erreichbar%2.</translation>
    </message>
    <message>
        <source>%1 announced a different device fingerprint in the middle of the session. The session was ended to keep it private.</source>
        <translation>%1 hat mitten in der Sitzung einen anderen Geräte-Fingerabdruck angekündigt. Die Sitzung wurde beendet, damit sie vertraulich bleibt.</translation>
    </message>
    <message>
        <source>%1 withdrew the session.</source>
        <translation>%1 hat die Sitzung zurückgezogen.</translation>
    </message>
    <message>
        <source>No network path to %1 was found (%2). A TURN server in the settings can help.</source>
        <translation>Es wurde kein Netzwerkweg zu %1 gefunden (%2). Ein TURN-Server in den Einstellungen kann helfen.</translation>
    </message>
    <message>
        <source>The device of %1 did not prove the identity announced for it (%2). Nothing was sent; someone may be interfering with the connection.</source>
        <translation>Das Gerät von %1 hat die angekündigte Identität nicht nachgewiesen (%2). Es wurde nichts gesendet; vielleicht greift jemand in die Verbindung ein.</translation>
    </message>
    <message>
        <source>The connection to %1 was lost (%2).</source>
        <translation>Die Verbindung mit %1 ging verloren (%2).</translation>
    </message>
    <message>
        <source>The secure channel to %1 failed (%2).</source>
        <translation>Der sichere Kanal zu %1 ist fehlgeschlagen (%2).</translation>
    </message>
    <message>
        <source>The connection to %1 was lost: %2</source>
        <translation>Die Verbindung zu %1 ist verloren gegangen: %2</translation>
    </message>
</context>
<context>
    <name>Peerlink::Profile</name>
    <message>
        <source>The profile folder %1 could not be created. Check that you may write there, or choose another folder with --profile-dir.</source>
        <translation>Der Profilordner %1 konnte nicht angelegt werden. Prüfen Sie, ob Sie dort schreiben dürfen, oder wählen Sie mit --profile-dir einen anderen Ordner.</translation>
    </message>
</context>
<context>
    <name>Peerlink::SessionManager</name>
    <message>
        <source>%1 connected at the same time; their session is used.</source>
        <translation>%1 hat sich gleichzeitig verbunden; die Sitzung von %1 wird verwendet.</translation>
    </message>
    <message>
        <source>%1 started a new session.</source>
        <translation>%1 hat eine neue Sitzung begonnen.</translation>
    </message>
    <message>
        <source>The session from %1 could not be accepted: %2.</source>
        <translation>Die Sitzung von %1 konnte nicht angenommen werden: %2.</translation>
    </message>
    <message>
        <source>You are not signed in. Sign in to connect to %1.</source>
        <translation>Sie sind nicht angemeldet. Melden Sie sich an, um sich mit %1 zu verbinden.</translation>
    </message>
    <message>
        <source>%1 is not in your contacts. Add them first.</source>
        <translation>%1 ist nicht in Ihren Kontakten. Fügen Sie %1 zuerst hinzu.</translation>
    </message>
    <message>
        <source>%1 is offline. Peerlink connects when both of you are online.</source>
        <translation>%1 ist offline. Peerlink verbindet, wenn Sie beide online sind.</translation>
    </message>
</context>
<context>
    <name>Peerlink::SettingsDialog</name>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>credentials valid until %1</source>
        <translation>Zugangsdaten gültig bis %1</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Network</source>
        <translation>&amp;Netzwerk</translation>
    </message>
    <message>
        <source>&amp;Files</source>
        <translation>&amp;Dateien</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Konto</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Servers offered by your XMPP server</source>
        <translation>Von Ihrem XMPP-Server angebotene Server</translation>
    </message>
    <message>
        <source>&amp;Use the servers offered by my XMPP server</source>
        <translation>Die von meinem XMPP-Server angebotenen Server &amp;verwenden</translation>
    </message>
    <message>
        <source>Your own servers</source>
        <translation>Ihre eigenen Server</translation>
    </message>
    <message>
        <source>STUN host</source>
        <translation>STUN-Server</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Your STUN servers</source>
        <translation>Ihre STUN-Server</translation>
    </message>
    <message>
        <source>TURN host</source>
        <translation>TURN-Server</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Your TURN servers</source>
        <translation>Ihre TURN-Server</translation>
    </message>
    <message>
        <source>Add STUN server</source>
        <translation>STUN-Server hinzufügen</translation>
    </message>
    <message>
        <source>Add TURN server</source>
        <translation>TURN-Server hinzufügen</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Open a port on my router with &amp;UPnP when possible</source>
        <translation>Wenn möglich einen Port auf meinem Router mit &amp;UPnP öffnen</translation>
    </message>
    <message>
        <source>Always go through a &amp;relay (hides your IP address from contacts)</source>
        <translation>Immer über ein &amp;Relais gehen (verbirgt Ihre IP-Adresse vor Kontakten)</translation>
    </message>
    <message>
        <source>Use only local &amp;ports from</source>
        <translation>Nur lokale &amp;Ports von</translation>
    </message>
    <message>
        <source>Lowest local port</source>
        <translation>Niedrigster lokaler Port</translation>
    </message>
    <message>
        <source>Highest local port</source>
        <translation>Höchster lokaler Port</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose the download folder</source>
        <translation>Download-Ordner wählen</translation>
    </message>
    <message>
        <source>Download folder</source>
        <translation>Download-Ordner</translation>
    </message>
    <message>
        <source>&amp;Save received files in:</source>
        <translation>Empfangene Dateien &amp;speichern in:</translation>
    </message>
    <message>
        <source>Accept without asking</source>
        <translation>Ohne Nachfrage annehmen</translation>
    </message>
    <message>
        <source>Files from these contacts are accepted into the download folder without asking, up to the size given.</source>
        <translation>Dateien dieser Kontakte werden bis zur angegebenen Größe ohne Nachfrage im Download-Ordner angenommen.</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Up to</source>
        <translation>Bis zu</translation>
    </message>
    <message>
        <source>Contacts whose files are accepted without asking</source>
        <translation>Kontakte, deren Dateien ohne Nachfrage angenommen werden</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>Regel hinzufügen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>A new language is used the next time Peerlink starts.</source>
        <translation>Eine neue Sprache wird beim nächsten Start von Peerlink verwendet.</translation>
    </message>
    <message>
        <source>Show &amp;notifications for new messages and files</source>
        <translation>&amp;Benachrichtigungen für neue Nachrichten und Dateien anzeigen</translation>
    </message>
    <message>
        <source>&amp;Keep running in the system tray when the window is closed</source>
        <translation>Im Infobereich &amp;weiterlaufen, wenn das Fenster geschlossen wird</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Server certificates you trust</source>
        <translation>Serverzertifikate, denen Sie vertrauen</translation>
    </message>
    <message>
        <source>&amp;Forget selected certificate</source>
        <translation>Ausgewähltes Zertifikat &amp;vergessen</translation>
    </message>
    <message>
        <source>You chose to trust these certificates although no authority vouched for them. They are identified by their SHA-256 fingerprint.</source>
        <translation>Sie haben diesen Zertifikaten vertraut, obwohl keine Zertifizierungsstelle für sie bürgt. Sie werden durch ihren SHA-256-Fingerabdruck erkannt.</translation>
    </message>
    <message>
        <source>Additional certificate authorities</source>
        <translation>Zusätzliche Zertifizierungsstellen</translation>
    </message>
    <message>
        <source>A PEM file, e.g. your company&apos;s certificate authority</source>
        <translation>Eine PEM-Datei, z. B. die Zertifizierungsstelle Ihrer Firma</translation>
    </message>
    <message>
        <source>Additional certificate authorities file</source>
        <translation>Datei mit zusätzlichen Zertifizierungsstellen</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>Du&amp;rchsuchen…</translation>
    </message>
    <message>
        <source>Choose a certificate authority file</source>
        <translation>Datei mit Zertifizierungsstelle wählen</translation>
    </message>
    <message>
        <source>Certificate authorities (PEM)</source>
        <translation>Zertifizierungsstellen (PEM)</translation>
    </message>
    <message>
        <source>Changes here take effect the next time you sign in.</source>
        <translation>Änderungen hier wirken bei der nächsten Anmeldung.</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>STUN server %1</source>
        <translation>STUN-Server %1</translation>
    </message>
    <message>
        <source>TURN server %1</source>
        <translation>TURN-Server %1</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Rule %1</source>
        <translation>Regel %1</translation>
    </message>
    <message>
        <source>None announced (or not signed in)</source>
        <translation>Keine angekündigt (oder nicht angemeldet)</translation>
    </message>
    <message>
        <source>The TURN server %1 needs a user name and a password.</source>
        <translation>Der TURN-Server %1 benötigt einen Benutzernamen und ein Passwort.</translation>
    </message>
    <message>
        <source>The lowest local port (%1) is above the highest (%2).</source>
        <translation>Der niedrigste lokale Port (%1) liegt über dem höchsten (%2).</translation>
    </message>
    <message>
        <source>“%1” is not a contact address (name@example.org).</source>
        <translation>„%1“ ist keine Kontaktadresse (name@example.org).</translation>
    </message>
</context>
<context>
    <name>Peerlink::SignInFlow</name>
    <message>
        <source>Your password could not be saved: %1</source>
        <translation>Ihr Passwort konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Not signed in: the server&apos;s certificate was not trusted.</source>
        <translation>Nicht angemeldet: Dem Zertifikat des Servers wurde nicht vertraut.</translation>
    </message>
</context>
<context>
    <name>Peerlink::Sparkline</name>
    <message>
        <source>No measurement yet</source>
        <translation>Noch keine Messung</translation>
    </message>
</context>
<context>
    <name>Peerlink::TransferIo</name>
    <message>
        <source>The folder %1 cannot be read.</source>
        <translation>Der Ordner %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The folder %1 holds more than %2 files; send it in parts.</source>
        <translation>Der Ordner %1 enthält mehr als %2 Dateien; senden Sie ihn in Teilen.</translation>
    </message>
    <message>
        <source>%1 is not a file that can be sent.</source>
        <translation>%1 ist keine Datei, die gesendet werden kann.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 changed while its checksum was computed; send it again.</source>
        <translation>%1 hat sich geändert, während die Prüfsumme berechnet wurde; senden Sie die Datei erneut.</translation>
    </message>
    <message>
        <source>%1 cannot be read any more: %2</source>
        <translation>%1 kann nicht mehr gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 changed since it was offered; send it again.</source>
        <translation>%1 hat sich seit dem Angebot geändert; senden Sie die Datei erneut.</translation>
    </message>
    <message>
        <source>%1 cannot be read from byte %2: %3</source>
        <translation>%1 kann ab Byte %2 nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>%1 cannot be read any more (it became shorter or unreadable): %2</source>
        <translation>%1 kann nicht mehr gelesen werden (die Datei wurde kürzer oder unlesbar): %2</translation>
    </message>
    <message>
        <source>%1 is not a regular file; the download cannot continue there.</source>
        <translation>%1 ist keine normale Datei; der Download kann dort nicht fortgesetzt werden.</translation>
    </message>
    <message>
        <source>The partial download %1 cannot be opened: %2</source>
        <translation>Der unvollständige Download %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The partial download %1 cannot be read: %2</source>
        <translation>Der unvollständige Download %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created. Choose another folder.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden. Wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>%1 leads outside the download folder %2; nothing was written there.</source>
        <translation>%1 führt aus dem Download-Ordner %2 hinaus; dort wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>No file can be created in %1: %2</source>
        <translation>In %1 kann keine Datei angelegt werden: %2</translation>
    </message>
    <message>
        <source>Not enough free space in %1: %2 more are needed, %3 are free. Free some space or choose another folder.</source>
        <translation>Nicht genug freier Speicher in %1: %2 werden zusätzlich gebraucht, %3 sind frei. Geben Sie Speicher frei oder wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>The disk holding %1 is full. %2 were saved; free some space, then resume.</source>
        <translation>Der Datenträger mit %1 ist voll. %2 wurden gespeichert; geben Sie Speicher frei und setzen Sie dann fort.</translation>
    </message>
    <message>
        <source>Writing %1 failed: %2</source>
        <translation>Schreiben von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The received data does not match the file&apos;s SHA-256 checksum, so it was deleted. Ask the sender to send it again.</source>
        <translation>Die empfangenen Daten passen nicht zur SHA-256-Prüfsumme der Datei und wurden daher gelöscht. Bitten Sie den Absender, die Datei erneut zu senden.</translation>
    </message>
    <message>
        <source>The verified file %1 could not be given its final name.</source>
        <translation>Die geprüfte Datei %1 konnte nicht ihren endgültigen Namen bekommen.</translation>
    </message>
</context>
<context>
    <name>Peerlink::TransferRow</name>
    <message>
        <source>%1 from %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 an %2</translation>
    </message>
    <message>
        <source>Accept %1</source>
        <translation>%1 annehmen</translation>
    </message>
    <message>
        <source>Save %1 as…</source>
        <translation>%1 speichern unter…</translation>
    </message>
    <message>
        <source>Decline %1</source>
        <translation>%1 ablehnen</translation>
    </message>
    <message>
        <source>Pause %1</source>
        <translation>%1 anhalten</translation>
    </message>
    <message>
        <source>Resume %1</source>
        <translation>%1 fortsetzen</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <source>Show %1 in its folder</source>
        <translation>%1 im Ordner zeigen</translation>
    </message>
    <message>
        <source>Cancel %1</source>
        <translation>%1 abbrechen</translation>
    </message>
    <message>
        <source>Remove %1 from the list</source>
        <translation>%1 aus der Liste entfernen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Peerlink::TransferService</name>
    <message>
        <source>%1 asked for a part of the file Peerlink cannot send.</source>
        <translation>%1 hat einen Teil der Datei angefordert, den Peerlink nicht senden kann.</translation>
    </message>
    <message>
        <source>%1 sent more data than the announced size of the file, so the transfer was stopped and the partial file deleted.</source>
        <translation>%1 hat mehr Daten gesendet als die angekündigte Größe der Datei; die Übertragung wurde gestoppt und die unvollständige Datei gelöscht.</translation>
    </message>
    <message>
        <source>%1 stopped sending before the end of the file; the partial file was deleted.</source>
        <translation>%1 hat vor dem Ende der Datei aufgehört zu senden; die unvollständige Datei wurde gelöscht.</translation>
    </message>
    <message>
        <source>%1 declined the file.</source>
        <translation>%1 hat die Datei abgelehnt.</translation>
    </message>
    <message>
        <source>%1 cancelled the transfer.</source>
        <translation>%1 hat die Übertragung abgebrochen.</translation>
    </message>
    <message>
        <source>%1 could not take the file (%2).</source>
        <translation>%1 konnte die Datei nicht annehmen (%2).</translation>
    </message>
    <message>
        <source>%1 received the file, but it did not match its checksum and was deleted. Send it again.</source>
        <translation>%1 hat die Datei erhalten, aber sie passte nicht zu ihrer Prüfsumme und wurde gelöscht. Senden Sie sie erneut.</translation>
    </message>
    <message>
        <source>%1 stopped the transfer (%2).</source>
        <translation>%1 hat die Übertragung gestoppt (%2).</translation>
    </message>
    <message>
        <source>%1 stopped sending the file (%2).</source>
        <translation>%1 hat aufgehört, die Datei zu senden (%2).</translation>
    </message>
    <message>
        <source>%1 did not take the offer: %2</source>
        <translation>%1 hat das Angebot nicht angenommen: %2</translation>
    </message>
    <message>
        <source>%1 did not take the answer: %2</source>
        <translation>%1 hat die Antwort nicht angenommen: %2</translation>
    </message>
    <message>
        <source>%1 is not in your contacts; add them before sending files.</source>
        <translation>%1 ist nicht in Ihren Kontakten; fügen Sie %1 hinzu, bevor Sie Dateien senden.</translation>
    </message>
    <message>
        <source>No file was given.</source>
        <translation>Es wurde keine Datei angegeben.</translation>
    </message>
    <message>
        <source>These cannot be sent because they do not exist or are not files or folders: %1</source>
        <translation>Diese können nicht gesendet werden, weil sie nicht existieren oder keine Dateien oder Ordner sind: %1</translation>
    </message>
    <message>
        <source>There is no offer waiting for an answer with this id.</source>
        <translation>Es gibt kein Angebot mit dieser ID, das auf eine Antwort wartet.</translation>
    </message>
    <message>
        <source>There is no transfer with this id.</source>
        <translation>Es gibt keine Übertragung mit dieser ID.</translation>
    </message>
    <message>
        <source>The transfer is paused already.</source>
        <translation>Die Übertragung ist bereits angehalten.</translation>
    </message>
    <message>
        <source>This transfer cannot be paused now.</source>
        <translation>Diese Übertragung kann jetzt nicht angehalten werden.</translation>
    </message>
    <message>
        <source>There is no paused transfer with this id.</source>
        <translation>Es gibt keine angehaltene Übertragung mit dieser ID.</translation>
    </message>
    <message>
        <source>There is no unfinished transfer with this id.</source>
        <translation>Es gibt keine unvollendete Übertragung mit dieser ID.</translation>
    </message>
    <message>
        <source>The whole file has arrived and is being checked; it can be deleted once it is complete.</source>
        <translation>Die ganze Datei ist angekommen und wird geprüft; sie kann gelöscht werden, sobald sie vollständig ist.</translation>
    </message>
    <message>
        <source>You cancelled the transfer.</source>
        <translation>Sie haben die Übertragung abgebrochen.</translation>
    </message>
    <message>
        <source>The contact&apos;s device went offline during a file transfer.</source>
        <translation>Das Gerät des Kontakts ist während einer Dateiübertragung offline gegangen.</translation>
    </message>
</context>
<context>
    <name>Peerlink::TransfersPanel</name>
    <message>
        <source>Clear finished</source>
        <translation>Erledigte entfernen</translation>
    </message>
    <message>
        <source>No transfers yet. Drop files on a contact or a conversation to send them.</source>
        <translation>Noch keine Übertragungen. Legen Sie Dateien auf einem Kontakt oder einer Unterhaltung ab, um sie zu senden.</translation>
    </message>
    <message>
        <source>Clear finished transfers</source>
        <translation>Erledigte Übertragungen entfernen</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>Übertragungen</translation>
    </message>
    <message>
        <source>No transfers</source>
        <translation>Keine Übertragungen</translation>
    </message>
    <message numerus="yes">
        <source>%n finished</source>
        <translation>
            <numerusform>%n erledigt</numerusform>
            <numerusform>%n erledigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n active</source>
        <translation>
            <numerusform>%n aktiv</numerusform>
            <numerusform>%n aktiv</numerusform>
        </translation>
    </message>
    <message>
        <source>Save “%1” as</source>
        <translation>„%1“ speichern unter</translation>
    </message>
</context>
<context>
    <name>Peerlink::TrayIcon</name>
    <message>
        <source>Show Peerlink</source>
        <translation>Peerlink anzeigen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Peerlink</source>
        <translation>Peerlink</translation>
    </message>
    <message numerus="yes">
        <source>Peerlink: %n unread message(s)</source>
        <translation>
            <numerusform>Peerlink: %n ungelesene Nachricht</numerusform>
            <numerusform>Peerlink: %n ungelesene Nachrichten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Peer-to-peer messenger: chat and files go straight to your contacts, end-to-end encrypted.</source>
        <translation>Peer-to-Peer-Messenger: Chats und Dateien gehen direkt an Ihre Kontakte, Ende-zu-Ende-verschlüsselt.</translation>
    </message>
    <message>
        <source>Use the profile &lt;name&gt; (settings, history, device key); one Peerlink runs per profile.</source>
        <translation>Das Profil &lt;name&gt; verwenden (Einstellungen, Verlauf, Geräteschlüssel); pro Profil läuft ein Peerlink.</translation>
    </message>
    <message>
        <source>Keep the profile in the folder &lt;dir&gt; instead of the user&apos;s data folder.</source>
        <translation>Das Profil im Ordner &lt;dir&gt; statt im Datenordner des Benutzers ablegen.</translation>
    </message>
    <message>
        <source>Peerlink cannot start</source>
        <translation>Peerlink kann nicht starten</translation>
    </message>
    <message>
        <source>“%1” is not a profile name: use letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;.</source>
        <translation>„%1“ ist kein Profilname: Verwenden Sie Buchstaben, Ziffern, &apos;-&apos;, &apos;_&apos; und &apos;.&apos;.</translation>
    </message>
</context>
</TS>
