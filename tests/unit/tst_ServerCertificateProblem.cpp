// ServerCertificateProblem: fingerprints (format, parse), plain-word reasons, the UI message.
#include "TestCertificateAuthority.h"
#include "core/xmpp/ServerCertificateProblem.h"

#include <QTest>

#include <memory>

using namespace Peerlink;

class tst_ServerCertificateProblem : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestCertificateAuthority> m_ca;

private Q_SLOTS:
    void initTestCase()
    {
        m_ca = std::make_unique<TestCertificateAuthority>();
        QVERIFY2(m_ca->isValid(), qPrintable(m_ca->errorString()));
    }

    void formatFingerprint()
    {
        const QByteArray digest = QByteArray::fromHex("00a1ff10");
        QCOMPARE(ServerCertificateProblem::formatFingerprint(digest), QStringLiteral("00:A1:FF:10"));
        QCOMPARE(ServerCertificateProblem::formatFingerprint({}), QString());
    }

    void parseFingerprint_data()
    {
        const QByteArray digest = QCryptographicHash::hash("peerlink", QCryptographicHash::Sha256);
        const QString lower = QString::fromLatin1(digest.toHex());
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("colons, upper case") << QString::fromLatin1(digest.toHex(':').toUpper()) << digest;
        QTest::newRow("plain lower case") << lower << digest;
        QTest::newRow("spaces and line break") << QString::fromLatin1(digest.toHex(' ')).insert(48, u'\n') << digest;
        QTest::newRow("too short") << lower.left(62) << QByteArray();
        QTest::newRow("too long") << lower + QStringLiteral("00") << QByteArray();
        QTest::newRow("not hex") << lower.left(63) + u'g' << QByteArray();
        QTest::newRow("SHA-1 length") << QStringLiteral("00").repeated(20) << QByteArray();
        QTest::newRow("empty") << QString() << QByteArray();
        QTest::newRow("non-ASCII digit") << lower.left(63) + QChar(0x0661) << QByteArray();
    }

    void parseFingerprint()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, expected);
        QCOMPARE(ServerCertificateProblem::parseFingerprint(text), expected);
    }

    void roundTrip()
    {
        const QByteArray digest = m_ca->serverCertificateSha256();
        QCOMPARE(digest.size(), 32);
        QCOMPARE(ServerCertificateProblem::parseFingerprint(ServerCertificateProblem::formatFingerprint(digest)),
                 digest);
    }

    void reasons_data()
    {
        QTest::addColumn<QList<int>>("errors");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("unknown issuer") << QList<int> {
            QSslError::UnableToGetLocalIssuerCertificate, QSslError::UnableToVerifyFirstCertificate
        } << QStringList { QStringLiteral("it is not signed by an authority this computer trusts") };
        QTest::newRow("self-signed and wrong name")
            << QList<int> { QSslError::SelfSignedCertificate, QSslError::HostNameMismatch }
            << QStringList { QStringLiteral("it is not signed by an authority this computer trusts"),
                             QStringLiteral("it was issued for another name than example.org") };
        QTest::newRow("revoked") << QList<int> { QSslError::CertificateRevoked }
                                 << QStringList { QStringLiteral("it has been revoked") };
        QTest::newRow("no errors") << QList<int> {} << QStringList { QStringLiteral("it could not be verified") };
    }

    void reasons()
    {
        QFETCH(QList<int>, errors);
        QFETCH(QStringList, expected);
        const QSslCertificate certificate = m_ca->serverCertificate();
        QList<QSslError> sslErrors;
        for (int e : errors)
            sslErrors << QSslError(QSslError::SslError(e), certificate);
        const ServerCertificateProblem problem(certificate, sslErrors, QStringLiteral("example.org"));
        QCOMPARE(problem.reasons(), expected);
        QVERIFY(problem.message().contains(expected.first()));
    }

    void expiryReasonNamesTheDate()
    {
        const QSslCertificate certificate = m_ca->serverCertificate();
        const ServerCertificateProblem problem(certificate, { QSslError(QSslError::CertificateExpired, certificate) },
                                               QStringLiteral("example.org"));
        QVERIFY2(problem.reasons().first().startsWith(QStringLiteral("it expired on ")),
                 qPrintable(problem.reasons().first()));
        QVERIFY(problem.reasons().first().contains(
            QString::number(certificate.expiryDate().toLocalTime().date().year() % 100)));
    }

    // The certificate comes from the errors when the peer's is unknown; the message has what the user needs.
    void messageHasFingerprintAndServer()
    {
        const QSslCertificate certificate = m_ca->serverCertificate();
        const ServerCertificateProblem problem(QSslCertificate(),
                                               { QSslError(QSslError::SelfSignedCertificate, certificate) },
                                               QStringLiteral("localhost"));
        QVERIFY(!problem.isNull());
        QCOMPARE(problem.certificate(), certificate);
        QCOMPARE(problem.sha256(), m_ca->serverCertificateSha256());
        QCOMPARE(problem.fingerprint(), ServerCertificateProblem::formatFingerprint(m_ca->serverCertificateSha256()));
        const QString message = problem.message();
        QVERIFY(message.contains(problem.fingerprint()));
        QVERIFY(message.contains(QStringLiteral("localhost")));
        QVERIFY(message.contains(QStringLiteral("administrator")));
    }

    void nullProblem()
    {
        const ServerCertificateProblem problem;
        QVERIFY(problem.isNull());
        QVERIFY(problem.sha256().isEmpty());
        QVERIFY(problem.fingerprint().isEmpty());
        QCOMPARE(problem, ServerCertificateProblem());
    }
};

QTEST_GUILESS_MAIN(tst_ServerCertificateProblem)
#include "tst_ServerCertificateProblem.moc"
