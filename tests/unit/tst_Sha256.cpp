// Sha256 against QCryptographicHash and the FIPS 180-2 test vectors, in any chunking, with each
// backend (the test runs itself again with PEERLINK_SHA256_BACKEND set).
#include "core/transfer/Sha256.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

using namespace Peerlink;
using namespace Qt::StringLiterals;

class tst_Sha256 : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void vectors_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("hex");
        QTest::newRow("empty") << QByteArray() << "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_ba;
        QTest::newRow("abc") << "abc"_ba << "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_ba;
        QTest::newRow("two blocks") << "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"_ba
                                    << "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"_ba;
        QTest::newRow("million a") << QByteArray(1000000, 'a')
                                   << "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"_ba;
    }

    void vectors()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, hex);
        QCOMPARE(Sha256::hash(input).toHex(), hex);
    }

    void chunkedMatchesQt()
    {
        auto *random = QRandomGenerator::global();
        for (int round = 0; round < 50; ++round) {
            QByteArray data(int(random->bounded(300000)), Qt::Uninitialized);
            for (char &c : data)
                c = char(random->bounded(256));
            Sha256 hash;
            qsizetype at = 0;
            while (at < data.size()) {
                const qsizetype n = std::min<qsizetype>(data.size() - at, random->bounded(70000) + 1);
                hash.addData(QByteArrayView(data).sliced(at, n));
                at += n;
            }
            QCOMPARE(hash.result(), QCryptographicHash::hash(data, QCryptographicHash::Sha256));
        }
    }

    void resultStartsOver()
    {
        Sha256 hash;
        hash.addData("abc");
        const QByteArray first = hash.result();
        hash.addData("abc");
        QCOMPARE(hash.result(), first);
        hash.addData("zzz");
        hash.reset();
        hash.addData("abc");
        QCOMPARE(hash.result(), first);
        QCOMPARE(first.size(), Sha256::Size);
    }

    // In a child run: the backend asked for is the one in use.
    void backendAsRequested()
    {
        const QByteArray wanted = qgetenv("PEERLINK_SHA256_BACKEND");
        if (wanted.isEmpty())
            QSKIP("only in the runs of everyBackend()");
        QCOMPARE(QByteArray(Sha256::backend()), wanted);
    }

    void everyBackend_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("openssl") << u"openssl"_s;
        QTest::newRow("nettle") << u"nettle"_s;
        QTest::newRow("qt") << u"qt"_s;
    }

    void everyBackend()
    {
        QFETCH(QString, backend);
        if (!qEnvironmentVariableIsEmpty("PEERLINK_SHA256_BACKEND"))
            QSKIP("a child run");
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"PEERLINK_SHA256_BACKEND"_s, backend);
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QCoreApplication::applicationFilePath(),
                    { u"vectors"_s, u"chunkedMatchesQt"_s, u"resultStartsOver"_s, u"backendAsRequested"_s });
        QVERIFY(child.waitForFinished(120000));
        const QByteArray output = child.readAll();
        // Only the backend check failed: that library is not on this system (Qt's always is).
        if (child.exitCode() == 1 && output.count("FAIL!") == 1
            && output.contains("FAIL!  : tst_Sha256::backendAsRequested") && backend != u"qt"_s)
            QSKIP(qPrintable(backend + u" is not available on this system"_s));
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, output.constData());
    }
};

QTEST_GUILESS_MAIN(tst_Sha256)
#include "tst_Sha256.moc"
