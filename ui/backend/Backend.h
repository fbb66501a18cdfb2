// Backend: the core as the UI sees it, one object per area, each behind an interface of ui/backend.
// app/main.cpp fills it with the Core* adapters over the real engine; widget tests with fakes.
// Nothing is owned here.
#pragma once

namespace Peerlink {

class AccountController;
class ChatSource;
class ConnectionController;
class ContactsSource;
class SecretStore;
class TransferSource;

struct Backend
{
    AccountController *account = nullptr;
    ContactsSource *contacts = nullptr;
    ConnectionController *connections = nullptr;
    ChatSource *chat = nullptr;
    TransferSource *transfers = nullptr;
    SecretStore *secrets = nullptr;

    bool isComplete() const { return account && contacts && connections && chat && transfers && secrets; }
};

} // namespace Peerlink
