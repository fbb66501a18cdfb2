// JingleIq: a XEP-0166 <jingle/> request (an IQ of type set) as Peerlink sends and receives it.
// Parsing is strict: after parse(), parseResult() tells whether the stanza is usable and
// parseError() says what was wrong. Session managers (core/session) run the flows.
#pragma once

#include "core/xmpp/JingleContent.h"
#include "core/xmpp/JingleParseResult.h"
#include "core/xmpp/JingleReason.h"

#include <QList>
#include <QString>
#include <QXmppIq.h>

#include <optional>

namespace Peerlink {

class JingleIq : public QXmppIq
{
public:
    static constexpr qsizetype MaxContents = 64;
    static constexpr qsizetype MaxSidLength = 128;
    static constexpr qsizetype MaxJidLength = 3071; // RFC 7622: three parts of at most 1023 bytes

    enum class Action {
        ContentAccept,
        ContentAdd,
        ContentModify,
        ContentReject,
        ContentRemove,
        DescriptionInfo,
        SecurityInfo,
        SessionAccept,
        SessionInfo,
        SessionInitiate,
        SessionTerminate,
        TransportAccept,
        TransportInfo,
        TransportReject,
        TransportReplace,
    };

    JingleIq(); // type set, a fresh stanza id

    Action action() const { return m_action; }
    void setAction(Action action) { m_action = action; }
    QString sid() const { return m_sid; }
    void setSid(const QString &sid) { m_sid = sid; }
    // Full JIDs; Peerlink sends the initiator in session-initiate, the responder in session-accept.
    QString initiator() const { return m_initiator; }
    void setInitiator(const QString &jid) { m_initiator = jid; }
    QString responder() const { return m_responder; }
    void setResponder(const QString &jid) { m_responder = jid; }
    QList<JingleContent> contents() const { return m_contents; }
    void setContents(const QList<JingleContent> &contents) { m_contents = contents; }
    void addContent(const JingleContent &content) { m_contents.append(content); }
    std::optional<JingleReason> reason() const { return m_reason; }
    void setReason(const std::optional<JingleReason> &reason) { m_reason = reason; }
    // For session-info: "{namespace}name" of the first payload element, empty for a plain ping.
    // Peerlink sends no payloads; a manager answers unknown ones with <unsupported-info/>.
    QString sessionInfoPayload() const { return m_sessionInfoPayload; }

    JingleParseResult parseResult() const { return m_parseResult; }
    QString parseError() const { return m_parseError; }
    bool isValid() const { return m_parseResult == JingleParseResult::Ok; }

    // The rules parse() applies to the whole request (required attributes and contents per
    // action, limits, unique content names); use before sending a request built in code.
    bool validate(QString *error) const;

    static QString actionName(Action action);
    static std::optional<Action> parseActionName(QStringView name);
    // True for an <iq/> with a <jingle xmlns='urn:xmpp:jingle:1'/> child.
    static bool isJingleIq(const QDomElement &element);

protected:
    void parseElementFromChild(const QDomElement &element) override;
    void toXmlElementFromChild(QXmlStreamWriter *writer) const override;

private:
    void fail(JingleParseResult result, const QString &error);

    Action m_action = Action::SessionInitiate;
    QString m_sid;
    QString m_initiator;
    QString m_responder;
    QList<JingleContent> m_contents;
    std::optional<JingleReason> m_reason;
    QString m_sessionInfoPayload;
    JingleParseResult m_parseResult = JingleParseResult::Ok;
    QString m_parseError;
};

} // namespace Peerlink
