// TransferSettings: where received files go and which offers are accepted without asking.
// Plain value type.
#pragma once

#include <QList>
#include <QString>

namespace Peerlink {

struct TransferSettings
{
    // Offers from this contact up to this size are accepted without asking.
    struct AutoAcceptRule
    {
        QString bareJid;
        qint64 maxBytes = 0;
        bool operator==(const AutoAcceptRule &other) const = default;
    };

    // Received files are saved here (folders keep their structure below it).
    QString downloadDir;
    // Empty by default: every offer waits for the user.
    QList<AutoAcceptRule> autoAccept;

    bool autoAccepts(const QString &bareJid, qint64 size) const
    {
        for (const AutoAcceptRule &rule : autoAccept) {
            if (rule.bareJid.compare(bareJid, Qt::CaseInsensitive) == 0 && size <= rule.maxBytes)
                return true;
        }
        return false;
    }

    bool operator==(const TransferSettings &other) const = default;
};

} // namespace Peerlink
