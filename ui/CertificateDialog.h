// CertificateDialog: the XMPP server presented a certificate this computer does not trust.
// Shows the server, the reasons in plain words and the certificate's SHA-256 fingerprint to
// compare with what the server's administrator publishes, and lets the user trust it once,
// always (pin it), or not at all.
#pragma once

#include "core/xmpp/ServerCertificateProblem.h"

#include <QDialog>

class QPushButton;

namespace Peerlink {

class CertificateDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Decision { None, TrustOnce, Pin };
    Q_ENUM(Decision)

    explicit CertificateDialog(const ServerCertificateProblem &problem, QWidget *parent = nullptr);

    Decision decision() const { return m_decision; }
    ServerCertificateProblem problem() const { return m_problem; }
    QPushButton *trustOnceButton() const { return m_once; }
    QPushButton *pinButton() const { return m_pin; }
    QPushButton *cancelButton() const { return m_cancel; }

private:
    ServerCertificateProblem m_problem;
    Decision m_decision = Decision::None;
    QPushButton *m_once;
    QPushButton *m_pin;
    QPushButton *m_cancel;
};

} // namespace Peerlink
