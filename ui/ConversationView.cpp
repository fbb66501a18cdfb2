#include "ui/ConversationView.h"

#include "ui/Avatar.h"
#include "ui/Composer.h"
#include "ui/ConnectButton.h"
#include "ui/ElidedLabel.h"
#include "ui/FileDrop.h"
#include "ui/Format.h"
#include "ui/Icons.h"
#include "ui/MessageDelegate.h"
#include "ui/MessageListModel.h"
#include "ui/backend/ChatSource.h"
#include "ui/backend/ConnectionController.h"
#include "ui/backend/ContactsSource.h"

#include <QApplication>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace Peerlink {

namespace {
constexpr int HistoryPage = 100;
constexpr int TypingPauseMs = 5000;
constexpr int NoticeMs = 8000;
} // namespace

ConversationView::ConversationView(const Backend &backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_avatar(new QLabel(this))
    , m_title(new QLabel(this))
    , m_subtitle(new ElidedLabel(this))
    , m_connect(new ConnectButton(this))
    , m_details(new QToolButton(this))
    , m_notice(new QLabel(this))
    , m_list(new QListView(this))
    , m_model(new MessageListModel(this))
    , m_delegate(new MessageDelegate(m_list))
    , m_typing(new QLabel(this))
    , m_editBar(new QWidget(this))
    , m_editLabel(new QLabel(m_editBar))
    , m_attach(new QToolButton(this))
    , m_composer(new Composer(this))
    , m_send(new QToolButton(this))
    , m_counter(new QLabel(this))
    , m_dropOverlay(new QLabel(this))
{
    setObjectName(QStringLiteral("conversation"));
    setAcceptDrops(true);

    // Header
    auto *header = new QFrame(this);
    header->setObjectName(QStringLiteral("conversationHeader"));
    m_avatar->setFixedSize(36, 36);
    m_title->setObjectName(QStringLiteral("conversationTitle"));
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_subtitle->setObjectName(QStringLiteral("conversationSubtitle"));
    m_details->setIcon(Icons::icon(QStringLiteral("info")));
    m_details->setAutoRaise(true);
    m_details->setToolTip(tr("Connection details"));
    m_details->setAccessibleName(tr("Connection details"));
    m_details->setFocusPolicy(Qt::StrongFocus);
    connect(m_details, &QToolButton::clicked, this, [this] { Q_EMIT detailsRequested(m_jid); });
    auto *titles = new QVBoxLayout;
    titles->setSpacing(0);
    titles->addWidget(m_title);
    titles->addWidget(m_subtitle);
    auto *headerLayout = new QHBoxLayout(header);
    headerLayout->setContentsMargins(14, 8, 10, 8);
    headerLayout->setSpacing(10);
    headerLayout->addWidget(m_avatar);
    headerLayout->addLayout(titles, 1);
    headerLayout->addWidget(m_connect);
    headerLayout->addWidget(m_details);
    connect(m_connect, &ConnectButton::connectRequested, this, [this] {
        QString error;
        if (!m_backend.connections->connectToContact(m_jid, &error) && !error.isEmpty())
            showNotice(error);
    });
    connect(m_connect, &ConnectButton::disconnectRequested, this,
            [this] { m_backend.connections->disconnectFromContact(m_jid); });
    connect(m_connect, &ConnectButton::detailsRequested, this, [this] { Q_EMIT detailsRequested(m_jid); });

    // Notice (errors about sending)
    m_notice->setObjectName(QStringLiteral("conversationNotice"));
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setAccessibleName(tr("Notice"));
    m_notice->hide();
    m_noticeTimer.setSingleShot(true);
    m_noticeTimer.setInterval(NoticeMs);
    connect(&m_noticeTimer, &QTimer::timeout, m_notice, &QWidget::hide);

    // Messages
    m_list->setObjectName(QStringLiteral("messageList"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(m_delegate);
    m_list->setAccessibleName(tr("Messages"));
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->verticalScrollBar()->setSingleStep(20);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setUniformItemSizes(false);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->setAcceptDrops(false);
    connect(m_list, &QWidget::customContextMenuRequested, this, &ConversationView::showMessageMenu);
    connect(m_list, &QListView::doubleClicked, this, [this](const QModelIndex &index) {
        const ChatMessage message = m_model->message(index.row());
        if (message.isOutgoing() && message.state == ChatMessage::State::Failed)
            retry(message.id);
    });
    connect(m_list->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (value == m_list->verticalScrollBar()->minimum() && m_list->verticalScrollBar()->maximum() > 0)
            loadOlder();
    });

    m_typing->setObjectName(QStringLiteral("typingIndicator"));
    m_typing->setTextFormat(Qt::PlainText);
    m_typing->setContentsMargins(16, 0, 16, 0);

    // Edit bar
    m_editBar->setObjectName(QStringLiteral("editBar"));
    auto *cancelEdit = new QToolButton(m_editBar);
    cancelEdit->setIcon(Icons::icon(QStringLiteral("cancel")));
    cancelEdit->setAutoRaise(true);
    cancelEdit->setToolTip(tr("Cancel editing (Esc)"));
    cancelEdit->setAccessibleName(tr("Cancel editing"));
    connect(cancelEdit, &QToolButton::clicked, this, &ConversationView::cancelEdit);
    auto *editLayout = new QHBoxLayout(m_editBar);
    editLayout->setContentsMargins(16, 4, 10, 0);
    editLayout->addWidget(m_editLabel, 1);
    editLayout->addWidget(cancelEdit);
    m_editBar->hide();

    // Composer
    auto *composerFrame = new QFrame(this);
    composerFrame->setObjectName(QStringLiteral("composerFrame"));
    m_attach->setIcon(Icons::icon(QStringLiteral("attach")));
    m_attach->setAutoRaise(true);
    m_attach->setToolTip(tr("Send files…"));
    m_attach->setAccessibleName(tr("Send files"));
    m_attach->setFocusPolicy(Qt::StrongFocus);
    connect(m_attach, &QToolButton::clicked, this, [this] { Q_EMIT sendFilesRequested(m_jid); });
    m_composer->setAccessibleName(tr("Message"));
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setIcon(Icons::icon(QStringLiteral("send"), QColor(0x1f, 0x6f, 0xeb)));
    m_send->setAutoRaise(true);
    m_send->setToolTip(tr("Send (Enter)"));
    m_send->setAccessibleName(tr("Send message"));
    m_send->setFocusPolicy(Qt::StrongFocus);
    m_counter->setObjectName(QStringLiteral("lengthCounter"));
    m_counter->hide();
    connect(m_send, &QToolButton::clicked, this, &ConversationView::submit);
    connect(m_composer, &Composer::submitted, this, &ConversationView::submit);
    connect(m_composer, &Composer::editLastRequested, this, &ConversationView::editLast);
    connect(m_composer, &Composer::cancelRequested, this, &ConversationView::cancelEdit);
    connect(m_composer, &QPlainTextEdit::textChanged, this, &ConversationView::onComposerChanged);
    auto *composerLayout = new QHBoxLayout(composerFrame);
    composerLayout->setContentsMargins(6, 4, 6, 4);
    composerLayout->setSpacing(4);
    composerLayout->addWidget(m_attach, 0, Qt::AlignBottom);
    composerLayout->addWidget(m_composer, 1);
    composerLayout->addWidget(m_counter, 0, Qt::AlignBottom);
    composerLayout->addWidget(m_send, 0, Qt::AlignBottom);
    auto *composerOuter = new QVBoxLayout;
    composerOuter->setContentsMargins(12, 4, 12, 12);
    composerOuter->addWidget(composerFrame);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(header);
    layout->addWidget(m_notice);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_typing);
    layout->addWidget(m_editBar);
    layout->addLayout(composerOuter);

    m_dropOverlay->setObjectName(QStringLiteral("dropOverlay"));
    m_dropOverlay->setAlignment(Qt::AlignCenter);
    m_dropOverlay->setWordWrap(true);
    m_dropOverlay->hide();

    m_pauseTimer.setSingleShot(true);
    m_pauseTimer.setInterval(TypingPauseMs);
    connect(&m_pauseTimer, &QTimer::timeout, this, [this] {
        if (m_typingSent && !m_jid.isEmpty()) {
            m_backend.chat->setTyping(m_jid, ChatState::Paused);
            m_typingSent = false;
        }
    });

    setTabOrder(m_connect, m_details);
    setTabOrder(m_details, m_list);
    setTabOrder(m_list, m_attach);
    setTabOrder(m_attach, m_composer);
    setTabOrder(m_composer, m_send);

    connect(m_backend.chat, &ChatSource::messageAdded, this, &ConversationView::onMessageAdded);
    connect(m_backend.chat, &ChatSource::messageChanged, this, &ConversationView::onMessageChanged);
    connect(m_backend.chat, &ChatSource::typingChanged, this, [this](const QString &jid) {
        if (jid == m_jid)
            updateTyping();
    });
    connect(m_backend.chat, &ChatSource::peerToPeerChanged, this, [this](const QString &jid) {
        if (jid == m_jid)
            updatePathHint();
    });
    connect(m_backend.contacts, &ContactsSource::contactChanged, this, [this](const QString &jid) {
        if (jid == m_jid)
            updateHeader();
    });
    connect(m_backend.connections, &ConnectionController::connectionChanged, this, [this](const QString &jid) {
        if (jid == m_jid)
            updateConnection();
    });
    updateSendState();
}

void ConversationView::setContact(const QString &jid)
{
    if (jid == m_jid)
        return;
    if (!m_jid.isEmpty()) {
        m_drafts.insert(m_jid, m_composer->toPlainText());
        if (m_typingSent)
            m_backend.chat->setTyping(m_jid, ChatState::Active);
    }
    m_typingSent = false;
    m_pauseTimer.stop();
    m_editingId.clear();
    m_editBar->hide();
    m_notice->hide();
    m_jid = jid;
    m_historyComplete = false;
    updateHeader();
    const QList<ChatMessage> history
        = jid.isEmpty() ? QList<ChatMessage>() : m_backend.chat->history(jid, HistoryPage, -1);
    m_historyComplete = history.size() < HistoryPage;
    m_model->setMessages(history, m_name);
    {
        const QSignalBlocker blocker(m_composer);
        m_composer->setPlainText(m_drafts.value(jid));
        m_composer->moveCursor(QTextCursor::End);
    }
    updateSendState();
    updateConnection();
    updateTyping();
    updatePathHint();
    scrollToBottom();
    markReadIfVisible();
}

void ConversationView::updateHeader()
{
    const auto contact = m_backend.contacts->contact(m_jid);
    RosterContact shown = contact.value_or(RosterContact());
    if (!contact)
        shown.bareJid = m_jid;
    m_name = Format::displayName(shown);
    m_title->setText(m_name);
    m_title->setAccessibleName(tr("Conversation with %1").arg(m_name));
    m_subtitle->setText(contact ? tr("%1 · %2").arg(Format::presence(*contact), m_jid) : m_jid);
    m_avatar->setPixmap(
        Avatar::pixmap(m_name, m_jid, 36, devicePixelRatioF(), Format::availabilityColor(shown.availability)));
    m_dropOverlay->setText(tr("Drop files here to send them to %1").arg(m_name));
    updateConnection();
    updatePathHint();
}

void ConversationView::updateConnection()
{
    const auto contact = m_backend.contacts->contact(m_jid);
    const ConnectionInfo info = m_backend.connections->connection(m_jid);
    m_connect->setConnection(info, m_name, contact && contact->isOnline());
    m_details->setEnabled(info.state != ConnectionInfo::State::Idle);
}

void ConversationView::updateTyping()
{
    const ChatState state = m_jid.isEmpty() ? ChatState::Active : m_backend.chat->typingState(m_jid);
    QString text;
    if (state == ChatState::Composing)
        text = tr("%1 is typing…").arg(m_name);
    m_typing->setText(text);
    m_typing->setAccessibleName(text);
    m_typing->setVisible(!text.isEmpty());
}

bool ConversationView::sendsPeerToPeer() const
{
    return !m_jid.isEmpty() && m_backend.chat->isPeerToPeer(m_jid);
}

void ConversationView::updatePathHint()
{
    const QString hint = sendsPeerToPeer() ? tr("Message — goes directly to %1, end-to-end encrypted").arg(m_name)
                                           : tr("Message — goes through your server until you connect");
    m_composer->setPlaceholderText(hint);
    m_composer->setAccessibleDescription(
        hint + QStringLiteral(". ") + tr("Enter sends, Shift+Enter starts a new line, Up edits your last message."));
}

QString ConversationView::typingText() const
{
    return m_typing->isVisibleTo(this) ? m_typing->text() : QString();
}

QString ConversationView::noticeText() const
{
    return m_notice->isVisibleTo(this) ? m_notice->text() : QString();
}

void ConversationView::updateSendState()
{
    const QString text = m_composer->toPlainText();
    const int max = m_backend.chat->maxTextLength();
    const bool tooLong = max > 0 && text.size() > max;
    m_send->setEnabled(!text.trimmed().isEmpty() && !tooLong && !m_jid.isEmpty());
    m_counter->setVisible(max > 0 && text.size() > max * 9 / 10);
    m_counter->setText(QStringLiteral("%1/%2").arg(text.size()).arg(max));
    m_counter->setProperty("kind", tooLong ? QStringLiteral("error") : QString());
    m_counter->setAccessibleName(tr("%1 of at most %2 characters").arg(text.size()).arg(max));
}

void ConversationView::onComposerChanged()
{
    updateSendState();
    if (m_jid.isEmpty() || !m_editingId.isEmpty())
        return;
    const bool empty = m_composer->toPlainText().isEmpty();
    if (empty) {
        m_pauseTimer.stop();
        if (m_typingSent) {
            m_backend.chat->setTyping(m_jid, ChatState::Active);
            m_typingSent = false;
        }
        return;
    }
    if (!m_typingSent) {
        m_backend.chat->setTyping(m_jid, ChatState::Composing);
        m_typingSent = true;
    }
    m_pauseTimer.start();
}

void ConversationView::submit()
{
    if (m_jid.isEmpty())
        return;
    const QString text = m_composer->toPlainText().trimmed();
    if (text.isEmpty())
        return;
    QString error;
    if (!m_editingId.isEmpty()) {
        if (!m_backend.chat->correct(m_editingId, text, &error)) {
            showNotice(error);
            return;
        }
        cancelEdit();
        return;
    }
    if (m_backend.chat->send(m_jid, text, &error).isEmpty()) {
        showNotice(error);
        return;
    }
    m_pauseTimer.stop();
    m_typingSent = false; // the message itself ends "composing"
    {
        const QSignalBlocker blocker(m_composer);
        m_composer->clear();
    }
    m_drafts.remove(m_jid);
    updateSendState();
    scrollToBottom();
}

void ConversationView::onMessageAdded(const ChatMessage &message)
{
    if (message.peer != m_jid)
        return;
    const bool follow = message.isOutgoing() || isAtBottom();
    m_model->upsert(message);
    if (follow)
        scrollToBottom();
    if (!message.isOutgoing())
        markReadIfVisible();
}

void ConversationView::onMessageChanged(const ChatMessage &message)
{
    if (message.peer == m_jid && m_model->rowOf(message.id) >= 0)
        m_model->upsert(message);
}

void ConversationView::markReadIfVisible()
{
    if (m_jid.isEmpty() || !isVisible() || !window()->isActiveWindow())
        return;
    if (m_backend.chat->unreadCount(m_jid) > 0)
        m_backend.chat->markRead(m_jid);
}

void ConversationView::loadOlder()
{
    if (m_loadingOlder || m_historyComplete || m_jid.isEmpty() || m_model->rowCount() == 0)
        return;
    m_loadingOlder = true;
    const QList<ChatMessage> older = m_backend.chat->history(m_jid, HistoryPage, m_model->firstSeq());
    m_historyComplete = older.size() < HistoryPage;
    if (!older.isEmpty()) {
        QScrollBar *bar = m_list->verticalScrollBar();
        const int fromBottom = bar->maximum() - bar->value();
        m_model->prepend(older);
        m_list->doItemsLayout();
        bar->setValue(bar->maximum() - fromBottom);
    }
    m_loadingOlder = false;
}

bool ConversationView::isAtBottom() const
{
    const QScrollBar *bar = m_list->verticalScrollBar();
    return bar->value() >= bar->maximum() - 24;
}

void ConversationView::scrollToBottom()
{
    m_list->doItemsLayout();
    m_list->scrollToBottom();
}

void ConversationView::showNotice(const QString &text)
{
    if (text.isEmpty())
        return;
    m_notice->setText(text);
    m_notice->show();
    m_noticeTimer.start();
}

void ConversationView::startEdit(const ChatMessage &message)
{
    m_editingId = message.id;
    m_editLabel->setText(tr("Editing your message. Enter saves, Esc cancels."));
    m_editBar->show();
    m_drafts.insert(m_jid, m_composer->toPlainText());
    const QSignalBlocker blocker(m_composer);
    m_composer->setPlainText(message.text);
    m_composer->moveCursor(QTextCursor::End);
    m_composer->setFocus();
    updateSendState();
}

void ConversationView::cancelEdit()
{
    if (m_editingId.isEmpty())
        return;
    m_editingId.clear();
    m_editBar->hide();
    const QSignalBlocker blocker(m_composer);
    m_composer->setPlainText(m_drafts.take(m_jid));
    m_composer->moveCursor(QTextCursor::End);
    updateSendState();
}

void ConversationView::editLast()
{
    for (int row = m_model->rowCount() - 1; row >= 0; --row) {
        const ChatMessage message = m_model->message(row);
        if (message.isOutgoing()) {
            startEdit(message);
            return;
        }
    }
}

void ConversationView::retry(const QString &id)
{
    QString error;
    if (!m_backend.chat->retry(id, &error))
        showNotice(error);
}

void ConversationView::showMessageMenu(const QPoint &pos)
{
    const QModelIndex index = m_list->indexAt(pos);
    if (!index.isValid())
        return;
    const ChatMessage message = m_model->message(index.row());
    QMenu menu(this);
    menu.addAction(tr("Copy text"), this, [text = message.text] { QApplication::clipboard()->setText(text); });
    if (message.isOutgoing()) {
        menu.addAction(tr("Edit…"), this, [this, message] { startEdit(message); });
        if (message.state == ChatMessage::State::Failed || message.state == ChatMessage::State::Pending)
            menu.addAction(Icons::icon(QStringLiteral("retry")), tr("Send again"), this,
                           [this, id = message.id] { retry(id); });
    }
    menu.exec(m_list->viewport()->mapToGlobal(pos));
}

void ConversationView::showDropOverlay(bool show)
{
    m_dropOverlay->setGeometry(rect().adjusted(8, 8, -8, -8));
    m_dropOverlay->setVisible(show);
    if (show)
        m_dropOverlay->raise();
}

void ConversationView::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_jid.isEmpty() || FileDrop::localPaths(event->mimeData()).isEmpty())
        return;
    event->acceptProposedAction();
    showDropOverlay(true);
}

void ConversationView::dragLeaveEvent(QDragLeaveEvent *event)
{
    QWidget::dragLeaveEvent(event);
    showDropOverlay(false);
}

void ConversationView::dropEvent(QDropEvent *event)
{
    showDropOverlay(false);
    const QStringList paths = FileDrop::localPaths(event->mimeData());
    if (m_jid.isEmpty() || paths.isEmpty())
        return;
    event->acceptProposedAction();
    Q_EMIT filesDropped(m_jid, paths);
}

void ConversationView::resizeEvent(QResizeEvent *event)
{
    const bool atBottom = isAtBottom();
    QWidget::resizeEvent(event);
    if (m_dropOverlay->isVisible())
        m_dropOverlay->setGeometry(rect().adjusted(8, 8, -8, -8));
    if (atBottom)
        QTimer::singleShot(0, this, &ConversationView::scrollToBottom);
}

} // namespace Peerlink
