// CliOptions: what peerlink-cli was asked to do, from its command line and an optional profile
// file (INI; the keys are the long option names, e.g. "jid", "host", "turn"). Plain value type.
#pragma once

#include "core/ice/IceConfig.h"
#include "core/session/SessionConfig.h"
#include "core/xmpp/AccountConfig.h"

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace Peerlink::Cli {

struct CliOptions
{
    enum class Command { Connect, Listen, Gather };

    Command command = Command::Listen;
    QString peer; // connect: the contact's bare JID

    AccountConfig account; // jid (optionally with a resource), password, host, port, CA
    SessionConfig session; // ICE servers and options, TURN CA, congestion control
    QString profileDir; // device identity and database; empty: a temporary one

    QStringList contacts; // made mutual contacts after sign-in
    QStringList sendFiles;
    QStringList messages;
    int expectFiles = 0;
    int expectMessages = 0;
    QString downloadDir;
    int holdSeconds = 0; // keep the session open this long after the work is done
    int timeoutSeconds = 120;
    int lingerMs = 0; // gather: keep collecting late (trickled) candidates this long
    int pingMs = 0; // while holding: send a chat message this often (0: none)
    bool waitGathering = false; // end only once ICE gathering is done (late UPnP candidates reported)
    QString eventsFile; // append one JSON line per event (connected, path, ICE restart, end, ...)
    QString jsonFile;

    // Parses the arguments of app. Returns false with *error (what is wrong, in plain words) when
    // they cannot be used; exits for --help and --version.
    static bool parse(const QCoreApplication &app, CliOptions *options, QString *error);
};

} // namespace Peerlink::Cli
