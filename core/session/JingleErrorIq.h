// JingleErrorIq: an IQ error answering a Jingle request, with the XEP-0166 application condition
// (<unknown-session/>, <tie-break/>, <out-of-order/>) that QXmppStanza::Error cannot carry.
#pragma once

#include <QString>
#include <QXmppIq.h>

namespace Peerlink {

class JingleErrorIq : public QXmppIq
{
public:
    enum class Condition {
        BadRequest, // malformed request: <bad-request/>
        UnknownSession, // <item-not-found/> + <unknown-session/>
        TieBreak, // <conflict/> + <tie-break/>: both sides initiated, ours wins
        OutOfOrder, // <unexpected-request/> + <out-of-order/>
        NotAuthorized, // <service-unavailable/>: not a contact (says no more than an absent client)
    };

    // Answers the request with id `id` from `to`.
    JingleErrorIq(const QString &to, const QString &id, Condition condition, const QString &text = {});

    Condition condition() const { return m_condition; }
    QString text() const { return m_text; }

    void toXmlElementFromChild(QXmlStreamWriter *writer) const override;

private:
    Condition m_condition;
    QString m_text;
};

} // namespace Peerlink
