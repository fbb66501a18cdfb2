#include "core/session/JingleErrorIq.h"

#include "core/xmpp/JingleNamespaces.h"

#include <QXmlStreamWriter>

namespace Peerlink {

JingleErrorIq::JingleErrorIq(const QString &to, const QString &id, Condition condition, const QString &text)
    : QXmppIq(QXmppIq::Error)
    , m_condition(condition)
    , m_text(text)
{
    setTo(to);
    setId(id);
}

void JingleErrorIq::toXmlElementFromChild(QXmlStreamWriter *writer) const
{
    static const QString stanzas = QStringLiteral("urn:ietf:params:xml:ns:xmpp-stanzas");
    QString type = QStringLiteral("cancel");
    QString defined;
    QString application;
    switch (m_condition) {
    case Condition::BadRequest:
        type = QStringLiteral("modify");
        defined = QStringLiteral("bad-request");
        break;
    case Condition::UnknownSession:
        defined = QStringLiteral("item-not-found");
        application = QStringLiteral("unknown-session");
        break;
    case Condition::TieBreak:
        defined = QStringLiteral("conflict");
        application = QStringLiteral("tie-break");
        break;
    case Condition::OutOfOrder:
        type = QStringLiteral("wait");
        defined = QStringLiteral("unexpected-request");
        application = QStringLiteral("out-of-order");
        break;
    case Condition::NotAuthorized:
        defined = QStringLiteral("service-unavailable");
        break;
    }
    writer->writeStartElement(QStringLiteral("error"));
    writer->writeAttribute(QStringLiteral("type"), type);
    writer->writeStartElement(defined);
    writer->writeDefaultNamespace(stanzas);
    writer->writeEndElement();
    if (!m_text.isEmpty()) {
        writer->writeStartElement(QStringLiteral("text"));
        writer->writeDefaultNamespace(stanzas);
        writer->writeCharacters(m_text);
        writer->writeEndElement();
    }
    if (!application.isEmpty()) {
        writer->writeStartElement(application);
        writer->writeDefaultNamespace(QString(JingleNamespaces::JingleErrors));
        writer->writeEndElement();
    }
    writer->writeEndElement();
}

} // namespace Peerlink
