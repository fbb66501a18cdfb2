// One Peerlink per profile: the first instance claims the profile's socket; a second start of the
// same profile (here on another thread, as another process would) is told to step back and the
// first is asked to raise its window; another profile runs side by side.
#include "ui/Profile.h"
#include "ui/SingleInstance.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace Peerlink;

class tst_SingleInstance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secondStartRaisesFirst();
    void profilesAreIndependent();
};

namespace {
// Claims `key` on a thread of its own; returns what claim() said (via result).
QThread *claimElsewhere(const QString &key, std::atomic<int> *result)
{
    QThread *thread = QThread::create([key, result] {
        SingleInstance second(key);
        *result = second.claim() ? 1 : 0;
    });
    thread->start();
    return thread;
}
} // namespace

void tst_SingleInstance::secondStartRaisesFirst()
{
    QTemporaryDir dir;
    const Profile profile(QStringLiteral("test"), dir.path());
    SingleInstance first(profile.instanceKey());
    QVERIFY(first.claim());
    QVERIFY(first.isPrimary());
    QSignalSpy raised(&first, &SingleInstance::raiseRequested);

    std::atomic<int> result { -1 };
    QThread *thread = claimElsewhere(profile.instanceKey(), &result);
    QTRY_VERIFY_WITH_TIMEOUT(thread->isFinished(), 10000);
    QCOMPARE(result.load(), 0); // the second start steps back
    QCOMPARE(raised.size(), 1);
    delete thread;
}

void tst_SingleInstance::profilesAreIndependent()
{
    QTemporaryDir a;
    QTemporaryDir b;
    const Profile first(QStringLiteral("a"), a.path());
    const Profile second(QStringLiteral("b"), b.path());
    QVERIFY(first.instanceKey() != second.instanceKey());
    SingleInstance one(first.instanceKey());
    QVERIFY(one.claim());
    std::atomic<int> result { -1 };
    QThread *thread = claimElsewhere(second.instanceKey(), &result);
    QTRY_VERIFY_WITH_TIMEOUT(thread->isFinished(), 10000);
    QCOMPARE(result.load(), 1);
    delete thread;
    QVERIFY(Profile::isValidName(QStringLiteral("work-2")));
    QVERIFY(!Profile::isValidName(QStringLiteral("../etc")));
    QVERIFY(!Profile::isValidName(QString()));
}

QTEST_MAIN(tst_SingleInstance)
#include "tst_SingleInstance.moc"
