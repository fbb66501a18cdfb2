// ConnectionDetailsDialog: how the connection with one contact works right now: its state and
// route, the candidates this device gathered (the one in use marked), the selected pair, whether
// a TURN relay or a UPnP port mapping is in use, the peer's device fingerprint, and the RTT and
// throughput as small live graphs. Refreshes itself every second.
#pragma once

#include "ui/backend/ConnectionInfo.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QTimer>

class QFormLayout;
class QLabel;
class QTableWidget;

namespace Peerlink {

class ConnectionController;
class Sparkline;

class ConnectionDetailsDialog : public QDialog
{
    Q_OBJECT
public:
    ConnectionDetailsDialog(ConnectionController *connections, const QString &jid, const QString &contactName,
                            QWidget *parent = nullptr);

    QString jid() const { return m_jid; }
    QTableWidget *candidateTable() const { return m_candidates; }
    Sparkline *rttGraph() const { return m_rttGraph; }
    Sparkline *throughputGraph() const { return m_throughputGraph; }
    QString fieldText(const QString &objectName) const;

    // Takes a sample now (also done every second).
    void refresh();

private:
    void sample(const ConnectionInfo &info);

    ConnectionController *m_connections;
    QString m_jid;
    QString m_name;
    QLabel *m_summary;
    QLabel *m_route;
    QLabel *m_local;
    QLabel *m_remote;
    QLabel *m_rtt;
    QLabel *m_turn;
    QLabel *m_upnp;
    QLabel *m_connectTime;
    QLabel *m_fingerprint;
    Sparkline *m_rttGraph;
    Sparkline *m_throughputGraph;
    QTableWidget *m_candidates;
    QTimer m_timer;
    QElapsedTimer m_sinceSample;
    quint64 m_lastSent = 0;
    quint64 m_lastReceived = 0;
    bool m_haveBytes = false;
    IceCandidates m_shownCandidates;
    bool m_shownHasPath = false;
    IceCandidate m_shownPathLocal;
};

} // namespace Peerlink
