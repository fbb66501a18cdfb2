#include "FakeBackend.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFileInfo>
#include <QPointer>
#include <QTimer>
#include <QUuid>

namespace Peerlink::Test {

// ---------------------------------------------------------------- account

void FakeAccountController::signIn(const AccountConfig &config)
{
    signIns.append(config);
    m_config = config;
    m_problem = Problem::None;
    m_problemText.clear();
    setStatus(Status::Connecting);
}

void FakeAccountController::signOut()
{
    setStatus(Status::SignedOut);
}

void FakeAccountController::trustCertificateOnce()
{
    ++trustedOnce;
    m_problem = Problem::None;
    setStatus(Status::Connecting);
}

void FakeAccountController::pinCertificate()
{
    m_config.pinnedCertificates.append(m_certificate.sha256());
    Q_EMIT pinnedCertificatesChanged();
    m_problem = Problem::None;
    setStatus(Status::Connecting);
}

void FakeAccountController::setStatus(Status status)
{
    if (status == m_status)
        return;
    m_status = status;
    Q_EMIT statusChanged(status);
}

void FakeAccountController::fail(Problem problem, const QString &text)
{
    m_problem = problem;
    m_problemText = text;
    setStatus(Status::Failed);
    Q_EMIT problemOccurred(problem, text);
}

void FakeAccountController::rejectCertificate(const ServerCertificateProblem &problem)
{
    m_certificate = problem;
    fail(Problem::Certificate, problem.message());
    Q_EMIT certificateRejected(problem);
}

// ---------------------------------------------------------------- contacts

std::optional<RosterContact> FakeContactsSource::contact(const QString &bareJid) const
{
    const auto it = m_contacts.constFind(bareJid);
    if (it == m_contacts.cend())
        return std::nullopt;
    return *it;
}

bool FakeContactsSource::addContact(const QString &bareJid, const QString &name, QString *error)
{
    if (!bareJid.contains(u'@')) {
        if (error)
            *error = QStringLiteral("not an address");
        return false;
    }
    added.append(bareJid);
    RosterContact contact;
    contact.bareJid = bareJid;
    contact.name = name;
    contact.subscriptionPending = true;
    m_contacts.insert(bareJid, contact);
    Q_EMIT contactChanged(bareJid);
    return true;
}

bool FakeContactsSource::removeContact(const QString &bareJid)
{
    if (!m_contacts.remove(bareJid))
        return false;
    Q_EMIT contactRemoved(bareJid);
    return true;
}

bool FakeContactsSource::approveSubscription(const QString &bareJid)
{
    approved.append(bareJid);
    return true;
}

bool FakeContactsSource::refuseSubscription(const QString &)
{
    return true;
}

RosterContact FakeContactsSource::put(const QString &bareJid, const QString &name,
                                      RosterContact::Availability availability)
{
    RosterContact contact;
    contact.bareJid = bareJid;
    contact.name = name;
    contact.subscription = RosterContact::Subscription::Both;
    contact.availability = availability;
    if (availability != RosterContact::Availability::Offline)
        contact.resources = { QStringLiteral("desk") };
    m_contacts.insert(bareJid, contact);
    Q_EMIT contactChanged(bareJid);
    return contact;
}

// ---------------------------------------------------------------- connections

bool FakeConnectionController::connectToContact(const QString &bareJid, QString *error)
{
    connectRequests.append(bareJid);
    ConnectionInfo info;
    if (!refuseWith.isEmpty()) {
        info.state = ConnectionInfo::State::Failed;
        info.error = refuseWith;
        set(bareJid, info);
        if (error)
            *error = refuseWith;
        return false;
    }
    info.state = ConnectionInfo::State::Connecting;
    info.phase = ConnectionInfo::Phase::Inviting;
    set(bareJid, info);
    return true;
}

void FakeConnectionController::disconnectFromContact(const QString &bareJid)
{
    disconnectRequests.append(bareJid);
    set(bareJid, ConnectionInfo());
}

void FakeConnectionController::setNetworkSettings(const IceConfig &ice, bool useServerServices)
{
    appliedIce = ice;
    appliedUseServerServices = useServerServices;
    ++networkSettingsApplied;
}

void FakeConnectionController::set(const QString &bareJid, const ConnectionInfo &info)
{
    m_connections.insert(bareJid, info);
    Q_EMIT connectionChanged(bareJid);
}

// ---------------------------------------------------------------- chat

ChatMessage FakeChatSource::add(ChatMessage message)
{
    message.seq = m_nextSeq++;
    if (message.id.isEmpty())
        message.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!message.timestamp.isValid())
        message.timestamp = QDateTime::currentDateTimeUtc();
    m_messages.append(message);
    Q_EMIT messageAdded(message);
    if (!message.isOutgoing())
        Q_EMIT unreadChanged();
    return message;
}

QString FakeChatSource::send(const QString &bareJid, const QString &text, QString *error)
{
    if (text.trimmed().isEmpty()) {
        if (error)
            *error = QStringLiteral("The message is empty.");
        return {};
    }
    ChatMessage message;
    message.peer = bareJid;
    message.direction = ChatMessage::Direction::Outgoing;
    message.text = text;
    message.state = ChatMessage::State::Pending;
    return add(message).id;
}

bool FakeChatSource::correct(const QString &messageId, const QString &newText, QString *)
{
    for (ChatMessage &message : m_messages) {
        if (message.id == messageId) {
            message.text = newText;
            ++message.revision;
            Q_EMIT messageChanged(message);
            return true;
        }
    }
    return false;
}

bool FakeChatSource::retry(const QString &messageId, QString *)
{
    retried.append(messageId);
    return true;
}

void FakeChatSource::markRead(const QString &bareJid)
{
    bool changed = false;
    for (ChatMessage &message : m_messages) {
        if (message.peer == bareJid && !message.isOutgoing() && message.state != ChatMessage::State::Read) {
            message.state = ChatMessage::State::Read;
            Q_EMIT messageChanged(message);
            changed = true;
        }
    }
    if (changed)
        Q_EMIT unreadChanged();
}

void FakeChatSource::setTyping(const QString &bareJid, ChatState state)
{
    typingSent.append({ bareJid, state });
}

QList<ChatMessage> FakeChatSource::history(const QString &bareJid, int limit, qint64 beforeSeq) const
{
    QList<ChatMessage> result;
    for (const ChatMessage &message : m_messages) {
        if (message.peer == bareJid && (beforeSeq < 0 || message.seq < beforeSeq))
            result.append(message);
    }
    if (limit > 0 && result.size() > limit)
        result = result.mid(result.size() - limit);
    return result;
}

int FakeChatSource::unreadCount(const QString &bareJid) const
{
    int count = 0;
    for (const ChatMessage &message : m_messages) {
        if (message.peer == bareJid && !message.isOutgoing() && message.state != ChatMessage::State::Read)
            ++count;
    }
    return count;
}

int FakeChatSource::totalUnreadCount() const
{
    int count = 0;
    for (const ChatMessage &message : m_messages) {
        if (!message.isOutgoing() && message.state != ChatMessage::State::Read)
            ++count;
    }
    return count;
}

ChatMessage FakeChatSource::receive(const QString &bareJid, const QString &text, ChatMessage::Path path)
{
    ChatMessage message;
    message.peer = bareJid;
    message.direction = ChatMessage::Direction::Incoming;
    message.text = text;
    message.state = ChatMessage::State::Delivered;
    message.path = path;
    return add(message);
}

void FakeChatSource::update(const QString &id, ChatMessage::State state, ChatMessage::Path path)
{
    for (ChatMessage &message : m_messages) {
        if (message.id == id) {
            message.state = state;
            message.path = path;
            Q_EMIT messageChanged(message);
        }
    }
}

void FakeChatSource::setPeerTyping(const QString &bareJid, ChatState state)
{
    m_typing.insert(bareJid, state);
    Q_EMIT typingChanged(bareJid, state);
}

void FakeChatSource::setPeerToPeer(const QString &bareJid, bool available)
{
    if (available)
        m_peerToPeer.insert(bareJid);
    else
        m_peerToPeer.remove(bareJid);
    Q_EMIT peerToPeerChanged(bareJid, available);
}

std::optional<ChatMessage> FakeChatSource::find(const QString &id) const
{
    for (const ChatMessage &message : m_messages) {
        if (message.id == id)
            return message;
    }
    return std::nullopt;
}

// ---------------------------------------------------------------- transfers

bool FakeTransferSource::sendFiles(const QString &bareJid, const QStringList &paths, QString *error)
{
    QList<std::pair<QString, QString>> files; // path, name
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString file = it.next();
                files.append({ file, info.fileName() + u'/' + QDir(path).relativeFilePath(file) });
            }
        } else if (info.isFile()) {
            files.append({ path, info.fileName() });
        }
    }
    if (files.isEmpty()) {
        if (error)
            *error = QStringLiteral("Nothing to send.");
        return false;
    }
    for (const auto &[path, name] : files) {
        Transfer transfer;
        transfer.id = QStringLiteral("t%1").arg(m_next++);
        transfer.direction = Transfer::Direction::Outgoing;
        transfer.peer = bareJid;
        transfer.name = name;
        transfer.size = QFileInfo(path).size();
        transfer.localPath = path;
        transfer.state = Transfer::State::Offered;
        transfer.created = QDateTime::currentDateTimeUtc();
        m_transfers.insert(transfer.id, transfer);
        Q_EMIT transferAdded(transfer);
    }
    return true;
}

Transfer FakeTransferSource::offer(const QString &bareJid, const QString &name, qint64 size)
{
    Transfer transfer;
    transfer.id = QStringLiteral("t%1").arg(m_next++);
    transfer.direction = Transfer::Direction::Incoming;
    transfer.peer = bareJid;
    transfer.name = name;
    transfer.size = size;
    transfer.mediaType = QStringLiteral("application/pdf");
    transfer.state = Transfer::State::Offered;
    transfer.created = QDateTime::currentDateTimeUtc();
    m_transfers.insert(transfer.id, transfer);
    Q_EMIT transferAdded(transfer);
    Q_EMIT offerReceived(transfer);
    return transfer;
}

void FakeTransferSource::change(const Transfer &transfer)
{
    m_transfers.insert(transfer.id, transfer);
    Q_EMIT transferChanged(transfer);
}

std::optional<Transfer> FakeTransferSource::transfer(const QString &id) const
{
    const auto it = m_transfers.constFind(id);
    if (it == m_transfers.cend())
        return std::nullopt;
    return *it;
}

bool FakeTransferSource::accept(const QString &id, const QString &saveAs, QString *)
{
    auto t = transfer(id);
    if (!t || t->state != Transfer::State::Offered)
        return false;
    accepted.append({ id, saveAs });
    t->state = Transfer::State::Running;
    t->localPath = saveAs.isEmpty() ? m_settings.downloadDir + u'/' + t->name : saveAs;
    change(*t);
    return true;
}

bool FakeTransferSource::decline(const QString &id, QString *)
{
    auto t = transfer(id);
    if (!t)
        return false;
    declined.append(id);
    t->state = Transfer::State::Declined;
    change(*t);
    return true;
}

bool FakeTransferSource::pause(const QString &id, QString *)
{
    auto t = transfer(id);
    if (!t)
        return false;
    t->state = Transfer::State::Paused;
    t->pausedLocally = true;
    change(*t);
    return true;
}

bool FakeTransferSource::resume(const QString &id, QString *)
{
    auto t = transfer(id);
    if (!t)
        return false;
    t->state = Transfer::State::Running;
    t->pausedLocally = false;
    change(*t);
    return true;
}

bool FakeTransferSource::cancel(const QString &id, QString *)
{
    auto t = transfer(id);
    if (!t)
        return false;
    cancelled.append(id);
    t->state = Transfer::State::Cancelled;
    change(*t);
    return true;
}

bool FakeTransferSource::forget(const QString &id)
{
    if (!m_transfers.remove(id))
        return false;
    Q_EMIT transferRemoved(id);
    return true;
}

void FakeTransferSource::progress(const QString &id, qint64 bytesDone, double bytesPerSecond, qint64 secondsLeft)
{
    auto t = transfer(id);
    if (!t)
        return;
    t->state = Transfer::State::Running;
    t->bytesDone = bytesDone;
    t->bytesPerSecond = bytesPerSecond;
    t->secondsLeft = secondsLeft;
    change(*t);
}

void FakeTransferSource::setState(const QString &id, Transfer::State state)
{
    auto t = transfer(id);
    if (!t)
        return;
    t->state = state;
    if (state == Transfer::State::Completed)
        t->bytesDone = t->size;
    change(*t);
}

// ---------------------------------------------------------------- secrets

QString FakeSecretStore::unavailableReason() const
{
    return available ? QString() : QStringLiteral("No system password store is available (test).");
}

namespace {
void answer(QObject *context, SecretStore::Callback done, SecretStore::Result result)
{
    if (!done)
        return;
    QTimer::singleShot(0, context ? context : QCoreApplication::instance(),
                       [done = std::move(done), result] { done(result); });
}
} // namespace

void FakeSecretStore::read(const QString &key, QObject *context, Callback done)
{
    SecretStore::Result result;
    if (!available) {
        result.error = unavailableReason();
    } else if (!secrets.contains(key)) {
        result.notFound = true;
        result.error = QStringLiteral("not found");
    } else {
        result.ok = true;
        result.secret = secrets.value(key);
    }
    answer(context, std::move(done), result);
}

void FakeSecretStore::write(const QString &key, const QString &secret, QObject *context, Callback done)
{
    SecretStore::Result result;
    if (available) {
        secrets.insert(key, secret);
        result.ok = true;
    } else {
        result.error = unavailableReason();
    }
    answer(context, std::move(done), result);
}

void FakeSecretStore::remove(const QString &key, QObject *context, Callback done)
{
    SecretStore::Result result;
    result.ok = available && secrets.remove(key) > 0;
    answer(context, std::move(done), result);
}

} // namespace Peerlink::Test
