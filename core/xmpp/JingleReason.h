// JingleReason: the XEP-0166 <reason/> of session-terminate (and of content-reject,
// content-remove, transport-reject): one condition and an optional human-readable text.
//   <reason><general-error/><text>Could not open the file</text></reason>
#pragma once

#include <QString>

#include <optional>

class QDomElement;
class QXmlStreamWriter;

namespace Peerlink {

struct JingleReason
{
    static constexpr qsizetype MaxTextLength = 1024;

    enum class Condition {
        AlternativeSession,
        Busy,
        Cancel,
        ConnectivityError,
        Decline,
        Expired,
        FailedApplication,
        FailedTransport,
        GeneralError,
        Gone,
        IncompatibleParameters,
        MediaError,
        SecurityError,
        Success,
        Timeout,
        UnsupportedApplications,
        UnsupportedTransports,
    };

    Condition condition = Condition::Success;
    QString text; // empty when absent
    QString alternativeSid; // the <sid/> of alternative-session, empty otherwise

    // "success", "failed-transport", ... (the element names of XEP-0166)
    static QString conditionName(Condition condition);
    static std::optional<Condition> parseConditionName(QStringView name);

    static bool isReason(const QDomElement &element);
    bool parse(const QDomElement &element, QString *error);
    void toXml(QXmlStreamWriter *writer) const;

    bool operator==(const JingleReason &other) const = default;
};

} // namespace Peerlink
