// The contact list and its Connect buttons against a fake backend: each connection state is
// shown (idle, connecting with a spinner, direct / UPnP / relayed with the RTT, failed with the
// reason and Retry), and clicking the button asks the connection controller.
#include "FakeBackend.h"
#include "ui/ConnectButton.h"
#include "ui/ContactListWidget.h"
#include "ui/ContactRow.h"

#include <QApplication>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace Peerlink;
using namespace Peerlink::Test;

class tst_ContactList : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buttonStates_data();
    void buttonStates();
    void connectFlow();
    void failureShowsReasonAndRetries();
    void offlineContactCannotConnect();
    void listOrderAndSearch();
    void keyboardNavigation();
};

void tst_ContactList::buttonStates_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<int>("route");
    QTest::addColumn<int>("rtt");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("stateName");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("spinning");

    using S = ConnectionInfo::State;
    using R = ConnectionInfo::Route;
    QTest::newRow("idle") << int(S::Idle) << int(R::Unknown) << -1 << QString() << "idle" << "Connect" << false;
    QTest::newRow("connecting") << int(S::Connecting) << int(R::Unknown) << -1 << QString() << "connecting"
                                << "Connecting…" << true;
    QTest::newRow("direct") << int(S::Connected) << int(R::Direct) << 12 << QString() << "direct" << "Direct · 12 ms"
                            << false;
    QTest::newRow("upnp") << int(S::Connected) << int(R::Upnp) << 30 << QString() << "upnp"
                          << "Direct (UPnP) · 30 ms" << false;
    QTest::newRow("relayed") << int(S::Connected) << int(R::Relayed) << 85 << QString() << "relayed"
                             << "Relayed · 85 ms" << false;
    QTest::newRow("failed") << int(S::Failed) << int(R::Unknown) << -1
                            << QStringLiteral("No connection to bob could be established within 30 seconds.")
                            << "failed" << "Retry" << false;
}

void tst_ContactList::buttonStates()
{
    QFETCH(int, state);
    QFETCH(int, route);
    QFETCH(int, rtt);
    QFETCH(QString, error);
    QFETCH(QString, stateName);
    QFETCH(QString, text);
    QFETCH(bool, spinning);

    FakeBackend fake;
    fake.contacts.put(QStringLiteral("bob@example.org"), QStringLiteral("Bob"));
    ContactListWidget list(fake.backend());
    list.resize(360, 400);
    list.show();
    ContactRow *row = list.row(QStringLiteral("bob@example.org"));
    QVERIFY(row);

    ConnectionInfo info;
    info.state = ConnectionInfo::State(state);
    info.route = ConnectionInfo::Route(route);
    info.rttMs = rtt;
    info.error = error;
    fake.connections.set(QStringLiteral("bob@example.org"), info);

    ConnectButton *button = row->connectButton();
    QCOMPARE(button->stateName(), stateName);
    QCOMPARE(button->property("connectionState").toString(), stateName);
    QCOMPARE(button->text(), text);
    QCOMPARE(button->isSpinning(), spinning);
    QVERIFY(button->isEnabled());
    QVERIFY(!button->accessibleName().isEmpty());
    if (!error.isEmpty()) {
        QCOMPARE(button->toolTip(), error);
        QCOMPARE(row->statusText(), error); // the reason in plain words under the name
    }
}

void tst_ContactList::connectFlow()
{
    FakeBackend fake;
    fake.contacts.put(QStringLiteral("bob@example.org"), QStringLiteral("Bob"));
    ContactListWidget list(fake.backend());
    list.show();
    ConnectButton *button = list.row(QStringLiteral("bob@example.org"))->connectButton();

    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(fake.connections.connectRequests, QStringList { QStringLiteral("bob@example.org") });
    QCOMPARE(button->stateName(), QStringLiteral("connecting"));
    QCOMPARE(list.row(QStringLiteral("bob@example.org"))->statusText(), QStringLiteral("Waiting for Bob to answer…"));

    ConnectionInfo connected;
    connected.state = ConnectionInfo::State::Connected;
    connected.route = ConnectionInfo::Route::Direct;
    connected.rttMs = 4;
    fake.connections.set(QStringLiteral("bob@example.org"), connected);
    QCOMPARE(button->text(), QStringLiteral("Direct · 4 ms"));
    // A click on a connected button opens its menu instead of connecting again.
    QTimer::singleShot(0, [] {
        if (QWidget *popup = QApplication::activePopupWidget())
            popup->close();
    });
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(fake.connections.connectRequests.size(), 1);
}

void tst_ContactList::failureShowsReasonAndRetries()
{
    FakeBackend fake;
    fake.contacts.put(QStringLiteral("bob@example.org"), QStringLiteral("Bob"));
    fake.connections.refuseWith = QStringLiteral("You are not signed in.");
    ContactListWidget list(fake.backend());
    list.show();
    QSignalSpy errors(&list, &ContactListWidget::errorOccurred);
    ContactRow *row = list.row(QStringLiteral("bob@example.org"));

    QTest::mouseClick(row->connectButton(), Qt::LeftButton);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(row->connectButton()->stateName(), QStringLiteral("failed"));
    QCOMPARE(row->connectButton()->text(), QStringLiteral("Retry"));
    QCOMPARE(row->statusText(), QStringLiteral("You are not signed in."));

    fake.connections.refuseWith.clear();
    QTest::mouseClick(row->connectButton(), Qt::LeftButton); // Retry
    QCOMPARE(fake.connections.connectRequests.size(), 2);
    QCOMPARE(row->connectButton()->stateName(), QStringLiteral("connecting"));
}

void tst_ContactList::offlineContactCannotConnect()
{
    FakeBackend fake;
    fake.contacts.put(QStringLiteral("carol@example.org"), QStringLiteral("Carol"),
                      RosterContact::Availability::Offline);
    ContactListWidget list(fake.backend());
    list.show();
    ConnectButton *button = list.row(QStringLiteral("carol@example.org"))->connectButton();
    QVERIFY(!button->isEnabled());
    QVERIFY(button->toolTip().contains(QStringLiteral("offline")));
    fake.contacts.put(QStringLiteral("carol@example.org"), QStringLiteral("Carol"));
    QVERIFY(button->isEnabled());
}

void tst_ContactList::listOrderAndSearch()
{
    FakeBackend fake;
    fake.contacts.put(QStringLiteral("zoe@example.org"), QStringLiteral("Zoe"));
    fake.contacts.put(QStringLiteral("carol@example.org"), QStringLiteral("Carol"),
                      RosterContact::Availability::Offline);
    fake.contacts.put(QStringLiteral("adam@example.org"), QStringLiteral("Adam"), RosterContact::Availability::Away);
    ContactListWidget list(fake.backend());
    list.show();
    QStringList order;
    for (ContactRow *row : list.rows())
        order.append(row->displayName());
    QCOMPARE(order, (QStringList { QStringLiteral("Adam"), QStringLiteral("Zoe"), QStringLiteral("Carol") }));

    QTest::keyClicks(list.searchField(), QStringLiteral("zo"));
    QVERIFY(list.row(QStringLiteral("zoe@example.org"))->isVisible());
    QVERIFY(!list.row(QStringLiteral("adam@example.org"))->isVisible());
    QVERIFY(!list.row(QStringLiteral("carol@example.org"))->isVisible());
}

void tst_ContactList::keyboardNavigation()
{
    FakeBackend fake;
    fake.contacts.put(QStringLiteral("adam@example.org"), QStringLiteral("Adam"));
    fake.contacts.put(QStringLiteral("bob@example.org"), QStringLiteral("Bob"));
    ContactListWidget list(fake.backend());
    list.show();
    QVERIFY(QTest::qWaitForWindowActive(&list));
    QSignalSpy current(&list, &ContactListWidget::currentChanged);
    list.searchField()->setFocus();
    QTest::keyClick(list.searchField(), Qt::Key_Down);
    QTRY_VERIFY_WITH_TIMEOUT(list.row(QStringLiteral("adam@example.org"))->hasFocus(), 2000);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
    QTRY_VERIFY_WITH_TIMEOUT(list.row(QStringLiteral("bob@example.org"))->hasFocus(), 2000);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(current.size(), 1);
    QCOMPARE(list.currentJid(), QStringLiteral("bob@example.org"));
    // Every control has an accessible name.
    for (ContactRow *row : list.rows()) {
        QVERIFY(!row->accessibleName().isEmpty());
        QVERIFY(!row->connectButton()->accessibleName().isEmpty());
    }
    QVERIFY(!list.searchField()->accessibleName().isEmpty());
}

QTEST_MAIN(tst_ContactList)
#include "tst_ContactList.moc"
