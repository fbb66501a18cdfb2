// DeviceIdentity: created once per profile, reloaded unchanged, key kept private, damaged files
// reported (never silently replaced), fingerprints in XEP-0320 text form.
#include "core/channel/DeviceIdentity.h"

#include <sys/stat.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Peerlink;

namespace {

// DER of the first PEM block, decoded here without GnuTLS so the fingerprint is checked independently.
QByteArray pemToDer(const QByteArray &pem)
{
    const QByteArray begin = QByteArrayLiteral("-----BEGIN CERTIFICATE-----");
    const QByteArray end = QByteArrayLiteral("-----END CERTIFICATE-----");
    const qsizetype from = pem.indexOf(begin);
    const qsizetype to = pem.indexOf(end);
    if (from < 0 || to < from)
        return {};
    const QByteArray body = pem.mid(from + begin.size(), to - from - begin.size());
    return QByteArray::fromBase64(body.simplified().replace(' ', ""));
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

} // namespace

class tst_DeviceIdentity : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void createThenReload();
    void keyFileIsPrivate();
    void fingerprintIsSha256OfDer();
    void differentProfilesDiffer();
    void damagedFilesAreReported_data();
    void damagedFilesAreReported();
    void unusableProfileFolder();
    void fromPemRejectsForeignKey();
    void fingerprintText_data();
    void fingerprintText();
    void formatRejectsWrongSize();
};

void tst_DeviceIdentity::createThenReload()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString profile = dir.filePath(QStringLiteral("profile/nested"));
    QString error;
    const DeviceIdentity first = DeviceIdentity::loadOrCreate(profile, &error);
    QVERIFY2(!first.isNull(), qPrintable(error));
    QCOMPARE(first.fingerprint().size(), DeviceIdentity::FingerprintSize);
    QVERIFY(first.certificatePem().startsWith("-----BEGIN CERTIFICATE-----"));
    QVERIFY(first.privateKeyPem().contains("PRIVATE KEY-----"));
    QVERIFY(QFile::exists(QDir(profile).filePath(DeviceIdentity::certificateFileName())));
    QVERIFY(QFile::exists(QDir(profile).filePath(DeviceIdentity::privateKeyFileName())));

    const DeviceIdentity second = DeviceIdentity::loadOrCreate(profile, &error);
    QVERIFY2(!second.isNull(), qPrintable(error));
    QCOMPARE(second.fingerprint(), first.fingerprint());
    QCOMPARE(second.certificatePem(), first.certificatePem());
    QCOMPARE(second.privateKeyPem(), first.privateKeyPem());
    QVERIFY(second == first);
}

void tst_DeviceIdentity::keyFileIsPrivate()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    QVERIFY2(!DeviceIdentity::loadOrCreate(dir.path(), &error).isNull(), qPrintable(error));
    const QByteArray keyPath = QFile::encodeName(dir.filePath(DeviceIdentity::privateKeyFileName()));
    struct stat info {};
    QCOMPARE(::stat(keyPath.constData(), &info), 0);
    QCOMPARE(info.st_mode & 07777, mode_t(0600));

    // A key file that was made readable by others is restricted again on load.
    QCOMPARE(::chmod(keyPath.constData(), 0644), 0);
    QVERIFY2(!DeviceIdentity::loadOrCreate(dir.path(), &error).isNull(), qPrintable(error));
    QCOMPARE(::stat(keyPath.constData(), &info), 0);
    QCOMPARE(info.st_mode & 07777, mode_t(0600));
}

void tst_DeviceIdentity::fingerprintIsSha256OfDer()
{
    QString error;
    const DeviceIdentity identity = DeviceIdentity::generate(&error);
    QVERIFY2(!identity.isNull(), qPrintable(error));
    const QByteArray der = pemToDer(identity.certificatePem());
    QVERIFY(der.size() > 100);
    QCOMPARE(identity.fingerprint(), QCryptographicHash::hash(der, QCryptographicHash::Sha256));
    // The subject names the device, as the design says.
    QVERIFY(der.contains("Peerlink device"));
}

void tst_DeviceIdentity::differentProfilesDiffer()
{
    QTemporaryDir a;
    QTemporaryDir b;
    QVERIFY(a.isValid() && b.isValid());
    const DeviceIdentity first = DeviceIdentity::loadOrCreate(a.path());
    const DeviceIdentity second = DeviceIdentity::loadOrCreate(b.path());
    QVERIFY(!first.isNull() && !second.isNull());
    QVERIFY(first.fingerprint() != second.fingerprint());
    QVERIFY(first.privateKeyPem() != second.privateKeyPem());
}

void tst_DeviceIdentity::damagedFilesAreReported_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("garbage certificate") << "garbage-cert" << "damaged";
    QTest::newRow("truncated certificate") << "truncate-cert" << "damaged";
    QTest::newRow("garbage key") << "garbage-key" << "damaged";
    QTest::newRow("empty key") << "empty-key" << "damaged";
    QTest::newRow("key of another device") << "foreign-key" << "does not belong";
    QTest::newRow("missing key") << "missing-key" << "incomplete";
    QTest::newRow("missing certificate") << "missing-cert" << "incomplete";
}

void tst_DeviceIdentity::damagedFilesAreReported()
{
    QFETCH(QString, damage);
    QFETCH(QString, mentions);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    const DeviceIdentity original = DeviceIdentity::loadOrCreate(dir.path(), &error);
    QVERIFY2(!original.isNull(), qPrintable(error));
    const QString certPath = dir.filePath(DeviceIdentity::certificateFileName());
    const QString keyPath = dir.filePath(DeviceIdentity::privateKeyFileName());

    if (damage == u"garbage-cert")
        QVERIFY(writeAll(certPath, "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n"));
    else if (damage == u"truncate-cert")
        QVERIFY(writeAll(certPath, original.certificatePem().left(original.certificatePem().size() / 2)));
    else if (damage == u"garbage-key")
        QVERIFY(writeAll(keyPath, "this is not a key"));
    else if (damage == u"empty-key")
        QVERIFY(writeAll(keyPath, QByteArray()));
    else if (damage == u"foreign-key")
        QVERIFY(writeAll(keyPath, DeviceIdentity::generate().privateKeyPem()));
    else if (damage == u"missing-key")
        QVERIFY(QFile::remove(keyPath));
    else if (damage == u"missing-cert")
        QVERIFY(QFile::remove(certPath));
    const QByteArray certBefore = readAll(certPath);
    const QByteArray keyBefore = readAll(keyPath);

    error.clear();
    const DeviceIdentity loaded = DeviceIdentity::loadOrCreate(dir.path(), &error);
    QVERIFY(loaded.isNull());
    QVERIFY2(error.contains(mentions), qPrintable(error));
    QVERIFY2(error.contains(QDir::toNativeSeparators(dir.path())), qPrintable(error));
    QVERIFY2(error.contains(u"backup") && error.contains(u"delete"), qPrintable(error));

    // Nothing was regenerated behind the user's back.
    QCOMPARE(readAll(certPath), certBefore);
    QCOMPARE(readAll(keyPath), keyBefore);
    QCOMPARE(QFile::exists(certPath), damage != u"missing-cert");
    QCOMPARE(QFile::exists(keyPath), damage != u"missing-key");
}

void tst_DeviceIdentity::unusableProfileFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A regular file where the profile folder should be: cannot be created, even by root.
    const QString blocker = dir.filePath(QStringLiteral("blocker"));
    QVERIFY(writeAll(blocker, "x"));
    QString error;
    const DeviceIdentity identity = DeviceIdentity::loadOrCreate(blocker + QStringLiteral("/profile"), &error);
    QVERIFY(identity.isNull());
    QVERIFY2(error.contains(u"profile folder"), qPrintable(error));
}

void tst_DeviceIdentity::fromPemRejectsForeignKey()
{
    const DeviceIdentity a = DeviceIdentity::generate();
    const DeviceIdentity b = DeviceIdentity::generate();
    QVERIFY(!a.isNull() && !b.isNull());
    QString error;
    const DeviceIdentity same = DeviceIdentity::fromPem(a.certificatePem(), a.privateKeyPem(), &error);
    QVERIFY2(!same.isNull(), qPrintable(error));
    QCOMPARE(same.fingerprint(), a.fingerprint());
    QVERIFY(DeviceIdentity::fromPem(a.certificatePem(), b.privateKeyPem(), &error).isNull());
    QVERIFY2(error.contains(u"does not belong"), qPrintable(error));
    QVERIFY(DeviceIdentity::fromPem(QByteArray(), a.privateKeyPem(), &error).isNull());
}

void tst_DeviceIdentity::fingerprintText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("bytes"); // empty: malformed

    QByteArray counting(32, Qt::Uninitialized);
    for (int i = 0; i < 32; ++i)
        counting[i] = char(i * 7 + 3);
    const QString countingText = QString::fromLatin1(counting.toHex(':').toUpper());

    QTest::newRow("uppercase") << countingText << counting;
    QTest::newRow("lowercase") << countingText.toLower() << counting;
    QTest::newRow("surrounding white space")
        << QString(QStringLiteral("  \n") + countingText + QStringLiteral("\t")) << counting;
    QTest::newRow("all ff") << QString::fromLatin1(QByteArray(32, char(0xff)).toHex(':').toUpper())
                            << QByteArray(32, char(0xff));
    QTest::newRow("empty") << QString() << QByteArray();
    QTest::newRow("31 bytes") << countingText.left(countingText.size() - 3) << QByteArray();
    QTest::newRow("33 bytes") << QString(countingText + QStringLiteral(":AB")) << QByteArray();
    QTest::newRow("trailing colon") << QString(countingText + QStringLiteral(":")) << QByteArray();
    QTest::newRow("dashes") << QString(countingText).replace(u':', u'-') << QByteArray();
    QTest::newRow("no separators") << QString::fromLatin1(counting.toHex().toUpper()) << QByteArray();
    QTest::newRow("not hex") << QString(countingText).replace(0, 1, u'G') << QByteArray();
    QTest::newRow("single digit groups") << QString(countingText).remove(0, 1).prepend(u' ') << QByteArray();
    QTest::newRow("non-latin digit") << QString(countingText).replace(0, 1, QChar(0x0661)) << QByteArray();
}

void tst_DeviceIdentity::fingerprintText()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, bytes);

    const QByteArray parsed = DeviceIdentity::parseFingerprint(text);
    QCOMPARE(parsed, bytes);
    if (!bytes.isEmpty()) {
        const QString formatted = DeviceIdentity::formatFingerprint(parsed);
        QCOMPARE(formatted, text.trimmed().toUpper());
        QCOMPARE(DeviceIdentity::parseFingerprint(formatted), bytes);
    }
}

void tst_DeviceIdentity::formatRejectsWrongSize()
{
    QCOMPARE(DeviceIdentity::formatFingerprint(QByteArray(31, 'a')), QString());
    QCOMPARE(DeviceIdentity::formatFingerprint(QByteArray()), QString());
    const DeviceIdentity identity = DeviceIdentity::generate();
    const QString text = DeviceIdentity::formatFingerprint(identity.fingerprint());
    QCOMPARE(text.size(), 32 * 3 - 1);
    QCOMPARE(DeviceIdentity::parseFingerprint(text), identity.fingerprint());
}

QTEST_GUILESS_MAIN(tst_DeviceIdentity)
#include "tst_DeviceIdentity.moc"
