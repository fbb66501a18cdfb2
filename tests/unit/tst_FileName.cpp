// FileName: hostile names from a peer become safe local names; relative paths never climb.
#include "core/transfer/FileName.h"

#include <QTest>

using namespace Peerlink;
using namespace Qt::StringLiterals;

namespace {
qsizetype utf8(const QString &s)
{
    return s.toUtf8().size();
}
} // namespace

class tst_FileName : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sanitize_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << u"notes.txt"_s << u"notes.txt"_s;
        QTest::newRow("unicode kept") << u"Grüße 日本.pdf"_s << u"Grüße 日本.pdf"_s;
        QTest::newRow("nfd to nfc") << u"e\u0301.txt"_s << u"\u00e9.txt"_s;
        QTest::newRow("slash") << u"a/b"_s << u"a_b"_s;
        QTest::newRow("backslash") << u"a\\b"_s << u"a_b"_s;
        QTest::newRow("climbing") << u"../../etc/passwd"_s << u"_.._etc_passwd"_s;
        QTest::newRow("absolute") << u"/etc/passwd"_s << u"_etc_passwd"_s;
        QTest::newRow("windows drive") << u"C:\\Windows\\win.ini"_s << u"C__Windows_win.ini"_s;
        QTest::newRow("windows forbidden") << u"a<b>c|d?e*f\"g:h"_s << u"a_b_c_d_e_f_g_h"_s;
        QTest::newRow("dot") << u"."_s << u"file"_s;
        QTest::newRow("dotdot") << u".."_s << u"file"_s;
        QTest::newRow("dots") << u"...."_s << u"file"_s;
        QTest::newRow("empty") << QString() << u"file"_s;
        QTest::newRow("spaces") << u"   "_s << u"file"_s;
        QTest::newRow("hidden") << u".bashrc"_s << u"bashrc"_s;
        QTest::newRow("trailing dots and spaces") << u"report. . ."_s << u"report"_s;
        QTest::newRow("nul") << QString(u"evil" + QString(QChar(0)) + u".txt"_s) << u"evil.txt"_s;
        QTest::newRow("newline and tab") << u"line\nbreak\tx"_s << u"linebreakx"_s;
        QTest::newRow("escape") << u"\u001b[31mred"_s << u"[31mred"_s;
        QTest::newRow("c1 control") << u"a\u0085b"_s << u"ab"_s;
        QTest::newRow("bidi override") << u"invoice\u202Efdp.exe"_s << u"invoicefdp.exe"_s;
        QTest::newRow("zero width") << u"pay\u200Bpal.txt"_s << u"paypal.txt"_s;
        QTest::newRow("line separator") << u"a\u2028b"_s << u"ab"_s;
        QTest::newRow("no-break space") << u"a\u00a0b"_s << u"a b"_s;
        QTest::newRow("CON") << u"CON"_s << u"_CON"_s;
        QTest::newRow("con.txt") << u"con.txt"_s << u"_con.txt"_s;
        QTest::newRow("Nul.tar.gz") << u"Nul.tar.gz"_s << u"_Nul.tar.gz"_s;
        QTest::newRow("COM1") << u"COM1"_s << u"_COM1"_s;
        QTest::newRow("lpt9.log") << u"lpt9.log"_s << u"_lpt9.log"_s;
        QTest::newRow("COM superscript") << u"COM\u00b9.txt"_s << u"_COM\u00b9.txt"_s;
        QTest::newRow("CON with space") << u"CON .txt"_s << u"_CON .txt"_s;
        QTest::newRow("not reserved") << u"CONSOLE.txt"_s << u"CONSOLE.txt"_s;
        QTest::newRow("COM10 not reserved") << u"COM10"_s << u"COM10"_s;
        QTest::newRow("long ascii keeps extension")
            << QString(QString(300, u'a') + u".txt"_s) << QString(QString(196, u'a') + u".txt"_s);
        QTest::newRow("long two-byte") << QString(150, u'\u00e9') << QString(100, u'\u00e9');
        QTest::newRow("long emoji") << QString(u"😀"_s.repeated(60)) << QString(u"😀"_s.repeated(50));
    }

    void sanitize()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        const QString result = FileName::sanitize(name);
        QCOMPARE(result, expected);
        // The invariants, whatever the input.
        QVERIFY(!result.isEmpty());
        QVERIFY(!result.contains(u'/') && !result.contains(u'\\'));
        QVERIFY(result != u"." && result != u"..");
        QVERIFY(utf8(result) <= FileName::MaxComponentBytes);
        QCOMPARE(FileName::sanitize(result), result); // stable
    }

    void sanitizePath_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("file") << u"a.txt"_s << QStringList { u"a.txt"_s };
        QTest::newRow("folder") << u"Photos/2024/a.jpg"_s << QStringList { u"Photos"_s, u"2024"_s, u"a.jpg"_s };
        QTest::newRow("backslashes") << u"Photos\\2024\\a.jpg"_s << QStringList { u"Photos"_s, u"2024"_s, u"a.jpg"_s };
        QTest::newRow("climbing") << u"../../etc/passwd"_s << QStringList { u"etc"_s, u"passwd"_s };
        QTest::newRow("climbing inside") << u"a/../../b.txt"_s << QStringList { u"a"_s, u"b.txt"_s };
        QTest::newRow("absolute") << u"/etc/passwd"_s << QStringList { u"etc"_s, u"passwd"_s };
        QTest::newRow("windows absolute")
            << u"C:\\Windows\\win.ini"_s << QStringList { u"C_"_s, u"Windows"_s, u"win.ini"_s };
        QTest::newRow("unc") << u"\\\\server\\share\\x"_s << QStringList { u"server"_s, u"share"_s, u"x"_s };
        QTest::newRow("dot segments") << u"./a/./b/ /c"_s << QStringList { u"a"_s, u"b"_s, u"c"_s };
        QTest::newRow("only dots") << u"../.."_s << QStringList { u"file"_s };
        QTest::newRow("empty") << QString() << QStringList { u"file"_s };
        QTest::newRow("reserved folder") << u"aux/con.txt"_s << QStringList { u"_aux"_s, u"_con.txt"_s };
        QStringList deep;
        QString deepPath;
        for (int i = 0; i < 20; ++i)
            deepPath += u"d%1/"_s.arg(i);
        for (int i = 0; i < FileName::MaxDepth - 1; ++i)
            deep.append(u"d%1"_s.arg(i));
        deep.append(u"f"_s);
        QTest::newRow("too deep") << QString(deepPath + u"f"_s) << deep;
    }

    void sanitizePath()
    {
        QFETCH(QString, path);
        QFETCH(QStringList, expected);
        const QStringList result = FileName::sanitizePath(path);
        QCOMPARE(result, expected);
        QVERIFY(utf8(result.join(u'/')) <= FileName::MaxPathBytes);
        for (const QString &component : result)
            QCOMPARE(FileName::sanitize(component), component);
    }

    void longPathKeepsFileName()
    {
        QString path;
        for (int i = 0; i < 10; ++i)
            path += QString(150, QChar(u'a' + i)) + u'/';
        path += u"end.txt"_s;
        const QStringList result = FileName::sanitizePath(path);
        QCOMPARE(result.last(), u"end.txt"_s);
        QCOMPARE(result.first(), QString(150, u'a'));
        QVERIFY(utf8(result.join(u'/')) <= FileName::MaxPathBytes);
    }

    void numbered_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("expected");
        QTest::newRow("zero") << u"a.txt"_s << 0 << u"a.txt"_s;
        QTest::newRow("one") << u"a.txt"_s << 1 << u"a (1).txt"_s;
        QTest::newRow("no extension") << u"README"_s << 12 << u"README (12)"_s;
        QTest::newRow("double extension") << u"x.tar.gz"_s << 2 << u"x.tar (2).gz"_s;
        QTest::newRow("long") << QString(QString(196, u'b') + u".txt"_s) << 7
                              << QString(QString(192, u'b') + u" (7).txt"_s);
    }

    void unnumbered()
    {
        QCOMPARE(FileName::unnumbered(u"a (2).txt"_s), u"a.txt"_s);
        QCOMPARE(FileName::unnumbered(u"README (12)"_s), u"README"_s);
        QCOMPARE(FileName::unnumbered(u"a.txt"_s), u"a.txt"_s);
        QCOMPARE(FileName::unnumbered(u"(3).txt"_s), u"(3).txt"_s);
        QCOMPARE(FileName::unnumbered(u"x (a).txt"_s), u"x (a).txt"_s);
    }

    void numbered()
    {
        QFETCH(QString, name);
        QFETCH(int, n);
        QFETCH(QString, expected);
        QCOMPARE(FileName::numbered(name, n), expected);
        QVERIFY(utf8(FileName::numbered(name, n)) <= FileName::MaxComponentBytes);
    }
};

QTEST_GUILESS_MAIN(tst_FileName)
#include "tst_FileName.moc"
