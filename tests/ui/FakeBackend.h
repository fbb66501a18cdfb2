// Fakes of the UI's backend interfaces (ui/backend), for widget tests: in-memory state that the
// test drives (contacts, connection states, messages, transfers, secrets), and a record of what
// the UI asked for. The real implementations are the Core* adapters in ui/adapters.
#pragma once

#include "ui/backend/AccountController.h"
#include "ui/backend/Backend.h"
#include "ui/backend/ChatSource.h"
#include "ui/backend/ConnectionController.h"
#include "ui/backend/ContactsSource.h"
#include "ui/backend/SecretStore.h"
#include "ui/backend/TransferSource.h"

#include <QHash>
#include <QMap>
#include <QSet>
#include <QStringList>

namespace Peerlink::Test {

class FakeAccountController : public AccountController
{
    Q_OBJECT
public:
    using AccountController::AccountController;

    Status status() const override { return m_status; }
    Problem problem() const override { return m_problem; }
    QString problemText() const override { return m_problemText; }
    QString jid() const override { return m_config.jid; }
    int reconnectDelayMs() const override { return -1; }
    void signIn(const AccountConfig &config) override;
    void signOut() override;
    ServerCertificateProblem certificateProblem() const override { return m_certificate; }
    void trustCertificateOnce() override;
    void pinCertificate() override;
    QList<QByteArray> pinnedCertificates() const override { return m_config.pinnedCertificates; }

    // Test side
    void setStatus(Status status);
    void fail(Problem problem, const QString &text);
    void rejectCertificate(const ServerCertificateProblem &problem);

    QList<AccountConfig> signIns;
    int trustedOnce = 0;
    AccountConfig m_config;

private:
    Status m_status = Status::SignedOut;
    Problem m_problem = Problem::None;
    QString m_problemText;
    ServerCertificateProblem m_certificate;
};

class FakeContactsSource : public ContactsSource
{
    Q_OBJECT
public:
    using ContactsSource::ContactsSource;

    QList<RosterContact> contacts() const override { return m_contacts.values(); }
    std::optional<RosterContact> contact(const QString &bareJid) const override;
    bool addContact(const QString &bareJid, const QString &name, QString *error) override;
    bool removeContact(const QString &bareJid) override;
    bool approveSubscription(const QString &bareJid) override;
    bool refuseSubscription(const QString &bareJid) override;

    // Test side: adds or changes a contact (mutual, online unless said otherwise).
    RosterContact put(const QString &bareJid, const QString &name,
                      RosterContact::Availability availability = RosterContact::Availability::Online);
    QStringList approved;
    QStringList added;

private:
    QMap<QString, RosterContact> m_contacts;
};

class FakeConnectionController : public ConnectionController
{
    Q_OBJECT
public:
    using ConnectionController::ConnectionController;

    ConnectionInfo connection(const QString &bareJid) const override { return m_connections.value(bareJid); }
    bool connectToContact(const QString &bareJid, QString *error) override;
    void disconnectFromContact(const QString &bareJid) override;
    QList<ExternalService> serverServices() const override { return services; }
    void setNetworkSettings(const IceConfig &ice, bool useServerServices) override;

    // Test side
    void set(const QString &bareJid, const ConnectionInfo &info);
    QStringList connectRequests;
    QStringList disconnectRequests;
    QString refuseWith; // non-empty: connectToContact() fails with this
    QList<ExternalService> services;
    IceConfig appliedIce;
    bool appliedUseServerServices = true;
    int networkSettingsApplied = 0;

private:
    QHash<QString, ConnectionInfo> m_connections;
};

class FakeChatSource : public ChatSource
{
    Q_OBJECT
public:
    using ChatSource::ChatSource;

    QString send(const QString &bareJid, const QString &text, QString *error) override;
    bool correct(const QString &messageId, const QString &newText, QString *error) override;
    bool retry(const QString &messageId, QString *error) override;
    void markRead(const QString &bareJid) override;
    void setTyping(const QString &bareJid, ChatState state) override;
    QList<ChatMessage> history(const QString &bareJid, int limit, qint64 beforeSeq) const override;
    int unreadCount(const QString &bareJid) const override;
    int totalUnreadCount() const override;
    ChatState typingState(const QString &bareJid) const override { return m_typing.value(bareJid, ChatState::Active); }
    int maxTextLength() const override { return 4096; }
    bool isPeerToPeer(const QString &bareJid) const override { return m_peerToPeer.contains(bareJid); }

    // Test side
    ChatMessage receive(const QString &bareJid, const QString &text, ChatMessage::Path path);
    void update(const QString &id, ChatMessage::State state, ChatMessage::Path path);
    void setPeerTyping(const QString &bareJid, ChatState state);
    void setPeerToPeer(const QString &bareJid, bool available);
    std::optional<ChatMessage> find(const QString &id) const;
    QList<std::pair<QString, ChatState>> typingSent;
    QStringList retried;

private:
    ChatMessage add(ChatMessage message);

    QList<ChatMessage> m_messages;
    QHash<QString, ChatState> m_typing;
    QSet<QString> m_peerToPeer;
    qint64 m_nextSeq = 1;
};

class FakeTransferSource : public TransferSource
{
    Q_OBJECT
public:
    using TransferSource::TransferSource;

    bool sendFiles(const QString &bareJid, const QStringList &paths, QString *error) override;
    bool accept(const QString &id, const QString &saveAs, QString *error) override;
    bool decline(const QString &id, QString *error) override;
    bool pause(const QString &id, QString *error) override;
    bool resume(const QString &id, QString *error) override;
    bool cancel(const QString &id, QString *error) override;
    bool forget(const QString &id) override;
    QList<Transfer> transfers() const override { return m_transfers.values(); }
    std::optional<Transfer> transfer(const QString &id) const override;
    TransferSettings settings() const override { return m_settings; }
    void setSettings(const TransferSettings &settings) override { m_settings = settings; }

    // Test side
    Transfer offer(const QString &bareJid, const QString &name, qint64 size);
    void progress(const QString &id, qint64 bytesDone, double bytesPerSecond, qint64 secondsLeft);
    void setState(const QString &id, Transfer::State state);
    QList<std::pair<QString, QString>> accepted; // id, saveAs
    QStringList declined;
    QStringList cancelled;

private:
    void change(const Transfer &transfer);

    QMap<QString, Transfer> m_transfers;
    TransferSettings m_settings;
    int m_next = 1;
};

class FakeSecretStore : public SecretStore
{
    Q_OBJECT
public:
    using SecretStore::SecretStore;

    bool isAvailable() const override { return available; }
    QString unavailableReason() const override;
    void read(const QString &key, QObject *context, Callback done) override;
    void write(const QString &key, const QString &secret, QObject *context, Callback done) override;
    void remove(const QString &key, QObject *context, Callback done) override;

    bool available = true;
    QHash<QString, QString> secrets;
};

// All fakes together, and a Backend pointing at them.
struct FakeBackend
{
    FakeAccountController account;
    FakeContactsSource contacts;
    FakeConnectionController connections;
    FakeChatSource chat;
    FakeTransferSource transfers;
    FakeSecretStore secrets;

    Backend backend() { return Backend { &account, &contacts, &connections, &chat, &transfers, &secrets }; }
};

} // namespace Peerlink::Test
