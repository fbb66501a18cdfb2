// ElidedLabel: one line of plain text that ends in "…" when it does not fit; the full text is
// its tooltip and accessible name.
#pragma once

#include <QFrame>
#include <QString>

namespace Peerlink {

class ElidedLabel : public QFrame
{
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_text;
};

} // namespace Peerlink
