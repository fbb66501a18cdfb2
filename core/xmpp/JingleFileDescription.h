// JingleFileDescription: a XEP-0234 (version 5) file-transfer <description/> with its <file/>:
// name, size, media type, date, description, XEP-0300 hashes and range. Peerlink only offers
// files (push), so name and size are required. The name is taken as sent; making it a safe local
// file name is the job of core/transfer.
#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

class QDomElement;
class QXmlStreamWriter;

namespace Peerlink {

struct JingleFileDescription
{
    static constexpr qsizetype MaxNameLength = 1024;
    static constexpr qsizetype MaxMediaTypeLength = 255;
    static constexpr qsizetype MaxDescLength = 4096;
    static constexpr qsizetype MaxHashes = 8;

    // <hash xmlns='urn:xmpp:hashes:2' algo='sha-256'>base64</hash>
    struct Hash
    {
        QCryptographicHash::Algorithm algorithm = QCryptographicHash::Sha256;
        QByteArray value; // raw digest bytes
        bool operator==(const Hash &other) const = default;
    };
    // <range offset='...' length='...'/>: in an offer, an empty <range/> says "ranges supported";
    // in content-accept it asks for the bytes from 'offset' (resume).
    struct Range
    {
        qint64 offset = 0;
        std::optional<qint64> length;
        bool operator==(const Range &other) const = default;
    };

    QString name;
    qint64 size = 0;
    QString mediaType; // empty when absent
    QDateTime date; // last modification; invalid when absent
    QString desc; // empty when absent
    QList<Hash> hashes;
    std::optional<Range> range;

    static bool isDescription(const QDomElement &element);
    // Unknown children of <file/> (such as <thumbnail/>) are ignored.
    bool parse(const QDomElement &element, QString *error);
    void toXml(QXmlStreamWriter *writer) const;

    bool operator==(const JingleFileDescription &other) const = default;
};

} // namespace Peerlink
