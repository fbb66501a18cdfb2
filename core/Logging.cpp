#include "core/Logging.h"

Q_LOGGING_CATEGORY(lcNet, "peerlink.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcIce, "peerlink.ice", QtInfoMsg)
Q_LOGGING_CATEGORY(lcChannel, "peerlink.channel", QtInfoMsg)
Q_LOGGING_CATEGORY(lcXmpp, "peerlink.xmpp", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSession, "peerlink.session", QtInfoMsg)
Q_LOGGING_CATEGORY(lcChat, "peerlink.chat", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTransfer, "peerlink.transfer", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStorage, "peerlink.storage", QtInfoMsg)
