// ChatFrame and ChatFrameReader: every frame type survives encode -> split stream -> decode;
// malformed payloads, empty and oversize frames are reported with what is wrong, skipped in
// bounded memory, and the frames after them are still read.
#include "core/chat/ChatFrame.h"
#include "core/chat/ChatFrameReader.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QTest>
#include <QtEndian>

using namespace Peerlink;

Q_DECLARE_METATYPE(Peerlink::ChatFrame)

namespace {

QByteArray framed(const QByteArray &payload)
{
    QByteArray header(4, Qt::Uninitialized);
    qToBigEndian<quint32>(quint32(payload.size()), header.data());
    return header + payload;
}

QByteArray cbor(const QCborMap &map)
{
    return map.toCborValue().toCbor();
}

void compareFrames(const ChatFrame &a, const ChatFrame &b)
{
    QCOMPARE(a.type, b.type);
    QCOMPARE(a.version, b.version);
    QCOMPARE(a.id, b.id);
    QCOMPARE(a.text, b.text);
    QCOMPARE(a.timestamp, b.timestamp);
    QCOMPARE(a.revision, b.revision);
    QCOMPARE(a.path, b.path);
    QCOMPARE(a.state, b.state);
}

} // namespace

class tst_ChatFrame : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<ChatFrame>("frame");
        const QDateTime ts = QDateTime::fromMSecsSinceEpoch(1741944413123, QTimeZone::UTC);
        QTest::newRow("hello") << ChatFrame::hello();
        QTest::newRow("message") << ChatFrame::message(QStringLiteral("5f0c2d8e-1b1e-4d3c-9a55-0d6f3b0c1a22"),
                                                       QStringLiteral("Hello, Bob 👋"), ts, 0);
        QTest::newRow("correction") << ChatFrame::message(QStringLiteral("m1"), QStringLiteral("Hello, Bob!"), ts, 3);
        QTest::newRow("longest text") << ChatFrame::message(QStringLiteral("m2"),
                                                            QString(ChatFrame::MaxTextLength, u'€'), ts, 0);
        QTest::newRow("ack p2p") << ChatFrame::ack(QStringLiteral("m1"), 2, ChatMessage::Path::PeerToPeer);
        QTest::newRow("ack server") << ChatFrame::ack(QStringLiteral("m1"), 0, ChatMessage::Path::Server);
        QTest::newRow("read") << ChatFrame::read(QStringLiteral("m9"));
        QTest::newRow("composing") << ChatFrame::chatState(ChatState::Composing);
        QTest::newRow("gone") << ChatFrame::chatState(ChatState::Gone);
        QTest::newRow("error") << ChatFrame::error(QStringLiteral("bad frame"), QStringLiteral("m3"));
    }

    void roundTrip()
    {
        QFETCH(ChatFrame, frame);
        const QByteArray bytes = frame.encode();
        QVERIFY(bytes.size() - ChatFrame::HeaderSize <= ChatFrame::MaxPayloadSize);
        QCOMPARE(qFromBigEndian<quint32>(bytes.constData()), quint32(bytes.size() - ChatFrame::HeaderSize));

        // Whole, and one byte at a time: the same single frame.
        for (const qsizetype chunk : { bytes.size(), qsizetype(1), qsizetype(7) }) {
            ChatFrameReader reader;
            QList<ChatFrameReader::Item> items;
            for (qsizetype at = 0; at < bytes.size(); at += chunk)
                items += reader.feed(bytes.mid(at, chunk));
            QCOMPARE(items.size(), 1);
            QVERIFY2(items.first().frame, qPrintable(items.first().error));
            compareFrames(*items.first().frame, frame);
            QCOMPARE(reader.bufferedBytes(), 0);
        }
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("error");
        const auto msg = [](const QString &key, const QCborValue &value) {
            QCborMap map { { QStringLiteral("t"), QStringLiteral("msg") },
                           { QStringLiteral("id"), QStringLiteral("m1") },
                           { QStringLiteral("text"), QStringLiteral("hi") } };
            if (value.isUndefined())
                map.remove(key);
            else
                map.insert(key, value);
            return cbor(map);
        };
        QTest::newRow("not cbor") << QByteArray("\xff\xfe garbage", 10) << QStringLiteral("not valid CBOR");
        QTest::newRow("truncated cbor") << QByteArray("\xa2\x61t", 3) << QStringLiteral("not valid CBOR");
        QTest::newRow("trailing bytes") << (cbor({ { QStringLiteral("t"), QStringLiteral("read") },
                                                   { QStringLiteral("id"), QStringLiteral("x") } })
                                            + QByteArray("\x01", 1))
                                        << QStringLiteral("1 bytes follow");
        QTest::newRow("array") << QCborValue(QCborArray { 1, 2 }).toCbor() << QStringLiteral("not a CBOR map");
        QTest::newRow("no type") << cbor({ { QStringLiteral("id"), QStringLiteral("m1") } })
                                 << QStringLiteral("no \"t\"");
        QTest::newRow("type not text") << cbor({ { QStringLiteral("t"), 7 } }) << QStringLiteral("no \"t\"");
        QTest::newRow("hello without version")
            << cbor({ { QStringLiteral("t"), QStringLiteral("hello") } }) << QStringLiteral("hello frame: \"v\"");
        QTest::newRow("hello version 0") << cbor(
            { { QStringLiteral("t"), QStringLiteral("hello") }, { QStringLiteral("v"), 0 } })
                                         << QStringLiteral("hello frame: \"v\"");
        QTest::newRow("msg without id") << msg(QStringLiteral("id"), QCborValue())
                                        << QStringLiteral("\"id\" is missing");
        QTest::newRow("msg id not text") << msg(QStringLiteral("id"), 42) << QStringLiteral("\"id\" is missing");
        QTest::newRow("msg empty id") << msg(QStringLiteral("id"), QString()) << QStringLiteral("\"id\" must have");
        QTest::newRow("msg id too long") << msg(QStringLiteral("id"), QString(ChatFrame::MaxIdLength + 1, u'a'))
                                         << QStringLiteral("\"id\" must have 1 to 256 characters");
        QTest::newRow("msg id with control character")
            << msg(QStringLiteral("id"), QStringLiteral("a\u0001b")) << QStringLiteral("no control characters");
        QTest::newRow("msg without text")
            << msg(QStringLiteral("text"), QCborValue()) << QStringLiteral("\"text\" is missing");
        QTest::newRow("msg text bytes") << msg(QStringLiteral("text"), QByteArray("hi"))
                                        << QStringLiteral("\"text\" is missing");
        QTest::newRow("msg blank text") << msg(QStringLiteral("text"), QStringLiteral("  \n"))
                                        << QStringLiteral("\"text\" is empty");
        QTest::newRow("msg text too long") << msg(QStringLiteral("text"), QString(ChatFrame::MaxTextLength + 1, u'x'))
                                           << QStringLiteral("65537 characters, more than the limit of 65536");
        QTest::newRow("msg negative rev") << msg(QStringLiteral("rev"), -1) << QStringLiteral("\"rev\" must be");
        QTest::newRow("msg huge rev") << msg(QStringLiteral("rev"), qint64(1) << 40)
                                      << QStringLiteral("\"rev\" must be");
        QTest::newRow("msg ts text") << msg(QStringLiteral("ts"), QStringLiteral("yesterday"))
                                     << QStringLiteral("\"ts\" must be");
        QTest::newRow("ack bad path") << cbor({ { QStringLiteral("t"), QStringLiteral("ack") },
                                                { QStringLiteral("id"), QStringLiteral("m1") },
                                                { QStringLiteral("path"), QStringLiteral("pigeon") } })
                                      << QStringLiteral("\"path\" must be");
        QTest::newRow("read without id") << cbor({ { QStringLiteral("t"), QStringLiteral("read") } })
                                         << QStringLiteral("read frame: \"id\" is missing");
        QTest::newRow("unknown state") << cbor({ { QStringLiteral("t"), QStringLiteral("state") },
                                                 { QStringLiteral("state"), QStringLiteral("dancing") } })
                                       << QStringLiteral("\"state\" must be one of");
        QTest::newRow("error without text")
            << cbor({ { QStringLiteral("t"), QStringLiteral("error") } }) << QStringLiteral("\"text\" is missing");
    }

    // A malformed frame is reported with what is wrong, and the next frame is read.
    void malformed()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QString, error);
        QString why;
        QVERIFY(!ChatFrame::decode(payload, &why));
        QVERIFY2(why.contains(error), qPrintable(why));

        ChatFrameReader reader;
        const ChatFrame after = ChatFrame::read(QStringLiteral("after"));
        const auto items = reader.feed(framed(payload) + after.encode());
        QCOMPARE(items.size(), 2);
        QVERIFY(!items[0].frame);
        QVERIFY2(items[0].error.contains(error), qPrintable(items[0].error));
        QVERIFY(items[1].frame);
        compareFrames(*items[1].frame, after);
    }

    // Unknown frame types and unknown keys are what later versions add: ignored, no error.
    void unknownIsIgnored()
    {
        QString why;
        QVERIFY(!ChatFrame::decode(cbor({ { QStringLiteral("t"), QStringLiteral("reaction") } }), &why));
        QVERIFY(why.isEmpty());
        const auto read = ChatFrame::decode(cbor({ { QStringLiteral("t"), QStringLiteral("read") },
                                                   { QStringLiteral("id"), QStringLiteral("m1") },
                                                   { QStringLiteral("future"), 1 } }),
                                            &why);
        QVERIFY(read);
        QCOMPARE(read->id, QStringLiteral("m1"));

        ChatFrameReader reader;
        const auto items = reader.feed(framed(cbor({ { QStringLiteral("t"), QStringLiteral("reaction") } }))
                                       + ChatFrame::hello().encode());
        QCOMPARE(items.size(), 1);
        QCOMPARE(items[0].frame->type, ChatFrame::Type::Hello);
    }

    // Oversize frames are skipped as their bytes arrive, never buffered; an empty frame is an
    // error too. The frames after them arrive intact.
    void oversizeAndEmptyFrames()
    {
        ChatFrameReader reader;
        const qsizetype big = ChatFrame::MaxPayloadSize + 1;
        QByteArray header(4, Qt::Uninitialized);
        qToBigEndian<quint32>(quint32(big), header.data());
        auto items = reader.feed(header + QByteArray(1000, 'x'));
        QCOMPARE(items.size(), 1);
        QVERIFY(items[0].error.contains(QStringLiteral("exceeds the limit of 262144 bytes")));
        QCOMPARE(reader.bufferedBytes(), 0);
        QCOMPARE(reader.skipping(), quint64(big - 1000));
        const ChatFrame next = ChatFrame::message(QStringLiteral("m1"), QStringLiteral("still here"), {}, 0);
        QByteArray rest = QByteArray(big - 1000, 'y') + framed({}) + next.encode();
        items.clear();
        for (qsizetype at = 0; at < rest.size(); at += 4096) {
            items += reader.feed(rest.mid(at, 4096));
            QVERIFY(reader.bufferedBytes() <= ChatFrame::HeaderSize + ChatFrame::MaxPayloadSize);
        }
        QCOMPARE(items.size(), 2);
        QVERIFY(items[0].error.contains(QStringLiteral("empty frame")));
        QVERIFY(items[1].frame);
        compareFrames(*items[1].frame, next);

        // A declared length of 4 GiB only makes the reader skip, in constant memory.
        ChatFrameReader hostile;
        items = hostile.feed(QByteArray("\xff\xff\xff\xff", 4) + QByteArray(64 * 1024, 'z'));
        QCOMPARE(items.size(), 1);
        QCOMPARE(hostile.bufferedBytes(), 0);
        QCOMPARE(hostile.skipping(), quint64(0xffffffffu) - 64 * 1024);
    }

    void many()
    {
        ChatFrameReader reader;
        QByteArray stream;
        for (int i = 0; i < 500; ++i)
            stream += ChatFrame::message(QString::number(i), QStringLiteral("text %1").arg(i), {}, 0).encode();
        QList<ChatFrameReader::Item> items;
        for (qsizetype at = 0; at < stream.size(); at += 333)
            items += reader.feed(stream.mid(at, 333));
        QCOMPARE(items.size(), 500);
        for (int i = 0; i < 500; ++i)
            QCOMPARE(items[i].frame->id, QString::number(i));
    }

    void ids_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("valid");
        QTest::newRow("uuid") << QStringLiteral("5f0c2d8e-1b1e-4d3c-9a55-0d6f3b0c1a22") << true;
        QTest::newRow("spaces") << QStringLiteral("a b") << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("256") << QString(256, u'a') << true;
        QTest::newRow("257") << QString(257, u'a') << false;
        QTest::newRow("newline") << QStringLiteral("a\nb") << false;
        QTest::newRow("nul") << QString(QChar(0)) << false;
    }

    void ids()
    {
        QFETCH(QString, id);
        QFETCH(bool, valid);
        QCOMPARE(ChatFrame::isValidId(id), valid);
    }
};

QTEST_GUILESS_MAIN(tst_ChatFrame)
#include "tst_ChatFrame.moc"
