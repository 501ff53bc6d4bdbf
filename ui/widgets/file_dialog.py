"""Choosing a file or a folder, in Vietnamese. On Windows the system's own dialog (in the
language of Windows); elsewhere Qt's, with Vietnamese words, dates written dd/mm/yyyy and
columns wide enough for sizes and types (reported: "Look in:", "Files of type:", dates as
"4 12 2026", the size and type columns cut). A save starts in the folder last used for that
kind of file, else the clerk's Documents folder (else home), never the program's own folder;
a remembered folder no longer there is passed over.

The four functions answer as QFileDialog's static functions do; callers reach them through
this module (`file_dialog.get_save_file_name(...)`), so the tests answer them in one place."""

import sys

from PySide6.QtCore import QDir, QIdentityProxyModel, QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QHeaderView, QTreeView, QWidget

from ui.widgets.screen import fit_to_screen

NATIVE = sys.platform == "win32"
# Workbooks the program reads: LibreOffice Calc's own .ods as well as Excel's .xlsx.
WORKBOOKS_TO_READ = "Bảng tính (*.xlsx *.ods);;Mọi tệp (*)"
DATE_COLUMN, SIZE_COLUMN, TYPE_COLUMN = 3, 1, 2
WORDS = {QFileDialog.DialogLabel.LookIn: "Tìm trong:", QFileDialog.DialogLabel.FileName: "Tên tệp:",
         QFileDialog.DialogLabel.FileType: "Loại tệp:", QFileDialog.DialogLabel.Reject: "Hủy"}


class _Dates(QIdentityProxyModel):
    """The file list's modification dates as clerks write them."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        source = self.sourceModel()
        if role == Qt.ItemDataRole.DisplayRole and index.column() == DATE_COLUMN \
                and isinstance(source, QFileSystemModel):
            return source.lastModified(self.mapToSource(index)).toString("dd/MM/yyyy HH:mm")
        return super().data(index, role)


def documents_folder() -> str:
    """Documents, else home: a chooser pointed at a folder that is not there opens on the
    program's own folder (a new account without Documents)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and QDir(documents).exists() else QDir.homePath()


def _dialog(parent: QWidget | None, caption: str, start: str, file_filter: str) -> QFileDialog:
    dialog = QFileDialog(parent, caption, start or documents_folder(), file_filter)
    if NATIVE:
        return dialog
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    for label, text in WORDS.items():
        dialog.setLabelText(label, text)
    dates = _Dates(dialog)
    dialog.setProxyModel(dates)
    view = dialog.findChild(QTreeView, "treeView")
    if view is not None and isinstance(dates.sourceModel(), QFileSystemModel):
        dates.sourceModel().directoryLoaded.connect(lambda _path: _fit_columns(view))
    # Room for a backup's name whole beside its size, type and date: at Qt's own 630 px the day
    # in "demo-tu-dong-2026-12-07.db" was cut out.
    fit_to_screen(dialog, 960, 600)
    return dialog


def _fit_columns(view: QTreeView) -> None:
    header = view.header()
    for column in (SIZE_COLUMN, TYPE_COLUMN, DATE_COLUMN):
        header.resizeSection(column, max(header.sectionSize(column), view.sizeHintForColumn(column) + 12))
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)


def existing_folder(*folders: str) -> str:
    """The first of `folders` still there, else Documents: a folder no longer there (a USB stick
    taken out) opened the chooser on its parent or the program's own folder."""
    there = (folder for folder in folders if folder and QDir(folder).exists())
    return next(there, None) or documents_folder()


def _run(dialog: QFileDialog) -> list[str]:
    return dialog.selectedFiles() if dialog.exec() else []


def get_save_file_name(parent: QWidget | None, caption: str, path: str = "",
                       file_filter: str = "") -> tuple[str, str]:
    dialog = _dialog(parent, caption, path, file_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, "Lưu")
    chosen = _run(dialog)
    return (chosen[0], dialog.selectedNameFilter()) if chosen else ("", "")


def get_open_file_name(parent: QWidget | None, caption: str, folder: str = "",
                       file_filter: str = "") -> tuple[str, str]:
    dialog = _dialog(parent, caption, existing_folder(folder), file_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, "Mở")
    chosen = _run(dialog)
    return (chosen[0], dialog.selectedNameFilter()) if chosen else ("", "")


def get_open_file_names(parent: QWidget | None, caption: str, folder: str = "",
                        file_filter: str = "") -> tuple[list[str], str]:
    dialog = _dialog(parent, caption, existing_folder(folder), file_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, "Mở")
    chosen = _run(dialog)
    return chosen, dialog.selectedNameFilter() if chosen else ""


def get_existing_directory(parent: QWidget | None, caption: str, folder: str = "") -> str:
    dialog = _dialog(parent, caption, existing_folder(folder), "")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, "Chọn")
    chosen = _run(dialog)
    return chosen[0] if chosen else ""
