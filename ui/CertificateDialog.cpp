#include "ui/CertificateDialog.h"

#include "ui/Icons.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace Peerlink {

namespace {
QLabel *selectable(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setFocusPolicy(Qt::TabFocus);
    return label;
}
} // namespace

CertificateDialog::CertificateDialog(const ServerCertificateProblem &problem, QWidget *parent)
    : QDialog(parent)
    , m_problem(problem)
{
    setObjectName(QStringLiteral("certificateDialog"));
    setWindowTitle(tr("Untrusted server certificate"));

    auto *icon = new QLabel(this);
    icon->setPixmap(Icons::pixmap(QStringLiteral("warning"), 44, devicePixelRatioF(), QColor(0xbf, 0x87, 0x00)));
    auto *title = new QLabel(tr("The certificate of %1 is not trusted").arg(problem.serverName()), this);
    title->setObjectName(QStringLiteral("certificateTitle"));
    title->setWordWrap(true);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    title->setFont(titleFont);
    QStringList reasons = problem.reasons();
    for (QString &reason : reasons)
        reason = QStringLiteral("• ") + reason;
    auto *why = selectable(tr("Peerlink did not connect, because:") + u'\n' + reasons.join(u'\n'), this);
    why->setObjectName(QStringLiteral("certificateReasons"));
    auto *heading = new QVBoxLayout;
    heading->addWidget(title);
    heading->addWidget(why);
    auto *top = new QHBoxLayout;
    top->setSpacing(14);
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addLayout(heading, 1);

    const QSslCertificate certificate = problem.certificate();
    auto *fingerprint = selectable(problem.fingerprint(), this);
    fingerprint->setObjectName(QStringLiteral("certificateFingerprint"));
    fingerprint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *details = new QFormLayout;
    details->addRow(tr("SHA-256 fingerprint:"), fingerprint);
    details->addRow(
        tr("Issued to:"),
        selectable(certificate.subjectDisplayName().isEmpty() ? tr("(no name)") : certificate.subjectDisplayName(),
                   this));
    details->addRow(
        tr("Issued by:"),
        selectable(certificate.issuerDisplayName().isEmpty() ? tr("(no name)") : certificate.issuerDisplayName(),
                   this));
    details->addRow(
        tr("Valid:"),
        selectable(tr("%1 to %2")
                       .arg(QLocale().toString(certificate.effectiveDate().toLocalTime(), QLocale::ShortFormat),
                            QLocale().toString(certificate.expiryDate().toLocalTime(), QLocale::ShortFormat)),
                   this));
    for (int row = 0; row < details->rowCount(); ++row) {
        auto *label = qobject_cast<QLabel *>(details->itemAt(row, QFormLayout::LabelRole)->widget());
        QWidget *field = details->itemAt(row, QFormLayout::FieldRole)->widget();
        if (label && field)
            field->setAccessibleName(label->text().chopped(1));
    }

    auto *advice = new QLabel(tr("Compare the fingerprint with the one your server's administrator publishes. "
                                 "Continue only if they match: otherwise someone may be listening in."),
                              this);
    advice->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(this);
    m_pin = buttons->addButton(tr("Always trust this certificate"), QDialogButtonBox::AcceptRole);
    m_once = buttons->addButton(tr("Trust once"), QDialogButtonBox::AcceptRole);
    m_cancel = buttons->addButton(tr("Do not connect"), QDialogButtonBox::RejectRole);
    m_pin->setObjectName(QStringLiteral("pinButton"));
    m_once->setObjectName(QStringLiteral("trustOnceButton"));
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setDefault(true); // the safe choice
    connect(m_pin, &QPushButton::clicked, this, [this] {
        m_decision = Decision::Pin;
        accept();
    });
    connect(m_once, &QPushButton::clicked, this, [this] {
        m_decision = Decision::TrustOnce;
        accept();
    });
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 20, 20, 16);
    layout->setSpacing(12);
    layout->addLayout(top);
    layout->addLayout(details);
    layout->addWidget(advice);
    layout->addWidget(buttons);
    setMinimumWidth(520);
    m_cancel->setFocus();
}

} // namespace Peerlink
