// The translations are complete: every string the sources mark for translation (found by running
// lupdate over core, ui and app now) has a finished German and French translation that keeps its
// placeholders, English has its plural forms, and the built German catalogue is used.
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {
struct Message
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type; // "", "unfinished", "vanished", "obsolete"
    QStringList translations; // one, or the numerus forms
    QString key() const { return context + u'\x1f' + source + u'\x1f' + comment; }
};

QList<Message> parseTs(const QString &path, QString *error)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(path);
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == u"context") {
                context.clear();
            } else if (xml.name() == u"name") {
                context = xml.readElementText();
            } else if (xml.name() == u"message") {
                message = Message();
                message.context = context;
                message.numerus = xml.attributes().value(u"numerus") == u"yes";
            } else if (xml.name() == u"source") {
                message.source = xml.readElementText();
            } else if (xml.name() == u"comment") {
                message.comment = xml.readElementText();
            } else if (xml.name() == u"translation") {
                message.type = xml.attributes().value(u"type").toString();
                if (!message.numerus)
                    message.translations.append(xml.readElementText());
            } else if (xml.name() == u"numerusform") {
                message.translations.append(xml.readElementText());
            }
        } else if (xml.isEndElement() && xml.name() == u"message") {
            messages.append(message);
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1: %2").arg(path, xml.errorString());
    return messages;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%(\\d|n)"));
    QSet<QString> found;
    auto it = pattern.globalMatch(text);
    while (it.hasNext())
        found.insert(it.next().captured(0));
    return found;
}

QString sourceDir()
{
    return qEnvironmentVariable("PEERLINK_SOURCE_DIR");
}

QString tsFile(const QString &language)
{
    return sourceDir() + QStringLiteral("/translations/peerlink_") + language + QStringLiteral(".ts");
}
} // namespace

class tst_Translations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void complete_data();
    void complete();
    void coversEverySourceString_data();
    void coversEverySourceString();
    void englishPlurals();
    void germanCatalogueUsed();

private:
    QList<Message> m_current; // what lupdate finds in the sources now
};

void tst_Translations::initTestCase()
{
    const QString lupdate = qEnvironmentVariable("PEERLINK_LUPDATE");
    QVERIFY2(QFile::exists(lupdate), "PEERLINK_LUPDATE must name the lupdate program");
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("current.ts"));
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(lupdate,
                  { QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"),
                    QStringLiteral("-extensions"), QStringLiteral("cpp,h"), QStringLiteral("-silent"),
                    QStringLiteral("-I"), sourceDir(), sourceDir() + QStringLiteral("/core"),
                    sourceDir() + QStringLiteral("/ui"), sourceDir() + QStringLiteral("/app/main.cpp"),
                    QStringLiteral("-ts"), out });
    QVERIFY(process.waitForFinished(120000));
    QVERIFY2(process.exitCode() == 0, process.readAll().constData());
    QString error;
    m_current = parseTs(out, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(m_current.size() > 100);
}

void tst_Translations::complete_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("de") << "de";
    QTest::newRow("fr") << "fr";
}

void tst_Translations::complete()
{
    QFETCH(QString, language);
    QString error;
    const QList<Message> messages = parseTs(tsFile(language), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList problems;
    for (const Message &message : messages) {
        const QString where = message.context + QStringLiteral(": \"") + message.source + u'"';
        if (!message.type.isEmpty()) {
            problems.append(message.type + QStringLiteral(" ") + where);
            continue;
        }
        if (message.translations.isEmpty() || message.translations.contains(QString())) {
            problems.append(QStringLiteral("empty ") + where);
            continue;
        }
        if (message.numerus && message.translations.size() != 2)
            problems.append(QStringLiteral("needs 2 plural forms: ") + where);
        QSet<QString> expected = placeholders(message.source);
        for (const QString &translation : message.translations) {
            QSet<QString> got = placeholders(translation);
            if (message.numerus && message.translations.size() > 1) {
                // A singular form may spell the number out ("ein", "un").
                expected.remove(QStringLiteral("%n"));
                got.remove(QStringLiteral("%n"));
            }
            if (got != expected)
                problems.append(QStringLiteral("placeholders differ in \"%1\": ").arg(translation) + where);
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 30).join(u'\n')));
}

void tst_Translations::coversEverySourceString_data()
{
    complete_data();
}

void tst_Translations::coversEverySourceString()
{
    QFETCH(QString, language);
    QString error;
    const QList<Message> messages = parseTs(tsFile(language), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QSet<QString> translated;
    for (const Message &message : messages) {
        if (message.type.isEmpty() && !message.translations.isEmpty() && !message.translations.contains(QString()))
            translated.insert(message.key());
    }
    QStringList missing;
    for (const Message &message : std::as_const(m_current)) {
        if (!translated.contains(message.key()))
            missing.append(message.context + QStringLiteral(": \"") + message.source + u'"');
    }
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("%1 strings without a %2 translation (run the update_translations target, "
                                       "then translate):\n")
                            .arg(missing.size())
                            .arg(language)
                        + missing.mid(0, 30).join(u'\n')));
}

void tst_Translations::englishPlurals()
{
    QString error;
    const QList<Message> messages = parseTs(tsFile(QStringLiteral("en")), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QSet<QString> done;
    for (const Message &message : messages) {
        if (message.numerus && message.type.isEmpty() && message.translations.size() == 2
            && !message.translations.contains(QString()))
            done.insert(message.key());
    }
    QStringList missing;
    for (const Message &message : std::as_const(m_current)) {
        if (message.numerus && !done.contains(message.key()))
            missing.append(message.context + QStringLiteral(": \"") + message.source + u'"');
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u'\n')));
}

void tst_Translations::germanCatalogueUsed()
{
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral("peerlink_de"), qEnvironmentVariable("PEERLINK_QM_DIR")));
    QCOMPARE(translator.language(), QStringLiteral("de"));
    QCoreApplication::installTranslator(&translator);
    const QString settings = QCoreApplication::translate("Peerlink::SettingsDialog", "Settings");
    const QString files
        = QCoreApplication::translate("Peerlink::OfferDialog", "%1 wants to send you %n file(s)", nullptr, 3);
    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(settings, QStringLiteral("Einstellungen"));
    QVERIFY2(files.contains(QStringLiteral("3")) && files.contains(QStringLiteral("Dateien")), qPrintable(files));
}

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_Translations.moc"
