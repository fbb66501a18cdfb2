// ChatTestPeer: a TestPeer with a profile database and a ChatService, for chat integration
// tests. restart() does what quitting and starting Peerlink again does: the service, session
// manager, account and database objects are destroyed and made anew on the same database file
// with the same account settings.
#pragma once

#include "TestPeer.h"
#include "core/chat/ChatMessage.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace Peerlink {
class ChatService;
class Database;
} // namespace Peerlink

namespace Peerlink::Test {

struct ChatTestPeer
{
    ChatTestPeer(NetworkThread &thread, const ProsodyServer &server, const TestCertificateAuthority &ca,
                 const QString &user, const QString &password, const QString &databasePath,
                 const SessionConfig &config = {});
    ~ChatTestPeer();

    bool isValid() const;
    QString bareJid() const;
    // Destroys everything but the database file, then makes it again (signed in if asked).
    bool restart(bool signIn = true);
    void shutDown();

    // History with `peer` in order, only messages of one direction.
    QList<ChatMessage> messages(const QString &peer, ChatMessage::Direction direction) const;
    QStringList texts(const QString &peer, ChatMessage::Direction direction) const;

    NetworkThread &thread;
    const ProsodyServer &server;
    const TestCertificateAuthority &ca;
    const QString user;
    const QString password;
    const QString databasePath;
    const SessionConfig config;
    std::unique_ptr<Database> database;
    std::unique_ptr<TestPeer> peer;
    std::unique_ptr<ChatService> chat;

private:
    bool build();
};

} // namespace Peerlink::Test
