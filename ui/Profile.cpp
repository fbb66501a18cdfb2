#include "ui/Profile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

namespace Peerlink {

Profile::Profile(const QString &name, const QString &dir)
    : m_name(name.isEmpty() ? defaultName() : name)
{
    if (!dir.isEmpty())
        m_dir = QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
    else
        m_dir
            = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/profiles/") + m_name;
}

bool Profile::ensureExists(QString *error) const
{
    if (!QDir().mkpath(m_dir)) {
        if (error)
            *error = QCoreApplication::translate("Peerlink::Profile",
                                                 "The profile folder %1 could not be created. Check that you may "
                                                 "write there, or choose another folder with --profile-dir.")
                         .arg(m_dir);
        return false;
    }
    QFile::setPermissions(m_dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return true;
}

QString Profile::settingsFile() const
{
    return m_dir + QStringLiteral("/settings.ini");
}

QString Profile::databaseFile() const
{
    return m_dir + QStringLiteral("/peerlink.sqlite");
}

QString Profile::instanceKey() const
{
    const QByteArray hash = QCryptographicHash::hash(m_dir.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return QStringLiteral("peerlink-") + QString::fromLatin1(hash);
}

bool Profile::isValidName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$"));
    return pattern.match(name).hasMatch();
}

} // namespace Peerlink
