#include "core/chat/ChatStanza_p.h"

#include <QDomDocument>
#include <QXmppElement.h>
#include <QXmppUtils.h>

namespace Peerlink {

namespace {

const QString NsReceipts = QStringLiteral("urn:xmpp:receipts");
const QString NsMarkers = QStringLiteral("urn:xmpp:chat-markers:0");
const QString NsChatStates = QStringLiteral("http://jabber.org/protocol/chatstates");
const QString NsCorrection = QStringLiteral("urn:xmpp:message-correct:0");
const QString NsStanzaId = QStringLiteral("urn:xmpp:sid:0");
const QString NsDelay = QStringLiteral("urn:xmpp:delay");
const QString NsStanzas = QStringLiteral("urn:ietf:params:xml:ns:xmpp-stanzas");
const QString NsClient = QStringLiteral("jabber:client");

QXmppMessage::State qxmppState(ChatState state)
{
    switch (state) {
    case ChatState::Active:
        return QXmppMessage::Active;
    case ChatState::Composing:
        return QXmppMessage::Composing;
    case ChatState::Paused:
        return QXmppMessage::Paused;
    case ChatState::Inactive:
        return QXmppMessage::Inactive;
    case ChatState::Gone:
        return QXmppMessage::Gone;
    }
    return QXmppMessage::Active;
}

// A revision attribute: ASCII digits, no sign, no leading zeros, within int.
int parseRevision(const QString &text)
{
    if (text.isEmpty() || text.size() > 9 || (text.size() > 1 && text.startsWith(u'0')))
        return -1;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return -1;
    }
    return text.toInt();
}

} // namespace

QString ChatStanza::peerlinkNamespace()
{
    return QStringLiteral("urn:peerlink:chat:0");
}

ChatStanza ChatStanza::parse(const QDomElement &message)
{
    ChatStanza s;
    s.from = message.attribute(QStringLiteral("from"));
    s.to = message.attribute(QStringLiteral("to"));
    s.type = message.attribute(QStringLiteral("type"), QStringLiteral("normal"));
    s.stanzaId = message.attribute(QStringLiteral("id"));
    for (QDomElement child = message.firstChildElement(); !child.isNull(); child = child.nextSiblingElement()) {
        const QString ns = child.namespaceURI();
        const QString name = child.localName().isEmpty() ? child.tagName() : child.localName();
        if (name == u"body" && (ns.isEmpty() || ns == NsClient)) {
            // Several bodies in other languages: the first one is used.
            if (!s.hasBody) {
                s.hasBody = true;
                s.body = child.text();
            }
        } else if (ns == NsReceipts) {
            if (name == u"request")
                s.receiptRequested = true;
            else if (name == u"received")
                s.receiptFor = child.attribute(QStringLiteral("id"));
        } else if (ns == NsMarkers) {
            if (name == u"markable")
                s.markable = true;
            else if (name == u"displayed")
                s.displayedId = child.attribute(QStringLiteral("id"));
        } else if (ns == NsChatStates) {
            s.chatState = chatStateFromName(name);
        } else if (ns == NsCorrection && name == u"replace") {
            s.replaceId = child.attribute(QStringLiteral("id"));
        } else if (ns == peerlinkNamespace() && name == u"correction") {
            s.revision = parseRevision(child.attribute(QStringLiteral("revision")));
        } else if (ns == NsStanzaId && name == u"origin-id") {
            s.originId = child.attribute(QStringLiteral("id"));
        } else if (ns == NsDelay && name == u"delay") {
            s.delayStamp = QXmppUtils::datetimeFromString(child.attribute(QStringLiteral("stamp")));
        } else if (name == u"error" && (ns.isEmpty() || ns == NsClient)) {
            s.errorType = child.attribute(QStringLiteral("type"));
            for (QDomElement e = child.firstChildElement(); !e.isNull(); e = e.nextSiblingElement()) {
                if (e.namespaceURI() != NsStanzas)
                    continue;
                const QString n = e.localName().isEmpty() ? e.tagName() : e.localName();
                if (n == u"text")
                    s.errorText = e.text();
                else if (s.errorCondition.isEmpty())
                    s.errorCondition = n;
            }
        }
    }
    return s;
}

QXmppMessage ChatStanza::message(const QString &to, const QString &stanzaId, const QString &text, int revision,
                                 const QString &replaceId)
{
    QXmppMessage m(QString(), to, text);
    m.setType(QXmppMessage::Chat);
    m.setId(stanzaId);
    m.setOriginId(stanzaId);
    m.setReceiptRequested(true);
    m.setMarkable(true);
    m.setState(QXmppMessage::Active);
    if (!replaceId.isEmpty())
        m.setReplaceId(replaceId);
    if (revision > 0) {
        QXmppElement correction;
        correction.setTagName(QStringLiteral("correction"));
        correction.setAttribute(QStringLiteral("xmlns"), peerlinkNamespace());
        correction.setAttribute(QStringLiteral("revision"), QString::number(revision));
        m.setExtensions({ correction });
    }
    return m;
}

QXmppMessage ChatStanza::receipt(const QString &to, const QString &receivedId)
{
    QXmppMessage m(QString(), to);
    m.setType(QXmppMessage::Chat);
    m.setId(QXmppUtils::generateStanzaUuid());
    m.setReceiptId(receivedId);
    return m;
}

QXmppMessage ChatStanza::displayed(const QString &to, const QString &displayedId)
{
    QXmppMessage m(QString(), to);
    m.setType(QXmppMessage::Chat);
    m.setId(QXmppUtils::generateStanzaUuid());
    m.setMarker(QXmppMessage::Displayed);
    m.setMarkerId(displayedId);
    m.addHint(QXmppMessage::Store);
    return m;
}

QXmppMessage ChatStanza::chatStateNotification(const QString &to, ChatState state)
{
    QXmppMessage m(QString(), to);
    m.setType(QXmppMessage::Chat);
    m.setId(QXmppUtils::generateStanzaUuid());
    m.setState(qxmppState(state));
    m.addHint(QXmppMessage::NoStore);
    return m;
}

QXmppMessage ChatStanza::errorReply(const QString &to, const QString &id, QXmppStanza::Error::Type type,
                                    QXmppStanza::Error::Condition condition, const QString &text)
{
    QXmppMessage m(QString(), to);
    m.setType(QXmppMessage::Error);
    m.setId(id);
    m.setError(QXmppStanza::Error(type, condition, text));
    return m;
}

} // namespace Peerlink
