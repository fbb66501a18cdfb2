#include "ui/AccountDialog.h"

#include "ui/Icons.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Peerlink {

AccountDialog::AccountDialog(QWidget *parent)
    : QDialog(parent)
    , m_message(new QLabel(this))
    , m_jid(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("&Remember the password in the system's password store"), this))
    , m_storeNote(new QLabel(this))
    , m_advancedToggle(new QPushButton(QStringLiteral("▸ ") + tr("Server settings"), this))
    , m_advanced(new QWidget(this))
    , m_host(new QLineEdit(m_advanced))
    , m_port(new QSpinBox(m_advanced))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("accountDialog"));
    setWindowTitle(tr("Sign in to Peerlink"));

    auto *logo = new QLabel(this);
    logo->setPixmap(Icons::appIcon().pixmap(56, 56));
    auto *title = new QLabel(tr("Sign in with your XMPP account"), this);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    title->setFont(titleFont);
    auto *intro = new QLabel(tr("Peerlink uses your XMPP (Jabber) account to find your contacts. Your chats and "
                                "files then go directly to them, end-to-end encrypted."),
                             this);
    intro->setWordWrap(true);
    auto *heading = new QVBoxLayout;
    heading->addWidget(title);
    heading->addWidget(intro);
    auto *top = new QHBoxLayout;
    top->setSpacing(14);
    top->addWidget(logo, 0, Qt::AlignTop);
    top->addLayout(heading, 1);

    m_message->setObjectName(QStringLiteral("accountMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();

    m_jid->setObjectName(QStringLiteral("jidField"));
    m_jid->setPlaceholderText(tr("you@example.org"));
    m_jid->setAccessibleName(tr("Address"));
    m_password->setObjectName(QStringLiteral("passwordField"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password"));
    m_remember->setObjectName(QStringLiteral("rememberCheck"));
    m_remember->setChecked(true);
    m_storeNote->setObjectName(QStringLiteral("storeNote"));
    m_storeNote->setWordWrap(true);
    m_storeNote->setTextFormat(Qt::PlainText);
    m_storeNote->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Address:"), m_jid);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_remember);
    form->addRow(QString(), m_storeNote);

    m_advancedToggle->setObjectName(QStringLiteral("serverSettingsToggle"));
    m_advancedToggle->setCheckable(true);
    m_advancedToggle->setFlat(true);
    m_advancedToggle->setAutoDefault(false);
    m_advancedToggle->setAccessibleDescription(tr("Shows the server host and port fields"));
    m_host->setObjectName(QStringLiteral("hostField"));
    m_host->setPlaceholderText(tr("found automatically"));
    m_host->setAccessibleName(tr("Server host"));
    m_port->setObjectName(QStringLiteral("portField"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("automatic"));
    m_port->setGroupSeparatorShown(false);
    m_port->setAccessibleName(tr("Server port"));
    auto *advancedForm = new QFormLayout(m_advanced);
    advancedForm->setContentsMargins(0, 0, 0, 0);
    advancedForm->addRow(tr("&Host:"), m_host);
    advancedForm->addRow(tr("P&ort:"), m_port);
    auto *advancedNote = new QLabel(tr("Leave these empty unless your provider tells you otherwise."), m_advanced);
    advancedNote->setWordWrap(true);
    advancedForm->addRow(QString(), advancedNote);
    m_advanced->hide();
    connect(m_advancedToggle, &QPushButton::toggled, this, [this](bool on) {
        m_advancedToggle->setText((on ? QStringLiteral("▾ ") : QStringLiteral("▸ ")) + tr("Server settings"));
        m_advanced->setVisible(on);
        adjustSize();
    });

    m_error->setObjectName(QStringLiteral("validationError"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto *buttons = new QDialogButtonBox(this);
    m_signIn = buttons->addButton(tr("Sign in"), QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setDefault(true);
    buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        validate();
        if (validationError().isEmpty())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_jid, &QLineEdit::textChanged, this, [this] { m_error->hide(); });
    connect(m_password, &QLineEdit::textChanged, this, [this] { m_error->hide(); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 20, 20, 16);
    layout->setSpacing(12);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addLayout(form);
    layout->addWidget(m_advancedToggle, 0, Qt::AlignLeft);
    layout->addWidget(m_advanced);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(460);
    m_jid->setFocus();
}

void AccountDialog::setJid(const QString &jid)
{
    m_jid->setText(jid);
    if (!jid.isEmpty())
        m_password->setFocus();
}

void AccountDialog::setHost(const QString &host, quint16 port)
{
    m_host->setText(host);
    m_port->setValue(port);
    if (!host.isEmpty() || port != 0)
        m_advancedToggle->setChecked(true);
}

void AccountDialog::setRememberPassword(bool remember)
{
    if (m_remember->isEnabled())
        m_remember->setChecked(remember);
}

void AccountDialog::setStoreAvailability(bool storeAvailable, const QString &reason)
{
    m_remember->setEnabled(storeAvailable);
    if (!storeAvailable)
        m_remember->setChecked(false);
    m_storeNote->setText(reason);
    m_storeNote->setVisible(!storeAvailable && !reason.isEmpty());
}

void AccountDialog::setMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

QString AccountDialog::jid() const
{
    return m_jid->text().trimmed();
}

QString AccountDialog::password() const
{
    return m_password->text();
}

QString AccountDialog::host() const
{
    return m_host->text().trimmed();
}

quint16 AccountDialog::port() const
{
    return quint16(m_port->value());
}

bool AccountDialog::rememberPassword() const
{
    return m_remember->isEnabled() && m_remember->isChecked();
}

bool AccountDialog::isValidJid(const QString &jid)
{
    static const QRegularExpression pattern(QStringLiteral("^[^@/\\s]+@[^@/\\s.][^@/\\s]*$"));
    return pattern.match(jid).hasMatch();
}

QString AccountDialog::validationError() const
{
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

void AccountDialog::validate()
{
    QString error;
    if (!isValidJid(jid())) {
        error = tr("Enter your address as name@example.org.");
        m_jid->setFocus();
    } else if (password().isEmpty()) {
        error = tr("Enter your password.");
        m_password->setFocus();
    }
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
}

} // namespace Peerlink
