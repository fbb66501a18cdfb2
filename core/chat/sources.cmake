# core/chat: conversations, delivery over the chat stream or the server, history (docs/chat.md).
target_sources(peerlink_core PRIVATE
    chat/ChatMessage.cpp chat/ChatMessage.h chat/ChatConversation.h chat/ChatState.h
    chat/ChatFrame.cpp chat/ChatFrame.h chat/ChatFrameReader.cpp chat/ChatFrameReader.h
    chat/ChatStore.cpp chat/ChatStore.h
    chat/ChatStanza.cpp chat/ChatStanza_p.h
    chat/ChatLink.cpp chat/ChatLink_p.h
    chat/ChatService.cpp chat/ChatService.h)
