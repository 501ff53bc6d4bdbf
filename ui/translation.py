"""Qt's own words in Vietnamese: context menus, standard buttons, file and print dialogs.

Qt ships no Vietnamese qtbase catalogue, so the office's is in resources/i18n (the .ts source
and the compiled .qm)."""


from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from resources import resource_path

CATALOGUE = resource_path("i18n", "qtbase_vi.qm")


def install_vietnamese(app: QCoreApplication) -> bool:
    """Load the catalogue once per application; False when the file is missing or unreadable."""
    if getattr(app, "_vietnamese", None) is not None:
        return True
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    translator = QTranslator(app)
    if not translator.load(str(CATALOGUE)):
        return False
    app.installTranslator(translator)
    app._vietnamese = translator  # kept alive with the application
    return True
