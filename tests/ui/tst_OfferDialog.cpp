// The incoming offer dialog against a fake transfer source: accept, save as (a file, or a folder
// for several files), decline; offers that the sender withdraws leave the dialog; Escape only
// closes it, leaving the offer open.
#include "FakeBackend.h"
#include "ui/FileChooser.h"
#include "ui/OfferDialog.h"

#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace Peerlink;
using namespace Peerlink::Test;

namespace {
const QString Bob = QStringLiteral("bob@example.org");
}

class tst_OfferDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // The English catalogue brings the plural forms ("2 files").
        QVERIFY(m_english.load(QStringLiteral("peerlink_en"), qEnvironmentVariable("PEERLINK_QM_DIR")));
        QCoreApplication::installTranslator(&m_english);
    }
    void cleanup() { FileChooser::setHandler(nullptr); }
    void accept();
    void saveAsFile();
    void saveAsCancelled();
    void saveAsFolderForSeveral();
    void decline();
    void withdrawnBySender();
    void escapeKeepsOffer();

private:
    QTranslator m_english;
};

void tst_OfferDialog::accept()
{
    FakeTransferSource source;
    const Transfer offer = source.offer(Bob, QStringLiteral("report.pdf"), 2400000);
    QPointer<OfferDialog> dialog = new OfferDialog(&source, Bob, QStringLiteral("Bob"));
    dialog->addOffer(offer);
    dialog->show();
    QCOMPARE(dialog->headline(), QStringLiteral("Bob wants to send you “report.pdf”"));
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("offerDetails"))->text().startsWith(QStringLiteral("2.4 MB")));
    QVERIFY(dialog->acceptButton()->isDefault());
    QTest::mouseClick(dialog->acceptButton(), Qt::LeftButton);
    QCOMPARE(source.accepted.size(), 1);
    QCOMPARE(source.accepted.first(), std::make_pair(offer.id, QString()));
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, 2000);
}

void tst_OfferDialog::saveAsFile()
{
    QTemporaryDir dir;
    FakeTransferSource source;
    TransferSettings settings;
    settings.downloadDir = dir.path();
    source.setSettings(settings);
    const Transfer offer = source.offer(Bob, QStringLiteral("report.pdf"), 1000);
    QString suggested;
    const QString chosen = dir.filePath(QStringLiteral("elsewhere/q3.pdf"));
    FileChooser::setHandler([&](FileChooser::Kind kind, const QString &suggestion) {
        if (kind != FileChooser::Kind::SaveFile)
            return QStringList();
        suggested = suggestion;
        return QStringList { chosen };
    });
    QPointer<OfferDialog> dialog = new OfferDialog(&source, Bob, QStringLiteral("Bob"));
    dialog->addOffer(offer);
    dialog->show();
    QTest::mouseClick(dialog->saveAsButton(), Qt::LeftButton);
    QCOMPARE(suggested, dir.filePath(QStringLiteral("report.pdf")));
    QCOMPARE(source.accepted, (QList<std::pair<QString, QString>> { { offer.id, chosen } }));
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, 2000);
}

void tst_OfferDialog::saveAsCancelled()
{
    FakeTransferSource source;
    const Transfer offer = source.offer(Bob, QStringLiteral("report.pdf"), 1000);
    FileChooser::setHandler([](FileChooser::Kind, const QString &) { return QStringList(); });
    auto *dialog = new OfferDialog(&source, Bob, QStringLiteral("Bob"));
    dialog->addOffer(offer);
    dialog->show();
    QTest::mouseClick(dialog->saveAsButton(), Qt::LeftButton);
    QVERIFY(source.accepted.isEmpty());
    QVERIFY(dialog->isVisible()); // still asking
    delete dialog;
}

void tst_OfferDialog::saveAsFolderForSeveral()
{
    QTemporaryDir dir;
    FakeTransferSource source;
    const Transfer a = source.offer(Bob, QStringLiteral("Photos/a.jpg"), 1000);
    const Transfer b = source.offer(Bob, QStringLiteral("Photos/b.jpg"), 2000);
    FileChooser::setHandler([&](FileChooser::Kind kind, const QString &) {
        return kind == FileChooser::Kind::Folder ? QStringList { dir.path() } : QStringList();
    });
    QPointer<OfferDialog> dialog = new OfferDialog(&source, Bob, QStringLiteral("Bob"));
    dialog->addOffer(a);
    dialog->addOffer(b);
    dialog->addOffer(a); // once only
    dialog->show();
    QCOMPARE(dialog->headline(), QStringLiteral("Bob wants to send you 2 files"));
    QCOMPARE(dialog->findChild<QListWidget *>(QStringLiteral("offerList"))->count(), 2);
    QTest::mouseClick(dialog->saveAsButton(), Qt::LeftButton);
    QCOMPARE(source.accepted.size(), 2);
    QCOMPARE(source.accepted[0].second, dir.filePath(QStringLiteral("Photos/a.jpg")));
    QCOMPARE(source.accepted[1].second, dir.filePath(QStringLiteral("Photos/b.jpg")));
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, 2000);
}

void tst_OfferDialog::decline()
{
    FakeTransferSource source;
    const Transfer offer = source.offer(Bob, QStringLiteral("virus.exe"), 1000);
    QPointer<OfferDialog> dialog = new OfferDialog(&source, Bob, QStringLiteral("Bob"));
    dialog->addOffer(offer);
    dialog->show();
    QTest::mouseClick(dialog->declineButton(), Qt::LeftButton);
    QCOMPARE(source.declined, QStringList { offer.id });
    QVERIFY(source.accepted.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, 2000);
}

void tst_OfferDialog::withdrawnBySender()
{
    FakeTransferSource source;
    const Transfer a = source.offer(Bob, QStringLiteral("a.txt"), 10);
    const Transfer b = source.offer(Bob, QStringLiteral("b.txt"), 10);
    QPointer<OfferDialog> dialog = new OfferDialog(&source, Bob, QStringLiteral("Bob"));
    dialog->addOffer(a);
    dialog->addOffer(b);
    dialog->show();
    source.setState(a.id, Transfer::State::Cancelled);
    QCOMPARE(dialog->offerIds(), QStringList { b.id });
    QCOMPARE(dialog->headline(), QStringLiteral("Bob wants to send you “b.txt”"));
    source.setState(b.id, Transfer::State::Cancelled);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, 2000);
}

void tst_OfferDialog::escapeKeepsOffer()
{
    FakeTransferSource source;
    const Transfer offer = source.offer(Bob, QStringLiteral("a.txt"), 10);
    QPointer<OfferDialog> dialog = new OfferDialog(&source, Bob, QStringLiteral("Bob"));
    dialog->addOffer(offer);
    dialog->show();
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, 2000);
    QVERIFY(source.declined.isEmpty());
    QCOMPARE(source.transfer(offer.id)->state, Transfer::State::Offered);
}

QTEST_MAIN(tst_OfferDialog)
#include "tst_OfferDialog.moc"
