// Composer: where a message is written. Enter sends, Shift+Enter starts a new line, Up in an
// empty composer edits the last message, Escape cancels an edit. Grows with its text up to a
// few lines.
#pragma once

#include <QPlainTextEdit>

namespace Peerlink {

class Composer : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit Composer(QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void submitted();
    void editLastRequested();
    void cancelRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    int heightForLines(int lines) const;
};

} // namespace Peerlink
