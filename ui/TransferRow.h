// TransferRow: one file transfer in the transfers panel: direction, name, contact, a progress
// bar, progress / speed / time left or the state in words, and the actions that fit the state
// (accept, decline, pause, resume, cancel, open, show in folder, remove from the list).
#pragma once

#include "core/transfer/Transfer.h"

#include <QFrame>

class QLabel;
class QProgressBar;
class QToolButton;

namespace Peerlink {

class ElidedLabel;

class TransferRow : public QFrame
{
    Q_OBJECT
public:
    enum class Action { Accept, SaveAs, Decline, Pause, Resume, Cancel, Open, ShowInFolder, Remove };
    Q_ENUM(Action)

    explicit TransferRow(QWidget *parent = nullptr);

    void setTransfer(const Transfer &transfer, const QString &contactName);
    Transfer transfer() const { return m_transfer; }
    QString id() const { return m_transfer.id; }
    QString statusText() const;
    int progressValue() const; // 0..1000
    // The button of an action; nullptr when the action does not fit the current state.
    QToolButton *button(Action action) const;

Q_SIGNALS:
    void actionRequested(const QString &id, Peerlink::TransferRow::Action action);

private:
    QToolButton *addButton(Action action, const QString &icon);

    Transfer m_transfer;
    QString m_contactName;
    QLabel *m_icon;
    ElidedLabel *m_name;
    ElidedLabel *m_status;
    QProgressBar *m_progress;
    QList<std::pair<Action, QToolButton *>> m_buttons;
};

} // namespace Peerlink
