// AccountFeatures: the Jingle features Peerlink supports end up in the client's disco#info and
// entity capabilities (checked end to end against prosody in tst_Account).
#include "core/xmpp/Account.h"
#include "core/xmpp/AccountFeatures.h"

#include <QTest>
#include <QXmppClient.h>
#include <QXmppDiscoveryIq.h>
#include <QXmppDiscoveryManager.h>

using namespace Peerlink;

class tst_AccountFeatures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void featureList()
    {
        const QStringList expected = { QStringLiteral("urn:xmpp:jingle:1"),
                                       QStringLiteral("urn:xmpp:jingle:transports:ice-udp:1"),
                                       QStringLiteral("urn:xmpp:jingle:apps:dtls:0"),
                                       QStringLiteral("urn:xmpp:jingle:apps:file-transfer:5"),
                                       QStringLiteral("urn:xmpp:hashes:2"),
                                       QStringLiteral("urn:xmpp:hash-function-text-names:sha-256"),
                                       QStringLiteral("urn:peerlink:jingle:chat:0"),
                                       QStringLiteral("urn:peerlink:jingle:transports:quic-stream:0") };
        QCOMPARE(AccountFeatures::jingleFeatures(), expected);
        QCOMPARE(AccountFeatures().discoveryFeatures(), expected);
        QCOMPARE(Account::supportedFeatures(), expected);
    }

    // A fresh Account advertises them (and QXmpp's own) through its discovery manager.
    void accountAdvertisesThem()
    {
        Account account;
        auto *disco = account.client()->findExtension<QXmppDiscoveryManager>();
        QVERIFY(disco);
        const QXmppDiscoveryIq info = disco->capabilities();
        const QStringList features = info.features();
        for (const QString &feature : AccountFeatures::jingleFeatures())
            QVERIFY2(features.contains(feature), qPrintable(feature));
        QVERIFY(features.contains(QStringLiteral("http://jabber.org/protocol/disco#info")));
        QVERIFY(features.contains(QStringLiteral("urn:xmpp:extdisco:2")));
        QCOMPARE(features.count(QStringLiteral("urn:xmpp:jingle:1")), 1);
        QCOMPARE(disco->clientName(), QStringLiteral("Peerlink"));
        QVERIFY(!info.verificationString().isEmpty());
    }

    void startsDisconnected()
    {
        Account account;
        QCOMPARE(account.state(), Account::State::Disconnected);
        QCOMPARE(account.error(), Account::Error::NoError);
        QVERIFY(account.contacts().isEmpty());
        QVERIFY(account.externalServices().isEmpty());
        QVERIFY(account.boundJid().isEmpty());
        QVERIFY(!account.isReconnectScheduled());
        QVERIFY(!account.addContact(QStringLiteral("bob@example.org")));
    }
};

QTEST_GUILESS_MAIN(tst_AccountFeatures)
#include "tst_AccountFeatures.moc"
