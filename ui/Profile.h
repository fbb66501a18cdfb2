// Profile: one user's Peerlink data in one folder: settings, history database, device key.
// Several profiles may run side by side, one instance each (see SingleInstance).
#pragma once

#include <QString>

namespace Peerlink {

class Profile
{
public:
    // `name` under the application data folder, or an explicit folder `dir` when not empty.
    Profile(const QString &name, const QString &dir = {});

    QString name() const { return m_name; }
    QString dir() const { return m_dir; }
    // Creates the folder (owner-only access) if needed; false with *error when impossible.
    bool ensureExists(QString *error) const;

    QString settingsFile() const;
    QString databaseFile() const;
    // Where the device identity (key pair) is kept: the profile folder.
    QString identityDir() const { return m_dir; }
    // A name for the local socket that makes this profile single-instance (stable per folder).
    QString instanceKey() const;

    static QString defaultName() { return QStringLiteral("default"); }
    // Profile names are file names: letters, digits, '-', '_' and '.', not starting with '.'.
    static bool isValidName(const QString &name);

private:
    QString m_name;
    QString m_dir;
};

} // namespace Peerlink
