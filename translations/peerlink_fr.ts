<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>Peerlink::AccountDialog</name>
    <message>
        <source>&amp;Remember the password in the system&apos;s password store</source>
        <translation>&amp;Mémoriser le mot de passe dans le trousseau du système</translation>
    </message>
    <message>
        <source>Server settings</source>
        <translation>Paramètres du serveur</translation>
    </message>
    <message>
        <source>Sign in to Peerlink</source>
        <translation>Se connecter à Peerlink</translation>
    </message>
    <message>
        <source>Sign in with your XMPP account</source>
        <translation>Connectez-vous avec votre compte XMPP</translation>
    </message>
    <message>
        <source>Peerlink uses your XMPP (Jabber) account to find your contacts. Your chats and files then go directly to them, end-to-end encrypted.</source>
        <translation>Peerlink utilise votre compte XMPP (Jabber) pour trouver vos contacts. Vos discussions et vos fichiers leur parviennent ensuite directement, chiffrés de bout en bout.</translation>
    </message>
    <message>
        <source>you@example.org</source>
        <translation>vous@example.org</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe :</translation>
    </message>
    <message>
        <source>Shows the server host and port fields</source>
        <translation>Affiche les champs du serveur et du port</translation>
    </message>
    <message>
        <source>found automatically</source>
        <translation>trouvé automatiquement</translation>
    </message>
    <message>
        <source>Server host</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatique</translation>
    </message>
    <message>
        <source>Server port</source>
        <translation>Port du serveur</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Serveur :</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort :</translation>
    </message>
    <message>
        <source>Leave these empty unless your provider tells you otherwise.</source>
        <translation>Laissez ces champs vides sauf si votre fournisseur indique autre chose.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Enter your address as name@example.org.</source>
        <translation>Saisissez votre adresse sous la forme nom@example.org.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Saisissez votre mot de passe.</translation>
    </message>
</context>
<context>
    <name>Peerlink::CertificateDialog</name>
    <message>
        <source>Untrusted server certificate</source>
        <translation>Certificat de serveur non approuvé</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted</source>
        <translation>Le certificat de %1 n&apos;est pas approuvé</translation>
    </message>
    <message>
        <source>Peerlink did not connect, because:</source>
        <translation>Peerlink ne s&apos;est pas connecté, car :</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>Empreinte SHA-256 :</translation>
    </message>
    <message>
        <source>Issued to:</source>
        <translation>Délivré à :</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>Délivré par :</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>Validité :</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>du %1 au %2</translation>
    </message>
    <message>
        <source>Compare the fingerprint with the one your server&apos;s administrator publishes. Continue only if they match: otherwise someone may be listening in.</source>
        <translation>Comparez l&apos;empreinte avec celle que publie l&apos;administrateur de votre serveur. Ne continuez que si elles correspondent : sinon, quelqu&apos;un pourrait vous écouter.</translation>
    </message>
    <message>
        <source>Always trust this certificate</source>
        <translation>Toujours faire confiance à ce certificat</translation>
    </message>
    <message>
        <source>Trust once</source>
        <translation>Faire confiance une fois</translation>
    </message>
    <message>
        <source>Do not connect</source>
        <translation>Ne pas se connecter</translation>
    </message>
</context>
<context>
    <name>Peerlink::ChatService</name>
    <message>
        <source>The chat history is unavailable: %1</source>
        <translation>L&apos;historique des discussions n&apos;est pas disponible : %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a contact&apos;s address (user@domain).</source>
        <translation>« %1 » n&apos;est pas l&apos;adresse d&apos;un contact (nom@domaine).</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>Le message est vide.</translation>
    </message>
    <message>
        <source>The message has %1 characters; at most %2 fit in one message. Send it in parts or as a file.</source>
        <translation>Le message compte %1 caractères ; un message en contient au plus %2. Envoyez-le en plusieurs parties ou sous forme de fichier.</translation>
    </message>
    <message>
        <source>The message could not be stored: %1</source>
        <translation>Le message n&apos;a pas pu être enregistré : %1</translation>
    </message>
    <message>
        <source>There is no message of yours with id %1 to correct.</source>
        <translation>Aucun de vos messages ne porte l&apos;identifiant %1 à corriger.</translation>
    </message>
    <message>
        <source>The corrected message is empty.</source>
        <translation>Le message corrigé est vide.</translation>
    </message>
    <message>
        <source>The message has %1 characters; at most %2 fit in one message.</source>
        <translation>Le message compte %1 caractères ; un message en contient au plus %2.</translation>
    </message>
    <message>
        <source>The correction could not be stored: %1</source>
        <translation>La correction n&apos;a pas pu être enregistrée : %1</translation>
    </message>
    <message>
        <source>There is no message of yours with id %1.</source>
        <translation>Aucun de vos messages ne porte l&apos;identifiant %1.</translation>
    </message>
</context>
<context>
    <name>Peerlink::ConnectButton</name>
    <message>
        <source>Connection details…</source>
        <translation>Détails de la connexion…</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Déconnecter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>%1 is offline. You can connect when they are online.</source>
        <translation>%1 est hors ligne. Vous pourrez vous connecter quand ce contact sera en ligne.</translation>
    </message>
    <message>
        <source>Connect to %1</source>
        <translation>Se connecter à %1</translation>
    </message>
    <message>
        <source>Connecting to %1</source>
        <translation>Connexion à %1 en cours</translation>
    </message>
    <message>
        <source>Connected to %1: %2</source>
        <translation>Connecté à %1 : %2</translation>
    </message>
    <message>
        <source>Retry connecting to %1</source>
        <translation>Réessayer la connexion à %1</translation>
    </message>
</context>
<context>
    <name>Peerlink::ConnectionDetailsDialog</name>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Round trip time</source>
        <translation>Temps aller-retour</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Débit</translation>
    </message>
    <message>
        <source>Connection with %1</source>
        <translation>Connexion avec %1</translation>
    </message>
    <message>
        <source>Route:</source>
        <translation>Chemin :</translation>
    </message>
    <message>
        <source>This device:</source>
        <translation>Cet appareil :</translation>
    </message>
    <message>
        <source>%1&apos;s device:</source>
        <translation>Appareil de %1 :</translation>
    </message>
    <message>
        <source>Round trip:</source>
        <translation>Aller-retour :</translation>
    </message>
    <message>
        <source>Relay (TURN) in use:</source>
        <translation>Relais (TURN) utilisé :</translation>
    </message>
    <message>
        <source>Router port (UPnP) in use:</source>
        <translation>Port du routeur (UPnP) utilisé :</translation>
    </message>
    <message>
        <source>Time to connect:</source>
        <translation>Temps de connexion :</translation>
    </message>
    <message>
        <source>Device fingerprint:</source>
        <translation>Empreinte de l&apos;appareil :</translation>
    </message>
    <message>
        <source>received</source>
        <translation>reçu</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>envoyé</translation>
    </message>
    <message>
        <source>Candidates gathered by this device</source>
        <translation>Candidats recueillis par cet appareil</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Utilisé</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>No path selected yet</source>
        <translation>Aucun chemin choisi pour l&apos;instant</translation>
    </message>
    <message>
        <source>Not measured yet</source>
        <translation>Pas encore mesuré</translation>
    </message>
    <message>
        <source>Yes, the connection runs through the relay</source>
        <translation>Oui, la connexion passe par le relais</translation>
    </message>
    <message>
        <source>Allocated as a fallback, not carrying the connection</source>
        <translation>Réservé en secours, ne porte pas la connexion</translation>
    </message>
    <message>
        <source>Yes, the connection runs through the mapped port</source>
        <translation>Oui, la connexion passe par le port ouvert</translation>
    </message>
    <message>
        <source>A port is mapped, not carrying the connection</source>
        <translation>Un port est ouvert, mais ne porte pas la connexion</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>utilisé</translation>
    </message>
    <message>
        <source>not in use</source>
        <translation>non utilisé</translation>
    </message>
</context>
<context>
    <name>Peerlink::ContactListWidget</name>
    <message>
        <source>Search contacts</source>
        <translation>Rechercher des contacts</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>No contacts yet.
Add someone with the “Add contact” button above.</source>
        <translation>Aucun contact pour l&apos;instant.
Ajoutez quelqu&apos;un avec le bouton « Ajouter un contact » ci-dessus.</translation>
    </message>
    <message>
        <source>No contact matches “%1”.</source>
        <translation>Aucun contact ne correspond à « %1 ».</translation>
    </message>
    <message>
        <source>Open conversation</source>
        <translation>Ouvrir la conversation</translation>
    </message>
    <message>
        <source>Connection details…</source>
        <translation>Détails de la connexion…</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Déconnecter</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Send files…</source>
        <translation>Envoyer des fichiers…</translation>
    </message>
    <message>
        <source>Remove contact…</source>
        <translation>Supprimer le contact…</translation>
    </message>
    <message>
        <source>Remove contact</source>
        <translation>Supprimer le contact</translation>
    </message>
    <message>
        <source>Remove %1 (%2) from your contacts? You will no longer see each other&apos;s presence.</source>
        <translation>Supprimer %1 (%2) de vos contacts ? Vous ne verrez plus la présence l&apos;un de l&apos;autre.</translation>
    </message>
</context>
<context>
    <name>Peerlink::ContactRow</name>
    <message>
        <source>typing…</source>
        <translation>écrit…</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n unread message(s)</source>
        <translation>
            <numerusform>%n message non lu</numerusform>
            <numerusform>%n messages non lus</numerusform>
        </translation>
    </message>
    <message>
        <source>Press Enter to open the conversation. Drop files here to send them to %1.</source>
        <translation>Appuyez sur Entrée pour ouvrir la conversation. Déposez des fichiers ici pour les envoyer à %1.</translation>
    </message>
</context>
<context>
    <name>Peerlink::ConversationView</name>
    <message>
        <source>Connection details</source>
        <translation>Détails de la connexion</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Avis</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Cancel editing (Esc)</source>
        <translation>Annuler la modification (Échap)</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>Annuler la modification</translation>
    </message>
    <message>
        <source>Send files…</source>
        <translation>Envoyer des fichiers…</translation>
    </message>
    <message>
        <source>Send files</source>
        <translation>Envoyer des fichiers</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line, Up edits your last message.</source>
        <translation>Entrée envoie, Maj+Entrée commence une nouvelle ligne, Flèche haut modifie votre dernier message.</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Envoyer (Entrée)</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Envoyer le message</translation>
    </message>
    <message>
        <source>Conversation with %1</source>
        <translation>Conversation avec %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Drop files here to send them to %1</source>
        <translation>Déposez des fichiers ici pour les envoyer à %1</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 écrit…</translation>
    </message>
    <message>
        <source>%1 of at most %2 characters</source>
        <translation>%1 caractères sur %2 au plus</translation>
    </message>
    <message>
        <source>Editing your message. Enter saves, Esc cancels.</source>
        <translation>Vous modifiez votre message. Entrée enregistre, Échap annule.</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Copier le texte</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Renvoyer</translation>
    </message>
    <message>
        <source>Message — goes directly to %1, end-to-end encrypted</source>
        <translation>Message — va directement à %1, chiffré de bout en bout</translation>
    </message>
    <message>
        <source>Message — goes through your server until you connect</source>
        <translation>Message — passe par votre serveur tant que vous n&apos;êtes pas connecté</translation>
    </message>
</context>
<context>
    <name>Peerlink::CoreContactsSource</name>
    <message>
        <source>&quot;%1&quot; is not an address. Enter it as name@example.org.</source>
        <translation>« %1 » n&apos;est pas une adresse. Saisissez-la sous la forme nom@example.org.</translation>
    </message>
    <message>
        <source>You are not signed in. Contacts can be added once you are online.</source>
        <translation>Vous n&apos;êtes pas connecté. Vous pourrez ajouter des contacts une fois en ligne.</translation>
    </message>
    <message>
        <source>%1 could not be added to your contacts.</source>
        <translation>%1 n&apos;a pas pu être ajouté à vos contacts.</translation>
    </message>
</context>
<context>
    <name>Peerlink::Format</name>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Free to chat</source>
        <translation>Disponible pour discuter</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Away for a while</source>
        <translation>Absent pour un moment</translation>
    </message>
    <message>
        <source>Do not disturb</source>
        <translation>Ne pas déranger</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>En attente d&apos;approbation</translation>
    </message>
    <message>
        <source>Not sharing presence</source>
        <translation>Ne partage pas sa présence</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Direct</source>
        <translation>Direct</translation>
    </message>
    <message>
        <source>Direct (UPnP)</source>
        <translation>Direct (UPnP)</translation>
    </message>
    <message>
        <source>Relayed</source>
        <translation>Relayé</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Waiting for %1 to answer…</source>
        <translation>En attente de la réponse de %1…</translation>
    </message>
    <message>
        <source>Looking for a path to %1…</source>
        <translation>Recherche d&apos;un chemin vers %1…</translation>
    </message>
    <message>
        <source>Securing the connection…</source>
        <translation>Sécurisation de la connexion…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Not connected. Connect to chat and send files directly to %1.</source>
        <translation>Non connecté. Connectez-vous pour discuter et envoyer des fichiers directement à %1.</translation>
    </message>
    <message>
        <source>Connected to %1 through a relay server (end-to-end encrypted).</source>
        <translation>Connecté à %1 via un serveur relais (chiffré de bout en bout).</translation>
    </message>
    <message>
        <source>Connected directly to %1 through a port opened on your router (UPnP), end-to-end encrypted.</source>
        <translation>Connecté directement à %1 via un port ouvert sur votre routeur (UPnP), chiffré de bout en bout.</translation>
    </message>
    <message>
        <source>Connected directly to %1, end-to-end encrypted.</source>
        <translation>Connecté directement à %1, chiffré de bout en bout.</translation>
    </message>
    <message>
        <source>Round trip: %1.</source>
        <translation>Aller-retour : %1.</translation>
    </message>
    <message>
        <source>The connection to %1 failed.</source>
        <translation>La connexion à %1 a échoué.</translation>
    </message>
    <message>
        <source>Local address</source>
        <translation>Adresse locale</translation>
    </message>
    <message>
        <source>Public address (STUN)</source>
        <translation>Adresse publique (STUN)</translation>
    </message>
    <message>
        <source>Public address (seen by peer)</source>
        <translation>Adresse publique (vue par le pair)</translation>
    </message>
    <message>
        <source>Relay (TURN)</source>
        <translation>Relais (TURN)</translation>
    </message>
    <message>
        <source>, relay reached over TCP</source>
        <translation>, relais joint en TCP</translation>
    </message>
    <message>
        <source>, relay reached over TLS</source>
        <translation>, relais joint en TLS</translation>
    </message>
    <message>
        <source>, mapped with UPnP</source>
        <translation>, ouvert par UPnP</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>En attente d&apos;envoi</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Distribué</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lu</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Non envoyé</translation>
    </message>
    <message>
        <source>P2P</source>
        <translation>P2P</translation>
    </message>
    <message>
        <source>via server</source>
        <translation>via le serveur</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>Préparation</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Transferring</source>
        <translation>Transfert en cours</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Interrompu</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>Preparing the download…</source>
        <translation>Préparation du téléchargement…</translation>
    </message>
    <message>
        <source>Computing the checksum…</source>
        <translation>Calcul de la somme de contrôle…</translation>
    </message>
    <message>
        <source>%1 offers this file (%2)</source>
        <translation>%1 propose ce fichier (%2)</translation>
    </message>
    <message>
        <source>Waiting for %1 to accept (%2)</source>
        <translation>En attente de l&apos;acceptation de %1 (%2)</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>encore %1</translation>
    </message>
    <message>
        <source>Paused by %1 · %2</source>
        <translation>Mis en pause par %1 · %2</translation>
    </message>
    <message>
        <source>Paused · %1</source>
        <translation>En pause · %1</translation>
    </message>
    <message>
        <source>Interrupted · %1 · continues when %2 is reachable</source>
        <translation>Interrompu · %1 · reprend dès que %2 est joignable</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>Vérification du fichier…</translation>
    </message>
    <message>
        <source>Waiting for %1 to check the file…</source>
        <translation>En attente de la vérification du fichier par %1…</translation>
    </message>
    <message>
        <source>Received %1 from %2</source>
        <translation>%1 reçus de %2</translation>
    </message>
    <message>
        <source>Sent %1 to %2</source>
        <translation>%1 envoyés à %2</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec : %1</translation>
    </message>
    <message>
        <source>%1 declined the file</source>
        <translation>%1 a refusé le fichier</translation>
    </message>
    <message>
        <source>&lt; 1 ms</source>
        <translation>&lt; 1 ms</translation>
    </message>
</context>
<context>
    <name>Peerlink::KeychainSecretStore</name>
    <message>
        <source>Nothing is stored for this account yet.</source>
        <translation>Rien n&apos;est encore enregistré pour ce compte.</translation>
    </message>
    <message>
        <source>The system password store refused access (%1). Unlock it and try again.</source>
        <translation>Le trousseau du système a refusé l&apos;accès (%1). Déverrouillez-le et réessayez.</translation>
    </message>
    <message>
        <source>No system password store is available (%1). Start GNOME Keyring, KWallet or KeePassXC to have your password remembered.</source>
        <translation>Aucun trousseau système n&apos;est disponible (%1). Lancez GNOME Keyring, KWallet ou KeePassXC pour que votre mot de passe soit mémorisé.</translation>
    </message>
    <message>
        <source>The system password store failed: %1</source>
        <translation>Le trousseau du système a échoué : %1</translation>
    </message>
    <message>
        <source>No system password store is available (no Secret Service such as GNOME Keyring, KWallet or KeePassXC is running). Peerlink does not save your password in a file: you will be asked for it each time you start Peerlink.</source>
        <translation>Aucun trousseau système n&apos;est disponible (aucun Secret Service tel que GNOME Keyring, KWallet ou KeePassXC ne fonctionne). Peerlink n&apos;enregistre pas votre mot de passe dans un fichier : il vous sera demandé à chaque démarrage.</translation>
    </message>
</context>
<context>
    <name>Peerlink::MainWindow</name>
    <message>
        <source>Transfers</source>
        <translation>Transferts</translation>
    </message>
    <message>
        <source>Peerlink</source>
        <translation>Peerlink</translation>
    </message>
    <message>
        <source>Not signed in. Choose Peerlink &gt; Sign in to add your account.</source>
        <translation>Non connecté. Choisissez Peerlink &gt; Se connecter pour ajouter votre compte.</translation>
    </message>
    <message>
        <source>&amp;Peerlink</source>
        <translation>&amp;Peerlink</translation>
    </message>
    <message>
        <source>&amp;Add contact…</source>
        <translation>&amp;Ajouter un contact…</translation>
    </message>
    <message>
        <source>Send &amp;files…</source>
        <translation>Envoyer des &amp;fichiers…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Sign in with another &amp;account…</source>
        <translation>Se connecter avec un autre &amp;compte…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Search contacts</source>
        <translation>&amp;Rechercher des contacts</translation>
    </message>
    <message>
        <source>&amp;Transfers</source>
        <translation>&amp;Transferts</translation>
    </message>
    <message>
        <source>Connection &amp;details</source>
        <translation>&amp;Détails de la connexion</translation>
    </message>
    <message>
        <source>Go to &amp;message field</source>
        <translation>Aller au champ de &amp;message</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;About Peerlink</source>
        <translation>À &amp;propos de Peerlink</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Add contact (%1)</source>
        <translation>Ajouter un contact (%1)</translation>
    </message>
    <message>
        <source>Add contact</source>
        <translation>Ajouter un contact</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Welcome to Peerlink</source>
        <translation>Bienvenue dans Peerlink</translation>
    </message>
    <message>
        <source>Choose a contact to start a conversation.
Press Connect for a direct, end-to-end encrypted connection, and drop files on a contact to send them.</source>
        <translation>Choisissez un contact pour commencer une conversation.
Appuyez sur « Se connecter » pour une connexion directe chiffrée de bout en bout, et déposez des fichiers sur un contact pour les envoyer.</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Offline, trying again in %1</source>
        <translation>Hors ligne, nouvel essai dans %1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Your account: %1, %2</source>
        <translation>Votre compte : %1, %2</translation>
    </message>
    <message>
        <source>(%1) Peerlink</source>
        <translation>(%1) Peerlink</translation>
    </message>
    <message>
        <source>wants to send you “%1” (%2)</source>
        <translation>souhaite vous envoyer « %1 » (%2)</translation>
    </message>
    <message>
        <source>The new language is used the next time Peerlink starts.</source>
        <translation>La nouvelle langue sera utilisée au prochain démarrage de Peerlink.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Paramètres enregistrés.</translation>
    </message>
    <message>
        <source>The files could not be sent to %1.</source>
        <translation>Les fichiers n&apos;ont pas pu être envoyés à %1.</translation>
    </message>
    <message numerus="yes">
        <source>Sending %n item(s) to %1…</source>
        <translation>
            <numerusform>Envoi de %n élément à %1…</numerusform>
            <numerusform>Envoi de %n éléments à %1…</numerusform>
        </translation>
    </message>
    <message>
        <source>Send files to %1</source>
        <translation>Envoyer des fichiers à %1</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>nom@example.org</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>facultatif</translation>
    </message>
    <message>
        <source>They will be asked to approve. Once they do, you see each other online and can connect.</source>
        <translation>Cette personne devra accepter. Ensuite, vous verrez chacun la présence de l&apos;autre et pourrez vous connecter.</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse :</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Enter the address as name@example.org.</source>
        <translation>Saisissez l&apos;adresse sous la forme nom@example.org.</translation>
    </message>
    <message>
        <source>The contact could not be added.</source>
        <translation>Le contact n&apos;a pas pu être ajouté.</translation>
    </message>
    <message>
        <source>Asked %1 to become your contact.</source>
        <translation>Demande de contact envoyée à %1.</translation>
    </message>
    <message>
        <source>Contact request</source>
        <translation>Demande de contact</translation>
    </message>
    <message>
        <source>%1 wants to add you as a contact and see when you are online.</source>
        <translation>%1 souhaite vous ajouter comme contact et voir quand vous êtes en ligne.</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accepter</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <source>%1 wants to add you as a contact.</source>
        <translation>%1 souhaite vous ajouter comme contact.</translation>
    </message>
    <message>
        <source>New device key</source>
        <translation>Nouvelle clé d&apos;appareil</translation>
    </message>
    <message>
        <source>%1 connected from a device Peerlink has not seen before for them.

Device fingerprint:
%2

If they did not set up a new device or reinstall Peerlink, someone else may be pretending to be them. Compare the fingerprint with them in person or by phone.</source>
        <translation>%1 s&apos;est connecté depuis un appareil que Peerlink ne connaît pas encore pour ce contact.

Empreinte de l&apos;appareil :
%2

Si ce contact n&apos;a pas configuré de nouvel appareil ni réinstallé Peerlink, quelqu&apos;un d&apos;autre se fait peut-être passer pour lui. Comparez l&apos;empreinte en personne ou par téléphone.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>About Peerlink</source>
        <translation>À propos de Peerlink</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Peerlink %1&lt;/h3&gt;&lt;p&gt;Chat and send files directly to your contacts, end-to-end encrypted. Your XMPP account finds them; ICE finds a path through the NATs between you; QUIC carries your messages and files.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Peerlink %1&lt;/h3&gt;&lt;p&gt;Discutez et envoyez des fichiers directement à vos contacts, chiffrés de bout en bout. Votre compte XMPP les trouve ; ICE trouve un chemin à travers les NAT qui vous séparent ; QUIC transporte vos messages et vos fichiers.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Peerlink is still running</source>
        <translation>Peerlink fonctionne toujours</translation>
    </message>
    <message>
        <source>Contacts can still reach you. Quit from the tray icon&apos;s menu.</source>
        <translation>Vos contacts peuvent toujours vous joindre. Pour quitter, utilisez le menu de l&apos;icône de la barre d&apos;état.</translation>
    </message>
</context>
<context>
    <name>Peerlink::MessageDelegate</name>
    <message>
        <source>edited</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Non envoyé</translation>
    </message>
</context>
<context>
    <name>Peerlink::MessageListModel</name>
    <message>
        <source>edited</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>Carried over the direct, encrypted connection</source>
        <translation>Transmis par la connexion directe chiffrée</translation>
    </message>
    <message>
        <source>Carried by your XMPP server</source>
        <translation>Transmis par votre serveur XMPP</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>%1 at %2: %3. %4</source>
        <translation>%1 à %2 : %3. %4</translation>
    </message>
</context>
<context>
    <name>Peerlink::OfferDialog</name>
    <message>
        <source>Files from %1</source>
        <translation>Fichiers de %1</translation>
    </message>
    <message>
        <source>Offered files</source>
        <translation>Fichiers proposés</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accepter</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Enregistrer sous…</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <source>%1 wants to send you “%2”</source>
        <translation>%1 souhaite vous envoyer « %2 »</translation>
    </message>
    <message>
        <source>modified %1</source>
        <translation>modifié le %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 wants to send you %n file(s)</source>
        <translation>
            <numerusform>%1 souhaite vous envoyer %n fichier</numerusform>
            <numerusform>%1 souhaite vous envoyer %n fichiers</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in total</source>
        <translation>%1 au total</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Save into your download folder</source>
        <translation>Enregistrer dans votre dossier de téléchargement</translation>
    </message>
    <message>
        <source>Choose where to save the file</source>
        <translation>Choisir où enregistrer le fichier</translation>
    </message>
    <message>
        <source>Choose a folder for the files</source>
        <translation>Choisir un dossier pour les fichiers</translation>
    </message>
    <message>
        <source>Save the files from %1 in</source>
        <translation>Enregistrer les fichiers de %1 dans</translation>
    </message>
</context>
<context>
    <name>Peerlink::PeerSession</name>
    <message>
        <source>%1 did not answer within %2 seconds. They may be away; try again later.</source>
        <translation>%1 n&apos;a pas répondu dans les %2 secondes. Ce contact est peut-être absent ; réessayez plus tard.</translation>
    </message>
    <message>
        <source>The connection to %1 was lost and could not be restored within %2 seconds.</source>
        <translation>La connexion à %1 a été perdue et n&apos;a pas pu être rétablie dans les %2 secondes.</translation>
    </message>
    <message>
        <source>No connection to %1 could be established within %2 seconds. A firewall may block the way; a TURN server in the settings can help.</source>
        <translation>Aucune connexion à %1 n&apos;a pu être établie dans les %2 secondes. Un pare-feu bloque peut-être le passage ; un serveur TURN dans les paramètres peut aider.</translation>
    </message>
    <message>
        <source>%1 answered with a session Peerlink cannot use.</source>
        <translation>%1 a répondu avec une session que Peerlink ne peut pas utiliser.</translation>
    </message>
    <message>
        <source>%1 answered without a usable device fingerprint (%2). The connection was not made.</source>
        <translation>%1 a répondu sans empreinte d&apos;appareil utilisable (%2). La connexion n&apos;a pas été établie.</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>aucune fournie</translation>
    </message>
    <message>
        <source>%1 ended the session.</source>
        <translation>%1 a mis fin à la session.</translation>
    </message>
    <message>
        <source>%1 ended the session (%2).</source>
        <translation>%1 a mis fin à la session (%2).</translation>
    </message>
    <message>
        <source>%1 connected at the same time; their session is used.</source>
        <translation>%1 s&apos;est connecté au même moment ; sa session est utilisée.</translation>
    </message>
    <message>
        <source>%1 cannot be reached with Peerlink right now%2.</source>
        <translation>%1 n&apos;est pas joignable avec Peerlink pour le moment%2.</translation>
    </message>
    <message>
        <source>%1 announced a different device fingerprint in the middle of the session. The session was ended to keep it private.</source>
        <translation>%1 a annoncé une autre empreinte d&apos;appareil en cours de session. La session a été fermée pour rester confidentielle.</translation>
    </message>
    <message>
        <source>%1 withdrew the session.</source>
        <translation>%1 a retiré la session.</translation>
    </message>
    <message>
        <source>No network path to %1 was found (%2). A TURN server in the settings can help.</source>
        <translation>Aucun chemin réseau vers %1 n&apos;a été trouvé (%2). Un serveur TURN dans les paramètres peut aider.</translation>
    </message>
    <message>
        <source>The device of %1 did not prove the identity announced for it (%2). Nothing was sent; someone may be interfering with the connection.</source>
        <translation>L&apos;appareil de %1 n&apos;a pas prouvé l&apos;identité annoncée (%2). Rien n&apos;a été envoyé ; quelqu&apos;un interfère peut-être avec la connexion.</translation>
    </message>
    <message>
        <source>The connection to %1 was lost (%2).</source>
        <translation>La connexion à %1 a été perdue (%2).</translation>
    </message>
    <message>
        <source>The secure channel to %1 failed (%2).</source>
        <translation>Le canal sécurisé vers %1 a échoué (%2).</translation>
    </message>
    <message>
        <source>The connection to %1 was lost: %2</source>
        <translation>La connexion avec %1 a été perdue : %2</translation>
    </message>
</context>
<context>
    <name>Peerlink::Profile</name>
    <message>
        <source>The profile folder %1 could not be created. Check that you may write there, or choose another folder with --profile-dir.</source>
        <translation>Le dossier de profil %1 n&apos;a pas pu être créé. Vérifiez que vous pouvez y écrire, ou choisissez un autre dossier avec --profile-dir.</translation>
    </message>
</context>
<context>
    <name>Peerlink::SessionManager</name>
    <message>
        <source>%1 connected at the same time; their session is used.</source>
        <translation>%1 s&apos;est connecté au même moment ; sa session est utilisée.</translation>
    </message>
    <message>
        <source>%1 started a new session.</source>
        <translation>%1 a commencé une nouvelle session.</translation>
    </message>
    <message>
        <source>The session from %1 could not be accepted: %2.</source>
        <translation>La session de %1 n&apos;a pas pu être acceptée : %2.</translation>
    </message>
    <message>
        <source>You are not signed in. Sign in to connect to %1.</source>
        <translation>Vous n&apos;êtes pas connecté. Connectez-vous pour joindre %1.</translation>
    </message>
    <message>
        <source>%1 is not in your contacts. Add them first.</source>
        <translation>%1 ne fait pas partie de vos contacts. Ajoutez ce contact d&apos;abord.</translation>
    </message>
    <message>
        <source>%1 is offline. Peerlink connects when both of you are online.</source>
        <translation>%1 est hors ligne. Peerlink se connecte quand vous êtes tous deux en ligne.</translation>
    </message>
</context>
<context>
    <name>Peerlink::SettingsDialog</name>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Supprimer %1</translation>
    </message>
    <message>
        <source>credentials valid until %1</source>
        <translation>identifiants valables jusqu&apos;au %1</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>&amp;Network</source>
        <translation>&amp;Réseau</translation>
    </message>
    <message>
        <source>&amp;Files</source>
        <translation>&amp;Fichiers</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Général</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Compte</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Servers offered by your XMPP server</source>
        <translation>Serveurs proposés par votre serveur XMPP</translation>
    </message>
    <message>
        <source>&amp;Use the servers offered by my XMPP server</source>
        <translation>&amp;Utiliser les serveurs proposés par mon serveur XMPP</translation>
    </message>
    <message>
        <source>Your own servers</source>
        <translation>Vos propres serveurs</translation>
    </message>
    <message>
        <source>STUN host</source>
        <translation>Serveur STUN</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Your STUN servers</source>
        <translation>Vos serveurs STUN</translation>
    </message>
    <message>
        <source>TURN host</source>
        <translation>Serveur TURN</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Your TURN servers</source>
        <translation>Vos serveurs TURN</translation>
    </message>
    <message>
        <source>Add STUN server</source>
        <translation>Ajouter un serveur STUN</translation>
    </message>
    <message>
        <source>Add TURN server</source>
        <translation>Ajouter un serveur TURN</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>Open a port on my router with &amp;UPnP when possible</source>
        <translation>Ouvrir un port sur mon routeur avec &amp;UPnP si possible</translation>
    </message>
    <message>
        <source>Always go through a &amp;relay (hides your IP address from contacts)</source>
        <translation>Toujours passer par un &amp;relais (masque votre adresse IP à vos contacts)</translation>
    </message>
    <message>
        <source>Use only local &amp;ports from</source>
        <translation>Utiliser uniquement les &amp;ports locaux de</translation>
    </message>
    <message>
        <source>Lowest local port</source>
        <translation>Port local le plus bas</translation>
    </message>
    <message>
        <source>Highest local port</source>
        <translation>Port local le plus haut</translation>
    </message>
    <message>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>Choose the download folder</source>
        <translation>Choisir le dossier de téléchargement</translation>
    </message>
    <message>
        <source>Download folder</source>
        <translation>Dossier de téléchargement</translation>
    </message>
    <message>
        <source>&amp;Save received files in:</source>
        <translation>&amp;Enregistrer les fichiers reçus dans :</translation>
    </message>
    <message>
        <source>Accept without asking</source>
        <translation>Accepter sans demander</translation>
    </message>
    <message>
        <source>Files from these contacts are accepted into the download folder without asking, up to the size given.</source>
        <translation>Les fichiers de ces contacts sont acceptés sans demander dans le dossier de téléchargement, jusqu&apos;à la taille indiquée.</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Up to</source>
        <translation>Jusqu&apos;à</translation>
    </message>
    <message>
        <source>Contacts whose files are accepted without asking</source>
        <translation>Contacts dont les fichiers sont acceptés sans demander</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>Ajouter une règle</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>A new language is used the next time Peerlink starts.</source>
        <translation>Une nouvelle langue est utilisée au prochain démarrage de Peerlink.</translation>
    </message>
    <message>
        <source>Show &amp;notifications for new messages and files</source>
        <translation>Afficher des &amp;notifications pour les nouveaux messages et fichiers</translation>
    </message>
    <message>
        <source>&amp;Keep running in the system tray when the window is closed</source>
        <translation>&amp;Continuer dans la barre d&apos;état quand la fenêtre est fermée</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>Server certificates you trust</source>
        <translation>Certificats de serveur auxquels vous faites confiance</translation>
    </message>
    <message>
        <source>&amp;Forget selected certificate</source>
        <translation>&amp;Oublier le certificat sélectionné</translation>
    </message>
    <message>
        <source>You chose to trust these certificates although no authority vouched for them. They are identified by their SHA-256 fingerprint.</source>
        <translation>Vous avez choisi de faire confiance à ces certificats bien qu&apos;aucune autorité ne les garantisse. Ils sont identifiés par leur empreinte SHA-256.</translation>
    </message>
    <message>
        <source>Additional certificate authorities</source>
        <translation>Autorités de certification supplémentaires</translation>
    </message>
    <message>
        <source>A PEM file, e.g. your company&apos;s certificate authority</source>
        <translation>Un fichier PEM, par exemple l&apos;autorité de certification de votre entreprise</translation>
    </message>
    <message>
        <source>Additional certificate authorities file</source>
        <translation>Fichier d&apos;autorités de certification supplémentaires</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>Pa&amp;rcourir…</translation>
    </message>
    <message>
        <source>Choose a certificate authority file</source>
        <translation>Choisir un fichier d&apos;autorité de certification</translation>
    </message>
    <message>
        <source>Certificate authorities (PEM)</source>
        <translation>Autorités de certification (PEM)</translation>
    </message>
    <message>
        <source>Changes here take effect the next time you sign in.</source>
        <translation>Ces modifications prennent effet à la prochaine connexion.</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>STUN server %1</source>
        <translation>Serveur STUN %1</translation>
    </message>
    <message>
        <source>TURN server %1</source>
        <translation>Serveur TURN %1</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> Mo</translation>
    </message>
    <message>
        <source>Rule %1</source>
        <translation>Règle %1</translation>
    </message>
    <message>
        <source>None announced (or not signed in)</source>
        <translation>Aucun annoncé (ou non connecté)</translation>
    </message>
    <message>
        <source>The TURN server %1 needs a user name and a password.</source>
        <translation>Le serveur TURN %1 nécessite un nom d&apos;utilisateur et un mot de passe.</translation>
    </message>
    <message>
        <source>The lowest local port (%1) is above the highest (%2).</source>
        <translation>Le port local le plus bas (%1) est supérieur au plus haut (%2).</translation>
    </message>
    <message>
        <source>“%1” is not a contact address (name@example.org).</source>
        <translation>« %1 » n&apos;est pas l&apos;adresse d&apos;un contact (nom@example.org).</translation>
    </message>
</context>
<context>
    <name>Peerlink::SignInFlow</name>
    <message>
        <source>Your password could not be saved: %1</source>
        <translation>Votre mot de passe n&apos;a pas pu être enregistré : %1</translation>
    </message>
    <message>
        <source>Not signed in: the server&apos;s certificate was not trusted.</source>
        <translation>Non connecté : le certificat du serveur n&apos;a pas été approuvé.</translation>
    </message>
</context>
<context>
    <name>Peerlink::Sparkline</name>
    <message>
        <source>No measurement yet</source>
        <translation>Aucune mesure pour l&apos;instant</translation>
    </message>
</context>
<context>
    <name>Peerlink::TransferIo</name>
    <message>
        <source>The folder %1 cannot be read.</source>
        <translation>Le dossier %1 ne peut pas être lu.</translation>
    </message>
    <message>
        <source>The folder %1 holds more than %2 files; send it in parts.</source>
        <translation>Le dossier %1 contient plus de %2 fichiers ; envoyez-le en plusieurs parties.</translation>
    </message>
    <message>
        <source>%1 is not a file that can be sent.</source>
        <translation>%1 n&apos;est pas un fichier qui peut être envoyé.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 ne peut pas être lu : %2</translation>
    </message>
    <message>
        <source>%1 changed while its checksum was computed; send it again.</source>
        <translation>%1 a changé pendant le calcul de sa somme de contrôle ; envoyez-le à nouveau.</translation>
    </message>
    <message>
        <source>%1 cannot be read any more: %2</source>
        <translation>%1 ne peut plus être lu : %2</translation>
    </message>
    <message>
        <source>%1 changed since it was offered; send it again.</source>
        <translation>%1 a changé depuis qu&apos;il a été proposé ; envoyez-le à nouveau.</translation>
    </message>
    <message>
        <source>%1 cannot be read from byte %2: %3</source>
        <translation>%1 ne peut pas être lu à partir de l&apos;octet %2 : %3</translation>
    </message>
    <message>
        <source>%1 cannot be read any more (it became shorter or unreadable): %2</source>
        <translation>%1 ne peut plus être lu (le fichier a raccourci ou est illisible) : %2</translation>
    </message>
    <message>
        <source>%1 is not a regular file; the download cannot continue there.</source>
        <translation>%1 n&apos;est pas un fichier ordinaire ; le téléchargement ne peut pas y continuer.</translation>
    </message>
    <message>
        <source>The partial download %1 cannot be opened: %2</source>
        <translation>Le téléchargement partiel %1 ne peut pas être ouvert : %2</translation>
    </message>
    <message>
        <source>The partial download %1 cannot be read: %2</source>
        <translation>Le téléchargement partiel %1 ne peut pas être lu : %2</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created. Choose another folder.</source>
        <translation>Le dossier %1 ne peut pas être créé. Choisissez un autre dossier.</translation>
    </message>
    <message>
        <source>%1 leads outside the download folder %2; nothing was written there.</source>
        <translation>%1 sort du dossier de téléchargement %2 ; rien n&apos;y a été écrit.</translation>
    </message>
    <message>
        <source>No file can be created in %1: %2</source>
        <translation>Aucun fichier ne peut être créé dans %1 : %2</translation>
    </message>
    <message>
        <source>Not enough free space in %1: %2 more are needed, %3 are free. Free some space or choose another folder.</source>
        <translation>Pas assez d&apos;espace libre dans %1 : il faut %2 de plus, %3 sont libres. Libérez de l&apos;espace ou choisissez un autre dossier.</translation>
    </message>
    <message>
        <source>The disk holding %1 is full. %2 were saved; free some space, then resume.</source>
        <translation>Le disque contenant %1 est plein. %2 ont été enregistrés ; libérez de l&apos;espace, puis reprenez.</translation>
    </message>
    <message>
        <source>Writing %1 failed: %2</source>
        <translation>L&apos;écriture de %1 a échoué : %2</translation>
    </message>
    <message>
        <source>The received data does not match the file&apos;s SHA-256 checksum, so it was deleted. Ask the sender to send it again.</source>
        <translation>Les données reçues ne correspondent pas à la somme de contrôle SHA-256 du fichier ; elles ont donc été supprimées. Demandez à l&apos;expéditeur de le renvoyer.</translation>
    </message>
    <message>
        <source>The verified file %1 could not be given its final name.</source>
        <translation>Le fichier vérifié %1 n&apos;a pas pu recevoir son nom définitif.</translation>
    </message>
</context>
<context>
    <name>Peerlink::TransferRow</name>
    <message>
        <source>%1 from %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 pour %2</translation>
    </message>
    <message>
        <source>Accept %1</source>
        <translation>Accepter %1</translation>
    </message>
    <message>
        <source>Save %1 as…</source>
        <translation>Enregistrer %1 sous…</translation>
    </message>
    <message>
        <source>Decline %1</source>
        <translation>Refuser %1</translation>
    </message>
    <message>
        <source>Pause %1</source>
        <translation>Mettre %1 en pause</translation>
    </message>
    <message>
        <source>Resume %1</source>
        <translation>Reprendre %1</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Ouvrir %1</translation>
    </message>
    <message>
        <source>Show %1 in its folder</source>
        <translation>Afficher %1 dans son dossier</translation>
    </message>
    <message>
        <source>Cancel %1</source>
        <translation>Annuler %1</translation>
    </message>
    <message>
        <source>Remove %1 from the list</source>
        <translation>Retirer %1 de la liste</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>Peerlink::TransferService</name>
    <message>
        <source>%1 asked for a part of the file Peerlink cannot send.</source>
        <translation>%1 a demandé une partie du fichier que Peerlink ne peut pas envoyer.</translation>
    </message>
    <message>
        <source>%1 sent more data than the announced size of the file, so the transfer was stopped and the partial file deleted.</source>
        <translation>%1 a envoyé plus de données que la taille annoncée du fichier ; le transfert a été arrêté et le fichier partiel supprimé.</translation>
    </message>
    <message>
        <source>%1 stopped sending before the end of the file; the partial file was deleted.</source>
        <translation>%1 a cessé d&apos;envoyer avant la fin du fichier ; le fichier partiel a été supprimé.</translation>
    </message>
    <message>
        <source>%1 declined the file.</source>
        <translation>%1 a refusé le fichier.</translation>
    </message>
    <message>
        <source>%1 cancelled the transfer.</source>
        <translation>%1 a annulé le transfert.</translation>
    </message>
    <message>
        <source>%1 could not take the file (%2).</source>
        <translation>%1 n&apos;a pas pu recevoir le fichier (%2).</translation>
    </message>
    <message>
        <source>%1 received the file, but it did not match its checksum and was deleted. Send it again.</source>
        <translation>%1 a reçu le fichier, mais il ne correspondait pas à sa somme de contrôle et a été supprimé. Envoyez-le à nouveau.</translation>
    </message>
    <message>
        <source>%1 stopped the transfer (%2).</source>
        <translation>%1 a arrêté le transfert (%2).</translation>
    </message>
    <message>
        <source>%1 stopped sending the file (%2).</source>
        <translation>%1 a cessé d&apos;envoyer le fichier (%2).</translation>
    </message>
    <message>
        <source>%1 did not take the offer: %2</source>
        <translation>%1 n&apos;a pas accepté l&apos;offre : %2</translation>
    </message>
    <message>
        <source>%1 did not take the answer: %2</source>
        <translation>%1 n&apos;a pas accepté la réponse : %2</translation>
    </message>
    <message>
        <source>%1 is not in your contacts; add them before sending files.</source>
        <translation>%1 ne fait pas partie de vos contacts ; ajoutez ce contact avant d&apos;envoyer des fichiers.</translation>
    </message>
    <message>
        <source>No file was given.</source>
        <translation>Aucun fichier n&apos;a été indiqué.</translation>
    </message>
    <message>
        <source>These cannot be sent because they do not exist or are not files or folders: %1</source>
        <translation>Ces éléments ne peuvent pas être envoyés, car ils n&apos;existent pas ou ne sont ni des fichiers ni des dossiers : %1</translation>
    </message>
    <message>
        <source>There is no offer waiting for an answer with this id.</source>
        <translation>Aucune offre en attente de réponse ne porte cet identifiant.</translation>
    </message>
    <message>
        <source>There is no transfer with this id.</source>
        <translation>Aucun transfert ne porte cet identifiant.</translation>
    </message>
    <message>
        <source>The transfer is paused already.</source>
        <translation>Le transfert est déjà en pause.</translation>
    </message>
    <message>
        <source>This transfer cannot be paused now.</source>
        <translation>Ce transfert ne peut pas être mis en pause maintenant.</translation>
    </message>
    <message>
        <source>There is no paused transfer with this id.</source>
        <translation>Aucun transfert en pause ne porte cet identifiant.</translation>
    </message>
    <message>
        <source>There is no unfinished transfer with this id.</source>
        <translation>Aucun transfert inachevé ne porte cet identifiant.</translation>
    </message>
    <message>
        <source>The whole file has arrived and is being checked; it can be deleted once it is complete.</source>
        <translation>Le fichier entier est arrivé et il est en cours de vérification ; il pourra être supprimé une fois terminé.</translation>
    </message>
    <message>
        <source>You cancelled the transfer.</source>
        <translation>Vous avez annulé le transfert.</translation>
    </message>
    <message>
        <source>The contact&apos;s device went offline during a file transfer.</source>
        <translation>L&apos;appareil du contact s&apos;est déconnecté pendant un transfert de fichier.</translation>
    </message>
</context>
<context>
    <name>Peerlink::TransfersPanel</name>
    <message>
        <source>Clear finished</source>
        <translation>Effacer les terminés</translation>
    </message>
    <message>
        <source>No transfers yet. Drop files on a contact or a conversation to send them.</source>
        <translation>Aucun transfert pour l&apos;instant. Déposez des fichiers sur un contact ou une conversation pour les envoyer.</translation>
    </message>
    <message>
        <source>Clear finished transfers</source>
        <translation>Effacer les transferts terminés</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>Transferts</translation>
    </message>
    <message>
        <source>No transfers</source>
        <translation>Aucun transfert</translation>
    </message>
    <message numerus="yes">
        <source>%n finished</source>
        <translation>
            <numerusform>%n terminé</numerusform>
            <numerusform>%n terminés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n active</source>
        <translation>
            <numerusform>%n en cours</numerusform>
            <numerusform>%n en cours</numerusform>
        </translation>
    </message>
    <message>
        <source>Save “%1” as</source>
        <translation>Enregistrer « %1 » sous</translation>
    </message>
</context>
<context>
    <name>Peerlink::TrayIcon</name>
    <message>
        <source>Show Peerlink</source>
        <translation>Afficher Peerlink</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Peerlink</source>
        <translation>Peerlink</translation>
    </message>
    <message numerus="yes">
        <source>Peerlink: %n unread message(s)</source>
        <translation>
            <numerusform>Peerlink : %n message non lu</numerusform>
            <numerusform>Peerlink : %n messages non lus</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Peer-to-peer messenger: chat and files go straight to your contacts, end-to-end encrypted.</source>
        <translation>Messagerie pair à pair : discussions et fichiers vont directement à vos contacts, chiffrés de bout en bout.</translation>
    </message>
    <message>
        <source>Use the profile &lt;name&gt; (settings, history, device key); one Peerlink runs per profile.</source>
        <translation>Utiliser le profil &lt;name&gt; (paramètres, historique, clé d&apos;appareil) ; un seul Peerlink fonctionne par profil.</translation>
    </message>
    <message>
        <source>Keep the profile in the folder &lt;dir&gt; instead of the user&apos;s data folder.</source>
        <translation>Conserver le profil dans le dossier &lt;dir&gt; au lieu du dossier de données de l&apos;utilisateur.</translation>
    </message>
    <message>
        <source>Peerlink cannot start</source>
        <translation>Peerlink ne peut pas démarrer</translation>
    </message>
    <message>
        <source>“%1” is not a profile name: use letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;.</source>
        <translation>« %1 » n&apos;est pas un nom de profil : utilisez des lettres, des chiffres, « - », « _ » et « . ».</translation>
    </message>
</context>
</TS>
