// The settings dialog against a fake backend: what the user sets is saved in the profile's
// settings file and comes back, TURN passwords go to the secret store and never into the file,
// the settings are applied to connections and transfers at once, and invalid input is refused
// with a reason.
#include "FakeBackend.h"
#include "ui/AppSettings.h"
#include "ui/SettingsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Peerlink;
using namespace Peerlink::Test;

namespace {
template<typename T> T *child(QWidget *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (!found)
        qWarning() << "no child" << name;
    return found;
}

template<typename T> T *cell(QTableWidget *table, int row, int column)
{
    return qobject_cast<T *>(table->cellWidget(row, column));
}
} // namespace

class tst_SettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void settingsPersisted();
    void serverServicesListed();
    void invalidInputRefused_data();
    void invalidInputRefused();
};

void tst_SettingsDialog::settingsPersisted()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("settings.ini"));
    FakeBackend fake;
    fake.contacts.put(QStringLiteral("bob@example.org"), QStringLiteral("Bob"));
    {
        AppSettings settings(file);
        SettingsDialog dialog(settings, fake.backend(), {});
        dialog.show();

        IceConfig::Server stun;
        stun.host = QStringLiteral("stun.example.org");
        stun.port = 3479;
        dialog.addStunServer(stun);
        IceConfig::Server turn;
        turn.host = QStringLiteral("turn.example.org");
        turn.port = 5349;
        turn.transport = IceConfig::Server::Transport::Tls;
        turn.username = QStringLiteral("alice");
        turn.password = QStringLiteral("s3cret-turn");
        dialog.addTurnServer(turn);
        child<QCheckBox>(&dialog, QStringLiteral("upnpCheck"))->setChecked(false);
        child<QCheckBox>(&dialog, QStringLiteral("useServerServicesCheck"))->setChecked(false);
        child<QCheckBox>(&dialog, QStringLiteral("limitPortsCheck"))->setChecked(true);
        child<QSpinBox>(&dialog, QStringLiteral("minPort"))->setValue(40000);
        child<QSpinBox>(&dialog, QStringLiteral("maxPort"))->setValue(40100);
        child<QLineEdit>(&dialog, QStringLiteral("downloadDir"))->setText(dir.filePath(QStringLiteral("in")));
        dialog.addAutoAcceptRule(QStringLiteral("bob@example.org"), 50 * 1000 * 1000);
        auto *language = child<QComboBox>(&dialog, QStringLiteral("languageCombo"));
        language->setCurrentIndex(language->findData(QStringLiteral("de")));
        child<QCheckBox>(&dialog, QStringLiteral("notificationsCheck"))->setChecked(false);
        QTest::mouseClick(child<QPushButton>(&dialog, QStringLiteral("saveButton")), Qt::LeftButton);
        QVERIFY2(dialog.errorText().isEmpty(), qPrintable(dialog.errorText()));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    // Applied at once.
    QCOMPARE(fake.connections.networkSettingsApplied, 1);
    QCOMPARE(fake.connections.appliedUseServerServices, false);
    QCOMPARE(fake.connections.appliedIce.upnp, false);
    QCOMPARE(fake.connections.appliedIce.minPort, quint16(40000));
    QCOMPARE(fake.connections.appliedIce.maxPort, quint16(40100));
    QCOMPARE(fake.connections.appliedIce.stunServers.size(), 1);
    QCOMPARE(fake.connections.appliedIce.stunServers.first().host, QStringLiteral("stun.example.org"));
    QCOMPARE(fake.connections.appliedIce.turnServers.size(), 1);
    QCOMPARE(fake.connections.appliedIce.turnServers.first().password, QStringLiteral("s3cret-turn"));
    QCOMPARE(fake.transfers.settings().downloadDir, dir.filePath(QStringLiteral("in")));
    QCOMPARE(fake.transfers.settings().autoAccept.size(), 1);
    QVERIFY(fake.transfers.settings().autoAccepts(QStringLiteral("bob@example.org"), 50 * 1000 * 1000));

    // The TURN password is in the secret store, not in the file.
    QTRY_COMPARE_WITH_TIMEOUT(fake.secrets.secrets.value(QStringLiteral("turn:alice@turn.example.org:5349")),
                              QStringLiteral("s3cret-turn"), 2000);
    QFile ini(file);
    QVERIFY(ini.open(QIODevice::ReadOnly));
    QVERIFY(!ini.readAll().contains("s3cret-turn"));

    // Saved: a new settings object on the same file reads it all back.
    AppSettings reread(file);
    QCOMPARE(reread.stunServers().size(), 1);
    QCOMPARE(reread.stunServers().first().port, quint16(3479));
    QCOMPARE(reread.turnServers().size(), 1);
    QCOMPARE(reread.turnServers().first().transport, IceConfig::Server::Transport::Tls);
    QCOMPARE(reread.turnServers().first().username, QStringLiteral("alice"));
    QVERIFY(reread.turnServers().first().password.isEmpty());
    QCOMPARE(reread.upnp(), false);
    QCOMPARE(reread.useServerServices(), false);
    QCOMPARE(reread.minPort(), quint16(40000));
    QCOMPARE(reread.maxPort(), quint16(40100));
    QCOMPARE(reread.downloadDir(), dir.filePath(QStringLiteral("in")));
    QCOMPARE(reread.autoAcceptRules().size(), 1);
    QCOMPARE(reread.autoAcceptRules().first().maxBytes, qint64(50) * 1000 * 1000);
    QCOMPARE(reread.language(), QStringLiteral("de"));
    QCOMPARE(reread.notifications(), false);

    // And the dialog shows it again.
    SettingsDialog again(reread, fake.backend(), fake.secrets.secrets);
    auto *turnTable = child<QTableWidget>(&again, QStringLiteral("turnTable"));
    QCOMPARE(turnTable->rowCount(), 1);
    QCOMPARE(cell<QLineEdit>(turnTable, 0, 0)->text(), QStringLiteral("turn.example.org"));
    QCOMPARE(cell<QLineEdit>(turnTable, 0, 4)->text(), QStringLiteral("s3cret-turn"));
    QCOMPARE(cell<QLineEdit>(turnTable, 0, 4)->echoMode(), QLineEdit::Password);
    QVERIFY(!child<QCheckBox>(&again, QStringLiteral("upnpCheck"))->isChecked());
    QCOMPARE(child<QComboBox>(&again, QStringLiteral("languageCombo"))->currentData().toString(), QStringLiteral("de"));
    QCOMPARE(child<QTableWidget>(&again, QStringLiteral("autoAcceptTable"))->rowCount(), 1);
    // Every editor has an accessible name.
    const QList<QWidget *> editors = again.findChildren<QWidget *>();
    for (QWidget *w : editors) {
        if (qobject_cast<QLineEdit *>(w) || qobject_cast<QSpinBox *>(w) || qobject_cast<QComboBox *>(w)) {
            if (w->parent() && qobject_cast<QComboBox *>(w->parent()))
                continue; // a combo box's own line edit
            if (qobject_cast<QAbstractSpinBox *>(w->parent()))
                continue;
            QVERIFY2(!w->accessibleName().isEmpty(),
                     qPrintable(QStringLiteral("%1 %2").arg(QString::fromLatin1(w->metaObject()->className()),
                                                            w->objectName())));
        }
    }
}

void tst_SettingsDialog::serverServicesListed()
{
    QTemporaryDir dir;
    FakeBackend fake;
    ExternalService turn;
    turn.type = ExternalService::Type::Turn;
    turn.typeName = QStringLiteral("turn");
    turn.host = QStringLiteral("turn.example.org");
    turn.port = 3478;
    turn.transport = ExternalService::Transport::Udp;
    fake.connections.services = { turn };
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    SettingsDialog dialog(settings, fake.backend(), {});
    auto *list = child<QListWidget>(&dialog, QStringLiteral("serverServicesList"));
    QCOMPARE(list->count(), 1);
    QCOMPARE(list->item(0)->text(), QStringLiteral("TURN  turn.example.org:3478 (UDP)"));
    QVERIFY(child<QCheckBox>(&dialog, QStringLiteral("useServerServicesCheck"))->isChecked());
}

void tst_SettingsDialog::invalidInputRefused_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("error");
    QTest::newRow("turn without password")
        << "turn" << "The TURN server turn.example.org needs a user name and a password.";
    QTest::newRow("ports reversed") << "ports" << "The lowest local port (41000) is above the highest (40000).";
    QTest::newRow("rule for a non-address") << "rule" << "“bob” is not a contact address (name@example.org).";
}

void tst_SettingsDialog::invalidInputRefused()
{
    QFETCH(QString, what);
    QFETCH(QString, error);
    QTemporaryDir dir;
    FakeBackend fake;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    SettingsDialog dialog(settings, fake.backend(), {});
    dialog.show();
    if (what == u"turn") {
        IceConfig::Server turn;
        turn.host = QStringLiteral("turn.example.org");
        turn.username = QStringLiteral("alice");
        dialog.addTurnServer(turn);
    } else if (what == u"ports") {
        child<QCheckBox>(&dialog, QStringLiteral("limitPortsCheck"))->setChecked(true);
        child<QSpinBox>(&dialog, QStringLiteral("minPort"))->setValue(41000);
        child<QSpinBox>(&dialog, QStringLiteral("maxPort"))->setValue(40000);
    } else {
        dialog.addAutoAcceptRule(QStringLiteral("bob"), 1000000);
    }
    QVERIFY(!dialog.save());
    QCOMPARE(dialog.errorText(), error);
    QCOMPARE(fake.connections.networkSettingsApplied, 0);
    QVERIFY(!QFile::exists(settings.fileName()) || AppSettings(settings.fileName()).turnServers().isEmpty());
}

QTEST_MAIN(tst_SettingsDialog)
#include "tst_SettingsDialog.moc"
