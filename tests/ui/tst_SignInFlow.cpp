// Signing in against a fake account and secret store: the first start asks for the account, the
// password goes to the secret store (never into the settings file) and is used at the next start;
// without a secret store the user is told and asked each time; a refused password asks again; an
// untrusted server certificate is shown with its fingerprint and reasons, trusted once or pinned.
#include "FakeBackend.h"
#include "core/channel/DeviceIdentity.h"
#include "ui/AccountDialog.h"
#include "ui/AppSettings.h"
#include "ui/CertificateDialog.h"
#include "ui/SignInFlow.h"

#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSslError>
#include <QTemporaryDir>
#include <QTest>

using namespace Peerlink;
using namespace Peerlink::Test;

namespace {
const QString Alice = QStringLiteral("alice@example.org");

ServerCertificateProblem selfSignedProblem()
{
    QString error;
    const DeviceIdentity identity = DeviceIdentity::generate(&error);
    const QSslCertificate certificate(identity.certificatePem(), QSsl::Pem);
    return ServerCertificateProblem(certificate, { QSslError(QSslError::SelfSignedCertificate, certificate) },
                                    QStringLiteral("example.org"));
}
} // namespace

class tst_SignInFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void firstStartAsksAndStoresPassword();
    void laterStartUsesStoredPassword();
    void withoutSecretStore();
    void refusedPasswordAsksAgain();
    void invalidInputStaysInDialog();
    void certificate_data();
    void certificate();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString settingsFile() const { return m_dir->filePath(QStringLiteral("settings.ini")); }
};

void tst_SignInFlow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

void tst_SignInFlow::firstStartAsksAndStoresPassword()
{
    FakeBackend fake;
    AppSettings settings(settingsFile());
    QWidget parent;
    SignInFlow flow(settings, fake.backend(), &parent);
    flow.start();
    AccountDialog *dialog = flow.accountDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QTest::keyClicks(dialog->jidField(), Alice);
    QTest::keyClicks(dialog->passwordField(), QStringLiteral("correct horse"));
    QTest::mouseClick(dialog->signInButton(), Qt::LeftButton);

    QCOMPARE(fake.account.signIns.size(), 1);
    QCOMPARE(fake.account.signIns.first().jid, Alice);
    QCOMPARE(fake.account.signIns.first().password, QStringLiteral("correct horse"));
    QCOMPARE(settings.accountJid(), Alice);
    QTRY_COMPARE_WITH_TIMEOUT(fake.secrets.secrets.value(AppSettings::accountSecretKey(Alice)),
                              QStringLiteral("correct horse"), 2000);
    QFile ini(settingsFile());
    QVERIFY(ini.open(QIODevice::ReadOnly));
    const QByteArray content = ini.readAll();
    QVERIFY(content.contains("alice@example.org"));
    QVERIFY(!content.contains("correct horse"));
}

void tst_SignInFlow::laterStartUsesStoredPassword()
{
    FakeBackend fake;
    AppSettings settings(settingsFile());
    settings.setAccountJid(Alice);
    settings.setAccountHost(QStringLiteral("xmpp.example.org"));
    settings.setAccountPort(5223);
    fake.secrets.secrets.insert(AppSettings::accountSecretKey(Alice), QStringLiteral("from the store"));
    QWidget parent;
    SignInFlow flow(settings, fake.backend(), &parent);
    flow.start();
    QTRY_COMPARE_WITH_TIMEOUT(fake.account.signIns.size(), 1, 2000);
    QCOMPARE(fake.account.signIns.first().password, QStringLiteral("from the store"));
    QCOMPARE(fake.account.signIns.first().host, QStringLiteral("xmpp.example.org"));
    QCOMPARE(fake.account.signIns.first().port, quint16(5223));
    QVERIFY(!flow.accountDialog());
}

void tst_SignInFlow::withoutSecretStore()
{
    FakeBackend fake;
    fake.secrets.available = false;
    AppSettings settings(settingsFile());
    settings.setAccountJid(Alice);
    QWidget parent;
    SignInFlow flow(settings, fake.backend(), &parent);
    QSignalSpy notices(&flow, &SignInFlow::notice);
    flow.start();
    AccountDialog *dialog = flow.accountDialog();
    QVERIFY(dialog); // no store: asked every time
    QCOMPARE(dialog->jidField()->text(), Alice);
    auto *remember = dialog->findChild<QCheckBox *>(QStringLiteral("rememberCheck"));
    QVERIFY(!remember->isEnabled());
    QVERIFY(!remember->isChecked());
    auto *note = dialog->findChild<QLabel *>(QStringLiteral("storeNote"));
    QVERIFY(note->isVisible());
    QCOMPARE(note->text(), fake.secrets.unavailableReason());
    QTest::keyClicks(dialog->passwordField(), QStringLiteral("typed"));
    QTest::mouseClick(dialog->signInButton(), Qt::LeftButton);
    QCOMPARE(fake.account.signIns.size(), 1);
    QVERIFY(fake.secrets.secrets.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!notices.isEmpty(), 2000);
    QCOMPARE(notices.last().first().toString(), fake.secrets.unavailableReason());
}

void tst_SignInFlow::refusedPasswordAsksAgain()
{
    FakeBackend fake;
    AppSettings settings(settingsFile());
    settings.setAccountJid(Alice);
    fake.secrets.secrets.insert(AppSettings::accountSecretKey(Alice), QStringLiteral("old"));
    QWidget parent;
    SignInFlow flow(settings, fake.backend(), &parent);
    flow.start();
    QTRY_COMPARE_WITH_TIMEOUT(fake.account.signIns.size(), 1, 2000);
    fake.account.fail(AccountController::Problem::Password,
                      QStringLiteral("The server refused the password. Check it and sign in again."));
    AccountDialog *dialog = flow.accountDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("accountMessage"))->text(),
             QStringLiteral("The server refused the password. Check it and sign in again."));
    QTest::keyClicks(dialog->passwordField(), QStringLiteral("new"));
    QTest::mouseClick(dialog->signInButton(), Qt::LeftButton);
    QCOMPARE(fake.account.signIns.size(), 2);
    QCOMPARE(fake.account.signIns.last().password, QStringLiteral("new"));
    QTRY_COMPARE_WITH_TIMEOUT(fake.secrets.secrets.value(AppSettings::accountSecretKey(Alice)), QStringLiteral("new"),
                              2000);
}

void tst_SignInFlow::invalidInputStaysInDialog()
{
    FakeBackend fake;
    AppSettings settings(settingsFile());
    QWidget parent;
    SignInFlow flow(settings, fake.backend(), &parent);
    flow.start();
    AccountDialog *dialog = flow.accountDialog();
    QTest::keyClicks(dialog->jidField(), QStringLiteral("not an address"));
    QTest::keyClicks(dialog->passwordField(), QStringLiteral("pw"));
    QTest::mouseClick(dialog->signInButton(), Qt::LeftButton);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->validationError(), QStringLiteral("Enter your address as name@example.org."));
    QVERIFY(fake.account.signIns.isEmpty());
}

void tst_SignInFlow::certificate_data()
{
    QTest::addColumn<bool>("pin");
    QTest::newRow("trust once") << false;
    QTest::newRow("pin") << true;
}

void tst_SignInFlow::certificate()
{
    QFETCH(bool, pin);
    FakeBackend fake;
    AppSettings settings(settingsFile());
    settings.setAccountJid(Alice);
    fake.secrets.secrets.insert(AppSettings::accountSecretKey(Alice), QStringLiteral("pw"));
    QWidget parent;
    SignInFlow flow(settings, fake.backend(), &parent);
    flow.start();
    QTRY_COMPARE_WITH_TIMEOUT(fake.account.signIns.size(), 1, 2000);

    const ServerCertificateProblem problem = selfSignedProblem();
    QVERIFY(!problem.isNull());
    fake.account.rejectCertificate(problem);
    CertificateDialog *dialog = flow.certificateDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("certificateFingerprint"))->text(), problem.fingerprint());
    const QString reasons = dialog->findChild<QLabel *>(QStringLiteral("certificateReasons"))->text();
    for (const QString &reason : problem.reasons())
        QVERIFY2(reasons.contains(reason), qPrintable(reasons));
    QVERIFY(dialog->cancelButton()->isDefault()); // the safe choice is the default

    QTest::mouseClick(pin ? dialog->pinButton() : dialog->trustOnceButton(), Qt::LeftButton);
    if (pin) {
        QCOMPARE(fake.account.trustedOnce, 0);
        QCOMPARE(settings.pinnedCertificates(), QList<QByteArray> { problem.sha256() });
        // The next sign-in carries the pin.
        QCOMPARE(flow.configFor(QStringLiteral("pw")).pinnedCertificates, QList<QByteArray> { problem.sha256() });
    } else {
        QCOMPARE(fake.account.trustedOnce, 1);
        QVERIFY(settings.pinnedCertificates().isEmpty());
    }
}

QTEST_MAIN(tst_SignInFlow)
#include "tst_SignInFlow.moc"
