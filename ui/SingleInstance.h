// SingleInstance: one running Peerlink per profile. The first instance listens on a local
// socket named after the profile; a second start finds it, asks it to show its window, and quits.
#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

namespace Peerlink {

class SingleInstance : public QObject
{
    Q_OBJECT
public:
    explicit SingleInstance(const QString &key, QObject *parent = nullptr);
    ~SingleInstance() override;

    // True when this process is now the instance of the key (it listens). False when another
    // instance answers: it was asked to raise its window. A stale socket left by a crashed
    // instance is removed and taken over.
    bool claim();
    bool isPrimary() const;
    // Stops listening, so that a new instance can claim the profile.
    void release();
    QString errorString() const { return m_error; }

Q_SIGNALS:
    // Another start of the same profile asked this instance to show itself.
    void raiseRequested();

private:
    bool askRunningInstance();

    QString m_key;
    QLocalServer *m_server = nullptr;
    QString m_error;
};

} // namespace Peerlink
