#include "core/xmpp/JingleIq.h"

#include "core/xmpp/JingleNamespaces.h"
#include "core/xmpp/JingleXml.h"

#include <QDomElement>
#include <QXmlStreamWriter>

#include <array>

using namespace Qt::StringLiterals;

namespace Peerlink {

namespace {

constexpr QStringView context = u"Jingle request";

using A = JingleIq::Action;
struct ActionEntry
{
    A action;
    QLatin1StringView name;
};

constexpr std::array<ActionEntry, 15> actionNames { {
    { A::ContentAccept, QLatin1StringView("content-accept") },
    { A::ContentAdd, QLatin1StringView("content-add") },
    { A::ContentModify, QLatin1StringView("content-modify") },
    { A::ContentReject, QLatin1StringView("content-reject") },
    { A::ContentRemove, QLatin1StringView("content-remove") },
    { A::DescriptionInfo, QLatin1StringView("description-info") },
    { A::SecurityInfo, QLatin1StringView("security-info") },
    { A::SessionAccept, QLatin1StringView("session-accept") },
    { A::SessionInfo, QLatin1StringView("session-info") },
    { A::SessionInitiate, QLatin1StringView("session-initiate") },
    { A::SessionTerminate, QLatin1StringView("session-terminate") },
    { A::TransportAccept, QLatin1StringView("transport-accept") },
    { A::TransportInfo, QLatin1StringView("transport-info") },
    { A::TransportReject, QLatin1StringView("transport-reject") },
    { A::TransportReplace, QLatin1StringView("transport-replace") },
} };

QDomElement jingleChild(const QDomElement &iq)
{
    for (QDomElement child = iq.firstChildElement(); !child.isNull(); child = child.nextSiblingElement()) {
        if (JingleXml::isElement(child, u"jingle", JingleNamespaces::Jingle))
            return child;
    }
    return {};
}

bool isFullJid(const QString &jid)
{
    const qsizetype slash = jid.indexOf(u'/');
    return slash > 0 && slash < jid.size() - 1 && jid.size() <= JingleIq::MaxJidLength && JingleXml::isPrintable(jid)
        && !jid.first(slash).contains(u' ');
}

bool needsDescriptionAndTransport(A action)
{
    return action == A::SessionInitiate || action == A::SessionAccept || action == A::ContentAdd
        || action == A::ContentAccept;
}

bool needsTransport(A action)
{
    return action == A::TransportInfo || action == A::TransportAccept || action == A::TransportReject
        || action == A::TransportReplace;
}

bool needsContents(A action)
{
    return action != A::SessionTerminate && action != A::SessionInfo;
}

} // namespace

JingleIq::JingleIq()
    : QXmppIq(QXmppIq::Set)
{ }

QString JingleIq::actionName(Action action)
{
    for (const ActionEntry &entry : actionNames) {
        if (entry.action == action)
            return entry.name;
    }
    return {};
}

std::optional<JingleIq::Action> JingleIq::parseActionName(QStringView name)
{
    for (const ActionEntry &entry : actionNames) {
        if (name == entry.name)
            return entry.action;
    }
    return std::nullopt;
}

bool JingleIq::isJingleIq(const QDomElement &element)
{
    return JingleXml::localName(element) == u"iq" && !jingleChild(element).isNull();
}

void JingleIq::fail(JingleParseResult result, const QString &error)
{
    m_parseResult = result;
    m_parseError = error;
}

void JingleIq::parseElementFromChild(const QDomElement &element)
{
    m_action = Action::SessionInitiate;
    m_sid.clear();
    m_initiator.clear();
    m_responder.clear();
    m_contents.clear();
    m_reason.reset();
    m_sessionInfoPayload.clear();
    m_parseResult = JingleParseResult::Ok;
    m_parseError.clear();

    const QDomElement jingle = jingleChild(element);
    if (jingle.isNull())
        return fail(JingleParseResult::Malformed,
                    u"%1: the <jingle xmlns='%2'/> element is missing"_s.arg(context, JingleNamespaces::Jingle));
    if (type() != QXmppIq::Set)
        return fail(JingleParseResult::Malformed, u"%1: Jingle requests must be IQs of type set"_s.arg(context));

    QString error;
    QString text;
    if (!JingleXml::readString(jingle, context, u"action"_s, 1, 32, &text, &error))
        return fail(JingleParseResult::Malformed, error);
    const auto action = parseActionName(text);
    if (!action)
        return fail(JingleParseResult::Malformed,
                    u"%1: action %2 is not a Jingle action"_s.arg(context, JingleXml::quoted(text)));
    m_action = *action;
    if (!JingleXml::readString(jingle, context, u"sid"_s, 1, MaxSidLength, &m_sid, &error)
        || !JingleXml::readOptionalString(jingle, context, u"initiator"_s, 1, MaxJidLength, &m_initiator, &error)
        || !JingleXml::readOptionalString(jingle, context, u"responder"_s, 1, MaxJidLength, &m_responder, &error))
        return fail(JingleParseResult::Malformed, error);

    for (QDomElement child = jingle.firstChildElement(); !child.isNull(); child = child.nextSiblingElement()) {
        if (JingleContent::isContent(child)) {
            if (m_contents.size() == MaxContents)
                return fail(JingleParseResult::Malformed,
                            u"%1: more than %2 contents"_s.arg(context, QString::number(MaxContents)));
            JingleContent content;
            const JingleParseResult result = content.parse(child, &error);
            if (result != JingleParseResult::Ok)
                return fail(result, error);
            m_contents.append(content);
        } else if (JingleReason::isReason(child)) {
            if (m_reason)
                return fail(JingleParseResult::Malformed, u"%1: more than one <reason/>"_s.arg(context));
            JingleReason reason;
            if (!reason.parse(child, &error))
                return fail(JingleParseResult::Malformed, error);
            m_reason = reason;
        } else if (m_action == Action::SessionInfo && m_sessionInfoPayload.isEmpty()) {
            m_sessionInfoPayload = JingleXml::qualifiedName(child);
        }
    }
    if (!validate(&error))
        return fail(JingleParseResult::Malformed, error);
}

bool JingleIq::validate(QString *error) const
{
    const QString label = u"%1 (%2)"_s.arg(context, actionName(m_action));
    const auto failWith = [&](const QString &message) {
        *error = label + u": "_s + message;
        return false;
    };
    if (m_sid.size() > MaxSidLength || !JingleXml::isIdentifier(m_sid))
        return failWith(
            u"the session id must have 1 to %1 characters and no white space"_s.arg(QString::number(MaxSidLength)));
    if (!m_initiator.isEmpty() && !isFullJid(m_initiator))
        return failWith(u"initiator %1 is not a full JID"_s.arg(JingleXml::quoted(m_initiator)));
    if (!m_responder.isEmpty() && !isFullJid(m_responder))
        return failWith(u"responder %1 is not a full JID"_s.arg(JingleXml::quoted(m_responder)));
    if (m_action == Action::SessionInitiate && m_initiator.isEmpty())
        return failWith(u"the initiator is missing"_s);
    if (m_action == Action::SessionAccept && m_responder.isEmpty())
        return failWith(u"the responder is missing"_s);
    if (m_action == Action::SessionTerminate && !m_reason)
        return failWith(u"the <reason/> is missing"_s);
    if (m_contents.size() > MaxContents)
        return failWith(u"more than %1 contents"_s.arg(QString::number(MaxContents)));
    if (needsContents(m_action) && m_contents.isEmpty())
        return failWith(u"there is no <content/>"_s);

    qsizetype chatContents = 0;
    for (qsizetype i = 0; i < m_contents.size(); ++i) {
        const JingleContent &content = m_contents[i];
        const QString contentLabel = u"content '%1'"_s.arg(content.name);
        if (content.name.size() > JingleContent::MaxNameLength || !JingleXml::isIdentifier(content.name))
            return failWith(u"a content name must have 1 to %1 characters and no white space"_s.arg(
                QString::number(JingleContent::MaxNameLength)));
        for (qsizetype j = 0; j < i; ++j) {
            if (m_contents[j].name == content.name && m_contents[j].creator == content.creator)
                return failWith(u"two contents of the %1 are named %2"_s.arg(
                    JingleContent::creatorName(content.creator), JingleXml::quoted(content.name)));
        }
        if (needsDescriptionAndTransport(m_action) && (!content.hasDescription() || !content.hasTransport()))
            return failWith(contentLabel + u" needs a <description/> and a <transport/>"_s);
        if (needsTransport(m_action) && !content.hasTransport())
            return failWith(contentLabel + u" needs a <transport/>"_s);
        if (content.chatDescription()) {
            ++chatContents;
            if (content.hasTransport() && !content.iceTransport())
                return failWith(contentLabel + u": the chat channel needs an ICE-UDP transport"_s);
        }
        if (content.fileDescription() && content.hasTransport() && !content.quicStreamTransport())
            return failWith(contentLabel + u": a file needs a QUIC stream transport"_s);
        if (const JingleIceTransport *ice = content.iceTransport()) {
            for (const JingleCandidate &candidate : ice->candidates) {
                QString candidateError;
                if (!candidate.validate(&candidateError))
                    return failWith(contentLabel + u": "_s + candidateError);
            }
            if (ice->fingerprint) {
                QString fingerprintError;
                if (!ice->fingerprint->validate(&fingerprintError))
                    return failWith(contentLabel + u": "_s + fingerprintError);
            }
        }
    }
    if (chatContents > 1)
        return failWith(u"more than one chat content"_s);
    if (m_action == Action::SessionInitiate || m_action == Action::SessionAccept) {
        if (chatContents != 1)
            return failWith(u"the chat content is missing"_s);
        for (const JingleContent &content : m_contents) {
            const JingleIceTransport *ice = content.iceTransport();
            if (!content.chatDescription() || !ice)
                continue;
            if (!ice->hasCredentials())
                return failWith(u"the chat transport has no ufrag and pwd"_s);
            if (!ice->fingerprint)
                return failWith(u"the chat transport has no certificate fingerprint"_s);
            const bool initiate = m_action == Action::SessionInitiate;
            if (initiate != (ice->fingerprint->setup == JingleFingerprint::Setup::ActPass))
                return failWith(initiate ? u"the initiator's fingerprint setup must be actpass"_s
                                         : u"the responder's fingerprint setup must be active or passive"_s);
        }
    }
    return true;
}

void JingleIq::toXmlElementFromChild(QXmlStreamWriter *writer) const
{
    writer->writeStartElement(u"jingle"_s);
    writer->writeDefaultNamespace(JingleNamespaces::Jingle);
    writer->writeAttribute(u"action"_s, actionName(m_action));
    if (!m_initiator.isEmpty())
        writer->writeAttribute(u"initiator"_s, m_initiator);
    if (!m_responder.isEmpty())
        writer->writeAttribute(u"responder"_s, m_responder);
    writer->writeAttribute(u"sid"_s, m_sid);
    for (const JingleContent &content : m_contents)
        content.toXml(writer);
    if (m_reason)
        m_reason->toXml(writer);
    writer->writeEndElement();
}

} // namespace Peerlink
