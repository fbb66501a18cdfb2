// ConversationView: the conversation with one contact: a header (avatar, name, presence, the
// Connect button, connection details), the messages with their time, delivery state and path,
// a typing indicator and the composer. Files dropped anywhere on it are sent to the contact.
#pragma once

#include "core/chat/ChatMessage.h"
#include "ui/backend/Backend.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

class QLabel;
class QListView;
class QToolButton;

namespace Peerlink {

class Composer;
class ConnectButton;
class ElidedLabel;
class MessageDelegate;
class MessageListModel;

class ConversationView : public QWidget
{
    Q_OBJECT
public:
    explicit ConversationView(const Backend &backend, QWidget *parent = nullptr);

    QString jid() const { return m_jid; }
    void setContact(const QString &jid);
    // Marks the conversation read when it can be seen (the window is active).
    void markReadIfVisible();

    MessageListModel *model() const { return m_model; }
    QListView *messageList() const { return m_list; }
    Composer *composer() const { return m_composer; }
    ConnectButton *connectButton() const { return m_connect; }
    QString typingText() const;
    QString noticeText() const;
    // Whether the next message goes directly to the contact (the composer says which way).
    bool sendsPeerToPeer() const;
    // Sends what the composer holds (or the edit).
    void submit();

Q_SIGNALS:
    void filesDropped(const QString &jid, const QStringList &paths);
    void sendFilesRequested(const QString &jid);
    void detailsRequested(const QString &jid);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateHeader();
    void updateConnection();
    void updateTyping();
    void updateSendState();
    void updatePathHint();
    void onMessageAdded(const ChatMessage &message);
    void onMessageChanged(const ChatMessage &message);
    void onComposerChanged();
    void loadOlder();
    void scrollToBottom();
    bool isAtBottom() const;
    void showNotice(const QString &text);
    void startEdit(const ChatMessage &message);
    void cancelEdit();
    void editLast();
    void showMessageMenu(const QPoint &pos);
    void retry(const QString &id);
    void showDropOverlay(bool show);

    Backend m_backend;
    QString m_jid;
    QString m_name;
    QHash<QString, QString> m_drafts;
    QString m_editingId;
    bool m_typingSent = false;
    bool m_loadingOlder = false;
    bool m_historyComplete = false;

    QLabel *m_avatar;
    QLabel *m_title;
    ElidedLabel *m_subtitle;
    ConnectButton *m_connect;
    QToolButton *m_details;
    QLabel *m_notice;
    QListView *m_list;
    MessageListModel *m_model;
    MessageDelegate *m_delegate;
    QLabel *m_typing;
    QWidget *m_editBar;
    QLabel *m_editLabel;
    QToolButton *m_attach;
    Composer *m_composer;
    QToolButton *m_send;
    QLabel *m_counter;
    QLabel *m_dropOverlay;
    QTimer m_pauseTimer;
    QTimer m_noticeTimer;
};

} // namespace Peerlink
