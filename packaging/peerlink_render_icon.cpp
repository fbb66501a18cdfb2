// peerlink-render-icon: renders the SVG application icon to a square PNG of the given size, for
// the hicolor icon theme sizes of the package (built and run at build time, not installed).
//
// usage: peerlink-render-icon INPUT.svg SIZE OUTPUT.png
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

namespace {
int fail(const QString &text)
{
    std::fprintf(stderr, "peerlink-render-icon: %s\n", qPrintable(text));
    return 1;
}
} // namespace

int main(int argc, char *argv[])
{
    // No window is ever shown: the offscreen platform works without a display.
    qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
    QGuiApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 4)
        return fail(QStringLiteral("usage: peerlink-render-icon INPUT.svg SIZE OUTPUT.png"));
    const QString input = args.at(1);
    bool sizeOk = false;
    const int size = args.at(2).toInt(&sizeOk);
    const QString output = args.at(3);
    if (!sizeOk || size < 8 || size > 1024)
        return fail(
            QStringLiteral("“%1” is not an icon size: give a number of pixels from 8 to 1024.").arg(args.at(2)));

    QSvgRenderer renderer(input);
    if (!renderer.isValid())
        return fail(QStringLiteral("cannot read the SVG image %1: check that it exists and is valid SVG.").arg(input));

    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        renderer.setAspectRatioMode(Qt::KeepAspectRatio);
        renderer.render(&painter, QRectF(0, 0, size, size));
    }
    if (!image.save(output, "PNG"))
        return fail(QStringLiteral("cannot write %1: check that its folder exists and is writable.").arg(output));
    return 0;
}
