#include "ui/Format.h"

#include <QLocale>
#include <QRegularExpression>

namespace Peerlink {

QString Format::bytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, bytes < 1000 ? 0 : 1, QLocale::DataSizeSIFormat);
}

QString Format::speed(double bytesPerSecond)
{
    return tr("%1/s").arg(bytes(qint64(bytesPerSecond)));
}

QString Format::duration(qint64 seconds)
{
    if (seconds < 0)
        return {};
    if (seconds < 60)
        return tr("%n s", nullptr, int(seconds));
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    if (seconds < 86400)
        return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
    return tr("%n day(s)", nullptr, int(seconds / 86400));
}

QString Format::rtt(int milliseconds)
{
    if (milliseconds < 0)
        return {};
    return milliseconds == 0 ? tr("< 1 ms") : tr("%1 ms").arg(milliseconds);
}

QString Format::displayName(const RosterContact &contact)
{
    return displayName(contact.name, contact.bareJid);
}

QString Format::displayName(const QString &name, const QString &bareJid)
{
    if (!name.trimmed().isEmpty())
        return name.trimmed();
    const qsizetype at = bareJid.indexOf(u'@');
    return at > 0 ? bareJid.left(at) : bareJid;
}

QString Format::initials(const QString &name)
{
    QString clean = name;
    if (const qsizetype at = clean.indexOf(u'@'); at > 0)
        clean = clean.left(at);
    const QStringList words = clean.split(QRegularExpression(QStringLiteral("[\\s._-]+")), Qt::SkipEmptyParts);
    QString result;
    for (const QString &word : words) {
        if (result.size() == 2)
            break;
        result.append(word.at(0).toUpper());
    }
    return result.isEmpty() ? QStringLiteral("?") : result;
}

QString Format::availability(RosterContact::Availability availability)
{
    switch (availability) {
    case RosterContact::Availability::Offline:
        return tr("Offline");
    case RosterContact::Availability::Online:
        return tr("Online");
    case RosterContact::Availability::Chat:
        return tr("Free to chat");
    case RosterContact::Availability::Away:
        return tr("Away");
    case RosterContact::Availability::ExtendedAway:
        return tr("Away for a while");
    case RosterContact::Availability::DoNotDisturb:
        return tr("Do not disturb");
    }
    return {};
}

QString Format::presence(const RosterContact &contact)
{
    if (!contact.isMutual() && contact.subscriptionPending)
        return tr("Waiting for approval");
    if (contact.subscription == RosterContact::Subscription::None
        || contact.subscription == RosterContact::Subscription::From)
        return tr("Not sharing presence");
    const QString text = availability(contact.availability);
    return contact.statusText.trimmed().isEmpty() ? text : tr("%1: %2").arg(text, contact.statusText.trimmed());
}

QColor Format::availabilityColor(RosterContact::Availability availability)
{
    switch (availability) {
    case RosterContact::Availability::Online:
    case RosterContact::Availability::Chat:
        return QColor(0x2d, 0xa4, 0x4e);
    case RosterContact::Availability::Away:
        return QColor(0xe3, 0xa0, 0x08);
    case RosterContact::Availability::ExtendedAway:
        return QColor(0xdb, 0x6d, 0x28);
    case RosterContact::Availability::DoNotDisturb:
        return QColor(0xcf, 0x22, 0x2e);
    case RosterContact::Availability::Offline:
        break;
    }
    return QColor(0x8c, 0x95, 0x9f);
}

QString Format::route(ConnectionInfo::Route route)
{
    switch (route) {
    case ConnectionInfo::Route::Direct:
        return tr("Direct");
    case ConnectionInfo::Route::Upnp:
        return tr("Direct (UPnP)");
    case ConnectionInfo::Route::Relayed:
        return tr("Relayed");
    case ConnectionInfo::Route::Unknown:
        break;
    }
    return tr("Unknown");
}

QString Format::phase(ConnectionInfo::Phase phase, const QString &contactName)
{
    switch (phase) {
    case ConnectionInfo::Phase::Inviting:
        return tr("Waiting for %1 to answer…").arg(contactName);
    case ConnectionInfo::Phase::Checking:
        return tr("Looking for a path to %1…").arg(contactName);
    case ConnectionInfo::Phase::Securing:
        return tr("Securing the connection…");
    case ConnectionInfo::Phase::None:
        break;
    }
    return tr("Connecting…");
}

QString Format::connectButtonText(const ConnectionInfo &info)
{
    switch (info.state) {
    case ConnectionInfo::State::Idle:
        return tr("Connect");
    case ConnectionInfo::State::Connecting:
        return tr("Connecting…");
    case ConnectionInfo::State::Connected:
        return info.rttMs >= 0 ? tr("%1 · %2").arg(route(info.route), rtt(info.rttMs)) : route(info.route);
    case ConnectionInfo::State::Failed:
        return tr("Retry");
    }
    return {};
}

QString Format::connectionSummary(const ConnectionInfo &info, const QString &contactName)
{
    switch (info.state) {
    case ConnectionInfo::State::Idle:
        return tr("Not connected. Connect to chat and send files directly to %1.").arg(contactName);
    case ConnectionInfo::State::Connecting:
        return phase(info.phase, contactName);
    case ConnectionInfo::State::Connected: {
        QString text;
        switch (info.route) {
        case ConnectionInfo::Route::Relayed:
            text = tr("Connected to %1 through a relay server (end-to-end encrypted).").arg(contactName);
            break;
        case ConnectionInfo::Route::Upnp:
            text = tr("Connected directly to %1 through a port opened on your router (UPnP), end-to-end encrypted.")
                       .arg(contactName);
            break;
        default:
            text = tr("Connected directly to %1, end-to-end encrypted.").arg(contactName);
            break;
        }
        if (info.rttMs >= 0)
            text += u' ' + tr("Round trip: %1.").arg(rtt(info.rttMs));
        return text;
    }
    case ConnectionInfo::State::Failed:
        return info.error.isEmpty() ? tr("The connection to %1 failed.").arg(contactName) : info.error;
    }
    return {};
}

QString Format::candidateType(IceCandidate::Type type)
{
    switch (type) {
    case IceCandidate::Type::Host:
        return tr("Local address");
    case IceCandidate::Type::ServerReflexive:
        return tr("Public address (STUN)");
    case IceCandidate::Type::PeerReflexive:
        return tr("Public address (seen by peer)");
    case IceCandidate::Type::Relayed:
        return tr("Relay (TURN)");
    }
    return {};
}

QString Format::candidateTransport(const IceCandidate &candidate)
{
    QString text;
    switch (candidate.transport) {
    case IceCandidate::Transport::Udp:
        text = QStringLiteral("UDP");
        break;
    case IceCandidate::Transport::TcpActive:
        text = QStringLiteral("TCP (active)");
        break;
    case IceCandidate::Transport::TcpPassive:
        text = QStringLiteral("TCP (passive)");
        break;
    case IceCandidate::Transport::TcpSimultaneousOpen:
        text = QStringLiteral("TCP (simultaneous open)");
        break;
    }
    switch (candidate.relayTransport) {
    case IceCandidate::RelayTransport::Tcp:
        text += tr(", relay reached over TCP");
        break;
    case IceCandidate::RelayTransport::Tls:
        text += tr(", relay reached over TLS");
        break;
    default:
        break;
    }
    if (candidate.viaUpnp)
        text += tr(", mapped with UPnP");
    return text;
}

QString Format::candidateAddress(const IceCandidate &candidate)
{
    const QString address = candidate.address.protocol() == QAbstractSocket::IPv6Protocol
        ? u'[' + candidate.address.toString() + u']'
        : candidate.address.toString();
    return address + u':' + QString::number(candidate.port);
}

QString Format::messageState(ChatMessage::State state)
{
    switch (state) {
    case ChatMessage::State::Pending:
        return tr("Waiting to be sent");
    case ChatMessage::State::Sent:
        return tr("Sent");
    case ChatMessage::State::Delivered:
        return tr("Delivered");
    case ChatMessage::State::Read:
        return tr("Read");
    case ChatMessage::State::Failed:
        return tr("Not sent");
    }
    return {};
}

QString Format::messagePath(ChatMessage::Path path)
{
    switch (path) {
    case ChatMessage::Path::PeerToPeer:
        return tr("P2P");
    case ChatMessage::Path::Server:
        return tr("via server");
    case ChatMessage::Path::None:
        break;
    }
    return {};
}

QString Format::messageTime(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime().time(), QLocale::ShortFormat);
}

QString Format::day(const QDate &date)
{
    const QDate today = QDate::currentDate();
    if (date == today)
        return tr("Today");
    if (date == today.addDays(-1))
        return tr("Yesterday");
    return QLocale().toString(date, QLocale::LongFormat);
}

QString Format::transferState(Transfer::State state)
{
    switch (state) {
    case Transfer::State::Preparing:
        return tr("Preparing");
    case Transfer::State::Offered:
        return tr("Waiting");
    case Transfer::State::Running:
        return tr("Transferring");
    case Transfer::State::Paused:
        return tr("Paused");
    case Transfer::State::Interrupted:
        return tr("Interrupted");
    case Transfer::State::Verifying:
        return tr("Verifying");
    case Transfer::State::Completed:
        return tr("Completed");
    case Transfer::State::Failed:
        return tr("Failed");
    case Transfer::State::Cancelled:
        return tr("Cancelled");
    case Transfer::State::Declined:
        return tr("Declined");
    }
    return {};
}

QString Format::transferStatus(const Transfer &transfer, const QString &contactName)
{
    const bool incoming = transfer.direction == Transfer::Direction::Incoming;
    const QString progress = tr("%1 of %2").arg(bytes(transfer.bytesDone), bytes(transfer.size));
    switch (transfer.state) {
    case Transfer::State::Preparing:
        return incoming ? tr("Preparing the download…") : tr("Computing the checksum…");
    case Transfer::State::Offered:
        return incoming ? tr("%1 offers this file (%2)").arg(contactName, bytes(transfer.size))
                        : tr("Waiting for %1 to accept (%2)").arg(contactName, bytes(transfer.size));
    case Transfer::State::Running: {
        QString text = progress;
        if (transfer.bytesPerSecond > 0)
            text += QStringLiteral(" · ") + speed(transfer.bytesPerSecond);
        if (transfer.secondsLeft >= 0)
            text += QStringLiteral(" · ") + tr("%1 left").arg(duration(transfer.secondsLeft));
        return text;
    }
    case Transfer::State::Paused:
        if (transfer.pausedByPeer && !transfer.pausedLocally)
            return tr("Paused by %1 · %2").arg(contactName, progress);
        return tr("Paused · %1").arg(progress);
    case Transfer::State::Interrupted:
        return tr("Interrupted · %1 · continues when %2 is reachable").arg(progress, contactName);
    case Transfer::State::Verifying:
        return incoming ? tr("Checking the file…") : tr("Waiting for %1 to check the file…").arg(contactName);
    case Transfer::State::Completed:
        return incoming ? tr("Received %1 from %2").arg(bytes(transfer.size), contactName)
                        : tr("Sent %1 to %2").arg(bytes(transfer.size), contactName);
    case Transfer::State::Failed:
        return transfer.error.isEmpty() ? tr("Failed") : tr("Failed: %1").arg(transfer.error);
    case Transfer::State::Cancelled:
        return tr("Cancelled");
    case Transfer::State::Declined:
        return incoming ? tr("Declined") : tr("%1 declined the file").arg(contactName);
    }
    return {};
}

} // namespace Peerlink
