#include "ui/SettingsDialog.h"

#include "core/xmpp/ServerCertificateProblem.h"
#include "ui/AppSettings.h"
#include "ui/FileChooser.h"
#include "ui/Format.h"
#include "ui/Icons.h"
#include "ui/backend/ConnectionController.h"
#include "ui/backend/ContactsSource.h"
#include "ui/backend/SecretStore.h"
#include "ui/backend/TransferSource.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace Peerlink {

namespace {
constexpr qint64 MegaByte = 1000 * 1000;

// narrow: columns sized to their contents (ports, transport); the others share the width.
QTableWidget *makeTable(const QString &objectName, const QStringList &headers, const QString &accessibleName,
                        QWidget *parent, const QList<int> &narrow = {})
{
    auto *table = new QTableWidget(0, int(headers.size()) + 1, parent);
    table->setObjectName(objectName);
    table->setAccessibleName(accessibleName);
    QStringList labels = headers;
    labels.append(QString());
    table->setHorizontalHeaderLabels(labels);
    table->verticalHeader()->hide();
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->setFocusPolicy(Qt::NoFocus);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(int(headers.size()), QHeaderView::ResizeToContents);
    for (int column : narrow)
        table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    table->setMinimumHeight(110);
    return table;
}

// Adds a row whose cells are editors; the last column gets a "remove" button.
int addEditorRow(QTableWidget *table, const QList<QWidget *> &editors, const QString &rowName)
{
    const int row = table->rowCount();
    table->insertRow(row);
    const QStringList headers = [table] {
        QStringList names;
        for (int c = 0; c < table->columnCount(); ++c)
            names.append(table->horizontalHeaderItem(c) ? table->horizontalHeaderItem(c)->text() : QString());
        return names;
    }();
    for (int column = 0; column < editors.size(); ++column) {
        editors[column]->setAccessibleName(QStringLiteral("%1: %2").arg(rowName, headers.value(column)));
        table->setCellWidget(row, column, editors[column]);
    }
    auto *remove = new QToolButton(table);
    remove->setIcon(Icons::icon(QStringLiteral("clear")));
    remove->setAutoRaise(true);
    remove->setToolTip(SettingsDialog::tr("Remove"));
    remove->setAccessibleName(SettingsDialog::tr("Remove %1").arg(rowName));
    QObject::connect(remove, &QToolButton::clicked, table, [table, remove] {
        for (int r = 0; r < table->rowCount(); ++r) {
            if (table->cellWidget(r, table->columnCount() - 1) == remove) {
                table->removeRow(r);
                return;
            }
        }
    });
    table->setCellWidget(row, int(editors.size()), remove);
    return row;
}

template<typename T> T *cell(const QTableWidget *table, int row, int column)
{
    return qobject_cast<T *>(table->cellWidget(row, column));
}

QSpinBox *portBox(quint16 value, QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(QStringLiteral("port"));
    box->setRange(1, 65535);
    box->setValue(value == 0 ? 3478 : value);
    box->setGroupSeparatorShown(false);
    return box;
}

QLineEdit *lineEdit(const QString &objectName, const QString &text, QWidget *parent)
{
    auto *edit = new QLineEdit(text, parent);
    edit->setObjectName(objectName);
    edit->setFrame(false);
    return edit;
}

QString serviceText(const ExternalService &service)
{
    QString type = service.typeName.isEmpty() ? QStringLiteral("?") : service.typeName.toUpper();
    QString text = QStringLiteral("%1  %2:%3").arg(type, service.host).arg(service.port);
    if (service.transport == ExternalService::Transport::Tcp)
        text += QStringLiteral(" (TCP)");
    else if (service.transport == ExternalService::Transport::Udp)
        text += QStringLiteral(" (UDP)");
    if (service.expires.isValid())
        text += QStringLiteral(" · ")
            + SettingsDialog::tr("credentials valid until %1")
                  .arg(QLocale().toString(service.expires.toLocalTime(), QLocale::ShortFormat));
    return text;
}
} // namespace

SettingsDialog::SettingsDialog(AppSettings &settings, const Backend &backend,
                               const QHash<QString, QString> &turnPasswords, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_backend(backend)
    , m_turnPasswords(turnPasswords)
    , m_tabs(new QTabWidget(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    m_tabs->addTab(networkPage(), tr("&Network"));
    m_tabs->addTab(filesPage(), tr("&Files"));
    m_tabs->addTab(generalPage(), tr("&General"));
    m_tabs->addTab(accountPage(), tr("&Account"));

    m_error->setObjectName(QStringLiteral("settingsError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->hide();

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *saveButton = buttons->addButton(tr("Save"), QDialogButtonBox::AcceptRole);
    saveButton->setObjectName(QStringLiteral("saveButton"));
    saveButton->setDefault(true);
    buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(680, 600);

    connect(m_backend.connections, &ConnectionController::serverServicesChanged, this,
            &SettingsDialog::fillServerServices);
    load();
}

QWidget *SettingsDialog::networkPage()
{
    auto *page = new QWidget(this);

    auto *serverBox = new QGroupBox(tr("Servers offered by your XMPP server"), page);
    m_serverServices = new QListWidget(serverBox);
    m_serverServices->setObjectName(QStringLiteral("serverServicesList"));
    m_serverServices->setAccessibleName(tr("Servers offered by your XMPP server"));
    m_serverServices->setMaximumHeight(80);
    m_useServerServices = new QCheckBox(tr("&Use the servers offered by my XMPP server"), serverBox);
    m_useServerServices->setObjectName(QStringLiteral("useServerServicesCheck"));
    auto *serverLayout = new QVBoxLayout(serverBox);
    serverLayout->addWidget(m_serverServices);
    serverLayout->addWidget(m_useServerServices);

    auto *ownBox = new QGroupBox(tr("Your own servers"), page);
    m_stun = makeTable(QStringLiteral("stunTable"), { tr("STUN host"), tr("Port") }, tr("Your STUN servers"), ownBox,
                       { 1 });
    m_turn = makeTable(QStringLiteral("turnTable"),
                       { tr("TURN host"), tr("Port"), tr("Transport"), tr("User name"), tr("Password") },
                       tr("Your TURN servers"), ownBox, { 1, 2 });
    auto *addStun = new QPushButton(tr("Add STUN server"), ownBox);
    addStun->setObjectName(QStringLiteral("addStunButton"));
    auto *addTurn = new QPushButton(tr("Add TURN server"), ownBox);
    addTurn->setObjectName(QStringLiteral("addTurnButton"));
    connect(addStun, &QPushButton::clicked, this, [this] {
        IceConfig::Server server;
        addStunServer(server);
        cell<QLineEdit>(m_stun, m_stun->rowCount() - 1, 0)->setFocus();
    });
    connect(addTurn, &QPushButton::clicked, this, [this] {
        IceConfig::Server server;
        addTurnServer(server);
        cell<QLineEdit>(m_turn, m_turn->rowCount() - 1, 0)->setFocus();
    });
    auto *ownLayout = new QVBoxLayout(ownBox);
    ownLayout->addWidget(m_stun);
    ownLayout->addWidget(addStun, 0, Qt::AlignLeft);
    ownLayout->addWidget(m_turn);
    ownLayout->addWidget(addTurn, 0, Qt::AlignLeft);

    auto *pathBox = new QGroupBox(tr("Connections"), page);
    m_upnp = new QCheckBox(tr("Open a port on my router with &UPnP when possible"), pathBox);
    m_upnp->setObjectName(QStringLiteral("upnpCheck"));
    m_forceRelay = new QCheckBox(tr("Always go through a &relay (hides your IP address from contacts)"), pathBox);
    m_forceRelay->setObjectName(QStringLiteral("forceRelayCheck"));
    m_limitPorts = new QCheckBox(tr("Use only local &ports from"), pathBox);
    m_limitPorts->setObjectName(QStringLiteral("limitPortsCheck"));
    m_minPort = new QSpinBox(pathBox);
    m_minPort->setObjectName(QStringLiteral("minPort"));
    m_maxPort = new QSpinBox(pathBox);
    m_maxPort->setObjectName(QStringLiteral("maxPort"));
    for (QSpinBox *box : { m_minPort, m_maxPort }) {
        box->setRange(1024, 65535);
        box->setGroupSeparatorShown(false);
    }
    m_minPort->setAccessibleName(tr("Lowest local port"));
    m_maxPort->setAccessibleName(tr("Highest local port"));
    connect(m_limitPorts, &QCheckBox::toggled, m_minPort, &QWidget::setEnabled);
    connect(m_limitPorts, &QCheckBox::toggled, m_maxPort, &QWidget::setEnabled);
    auto *ports = new QHBoxLayout;
    ports->addWidget(m_limitPorts);
    ports->addWidget(m_minPort);
    auto *to = new QLabel(tr("to"), pathBox);
    to->setBuddy(m_maxPort);
    ports->addWidget(to);
    ports->addWidget(m_maxPort);
    ports->addStretch();
    auto *pathLayout = new QVBoxLayout(pathBox);
    pathLayout->addWidget(m_upnp);
    pathLayout->addWidget(m_forceRelay);
    pathLayout->addLayout(ports);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(serverBox);
    layout->addWidget(ownBox, 1);
    layout->addWidget(pathBox);
    return page;
}

QWidget *SettingsDialog::filesPage()
{
    auto *page = new QWidget(this);
    m_downloadDir = new QLineEdit(page);
    m_downloadDir->setObjectName(QStringLiteral("downloadDir"));
    auto *browse = new QPushButton(tr("&Browse…"), page);
    browse->setAccessibleName(tr("Choose the download folder"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = FileChooser::folder(this, tr("Download folder"), m_downloadDir->text());
        if (!dir.isEmpty())
            m_downloadDir->setText(dir);
    });
    auto *folderLine = new QHBoxLayout;
    folderLine->addWidget(m_downloadDir, 1);
    folderLine->addWidget(browse);
    auto *folderLabel = new QLabel(tr("&Save received files in:"), page);
    folderLabel->setBuddy(m_downloadDir);
    m_downloadDir->setAccessibleName(tr("Download folder"));

    auto *rulesBox = new QGroupBox(tr("Accept without asking"), page);
    auto *explanation = new QLabel(
        tr("Files from these contacts are accepted into the download folder without asking, up to the size given."),
        rulesBox);
    explanation->setWordWrap(true);
    m_autoAccept = makeTable(QStringLiteral("autoAcceptTable"), { tr("Contact"), tr("Up to") },
                             tr("Contacts whose files are accepted without asking"), rulesBox, { 1 });
    auto *addRule = new QPushButton(tr("Add rule"), rulesBox);
    addRule->setObjectName(QStringLiteral("addRuleButton"));
    connect(addRule, &QPushButton::clicked, this, [this] {
        addAutoAcceptRule(QString(), 100 * MegaByte);
        cell<QComboBox>(m_autoAccept, m_autoAccept->rowCount() - 1, 0)->setFocus();
    });
    auto *rulesLayout = new QVBoxLayout(rulesBox);
    rulesLayout->addWidget(explanation);
    rulesLayout->addWidget(m_autoAccept);
    rulesLayout->addWidget(addRule, 0, Qt::AlignLeft);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(folderLabel);
    layout->addLayout(folderLine);
    layout->addSpacing(8);
    layout->addWidget(rulesBox, 1);
    return page;
}

QWidget *SettingsDialog::generalPage()
{
    auto *page = new QWidget(this);
    m_language = new QComboBox(page);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    const auto languageList = languages();
    for (const auto &[code, name] : languageList)
        m_language->addItem(name, code);
    m_language->setAccessibleName(tr("Language"));
    auto *languageNote = new QLabel(tr("A new language is used the next time Peerlink starts."), page);
    languageNote->setWordWrap(true);
    m_notifications = new QCheckBox(tr("Show &notifications for new messages and files"), page);
    m_notifications->setObjectName(QStringLiteral("notificationsCheck"));
    m_closeToTray = new QCheckBox(tr("&Keep running in the system tray when the window is closed"), page);
    m_closeToTray->setObjectName(QStringLiteral("closeToTrayCheck"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), languageNote);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addSpacing(8);
    layout->addWidget(m_notifications);
    layout->addWidget(m_closeToTray);
    layout->addStretch();
    return page;
}

QWidget *SettingsDialog::accountPage()
{
    auto *page = new QWidget(this);
    auto *pinnedBox = new QGroupBox(tr("Server certificates you trust"), page);
    m_pinned = new QListWidget(pinnedBox);
    m_pinned->setObjectName(QStringLiteral("pinnedList"));
    m_pinned->setAccessibleName(tr("Server certificates you trust"));
    m_pinned->setFont(QFont(QStringLiteral("monospace")));
    auto *removePinned = new QPushButton(tr("&Forget selected certificate"), pinnedBox);
    connect(removePinned, &QPushButton::clicked, this, [this] { delete m_pinned->currentItem(); });
    auto *pinnedLayout = new QVBoxLayout(pinnedBox);
    auto *pinnedNote = new QLabel(tr("You chose to trust these certificates although no authority vouched for them. "
                                     "They are identified by their SHA-256 fingerprint."),
                                  pinnedBox);
    pinnedNote->setWordWrap(true);
    pinnedLayout->addWidget(pinnedNote);
    pinnedLayout->addWidget(m_pinned);
    pinnedLayout->addWidget(removePinned, 0, Qt::AlignLeft);

    auto *caBox = new QGroupBox(tr("Additional certificate authorities"), page);
    m_caFile = new QLineEdit(caBox);
    m_caFile->setObjectName(QStringLiteral("caFile"));
    m_caFile->setPlaceholderText(tr("A PEM file, e.g. your company's certificate authority"));
    m_caFile->setAccessibleName(tr("Additional certificate authorities file"));
    auto *browse = new QPushButton(tr("B&rowse…"), caBox);
    browse->setAccessibleName(tr("Choose a certificate authority file"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QStringList files = FileChooser::openFiles(this, tr("Certificate authorities (PEM)"));
        if (!files.isEmpty())
            m_caFile->setText(files.first());
    });
    auto *caLayout = new QHBoxLayout(caBox);
    caLayout->addWidget(m_caFile, 1);
    caLayout->addWidget(browse);

    auto *note = new QLabel(tr("Changes here take effect the next time you sign in."), page);
    note->setWordWrap(true);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(pinnedBox, 1);
    layout->addWidget(caBox);
    layout->addWidget(note);
    return page;
}

QList<std::pair<QString, QString>> SettingsDialog::languages()
{
    return { { QString(), tr("System default") },
             { QStringLiteral("en"), QStringLiteral("English") },
             { QStringLiteral("de"), QStringLiteral("Deutsch") },
             { QStringLiteral("fr"), QStringLiteral("Français") } };
}

void SettingsDialog::addStunServer(const IceConfig::Server &server)
{
    addEditorRow(m_stun, { lineEdit(QStringLiteral("host"), server.host, m_stun), portBox(server.port, m_stun) },
                 tr("STUN server %1").arg(m_stun->rowCount() + 1));
}

void SettingsDialog::addTurnServer(const IceConfig::Server &server)
{
    auto *transport = new QComboBox(m_turn);
    transport->setObjectName(QStringLiteral("transport"));
    transport->addItem(QStringLiteral("UDP"), int(IceConfig::Server::Transport::Udp));
    transport->addItem(QStringLiteral("TCP"), int(IceConfig::Server::Transport::Tcp));
    transport->addItem(QStringLiteral("TLS"), int(IceConfig::Server::Transport::Tls));
    transport->setCurrentIndex(transport->findData(int(server.transport)));
    auto *password
        = lineEdit(QStringLiteral("password"), m_turnPasswords.value(AppSettings::turnSecretKey(server)), m_turn);
    if (!server.password.isEmpty())
        password->setText(server.password);
    password->setEchoMode(QLineEdit::Password);
    addEditorRow(m_turn,
                 { lineEdit(QStringLiteral("host"), server.host, m_turn), portBox(server.port, m_turn), transport,
                   lineEdit(QStringLiteral("username"), server.username, m_turn), password },
                 tr("TURN server %1").arg(m_turn->rowCount() + 1));
}

void SettingsDialog::addAutoAcceptRule(const QString &jid, qint64 maxBytes)
{
    auto *contact = new QComboBox(m_autoAccept);
    contact->setObjectName(QStringLiteral("contact"));
    contact->setEditable(true);
    const QList<RosterContact> contacts = m_backend.contacts->contacts();
    for (const RosterContact &c : contacts)
        contact->addItem(QStringLiteral("%1 <%2>").arg(Format::displayName(c), c.bareJid), c.bareJid);
    const int index = contact->findData(jid);
    if (index >= 0)
        contact->setCurrentIndex(index);
    else
        contact->setEditText(jid);
    auto *size = new QSpinBox(m_autoAccept);
    size->setObjectName(QStringLiteral("maxMegabytes"));
    size->setRange(1, 1000000);
    size->setSuffix(tr(" MB"));
    size->setValue(int(std::clamp<qint64>(maxBytes / MegaByte, 1, 1000000)));
    addEditorRow(m_autoAccept, { contact, size }, tr("Rule %1").arg(m_autoAccept->rowCount() + 1));
}

void SettingsDialog::load()
{
    fillServerServices();
    m_useServerServices->setChecked(m_settings.useServerServices());
    const QList<IceConfig::Server> stun = m_settings.stunServers();
    for (const IceConfig::Server &server : stun)
        addStunServer(server);
    const QList<IceConfig::Server> turn = m_settings.turnServers();
    for (const IceConfig::Server &server : turn)
        addTurnServer(server);
    m_upnp->setChecked(m_settings.upnp());
    m_forceRelay->setChecked(m_settings.forceRelay());
    const bool limited = m_settings.minPort() != 0;
    m_limitPorts->setChecked(limited);
    m_minPort->setValue(limited ? m_settings.minPort() : 50000);
    m_maxPort->setValue(limited ? m_settings.maxPort() : 50100);
    m_minPort->setEnabled(limited);
    m_maxPort->setEnabled(limited);

    m_downloadDir->setText(m_settings.downloadDir());
    const QList<TransferSettings::AutoAcceptRule> rules = m_settings.autoAcceptRules();
    for (const auto &rule : rules)
        addAutoAcceptRule(rule.bareJid, rule.maxBytes);

    m_language->setCurrentIndex(qMax(0, m_language->findData(m_settings.language())));
    m_notifications->setChecked(m_settings.notifications());
    m_closeToTray->setChecked(m_settings.closeToTray());

    const QList<QByteArray> pinned = m_settings.pinnedCertificates();
    for (const QByteArray &digest : pinned) {
        auto *item = new QListWidgetItem(ServerCertificateProblem::formatFingerprint(digest), m_pinned);
        item->setData(Qt::UserRole, digest);
    }
    m_caFile->setText(m_settings.extraCaFile());
}

void SettingsDialog::fillServerServices()
{
    m_serverServices->clear();
    const QList<ExternalService> services = m_backend.connections->serverServices();
    for (const ExternalService &service : services)
        m_serverServices->addItem(serviceText(service));
    if (services.isEmpty())
        m_serverServices->addItem(tr("None announced (or not signed in)"));
}

QList<IceConfig::Server> SettingsDialog::stunServers() const
{
    QList<IceConfig::Server> servers;
    for (int row = 0; row < m_stun->rowCount(); ++row) {
        IceConfig::Server server;
        server.host = cell<QLineEdit>(m_stun, row, 0)->text().trimmed();
        server.port = quint16(cell<QSpinBox>(m_stun, row, 1)->value());
        if (!server.host.isEmpty())
            servers.append(server);
    }
    return servers;
}

QList<IceConfig::Server> SettingsDialog::turnServers() const
{
    QList<IceConfig::Server> servers;
    for (int row = 0; row < m_turn->rowCount(); ++row) {
        IceConfig::Server server;
        server.host = cell<QLineEdit>(m_turn, row, 0)->text().trimmed();
        server.port = quint16(cell<QSpinBox>(m_turn, row, 1)->value());
        server.transport = IceConfig::Server::Transport(cell<QComboBox>(m_turn, row, 2)->currentData().toInt());
        server.username = cell<QLineEdit>(m_turn, row, 3)->text().trimmed();
        server.password = cell<QLineEdit>(m_turn, row, 4)->text();
        if (!server.host.isEmpty())
            servers.append(server);
    }
    return servers;
}

void SettingsDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

QString SettingsDialog::errorText() const
{
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

bool SettingsDialog::save()
{
    const QList<IceConfig::Server> turn = turnServers();
    for (const IceConfig::Server &server : turn) {
        if (server.username.isEmpty() || server.password.isEmpty()) {
            m_tabs->setCurrentIndex(0);
            showError(tr("The TURN server %1 needs a user name and a password.").arg(server.host));
            return false;
        }
    }
    if (m_limitPorts->isChecked() && m_minPort->value() > m_maxPort->value()) {
        m_tabs->setCurrentIndex(0);
        showError(tr("The lowest local port (%1) is above the highest (%2).")
                      .arg(m_minPort->value())
                      .arg(m_maxPort->value()));
        return false;
    }
    QList<TransferSettings::AutoAcceptRule> rules;
    for (int row = 0; row < m_autoAccept->rowCount(); ++row) {
        const auto *contact = cell<QComboBox>(m_autoAccept, row, 0);
        QString jid = contact->currentData().toString();
        if (jid.isEmpty() || contact->currentText() != contact->itemText(contact->currentIndex()))
            jid = contact->currentText().trimmed();
        if (jid.isEmpty())
            continue;
        if (!jid.contains(u'@') || jid.contains(u' ')) {
            m_tabs->setCurrentIndex(1);
            showError(tr("“%1” is not a contact address (name@example.org).").arg(jid));
            return false;
        }
        rules.append({ jid, qint64(cell<QSpinBox>(m_autoAccept, row, 1)->value()) * MegaByte });
    }
    showError(QString());

    m_settings.setUseServerServices(m_useServerServices->isChecked());
    m_settings.setStunServers(stunServers());
    m_settings.setTurnServers(turn);
    m_settings.setUpnp(m_upnp->isChecked());
    m_settings.setForceRelay(m_forceRelay->isChecked());
    if (m_limitPorts->isChecked())
        m_settings.setPortRange(quint16(m_minPort->value()), quint16(m_maxPort->value()));
    else
        m_settings.setPortRange(0, 0);
    m_settings.setDownloadDir(m_downloadDir->text().trimmed());
    m_settings.setAutoAcceptRules(rules);
    const QString oldLanguage = m_settings.language();
    m_settings.setLanguage(m_language->currentData().toString());
    m_settings.setNotifications(m_notifications->isChecked());
    m_settings.setCloseToTray(m_closeToTray->isChecked());
    QList<QByteArray> pinned;
    for (int i = 0; i < m_pinned->count(); ++i)
        pinned.append(m_pinned->item(i)->data(Qt::UserRole).toByteArray());
    m_settings.setPinnedCertificates(pinned);
    m_settings.setExtraCaFile(m_caFile->text().trimmed());
    m_settings.sync();

    // TURN passwords go to the secret store, never into the settings file.
    QHash<QString, QString> passwords;
    for (const IceConfig::Server &server : turn) {
        const QString key = AppSettings::turnSecretKey(server);
        passwords.insert(key, server.password);
        if (m_turnPasswords.value(key) != server.password && m_backend.secrets->isAvailable())
            m_backend.secrets->write(key, server.password, m_backend.secrets, nullptr);
    }
    for (auto it = m_turnPasswords.cbegin(); it != m_turnPasswords.cend(); ++it) {
        if (!passwords.contains(it.key()) && m_backend.secrets->isAvailable())
            m_backend.secrets->remove(it.key(), m_backend.secrets, nullptr);
    }
    m_turnPasswords = passwords;
    Q_EMIT turnPasswordsChanged(passwords);

    m_backend.connections->setNetworkSettings(m_settings.iceConfig(passwords), m_settings.useServerServices());
    m_backend.transfers->setSettings(m_settings.transferSettings());
    if (m_settings.language() != oldLanguage)
        Q_EMIT languageChanged(m_settings.language());
    Q_EMIT applied();
    return true;
}

} // namespace Peerlink
