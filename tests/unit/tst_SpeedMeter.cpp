// SpeedMeter: speed over the recent window, time left, decay when bytes stop coming.
#include "core/transfer/SpeedMeter.h"

#include <QTest>

using namespace Peerlink;

class tst_SpeedMeter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void steadyRate()
    {
        SpeedMeter meter(3000);
        for (qint64 ms = 0; ms <= 10000; ms += 100)
            meter.add(ms * 1000, ms); // 1 000 000 bytes per second
        QCOMPARE(meter.bytesPerSecond(10000), 1000000.0);
        QCOMPARE(meter.secondsLeft(5000000, 10000), 5);
        QCOMPARE(meter.secondsLeft(0, 10000), 0);
    }

    void followsTheRecentRate()
    {
        SpeedMeter meter(2000);
        qint64 total = 0;
        for (qint64 ms = 0; ms <= 5000; ms += 100) {
            meter.add(total, ms);
            total += 10000; // 100 kB/s
        }
        for (qint64 ms = 5100; ms <= 10000; ms += 100) {
            total += 100000; // 1 MB/s
            meter.add(total, ms);
        }
        QCOMPARE(meter.bytesPerSecond(10000), 1000000.0);
    }

    void stallDecays()
    {
        SpeedMeter meter(3000);
        meter.add(0, 0);
        meter.add(3000000, 3000);
        QCOMPARE(meter.bytesPerSecond(3000), 1000000.0);
        QVERIFY(meter.bytesPerSecond(6000) < 600000.0);
    }

    void unknownWithoutData()
    {
        SpeedMeter meter;
        QCOMPARE(meter.bytesPerSecond(1000), 0.0);
        QCOMPARE(meter.secondsLeft(100, 1000), -1);
        meter.add(500, 1000);
        QCOMPARE(meter.secondsLeft(100, 1000), -1);
        meter.reset();
        QCOMPARE(meter.bytesPerSecond(2000), 0.0);
    }
};

QTEST_GUILESS_MAIN(tst_SpeedMeter)
#include "tst_SpeedMeter.moc"
