<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Peerlink::ContactRow</name>
    <message numerus="yes">
        <source>%n unread message(s)</source>
        <translation>
            <numerusform>%n unread message</numerusform>
            <numerusform>%n unread messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Peerlink::Format</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Peerlink::MainWindow</name>
    <message numerus="yes">
        <source>Sending %n item(s) to %1…</source>
        <translation>
            <numerusform>Sending %n item to %1…</numerusform>
            <numerusform>Sending %n items to %1…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Peerlink::OfferDialog</name>
    <message numerus="yes">
        <source>%1 wants to send you %n file(s)</source>
        <translation>
            <numerusform>%1 wants to send you %n file</numerusform>
            <numerusform>%1 wants to send you %n files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Peerlink::TransfersPanel</name>
    <message numerus="yes">
        <source>%n finished</source>
        <translation>
            <numerusform>%n finished</numerusform>
            <numerusform>%n finished</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n active</source>
        <translation>
            <numerusform>%n active</numerusform>
            <numerusform>%n active</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Peerlink::TrayIcon</name>
    <message numerus="yes">
        <source>Peerlink: %n unread message(s)</source>
        <translation>
            <numerusform>Peerlink: %n unread message</numerusform>
            <numerusform>Peerlink: %n unread messages</numerusform>
        </translation>
    </message>
</context>
</TS>
