// ChatStanza: the chat's XMPP message stanzas (the server path). parse() reads what Peerlink
// uses from a <message/>: body, XEP-0359 origin-id, XEP-0184 receipts, XEP-0333 markers,
// XEP-0085 chat states, XEP-0308 corrections (with Peerlink's revision number), XEP-0203
// delay, and stanza errors. The builders make the stanzas Peerlink sends. Element classes only
// parse and write; ChatService runs the flows. Private to core/chat (exposes QXmpp types).
#pragma once

#include "core/chat/ChatState.h"

#include <QDateTime>
#include <QDomElement>
#include <QString>
#include <QXmppMessage.h>

#include <optional>

namespace Peerlink {

class ChatStanza
{
public:
    // Peerlink's namespace for the revision of a corrected message:
    // <correction xmlns='urn:peerlink:chat:0' revision='2'/>.
    static QString peerlinkNamespace();

    // What a received <message/> carries.
    QString from;
    QString to;
    QString type; // chat, normal (also when absent), error, groupchat, headline
    QString stanzaId; // the id attribute
    QString originId; // XEP-0359 <origin-id/>
    bool hasBody = false;
    QString body;
    bool receiptRequested = false; // XEP-0184 <request/>
    QString receiptFor; // XEP-0184 <received id/>
    bool markable = false; // XEP-0333 <markable/>
    QString displayedId; // XEP-0333 <displayed id/>
    std::optional<ChatState> chatState; // XEP-0085
    QString replaceId; // XEP-0308 <replace id/>
    int revision = -1; // Peerlink <correction revision/>; -1: none (or malformed)
    QDateTime delayStamp; // XEP-0203 <delay stamp/>
    // type == "error": the condition element name, the error type and text.
    QString errorCondition;
    QString errorType;
    QString errorText;

    static ChatStanza parse(const QDomElement &message);

    // The id that makes the message unique: origin-id, else the stanza id.
    QString messageId() const { return originId.isEmpty() ? stanzaId : originId; }
    bool isError() const { return type == u"error"; }

    // A chat message (or, with replaceId, a XEP-0308 correction) with a receipt request, the
    // markable marker and the active chat state. The stanza id and origin-id are `stanzaId`.
    static QXmppMessage message(const QString &to, const QString &stanzaId, const QString &text, int revision,
                                const QString &replaceId = {});
    static QXmppMessage receipt(const QString &to, const QString &receivedId);
    static QXmppMessage displayed(const QString &to, const QString &displayedId);
    static QXmppMessage chatStateNotification(const QString &to, ChatState state);
    // An error answer to a message: condition is a RFC 6120 condition; text in English.
    static QXmppMessage errorReply(const QString &to, const QString &id, QXmppStanza::Error::Type type,
                                   QXmppStanza::Error::Condition condition, const QString &text);
};

} // namespace Peerlink
