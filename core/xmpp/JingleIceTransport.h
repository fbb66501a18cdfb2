// JingleIceTransport: the XEP-0176 ICE-UDP <transport/> of a content: ICE credentials, candidates
// (complete, or one at a time when trickled in transport-info) and the XEP-0320 certificate
// fingerprint. New credentials in a transport-info mean an ICE restart.
#pragma once

#include "core/xmpp/JingleCandidate.h"
#include "core/xmpp/JingleFingerprint.h"

#include <QList>
#include <QString>

#include <optional>

class QDomElement;
class QXmlStreamWriter;

namespace Peerlink {

struct JingleIceTransport
{
    static constexpr qsizetype MaxCandidates = 128;
    static constexpr qsizetype MinUfragLength = 4; // RFC 8445 section 5.3
    static constexpr qsizetype MinPwdLength = 22;
    static constexpr qsizetype MaxCredentialLength = 256;

    QString ufrag; // empty (together with pwd) when the transport carries no credentials
    QString pwd;
    std::optional<JingleFingerprint> fingerprint;
    QList<JingleCandidate> candidates;

    bool hasCredentials() const { return !ufrag.isEmpty(); }

    static bool isTransport(const QDomElement &element);
    // Unknown child elements (such as <remote-candidate/>) are ignored.
    bool parse(const QDomElement &element, QString *error);
    void toXml(QXmlStreamWriter *writer) const;

    bool operator==(const JingleIceTransport &other) const = default;
};

} // namespace Peerlink
