// Format: how Peerlink puts numbers, states and network terms into words for the UI
// (translated, in the user's locale). Stateless helpers.
#pragma once

#include "core/chat/ChatMessage.h"
#include "core/ice/IceCandidate.h"
#include "core/transfer/Transfer.h"
#include "core/xmpp/RosterContact.h"
#include "ui/backend/ConnectionInfo.h"

#include <QColor>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace Peerlink {

class Format
{
    Q_DECLARE_TR_FUNCTIONS(Peerlink::Format)

public:
    static QString bytes(qint64 bytes);
    static QString speed(double bytesPerSecond);
    static QString duration(qint64 seconds);
    static QString rtt(int milliseconds);

    // The name to show for a contact: the roster name, else the user part of the JID.
    static QString displayName(const RosterContact &contact);
    static QString displayName(const QString &name, const QString &bareJid);
    // Up to two letters for an avatar: "Alice Martin" -> "AM", "bob@example.org" -> "B".
    static QString initials(const QString &name);

    static QString availability(RosterContact::Availability availability);
    // Presence in words, with the status text: "Away: in a meeting".
    static QString presence(const RosterContact &contact);
    static QColor availabilityColor(RosterContact::Availability availability);

    static QString route(ConnectionInfo::Route route);
    static QString phase(ConnectionInfo::Phase phase, const QString &contactName);
    // What the Connect button says.
    static QString connectButtonText(const ConnectionInfo &info);
    // One sentence about the connection, for tooltips and status lines.
    static QString connectionSummary(const ConnectionInfo &info, const QString &contactName);

    static QString candidateType(IceCandidate::Type type);
    static QString candidateTransport(const IceCandidate &candidate);
    static QString candidateAddress(const IceCandidate &candidate);

    static QString messageState(ChatMessage::State state);
    static QString messagePath(ChatMessage::Path path);
    static QString messageTime(const QDateTime &time);
    // "Today", "Yesterday", or the date.
    static QString day(const QDate &date);

    // The second line of a transfer: progress, speed, time left, or its state.
    static QString transferStatus(const Transfer &transfer, const QString &contactName);
    static QString transferState(Transfer::State state);
};

} // namespace Peerlink
