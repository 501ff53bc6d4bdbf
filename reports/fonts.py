"""The bundled Liberation Serif family (metric-compatible with Times New Roman, which Party
documents use; SIL Open Font License, see resources/fonts). reportlab's own fonts have no
Vietnamese glyphs, so every document uses this family, registered once."""


from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from resources import resource_path

FONT_DIR = resource_path("fonts")
FAMILY = "LiberationSerif"
FACES = {
    FAMILY: "LiberationSerif-Regular.ttf",
    f"{FAMILY}-Bold": "LiberationSerif-Bold.ttf",
    f"{FAMILY}-Italic": "LiberationSerif-Italic.ttf",
    f"{FAMILY}-BoldItalic": "LiberationSerif-BoldItalic.ttf",
}
_registered = False


def register_fonts() -> str:
    """Register the four faces as one family (so <b> and <i> find their faces); returns the
    family name. Also makes it the canvas default, so no PDF references Helvetica."""
    global _registered
    if not _registered:
        for name, file in FACES.items():
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))
        pdfmetrics.registerFontFamily(FAMILY, normal=FAMILY, bold=f"{FAMILY}-Bold",
                                      italic=f"{FAMILY}-Italic", boldItalic=f"{FAMILY}-BoldItalic")
        for bold, italic, face in ((0, 0, FAMILY), (1, 0, f"{FAMILY}-Bold"),
                                   (0, 1, f"{FAMILY}-Italic"), (1, 1, f"{FAMILY}-BoldItalic")):
            addMapping(FAMILY, bold, italic, face)
        rl_config.canvas_basefontname = FAMILY
        _registered = True
    return FAMILY
