// JingleFileDescription: XEP-0234 file offers with XEP-0300 hashes and ranges, round trips of
// literal XML, values in code matching the XML, normalisation of dates, and refusal of bad files.
#include "core/xmpp/JingleFileDescription.h"
#include "core/xmpp/JingleXml.h"

#include <QDomDocument>
#include <QTest>

using namespace Peerlink;
using namespace Qt::StringLiterals;

namespace {

const QByteArray content = QByteArrayLiteral("hello peerlink\n");

QString description(const QString &fileChildren)
{
    return u"<description xmlns='urn:xmpp:jingle:apps:file-transfer:5'><file>%1</file></description>"_s.arg(
        fileChildren);
}

QString canonical(const QString &xml)
{
    QString error;
    const QString form = JingleXml::canonicalForm(xml, &error);
    return form.isEmpty() ? u"not XML: "_s + error : form;
}

bool parse(const QString &xml, JingleFileDescription *file, QString *error)
{
    QDomDocument document;
    const QDomElement element = JingleXml::parseDocument(xml, &document, error);
    return !element.isNull() && file->parse(element, error);
}

} // namespace

class tst_JingleFileDescription : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void builtInCode();
    void datesAreNormalisedToUtc_data();
    void datesAreNormalisedToUtc();
    void unknownChildrenAreIgnored();
    void rejects_data();
    void rejects();
};

void tst_JingleFileDescription::roundTrip_data()
{
    QTest::addColumn<QString>("xml");
    const QString sha256
        = QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toBase64());
    const QString sha512
        = QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha512).toBase64());
    QTest::newRow("offer with everything")
        << description(u"<media-type>text/plain</media-type><name>notes.txt</name><date>2025-03-14T09:26:53Z</date>"
                       u"<desc>Meeting notes</desc><size>15</size>"
                       u"<hash xmlns='urn:xmpp:hashes:2' algo='sha-256'>%1</hash><range/>"_s.arg(sha256));
    QTest::newRow("minimal offer") << description(u"<name>a</name><size>0</size>"_s);
    QTest::newRow("two hashes") << description(
        u"<name>notes.txt</name><size>15</size><hash xmlns='urn:xmpp:hashes:2' algo='sha-256'>%1</hash>"
        u"<hash xmlns='urn:xmpp:hashes:2' algo='sha-512'>%2</hash>"_s.arg(sha256, sha512));
    QTest::newRow("range with offset and length")
        << description(u"<name>notes.txt</name><size>15</size><range offset='14' length='1'/>"_s);
    QTest::newRow("date with milliseconds")
        << description(u"<name>n</name><date>2025-03-14T09:26:53.250Z</date><size>1</size>"_s);
    QTest::newRow("unicode name and description")
        << description(u"<name>Größe – 東京 ☃.pdf</name><desc>Zeile 1\nZeile 2 &amp; &lt;mehr&gt;</desc>"
                       u"<size>9223372036854775807</size>"_s);
}

void tst_JingleFileDescription::roundTrip()
{
    QFETCH(QString, xml);
    JingleFileDescription file;
    QString error;
    QVERIFY2(parse(xml, &file, &error), qPrintable(error));
    QCOMPARE(canonical(JingleXml::toXmlString(file)), canonical(xml));
    JingleFileDescription again;
    QVERIFY2(parse(JingleXml::toXmlString(file), &again, &error), qPrintable(error));
    QCOMPARE(again, file);
}

void tst_JingleFileDescription::builtInCode()
{
    JingleFileDescription file;
    file.name = u"notes.txt"_s;
    file.size = content.size();
    file.mediaType = u"text/plain"_s;
    file.date = QDateTime(QDate(2025, 3, 14), QTime(10, 26, 53), QTimeZone::fromSecondsAheadOfUtc(3600));
    file.hashes.append({ QCryptographicHash::Sha256, QCryptographicHash::hash(content, QCryptographicHash::Sha256) });
    file.range = JingleFileDescription::Range { 5, 10 };
    const QString expected = description(
        u"<media-type>text/plain</media-type><name>notes.txt</name><date>2025-03-14T09:26:53Z</date><size>15</size>"
        u"<hash xmlns='urn:xmpp:hashes:2' algo='sha-256'>l3pvLCo2KjjRa0ppdSG+yywao8LyhCr8uRpnMUB57n8=</hash>"
        u"<range offset='5' length='10'/>"_s);
    QCOMPARE(canonical(JingleXml::toXmlString(file)), canonical(expected));

    JingleFileDescription parsed;
    QString error;
    QVERIFY2(parse(expected, &parsed, &error), qPrintable(error));
    QCOMPARE(parsed.date, file.date); // the same instant
    QCOMPARE(parsed.hashes, file.hashes);
    QCOMPARE(parsed.range, file.range);
    QCOMPARE(parsed.size, 15);
}

void tst_JingleFileDescription::datesAreNormalisedToUtc_data()
{
    QTest::addColumn<QString>("sent");
    QTest::addColumn<QString>("written");
    QTest::newRow("offset") << u"2025-03-14T10:26:53+01:00"_s << u"2025-03-14T09:26:53Z"_s;
    QTest::newRow("negative offset") << u"2025-03-13T23:26:53-10:00"_s << u"2025-03-14T09:26:53Z"_s;
    QTest::newRow("microseconds") << u"2025-03-14T09:26:53.123456Z"_s << u"2025-03-14T09:26:53.123Z"_s;
    QTest::newRow("zero fraction") << u"2025-03-14T09:26:53.000+00:00"_s << u"2025-03-14T09:26:53Z"_s;
}

void tst_JingleFileDescription::datesAreNormalisedToUtc()
{
    QFETCH(QString, sent);
    QFETCH(QString, written);
    JingleFileDescription file;
    QString error;
    QVERIFY2(parse(description(u"<name>n</name><date>%1</date><size>1</size>"_s.arg(sent)), &file, &error),
             qPrintable(error));
    QCOMPARE(canonical(JingleXml::toXmlString(file)),
             canonical(description(u"<name>n</name><date>%1</date><size>1</size>"_s.arg(written))));
}

void tst_JingleFileDescription::unknownChildrenAreIgnored()
{
    JingleFileDescription file;
    QString error;
    QVERIFY2(parse(description(u"<name>n</name><size>1</size>"
                               u"<thumbnail xmlns='urn:xmpp:thumbs:1' uri='cid:x' media-type='image/png'/>"
                               u"<future-element/>"_s),
                   &file, &error),
             qPrintable(error));
    QCOMPARE(canonical(JingleXml::toXmlString(file)), canonical(description(u"<name>n</name><size>1</size>"_s)));
}

void tst_JingleFileDescription::rejects_data()
{
    QTest::addColumn<QString>("xml");
    QTest::addColumn<QString>("error");
    QTest::newRow("wrong version")
        << u"<description xmlns='urn:xmpp:jingle:apps:file-transfer:4'><file><name>n</name><size>1</size></file>"
           u"</description>"_s
        << u"expected <description/> in urn:xmpp:jingle:apps:file-transfer:5"_s;
    QTest::newRow("two files") << u"<description xmlns='urn:xmpp:jingle:apps:file-transfer:5'><file><name>n</name>"
                                  u"<size>1</size></file><file><name>m</name><size>1</size></file></description>"_s
                               << u"more than one <file/>"_s;
    QTest::newRow("no size") << description(u"<name>n</name>"_s) << u"needs <name/> and <size/>"_s;
    QTest::newRow("size with spaces inside")
        << description(u"<name>n</name><size>1 5</size>"_s) << u"the size must be a whole number of bytes"_s;
    QTest::newRow("size in hex") << description(u"<name>n</name><size>0x10</size>"_s) << u"the size"_s;
    QTest::newRow("two names") << description(u"<name>n</name><name>m</name><size>1</size>"_s)
                               << u"more than one <name/>"_s;
    QTest::newRow("name with control character")
        << description(u"<name>a&#x7f;b</name><size>1</size>"_s) << u"contains control characters"_s;
    QTest::newRow("oversized media type")
        << description(u"<media-type>%1</media-type><name>n</name><size>1</size>"_s.arg(QString(256, u'm')))
        << u"at most 255 characters"_s;
    QTest::newRow("oversized desc") << description(u"<name>n</name><desc>%1</desc><size>1</size>"_s.arg(
        QString(4097, u'd'))) << u"at most 4096 characters"_s;
    QTest::newRow("date as a number") << description(u"<name>n</name><date>1741944413</date><size>1</size>"_s)
                                      << u"XEP-0082"_s;
    QTest::newRow("date with 25 hours") << description(
        u"<name>n</name><date>2025-03-14T25:00:00Z</date><size>1</size>"_s)
                                        << u"XEP-0082"_s;
    QTest::newRow("hash with bad character")
        << description(u"<name>n</name><size>1</size><hash xmlns='urn:xmpp:hashes:2' algo='sha-256'>"
                       u"l3pvLCo2KjjRa0ppdSG+yywao8LyhCr8uRpnMUB5*n8=</hash>"_s)
        << u"the sha-256 hash must be 32 bytes in padded base64"_s;
    QTest::newRow("hash url-safe alphabet")
        << description(u"<name>n</name><size>1</size><hash xmlns='urn:xmpp:hashes:2' algo='sha-256'>"
                       u"l3pvLCo2KjjRa0ppdSG-yywao8LyhCr8uRpnMUB57n8=</hash>"_s)
        << u"padded base64"_s;
    QTest::newRow("sha-512 value under sha-256")
        << description(u"<name>n</name><size>1</size><hash xmlns='urn:xmpp:hashes:2' algo='sha-256'>%1</hash>"_s.arg(
               QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha512).toBase64())))
        << u"at most 44 characters"_s;
    QTest::newRow("hash without algorithm")
        << description(u"<name>n</name><size>1</size><hash xmlns='urn:xmpp:hashes:2'>abc=</hash>"_s)
        << u"the required attribute 'algo' is missing"_s;
    QTest::newRow("sha-1") << description(u"<name>n</name><size>1</size><hash xmlns='urn:xmpp:hashes:2' "
                                          u"algo='sha-1'>2jmj7l5rSw0yVb/vlWAYkK/YBwk=</hash>"_s)
                           << u"hash algorithm \"sha-1\" is not supported"_s;
    {
        QString hashes;
        for (int i = 0; i < JingleFileDescription::MaxHashes + 1; ++i)
            hashes
                += u"<hash xmlns='urn:xmpp:hashes:2' algo='sha-256'>l3pvLCo2KjjRa0ppdSG+yywao8LyhCr8uRpnMUB57n8=</hash>"_s;
        QTest::newRow("too many hashes") << description(u"<name>n</name><size>15</size>"_s + hashes)
                                         << u"more than 8 hashes"_s;
    }
    QTest::newRow("range offset after the end")
        << description(u"<name>n</name><size>15</size><range offset='16'/>"_s) << u"the range ends at byte 16"_s;
    QTest::newRow("negative range offset")
        << description(u"<name>n</name><size>15</size><range offset='-1'/>"_s) << u"'offset' must be a whole number"_s;
    QTest::newRow("two ranges") << description(u"<name>n</name><size>15</size><range/><range/>"_s)
                                << u"more than one <range/>"_s;
}

void tst_JingleFileDescription::rejects()
{
    QFETCH(QString, xml);
    QFETCH(QString, error);
    JingleFileDescription file;
    file.name = u"untouched"_s;
    QString message;
    QVERIFY(!parse(xml, &file, &message));
    QVERIFY2(message.startsWith(u"Jingle file description: "), qPrintable(message));
    QVERIFY2(message.contains(error), qPrintable(message));
    QCOMPARE(file.name, u"untouched"_s);
}

QTEST_GUILESS_MAIN(tst_JingleFileDescription)
#include "tst_JingleFileDescription.moc"
