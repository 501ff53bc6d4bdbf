"""The main window: a navigation sidebar on the left, one page per area on the right."""

from importlib import metadata
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QWidget,
)

from models.accounts import (
    BACKUP,
    CHANGE_SETTINGS,
    MANAGE_USERS,
    RESTORE,
    ROLES,
    Actor,
    end_sitting,
    last_hash,
    open_sitting,
)
from models.core.errors import ValidationError
from models.core.files import forget_opened_copies
from models.core.where import Server
from ui import settings
from ui.admissions.page import AdmissionsPage
from ui.audit.page import AuditPage
from ui.awards.page import AwardsPage
from ui.counts.page import CountsPage
from ui.dues.page import DuesPage
from ui.help import GuideDialog
from ui.home.page import HomePage
from ui.inspections.page import InspectionsPage
from ui.meetings.page import MeetingsPage
from ui.members.page import MembersPage
from ui.orgs.page import OrgsPage
from ui.page import Page
from ui.programme.page import ProgrammePage
from ui.ratings.page import RatingsPage
from ui.reports.page import ReportsPage
from ui.returns.page import ReturnsPage
from ui.storage import backup_by_hand, backup_folder, choose_backup_folder, restore_by_hand
from ui.users.dialogs import ChangePasswordDialog
from ui.users.office_form import OfficeDialog
from ui.users.page import UsersPage
from ui.users.server_dialog import ServerDialog
from ui.widgets.buttons import confirm, inform
from ui.widgets.screen import fit_to_screen

# In the order of the sidebar (Ctrl+1 … Ctrl+9).
PAGES: list[type[Page]] = [HomePage, OrgsPage, MembersPage, AdmissionsPage, MeetingsPage, InspectionsPage,
                           RatingsPage, AwardsPage, CountsPage, ProgrammePage, ReportsPage, ReturnsPage,
                           DuesPage]
ADMIN_PAGES: list[type[Page]] = [UsersPage, AuditPage]
FOLLOW_MS = 60_000  # how often a window in front looks for what other clerks saved

SIDEBAR_STYLE = """
QListWidget { background: #8b1a1a; color: #fff; border: none; font-size: 14px; }
QListWidget::item { padding: 10px 14px; }
QListWidget::item:selected { background: #b22222; color: #fff; border-left: 4px solid #ffd54f; }
QListWidget::item:hover:!selected { background: #9e2424; }
"""


def program_version() -> str:
    try:
        return metadata.version("dangvu")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "chưa cài đặt (chạy từ mã nguồn)"


def about_text(db_path: Path) -> str:
    return ("Đảng vụ — quản lý tổ chức đảng, đảng viên và báo cáo của Văn phòng "
            "Đảng ủy Khối các cơ quan tỉnh.\n\n"
            f"Phiên bản: {program_version()}\n"
            f"Tệp dữ liệu: {db_path}\n"
            f"Thư mục sao lưu: {backup_folder(db_path)}")


class MainWindow(QMainWindow):
    closed = Signal()

    def __init__(self, db_path: Path, actor: Actor):
        super().__init__()
        self.db_path = db_path
        self.actor = actor
        self.signed_out = False
        # Ends with the program's name: Qt adds it to any title that does not.
        self.setWindowTitle(f"{db_path.name} — {actor.full_name} — Đảng vụ")
        self.page_classes: list[type[Page]] = list(PAGES)
        if actor.may(MANAGE_USERS):
            self.page_classes += ADMIN_PAGES
        self.built: dict[int, Page] = {}  # pages are built the first time they are opened

        self.sidebar = QListWidget()
        self.sidebar.setStyleSheet(SIDEBAR_STYLE)
        self.sidebar.setFixedWidth(205)
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sidebar.setIconSize(QSize(0, 0))
        # Pages change by click or Ctrl+number only: a focused list would switch pages on the
        # first letter typed ("nguyen" → "Người dùng").
        self.sidebar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.stack = QStackedWidget()
        for page_class in self.page_classes:
            QListWidgetItem(page_class.title, self.sidebar)
            self.stack.addWidget(QWidget())  # stands in until the page is first opened
        self.sidebar.currentRowChanged.connect(self.show_page)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._menus()
        self.statusBar().addPermanentWidget(
            QLabel(f"Người dùng: {actor.full_name} ({ROLES[actor.role]})   ·   Dữ liệu: {db_path}"))

        fit_to_screen(self, 1280, 800)  # the first time; afterwards the clerk's own size
        geometry = settings.WINDOW_GEOMETRY.get()
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        self.sidebar.setCurrentRow(0)  # the home page: what needs attention today comes first
        self._seen_trail = last_hash()
        QApplication.instance().applicationStateChanged.connect(self.came_back)
        # A window left in front for hours also follows, once a minute, between dialogs.
        self._follow = QTimer(self, interval=FOLLOW_MS)
        self._follow.timeout.connect(self._follow_others)
        self._follow.start()
        self._sitting = self._open_sitting()

    def _open_sitting(self) -> bool:
        """The clerk signed in here: commands with the same account on this data need no password
        while the window is open (models/accounts/sittings.py). Without it they ask as before."""
        if self.actor.user_id is None:
            return False
        try:
            open_sitting(self.actor)
        except (ValidationError, OSError):
            return False
        return True

    def _follow_others(self) -> None:
        if QApplication.applicationState() == Qt.ApplicationState.ApplicationActive \
                and QApplication.activeModalWidget() is None:
            self.came_back(Qt.ApplicationState.ApplicationActive)

    def came_back(self, state: Qt.ApplicationState) -> None:
        """Back to the window: what other clerks (another workstation on the server, a command)
        saved meanwhile is shown. The trail's head says whether anything was saved at all."""
        if state != Qt.ApplicationState.ApplicationActive:
            return
        head = last_hash()
        if head == self._seen_trail:
            return
        self._seen_trail = head
        current = self.stack.currentWidget()
        for page in self.pages:
            if not page.has_unsaved_changes():  # a clerk's typing is never reloaded away
                page.records_changed()
        if isinstance(current, Page) and not current.has_unsaved_changes():
            current.on_shown()

    @property
    def pages(self) -> list[Page]:
        return [self.built[index] for index in sorted(self.built)]

    def page(self, page_class: type[Page]) -> Page:
        """The page of that kind, built now if it has not been opened yet."""
        return self._built(self.page_classes.index(page_class))

    def _built(self, index: int) -> Page:
        if index not in self.built:
            page = self.page_classes[index]()
            for bar in page.findChildren(QToolBar):  # toolbar buttons in the Tab order too
                for button in bar.findChildren(QToolButton):
                    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            page.changed.connect(lambda source=page: self._records_changed(source))
            if isinstance(page, HomePage):
                page.go_to.connect(self.open_area)
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.built[index] = page
        return self.built[index]

    def show_page(self, index: int) -> None:
        if not 0 <= index < len(self.page_classes):
            return
        leaving = self.stack.currentWidget()
        if isinstance(leaving, Page) and self.stack.currentIndex() != index and leaving.has_unsaved_changes():
            question = f"{leaving.title}: có thay đổi chưa được lưu. Rời trang này và bỏ những thay đổi đó?"
            if not confirm(self, "Chưa lưu", question, yes="Bỏ thay đổi"):
                self.sidebar.blockSignals(True)  # back to the page being left, its typing kept
                self.sidebar.setCurrentRow(self.stack.currentIndex())
                self.sidebar.blockSignals(False)
                return
            leaving.discard_changes()
        page = self._built(index)
        self.stack.setCurrentIndex(index)
        page.on_shown()
        page.focus_main_control()

    def open_area(self, area: str, part: str = "") -> None:
        """A line of the home page opens the page that deals with it, at the list it is about."""
        pages = {"admissions": AdmissionsPage, "meetings": MeetingsPage, "awards": AwardsPage,
                 "programme": ProgrammePage, "returns": ReturnsPage}
        if pages.get(area) in self.page_classes:
            self.sidebar.setCurrentRow(self.page_classes.index(pages[area]))
            if part and self.stack.currentWidget() is self.page(pages[area]):
                self.page(pages[area]).show_part(part)

    def _records_changed(self, source: Page) -> None:
        for page in self.pages:
            if page is not source:
                page.records_changed()

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu("&Tệp")
        backup = QAction("Sao lưu dữ liệu…", self, shortcut=QKeySequence("Ctrl+Shift+S"))
        backup.triggered.connect(lambda: backup_by_hand(self, self.db_path))
        backup.setEnabled(self.actor.may(BACKUP))
        restore = QAction("Khôi phục từ bản sao lưu…", self)
        restore.triggered.connect(self._restore)
        restore.setEnabled(self.actor.may(RESTORE))
        folder = QAction("Thư mục sao lưu tự động…", self)
        folder.triggered.connect(lambda: choose_backup_folder(self, self.db_path))
        folder.setEnabled(self.actor.may(CHANGE_SETTINGS))
        office = QAction("Thông tin cơ quan trên văn bản…", self)
        office.triggered.connect(lambda: OfficeDialog(self).exec())
        office.setEnabled(self.actor.may(CHANGE_SETTINGS))
        server = QAction("Kết nối máy chủ dữ liệu…", self)
        server.triggered.connect(lambda: ServerDialog.choose(
            self.db_path if isinstance(self.db_path, Server) else None, self))
        server.setEnabled(self.actor.may(CHANGE_SETTINGS))
        for action in (backup, restore, folder, office, server):
            file_menu.addAction(action)
        file_menu.addSeparator()
        quit_action = QAction("Thoát", self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        go_menu = self.menuBar().addMenu("&Xem")
        for number, page_class in enumerate(self.page_classes, start=1):
            action = QAction(page_class.title, self)
            if number <= 9:
                action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, row=number - 1: self.sidebar.setCurrentRow(row))
            go_menu.addAction(action)
        go_menu.addSeparator()
        find = QAction("Tìm trên trang này", self, shortcut=QKeySequence.StandardKey.Find)
        find.triggered.connect(lambda: self.stack.currentWidget().focus_search())
        go_menu.addAction(find)
        account_menu = self.menuBar().addMenu("Tài &khoản")
        if self.actor.user_id is not None:
            password = QAction("Đổi mật khẩu…", self)
            password.triggered.connect(lambda: ChangePasswordDialog.ask(
                self.actor.user_id, self.actor.username, own=True, parent=self))
            account_menu.addAction(password)
        sign_out = QAction("Đăng xuất / đổi người dùng", self, shortcut=QKeySequence("Ctrl+Shift+L"))
        sign_out.triggered.connect(self.sign_out)
        account_menu.addAction(sign_out)
        help_menu = self.menuBar().addMenu("Trợ &giúp")
        guide = QAction("Hướng dẫn sử dụng", self, shortcut=QKeySequence.StandardKey.HelpContents)
        guide.triggered.connect(self.show_guide)
        help_menu.addAction(guide)
        about = QAction("Giới thiệu Đảng vụ", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def show_guide(self) -> GuideDialog:
        """F1: the guide, at the section of the page on screen."""
        page = self.stack.currentWidget()
        dialog = GuideDialog(type(page).__module__.split(".")[1], self)
        dialog.show()
        return dialog

    def _about(self) -> None:
        inform(self, "Giới thiệu Đảng vụ", about_text(self.db_path))

    def _unsaved_pages(self) -> list[Page]:
        return [page for page in self.pages if page.has_unsaved_changes()]

    def _restore(self) -> None:
        unsaved = self._unsaved_pages()
        if unsaved and not confirm(
                self, "Chưa lưu", f"{unsaved[0].title}: có thay đổi chưa được lưu. Vẫn khôi phục?",
                yes="Khôi phục"):
            return
        if restore_by_hand(self, self.db_path):
            for page in unsaved:
                page.discard_changes()
            self.sign_out()

    def sign_out(self) -> None:
        """Close the window; the application asks who signs in next."""
        self.signed_out = True
        self.close()

    def closeEvent(self, event) -> None:
        unsaved = self._unsaved_pages()
        if unsaved and not confirm(
            self, "Chưa lưu",
            f"{unsaved[0].title}: có thay đổi chưa được lưu. Đóng và bỏ những thay đổi này?",
            yes="Bỏ thay đổi",
        ):
            event.ignore()
            self.signed_out = False
            return
        for page in unsaved:  # dropped on purpose: no draft of it is offered next time
            page.discard_changes()
        settings.WINDOW_GEOMETRY.set(self.saveGeometry())
        for page in self.pages:
            page.save_layout()
        if self._sitting:
            try:
                end_sitting(self.actor.username)
            except (ValidationError, OSError):
                pass  # it ends with its time
        forget_opened_copies()
        super().closeEvent(event)
        self.closed.emit()



