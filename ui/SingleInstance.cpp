#include "ui/SingleInstance.h"

#include <QLocalServer>
#include <QLocalSocket>

namespace Peerlink {

namespace {
constexpr int TimeoutMs = 1000;
const QByteArray RaiseMessage = QByteArrayLiteral("raise\n");
} // namespace

SingleInstance::SingleInstance(const QString &key, QObject *parent)
    : QObject(parent)
    , m_key(key)
{ }

SingleInstance::~SingleInstance() = default;

bool SingleInstance::isPrimary() const
{
    return m_server && m_server->isListening();
}

void SingleInstance::release()
{
    delete m_server;
    m_server = nullptr;
}

bool SingleInstance::askRunningInstance()
{
    QLocalSocket socket;
    socket.connectToServer(m_key);
    if (!socket.waitForConnected(TimeoutMs))
        return false;
    socket.write(RaiseMessage);
    socket.waitForBytesWritten(TimeoutMs);
    // The running instance answers so we know it really handled it (not a dying process).
    const bool answered = socket.waitForReadyRead(TimeoutMs) && socket.readAll().startsWith("ok");
    socket.disconnectFromServer();
    return answered;
}

bool SingleInstance::claim()
{
    if (isPrimary())
        return true;
    if (askRunningInstance())
        return false;
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_key)) {
        // Nobody answered: a socket file left by an instance that crashed.
        QLocalServer::removeServer(m_key);
        if (!m_server->listen(m_key)) {
            m_error = m_server->errorString();
            return true; // run anyway: a broken socket must not keep the user out
        }
    }
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
                if (!socket->canReadLine())
                    return;
                if (socket->readLine() == RaiseMessage) {
                    socket->write("ok\n");
                    socket->flush();
                    Q_EMIT raiseRequested();
                }
            });
        }
    });
    return true;
}

} // namespace Peerlink
