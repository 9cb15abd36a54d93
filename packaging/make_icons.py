"""Render the LoyalDesk app icon from SVG into PNG and multi-size ICO files.

Usage (from the project root):

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py
    .venv/bin/python packaging/make_icons.py --preview /tmp/icons-preview

The source of truth is ``resources/icons/loyaldesk.svg``. This script writes

* ``resources/icons/loyaldesk.png``: 256x256 RGBA
* ``resources/icons/loyaldesk.ico``: 16, 32, 48 and 256 px images, each
  rendered directly from the SVG (not downscaled from 256 px), so the small
  sizes stay sharp. Every entry is stored as PNG, which Windows Vista and
  later accept.

Pillow writes the ICO if it is installed. Otherwise the script writes the ICO
container itself. ``--no-pillow`` forces that fallback.

``--preview DIR`` also renders every SVG in the icon folder at 24 and 96 px,
so you can look at them.

Any warning Qt logs while loading or rendering an SVG makes the script fail.
"""

from __future__ import annotations

import argparse
import io
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt, qInstallMessageHandler  # noqa: E402
from PySide6.QtGui import QGuiApplication, QIcon, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ICON_DIR = ROOT / "resources" / "icons"
APP_SVG = ICON_DIR / "loyaldesk.svg"
PNG_SIZE = 256
ICO_SIZES = (16, 32, 48, 256)
PREVIEW_SIZES = (24, 96)

_qt_messages: list[str] = []


def _qt_message_handler(_mode, _context, message: str) -> None:
    _qt_messages.append(message)


def render_svg(svg_path: Path, size: int) -> QImage:
    """Render *svg_path* into a transparent size x size ARGB image."""
    renderer = QSvgRenderer(str(svg_path))
    if not renderer.isValid():
        raise SystemExit(f"invalid SVG: {svg_path}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: QImage) -> bytes:
    """Encode *image* as PNG in memory."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise SystemExit("could not encode PNG")
    buffer.close()
    return bytes(data)


def build_ico(images: dict[int, bytes]) -> bytes:
    """Return an ICO file holding PNG-encoded entries, smallest first.

    Layout: ICONDIR (6 bytes), one ICONDIRENTRY (16 bytes) per image, then
    the image data. A width or height of 256 is stored as 0.
    """
    sizes = sorted(images)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries = b""
    payload = b""
    for size in sizes:
        data = images[size]
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        payload += data
        offset += len(data)
    return header + entries + payload


def write_ico(path: Path, images: dict[int, bytes], use_pillow: bool) -> str:
    """Write *images* (size -> PNG bytes) to *path*. Return the writer used."""
    if use_pillow:
        try:
            from PIL import Image
        except ImportError:
            use_pillow = False
    if use_pillow:
        pil_images = {s: Image.open(io.BytesIO(b)).convert("RGBA") for s, b in images.items()}
        largest = max(pil_images)
        others = [pil_images[s] for s in sorted(pil_images) if s != largest]
        pil_images[largest].save(
            path,
            format="ICO",
            sizes=[(s, s) for s in sorted(pil_images)],
            append_images=others,
        )
        return "Pillow"
    path.write_bytes(build_ico(images))
    return "built-in ICO writer"


def check_ico(path: Path, expected: tuple[int, ...]) -> list[int]:
    """Read the ICO directory back and make sure every expected size is there."""
    data = path.read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    if reserved != 0 or kind != 1:
        raise SystemExit(f"{path} is not an ICO file")
    found = []
    for i in range(count):
        width, _h, _c, _r, _p, _bpp, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        if offset + length > len(data):
            raise SystemExit(f"{path}: entry {i} runs past the end of the file")
        found.append(width or 256)
    missing = sorted(set(expected) - set(found))
    if missing:
        raise SystemExit(f"{path}: missing sizes {missing}")
    return sorted(found)


def check_svgs_load(icon_dir: Path) -> list[Path]:
    """Load every SVG through QIcon and make sure each gives a pixmap."""
    svgs = sorted(icon_dir.glob("*.svg"))
    for svg in svgs:
        icon = QIcon(str(svg))
        if icon.isNull() or icon.pixmap(24, 24).isNull():
            raise SystemExit(f"QIcon could not load {svg}")
    return svgs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--icon-dir", type=Path, default=ICON_DIR, help="folder holding the SVG icons")
    parser.add_argument("--no-pillow", action="store_true", help="write the ICO without Pillow")
    parser.add_argument("--preview", type=Path, metavar="DIR", help="also render every SVG at 24 and 96 px into DIR")
    args = parser.parse_args(argv)

    qInstallMessageHandler(_qt_message_handler)
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841

    icon_dir: Path = args.icon_dir
    app_svg = icon_dir / APP_SVG.name
    if not app_svg.is_file():
        raise SystemExit(f"missing {app_svg}")

    png_path = icon_dir / "loyaldesk.png"
    if not render_svg(app_svg, PNG_SIZE).save(str(png_path), "PNG"):
        raise SystemExit(f"could not write {png_path}")
    print(f"wrote {png_path.relative_to(ROOT) if png_path.is_relative_to(ROOT) else png_path}")

    ico_path = icon_dir / "loyaldesk.ico"
    images = {size: png_bytes(render_svg(app_svg, size)) for size in ICO_SIZES}
    writer = write_ico(ico_path, images, use_pillow=not args.no_pillow)
    sizes = check_ico(ico_path, ICO_SIZES)
    shown = ico_path.relative_to(ROOT) if ico_path.is_relative_to(ROOT) else ico_path
    print(f"wrote {shown} ({writer}; sizes {', '.join(map(str, sizes))})")

    svgs = check_svgs_load(icon_dir)
    print(f"checked {len(svgs)} SVG icons load through QIcon")

    if args.preview:
        args.preview.mkdir(parents=True, exist_ok=True)
        for svg in svgs:
            for size in PREVIEW_SIZES:
                render_svg(svg, size).save(str(args.preview / f"{svg.stem}-{size}.png"), "PNG")
        print(f"wrote previews of {len(svgs)} icons to {args.preview}")

    if _qt_messages:
        for message in _qt_messages:
            print(f"Qt: {message}", file=sys.stderr)
        raise SystemExit("Qt logged warnings while rendering icons")
    return 0


if __name__ == "__main__":
    sys.exit(main())
