// ReconnectBackoff: delays double up to the cap, each one jittered within [ceiling/2, ceiling].
#include "core/xmpp/ReconnectBackoff.h"

#include <QSet>
#include <QTest>

using namespace Peerlink;
using std::chrono::milliseconds;

class tst_ReconnectBackoff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ceilings_data()
    {
        QTest::addColumn<int>("initial");
        QTest::addColumn<int>("maximum");
        QTest::addColumn<QList<int>>("expected");
        QTest::newRow("1 s up to 2 min") << 1000 << 120000
                                         << QList<int> { 1000, 2000, 4000, 8000, 16000, 32000, 64000, 120000, 120000 };
        QTest::newRow("cap below the second step") << 500 << 800 << QList<int> { 500, 800, 800 };
        QTest::newRow("maximum below initial is raised") << 3000 << 1000 << QList<int> { 3000, 3000 };
    }

    void ceilings()
    {
        QFETCH(int, initial);
        QFETCH(int, maximum);
        QFETCH(QList<int>, expected);
        ReconnectBackoff backoff { milliseconds(initial), milliseconds(maximum) };
        for (int i = 0; i < expected.size(); ++i) {
            QCOMPARE(backoff.ceiling(i + 1).count(), expected.at(i));
            const auto delay = backoff.nextDelay().count();
            QCOMPARE(backoff.attempts(), i + 1);
            QVERIFY2(delay >= expected.at(i) / 2 && delay <= expected.at(i),
                     qPrintable(QStringLiteral("attempt %1: %2 ms").arg(i + 1).arg(delay)));
        }
    }

    void resetStartsOver()
    {
        ReconnectBackoff backoff;
        for (int i = 0; i < 10; ++i)
            backoff.nextDelay();
        QVERIFY(backoff.nextDelay() > milliseconds(30000));
        backoff.reset();
        QCOMPARE(backoff.attempts(), 0);
        const auto delay = backoff.nextDelay();
        QVERIFY(delay >= milliseconds(500) && delay <= milliseconds(1000));
    }

    // Clients cut off together must not come back together: the delays spread.
    void jitterSpreads()
    {
        QSet<qint64> seen;
        for (int i = 0; i < 100; ++i) {
            ReconnectBackoff backoff { milliseconds(10000), milliseconds(60000) };
            seen.insert(backoff.nextDelay().count());
        }
        QVERIFY2(seen.size() > 50, qPrintable(QString::number(seen.size())));
    }

    void neverOverflows()
    {
        ReconnectBackoff backoff { milliseconds(1000), milliseconds(300000) };
        for (int i = 0; i < 5000; ++i) {
            const auto delay = backoff.nextDelay();
            QVERIFY(delay >= milliseconds(150000) || i < 10);
            QVERIFY(delay <= milliseconds(300000));
        }
    }
};

QTEST_GUILESS_MAIN(tst_ReconnectBackoff)
#include "tst_ReconnectBackoff.moc"
