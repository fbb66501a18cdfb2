#include "core/xmpp/JingleFingerprint.h"

#include "core/xmpp/JingleNamespaces.h"
#include "core/xmpp/JingleXml.h"

#include <QDomElement>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace Peerlink {

namespace {

constexpr QStringView context = u"Jingle fingerprint";

bool isCertificateHash(QCryptographicHash::Algorithm algorithm)
{
    return algorithm == QCryptographicHash::Sha256 || algorithm == QCryptographicHash::Sha384
        || algorithm == QCryptographicHash::Sha512;
}

int hexValue(QChar c)
{
    if (c >= u'0' && c <= u'9')
        return c.unicode() - u'0';
    if (c >= u'A' && c <= u'F')
        return c.unicode() - u'A' + 10;
    if (c >= u'a' && c <= u'f')
        return c.unicode() - u'a' + 10;
    return -1;
}

} // namespace

JingleFingerprint JingleFingerprint::fromCertificate(const QByteArray &derCertificate, Setup setup,
                                                     QCryptographicHash::Algorithm algorithm)
{
    JingleFingerprint f;
    f.algorithm = algorithm;
    f.setup = setup;
    f.digest = QCryptographicHash::hash(derCertificate, algorithm);
    return f;
}

bool JingleFingerprint::matchesCertificate(const QByteArray &derCertificate) const
{
    return isCertificateHash(algorithm) && !digest.isEmpty()
        && QCryptographicHash::hash(derCertificate, algorithm) == digest;
}

QString JingleFingerprint::setupName(Setup setup)
{
    switch (setup) {
    case Setup::ActPass:
        return u"actpass"_s;
    case Setup::Active:
        return u"active"_s;
    case Setup::Passive:
        return u"passive"_s;
    }
    return {};
}

std::optional<JingleFingerprint::Setup> JingleFingerprint::parseSetupName(QStringView name)
{
    for (Setup s : { Setup::ActPass, Setup::Active, Setup::Passive }) {
        if (name == setupName(s))
            return s;
    }
    return std::nullopt;
}

QString JingleFingerprint::formatDigest(const QByteArray &digest)
{
    return QString::fromLatin1(digest.toHex(':').toUpper());
}

std::optional<QByteArray> JingleFingerprint::parseDigest(QStringView text, qsizetype length)
{
    if (length <= 0 || text.size() != length * 3 - 1)
        return std::nullopt;
    QByteArray digest(length, Qt::Uninitialized);
    for (qsizetype i = 0; i < length; ++i) {
        const qsizetype at = i * 3;
        const int high = hexValue(text[at]);
        const int low = hexValue(text[at + 1]);
        if (high < 0 || low < 0 || (i + 1 < length && text[at + 2] != u':'))
            return std::nullopt;
        digest[i] = char(high * 16 + low);
    }
    return digest;
}

bool JingleFingerprint::isFingerprint(const QDomElement &element)
{
    return JingleXml::isElement(element, u"fingerprint", JingleNamespaces::Dtls);
}

bool JingleFingerprint::parse(const QDomElement &element, QString *error)
{
    if (!isFingerprint(element)) {
        *error = u"%1: expected <fingerprint/> in %2, got %3"_s.arg(context, JingleNamespaces::Dtls,
                                                                    JingleXml::qualifiedName(element));
        return false;
    }
    JingleFingerprint f;
    QString text;
    if (!JingleXml::readString(element, context, u"hash"_s, 1, 16, &text, error))
        return false;
    const auto parsedAlgorithm = JingleXml::parseHashName(text);
    if (!parsedAlgorithm || !isCertificateHash(*parsedAlgorithm)) {
        *error
            = u"%1: hash %2 is not supported; use sha-256, sha-384 or sha-512"_s.arg(context, JingleXml::quoted(text));
        return false;
    }
    f.algorithm = *parsedAlgorithm;
    if (!JingleXml::readString(element, context, u"setup"_s, 1, 16, &text, error))
        return false;
    const auto parsedSetup = parseSetupName(text);
    if (!parsedSetup) {
        *error = u"%1: setup %2 is not one of actpass, active, passive"_s.arg(context, JingleXml::quoted(text));
        return false;
    }
    f.setup = *parsedSetup;
    const qsizetype length = QCryptographicHash::hashLength(f.algorithm);
    if (!JingleXml::readText(element, context, length * 3, &text, error))
        return false;
    const auto parsedDigest = parseDigest(text, length);
    if (!parsedDigest) {
        *error = u"%1: the value must be %2 colon-separated hex bytes, not %3"_s.arg(context, QString::number(length),
                                                                                     JingleXml::quoted(text));
        return false;
    }
    f.digest = *parsedDigest;
    *this = f;
    return true;
}

void JingleFingerprint::toXml(QXmlStreamWriter *writer) const
{
    writer->writeStartElement(u"fingerprint"_s);
    writer->writeDefaultNamespace(JingleNamespaces::Dtls);
    writer->writeAttribute(u"hash"_s, JingleXml::hashName(algorithm));
    writer->writeAttribute(u"setup"_s, setupName(setup));
    writer->writeCharacters(formatDigest(digest));
    writer->writeEndElement();
}

bool JingleFingerprint::validate(QString *error) const
{
    if (!isCertificateHash(algorithm)) {
        *error = u"%1: the hash must be sha-256, sha-384 or sha-512"_s.arg(context);
        return false;
    }
    if (digest.size() != QCryptographicHash::hashLength(algorithm)) {
        *error = u"%1: the digest has %2 bytes, %3 needs %4"_s.arg(
            context, QString::number(digest.size()), JingleXml::hashName(algorithm),
            QString::number(QCryptographicHash::hashLength(algorithm)));
        return false;
    }
    return true;
}

} // namespace Peerlink
