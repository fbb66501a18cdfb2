// JingleFingerprint: the XEP-0320 certificate fingerprint: hex formatting and strict parsing,
// matching a certificate, and refusal of weak or malformed fingerprints.
#include "core/xmpp/JingleFingerprint.h"
#include "core/xmpp/JingleXml.h"

#include <QDomDocument>
#include <QTest>

using namespace Peerlink;
using namespace Qt::StringLiterals;

namespace {

const QByteArray certificate = QByteArrayLiteral("peerlink test certificate");

QString element(const QString &attributes, const QString &value)
{
    return u"<fingerprint xmlns='urn:xmpp:jingle:apps:dtls:0' %1>%2</fingerprint>"_s.arg(attributes, value);
}

QString canonical(const QString &xml)
{
    QString error;
    const QString form = JingleXml::canonicalForm(xml, &error);
    return form.isEmpty() ? u"not XML: "_s + error : form;
}

bool parse(const QString &xml, JingleFingerprint *fingerprint, QString *error)
{
    QDomDocument document;
    const QDomElement root = JingleXml::parseDocument(xml, &document, error);
    return !root.isNull() && fingerprint->parse(root, error);
}

} // namespace

class tst_JingleFingerprint : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void matchesOnlyItsCertificate();
    void lowercaseHexIsAccepted();
    void parseDigest_data();
    void parseDigest();
    void rejects_data();
    void rejects();
};

void tst_JingleFingerprint::roundTrip_data()
{
    QTest::addColumn<QCryptographicHash::Algorithm>("algorithm");
    QTest::addColumn<JingleFingerprint::Setup>("setup");
    QTest::addColumn<QString>("xml");
    QTest::newRow("sha-256 actpass")
        << QCryptographicHash::Sha256 << JingleFingerprint::Setup::ActPass
        << element(
               u"hash='sha-256' setup='actpass'"_s,
               u"91:18:35:24:DA:02:4B:0D:07:10:B3:9B:56:DC:7E:6E:7E:9E:E5:05:48:19:D3:11:70:1D:19:27:E9:7F:0F:C8"_s);
    for (auto [algorithm, name] :
         { std::pair { QCryptographicHash::Sha384, "sha-384" }, std::pair { QCryptographicHash::Sha512, "sha-512" } }) {
        const QString hex = JingleFingerprint::formatDigest(QCryptographicHash::hash(certificate, algorithm));
        QTest::addRow("%s passive", name) << algorithm << JingleFingerprint::Setup::Passive
                                          << element(u"hash='%1' setup='passive'"_s.arg(QLatin1StringView(name)), hex);
    }
    QTest::newRow("sha-256 active") << QCryptographicHash::Sha256 << JingleFingerprint::Setup::Active
                                    << element(u"hash='sha-256' setup='active'"_s,
                                               JingleFingerprint::formatDigest(
                                                   QCryptographicHash::hash(certificate, QCryptographicHash::Sha256)));
}

void tst_JingleFingerprint::roundTrip()
{
    QFETCH(QCryptographicHash::Algorithm, algorithm);
    QFETCH(JingleFingerprint::Setup, setup);
    QFETCH(QString, xml);

    JingleFingerprint parsed;
    QString error;
    QVERIFY2(parse(xml, &parsed, &error), qPrintable(error));
    QCOMPARE(parsed.algorithm, algorithm);
    QCOMPARE(parsed.setup, setup);
    QVERIFY(parsed.validate(&error));
    QVERIFY(parsed.matchesCertificate(certificate));
    QCOMPARE(canonical(JingleXml::toXmlString(parsed)), canonical(xml));

    const JingleFingerprint built = JingleFingerprint::fromCertificate(certificate, setup, algorithm);
    QCOMPARE(built, parsed);
    QCOMPARE(canonical(JingleXml::toXmlString(built)), canonical(xml));
}

void tst_JingleFingerprint::matchesOnlyItsCertificate()
{
    const JingleFingerprint f = JingleFingerprint::fromCertificate(certificate, JingleFingerprint::Setup::ActPass);
    QVERIFY(f.matchesCertificate(certificate));
    QByteArray changed = certificate;
    changed[0] = 'P';
    QVERIFY(!f.matchesCertificate(changed));
    QVERIFY(!f.matchesCertificate({}));
    JingleFingerprint empty;
    QVERIFY(!empty.matchesCertificate(QByteArray())); // an empty digest never matches
    QString error;
    QVERIFY(!empty.validate(&error));
    QVERIFY2(error.contains(u"the digest has 0 bytes, sha-256 needs 32"), qPrintable(error));
    JingleFingerprint weak = f;
    weak.algorithm = QCryptographicHash::Md5;
    weak.digest = QCryptographicHash::hash(certificate, QCryptographicHash::Md5);
    QVERIFY(!weak.matchesCertificate(certificate)); // never with a hash we do not accept
    QVERIFY(!weak.validate(&error));
}

void tst_JingleFingerprint::lowercaseHexIsAccepted()
{
    const QString upper
        = JingleFingerprint::formatDigest(QCryptographicHash::hash(certificate, QCryptographicHash::Sha256));
    JingleFingerprint f;
    QString error;
    QVERIFY2(parse(element(u"hash='sha-256' setup='actpass'"_s, u"\n  "_s + upper.toLower() + u"\n"_s), &f, &error),
             qPrintable(error));
    QVERIFY(f.matchesCertificate(certificate));
    QCOMPARE(canonical(JingleXml::toXmlString(f)), canonical(element(u"hash='sha-256' setup='actpass'"_s, upper)));
}

void tst_JingleFingerprint::parseDigest_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("length");
    QTest::addColumn<QByteArray>("expected"); // empty: refused
    QTest::newRow("one byte") << u"0A"_s << 1 << QByteArray::fromHex("0a");
    QTest::newRow("three bytes") << u"00:ff:7E"_s << 3 << QByteArray::fromHex("00ff7e");
    QTest::newRow("too long") << u"00:ff:7E:01"_s << 3 << QByteArray();
    QTest::newRow("too short") << u"00:ff"_s << 3 << QByteArray();
    QTest::newRow("dash separators") << u"00-ff-7E"_s << 3 << QByteArray();
    QTest::newRow("trailing colon") << u"00:ff:"_s << 2 << QByteArray();
    QTest::newRow("single digits") << u"0:f:7:1"_s << 2 << QByteArray();
    QTest::newRow("non-hex") << u"0g:ff"_s << 2 << QByteArray();
    QTest::newRow("fullwidth digits") << u"\uff10\uff11:ff"_s << 2 << QByteArray();
    QTest::newRow("zero length") << QString() << 0 << QByteArray();
}

void tst_JingleFingerprint::parseDigest()
{
    QFETCH(QString, text);
    QFETCH(int, length);
    QFETCH(QByteArray, expected);
    const auto digest = JingleFingerprint::parseDigest(text, length);
    if (expected.isEmpty()) {
        QVERIFY(!digest);
    } else {
        QVERIFY(digest);
        QCOMPARE(*digest, expected);
    }
}

void tst_JingleFingerprint::rejects_data()
{
    QTest::addColumn<QString>("xml");
    QTest::addColumn<QString>("error");
    const QString hex
        = JingleFingerprint::formatDigest(QCryptographicHash::hash(certificate, QCryptographicHash::Sha256));
    QTest::newRow("wrong namespace")
        << u"<fingerprint xmlns='urn:xmpp:tmp:jingle:apps:dtls:0' hash='sha-256' setup='actpass'>%1</fingerprint>"_s
               .arg(hex)
        << u"expected <fingerprint/> in urn:xmpp:jingle:apps:dtls:0"_s;
    QTest::newRow("no hash") << element(u"setup='actpass'"_s, hex) << u"the required attribute 'hash' is missing"_s;
    QTest::newRow("no setup") << element(u"hash='sha-256'"_s, hex) << u"the required attribute 'setup' is missing"_s;
    QTest::newRow("sha-1") << element(u"hash='sha-1' setup='actpass'"_s, hex.left(59))
                           << u"hash \"sha-1\" is not supported; use sha-256, sha-384 or sha-512"_s;
    QTest::newRow("sha3-256 is no certificate hash")
        << element(u"hash='sha3-256' setup='actpass'"_s, hex) << u"hash \"sha3-256\" is not supported"_s;
    QTest::newRow("uppercase hash name") << element(u"hash='SHA-256' setup='actpass'"_s, hex) << u"not supported"_s;
    QTest::newRow("sha-256 value under sha-384")
        << element(u"hash='sha-384' setup='actpass'"_s, hex) << u"the value must be 48 colon-separated hex bytes"_s;
    QTest::newRow("empty value") << element(u"hash='sha-256' setup='actpass'"_s, QString())
                                 << u"the value must be 32 colon-separated hex bytes, not \"\""_s;
    QTest::newRow("oversized value") << element(u"hash='sha-256' setup='actpass'"_s, QString(10000, u'A'))
                                     << u"must have at most 96 characters, it has 10000"_s;
    QTest::newRow("base64 value") << element(
        u"hash='sha-256' setup='actpass'"_s,
        QString::fromLatin1(QCryptographicHash::hash(certificate, QCryptographicHash::Sha256).toBase64()))
                                  << u"colon-separated hex bytes"_s;
    QTest::newRow("holdconn") << element(u"hash='sha-256' setup='holdconn'"_s, hex)
                              << u"setup \"holdconn\" is not one of actpass, active, passive"_s;
}

void tst_JingleFingerprint::rejects()
{
    QFETCH(QString, xml);
    QFETCH(QString, error);
    JingleFingerprint f;
    QString message;
    QVERIFY(!parse(xml, &f, &message));
    QVERIFY2(message.startsWith(u"Jingle fingerprint: "), qPrintable(message));
    QVERIFY2(message.contains(error), qPrintable(message));
    QVERIFY(f.digest.isEmpty());
}

QTEST_GUILESS_MAIN(tst_JingleFingerprint)
#include "tst_JingleFingerprint.moc"
