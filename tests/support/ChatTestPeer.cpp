#include "ChatTestPeer.h"

#include "ProsodyServer.h"
#include "core/chat/ChatService.h"
#include "core/session/SessionManager.h"
#include "core/storage/Database.h"
#include "core/xmpp/Account.h"

namespace Peerlink::Test {

ChatTestPeer::ChatTestPeer(NetworkThread &t, const ProsodyServer &s, const TestCertificateAuthority &c,
                           const QString &u, const QString &p, const QString &path, const SessionConfig &sc)
    : thread(t)
    , server(s)
    , ca(c)
    , user(u)
    , password(p)
    , databasePath(path)
    , config(sc)
{
    build();
}

ChatTestPeer::~ChatTestPeer()
{
    shutDown();
}

bool ChatTestPeer::build()
{
    database = std::make_unique<Database>();
    if (!database->open(databasePath)) {
        qWarning().noquote() << "cannot open the test database:" << database->errorString();
        return false;
    }
    peer = std::make_unique<TestPeer>(thread, server, ca, user, password, config);
    chat = std::make_unique<ChatService>(*peer->account, *peer->sessions, *database);
    if (!chat->isValid())
        qWarning().noquote() << "chat service:" << chat->errorString();
    return chat->isValid();
}

void ChatTestPeer::shutDown()
{
    chat.reset(); // before the sessions and the account it uses
    peer.reset();
    database.reset();
}

bool ChatTestPeer::isValid() const
{
    return chat && chat->isValid();
}

QString ChatTestPeer::bareJid() const
{
    return server.jid(user);
}

bool ChatTestPeer::restart(bool signIn)
{
    shutDown();
    if (!build())
        return false;
    return !signIn || peer->signIn();
}

QList<ChatMessage> ChatTestPeer::messages(const QString &with, ChatMessage::Direction direction) const
{
    QList<ChatMessage> result;
    const auto history = chat->history(with, 0);
    for (const ChatMessage &m : history) {
        if (m.direction == direction)
            result.append(m);
    }
    return result;
}

QStringList ChatTestPeer::texts(const QString &with, ChatMessage::Direction direction) const
{
    QStringList result;
    for (const ChatMessage &m : messages(with, direction))
        result.append(m.text);
    return result;
}

} // namespace Peerlink::Test
