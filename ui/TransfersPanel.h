// TransfersPanel: every file transfer, newest first, each a TransferRow, with a summary line
// and "Clear finished". Acts on the rows' buttons through the TransferSource; "open" and
// "show in folder" go to the desktop.
#pragma once

#include "core/transfer/Transfer.h"
#include "ui/TransferRow.h"
#include "ui/backend/Backend.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace Peerlink {

class TransfersPanel : public QWidget
{
    Q_OBJECT
public:
    explicit TransfersPanel(const Backend &backend, QWidget *parent = nullptr);

    QList<TransferRow *> rows() const; // newest first
    TransferRow *row(const QString &id) const;
    int activeCount() const;
    QString summaryText() const;

    // Accepts an offer into a path the user chooses (FileChooser).
    static bool acceptAs(TransferSource *source, const Transfer &transfer, QWidget *parent, QString *error);

Q_SIGNALS:
    void errorOccurred(const QString &text);
    void activeCountChanged(int count);

private:
    void reload();
    void upsert(const Transfer &transfer);
    void remove(const QString &id);
    void onAction(const QString &id, TransferRow::Action action);
    void clearFinished();
    void updateSummary();
    QString contactName(const QString &jid) const;

    Backend m_backend;
    QLabel *m_summary;
    QPushButton *m_clear;
    QWidget *m_container;
    QVBoxLayout *m_rowsLayout;
    QLabel *m_empty;
    QHash<QString, TransferRow *> m_rows;
    int m_active = -1;
};

} // namespace Peerlink
