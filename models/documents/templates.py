"""The office's wording of the documents it prints from records (DOMAIN §12): the grounds
("- Căn cứ …"), the articles or body lines, and the recipients, with {placeholders} filled from
the record. The rules in force change, so the office edits them once in the app; each change
is a new version, kept and audited. Until the office edits a kind, the defaults below apply."""

import re
from dataclasses import dataclass
from datetime import date

from models.accounts import session
from models.accounts.audit import log_insert
from models.core.dates import fmt_date
from models.core.db import database
from models.core.errors import ValidationError
from models.core.text import clean_multiline
from models.documents.facts import placeholders_of
from models.documents.tables import DocumentTemplate

_CHARTER = "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;"
_RULES = ("- Căn cứ Quy định số 232-QĐ/TW, ngày 20/01/2025 của Ban Chấp hành Trung ương về thi hành "
          "Điều lệ Đảng;")
# The rules they replaced (DOMAIN: QĐ 24 → QĐ 232 in 2025, QĐ 22 → QĐ 296 in 2025): a paper
# dated before the newer rule cites the older (reported: a decision of 06/01/2025 cited QĐ 232
# of 20/01/2025).
_RULES_2021 = ("- Căn cứ Quy định số 24-QĐ/TW, ngày 30/07/2021 của Ban Chấp hành Trung ương về thi hành "
               "Điều lệ Đảng;")
_INSPECTION_2021 = ("- Căn cứ Quy định số 22-QĐ/TW, ngày 28/07/2021 của Ban Chấp hành Trung ương về công tác "
                    "kiểm tra, giám sát và kỷ luật của Đảng;")
_INSPECTION_2025 = ("- Căn cứ Quy định số 296-QĐ/TW, ngày 30/05/2025 của Ban Chấp hành Trung ương về "
                    "công tác kiểm tra, giám sát và kỷ luật của Đảng;")
_MEMBER_GUIDE = ("- Căn cứ Hướng dẫn số 12-HD/BTCTW, ngày 18/01/2022 của Ban Tổ chức Trung ương hướng dẫn "
                 "một số vấn đề cụ thể về nghiệp vụ công tác đảng viên;")
_WORKING_RULES = "- Căn cứ Quy chế làm việc của Ban Chấp hành {đảng bộ khối};"
_CARRY_OUT = ("Điều 3. Văn phòng Đảng ủy, Ban Tổ chức Đảng ủy, {tổ chức thi hành} và {người có tên} "
              "chịu trách nhiệm thi hành Quyết định này.")
# Wording of the defaults before each organisation had one full name, and what reads in its
# place: a version the office saved from those defaults prints the name once too.
NAMED_ONCE = {"{đảng bộ cơ sở}, {chi bộ} và {người có tên}": "{tổ chức thi hành} và {người có tên}",
              "sinh hoạt tại {chi bộ}, {đảng bộ cơ sở}": "sinh hoạt tại {nơi sinh hoạt}",
              "Vào Đảng ngày {ngày vào Đảng}, chính thức ngày {ngày chính thức}; số thẻ đảng viên {số thẻ};":
              "{vào Đảng};"}
_LEAD_RECIPIENTS = "Ban Tổ chức Tỉnh ủy (báo cáo)\n{đảng bộ cơ sở}\nNhư Điều 3\nLưu Văn phòng Đảng ủy"


CITED_DAY = re.compile(r"ngày\s+(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})")


@dataclass(frozen=True)
class Template:
    kind: str
    version: int  # 0: the default, never edited
    grounds: str
    articles: str
    recipients: str

    def lines(self, part: str) -> list[str]:
        return [line.strip() for line in getattr(self, part).splitlines() if line.strip()]

    @property
    def in_force_from(self) -> date | None:
        """The day the newest ground it cites was issued ("…, ngày 20/01/2025 …"): the wording
        cannot stand on a paper dated before it. None: no dated ground."""
        days = []
        for match in CITED_DAY.finditer(self.grounds):
            try:
                days.append(date(int(match.group(3)), int(match.group(2)), int(match.group(1))))
            except ValueError:
                continue
        return max(days, default=None)


DEFAULTS = {
    "ket-nap": Template("ket-nap", 0, "\n".join([
        _CHARTER, _RULES, _MEMBER_GUIDE, _WORKING_RULES,
        "- Xét đề nghị của {đảng bộ cơ sở} và Ban Tổ chức Đảng ủy,"]), "\n".join([
        "Điều 1. Kết nạp {người nhận} vào Đảng Cộng sản Việt Nam.",
        "Điều 2. Thời gian dự bị 12 tháng, kể từ ngày chi bộ tổ chức lễ kết nạp. {chi bộ} tổ chức lễ kết "
        "nạp trong thời hạn 30 ngày làm việc kể từ ngày nhận được Quyết định, phân công đảng viên chính "
        "thức giúp đỡ đảng viên dự bị.",
        _CARRY_OUT]), _LEAD_RECIPIENTS),
    "chinh-thuc": Template("chinh-thuc", 0, "\n".join([
        _CHARTER, _RULES, _MEMBER_GUIDE, _WORKING_RULES,
        "- Xét đề nghị của {đảng bộ cơ sở} và Ban Tổ chức Đảng ủy,"]), "\n".join([
        "Điều 1. Công nhận {người nhận} là đảng viên chính thức, kể từ ngày {ngày chính thức}.",
        "Điều 2. Tuổi đảng của đảng viên tính từ ngày ký quyết định kết nạp ({ngày quyết định kết nạp}), "
        "trừ thời gian không tham gia sinh hoạt đảng.",
        _CARRY_OUT]), _LEAD_RECIPIENTS),
    "ky-luat": Template("ky-luat", 0, "\n".join([
        _CHARTER, _RULES, _INSPECTION_2025, _WORKING_RULES,
        "- Xét đề nghị của Ủy ban Kiểm tra Đảng ủy Khối,"]), "\n".join([
        "Điều 1. Thi hành kỷ luật bằng hình thức {hình thức kỷ luật} đối với {người nhận}, vì đã có vi "
        "phạm: {vi phạm}.",
        "Điều 2. Quyết định có hiệu lực kể từ ngày {ngày hiệu lực}.",
        _CARRY_OUT]),
        "Ủy ban Kiểm tra Tỉnh ủy (báo cáo)\n{đảng bộ cơ sở}\nNhư Điều 3\nLưu Văn phòng Đảng ủy"),
    "ky-luat-ubkt": Template("ky-luat-ubkt", 0, "\n".join([
        _CHARTER, _RULES, _INSPECTION_2025,
        "- Căn cứ Quy chế làm việc của Ủy ban Kiểm tra {đảng ủy khối};",
        "- Xét báo cáo kết quả kiểm tra và đề nghị của cán bộ kiểm tra,"]), "\n".join([
        "Điều 1. Thi hành kỷ luật bằng hình thức {hình thức kỷ luật} đối với {người nhận}, vì đã có vi "
        "phạm: {vi phạm}.",
        "Điều 2. Quyết định có hiệu lực kể từ ngày {ngày hiệu lực}.",
        "Điều 3. {tổ chức thi hành} và {người có tên} chịu trách nhiệm thi hành Quyết định này."]),
        "Ban Thường vụ Đảng ủy Khối (báo cáo)\n{đảng bộ cơ sở}\nNhư Điều 3\nLưu Ủy ban Kiểm tra"),
    "khen-thuong": Template("khen-thuong", 0, "\n".join([
        _CHARTER, _WORKING_RULES,
        "- Xét đề nghị của Ban Tổ chức Đảng ủy,"]), "\n".join([
        "Điều 1. Tặng Giấy khen cho {được khen} (có danh sách kèm theo) đã đạt thành tích “{thành tích}”.",
        "Điều 2. Văn phòng Đảng ủy, Ban Tổ chức Đảng ủy, các tổ chức cơ sở đảng và các tập thể, cá nhân "
        "có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này."]),
        "Ban Tổ chức Tỉnh ủy (báo cáo)\nNhư Điều 2\nLưu Văn phòng Đảng ủy"),
    "giay-khen": Template("giay-khen", 0, "", "\n".join([
        "Đã đạt thành tích “{thành tích}”.",
        "Quyết định số {số quyết định}, ngày {ngày quyết định}."]), ""),
    "huy-hieu": Template("huy-hieu", 0, "\n".join([
        "- Căn cứ Quy định của Ban Bí thư về xét tặng Huy hiệu Đảng;",
        "- Căn cứ Hướng dẫn của Ban Tổ chức Trung ương về xét tặng Huy hiệu Đảng;"]), "\n".join([
        "Ban Thường vụ {đảng ủy khối} đã xét và thấy {số đảng viên} đồng chí đủ tiêu chuẩn tặng Huy hiệu "
        "Đảng đợt {đợt} (có danh sách kèm theo).",
        "Ban Thường vụ {đảng ủy khối} kính đề nghị Ban Thường vụ Tỉnh ủy xem xét, tặng Huy hiệu Đảng cho "
        "các đồng chí có tên trong danh sách."]),
        "Ban Thường vụ Tỉnh ủy\nBan Tổ chức Tỉnh ủy\nLưu Văn phòng Đảng ủy"),
    "gioi-thieu": Template("gioi-thieu", 0, "", "\n".join([
        "Ban Thường vụ {đảng ủy khối} trân trọng giới thiệu đồng chí {họ và tên}, sinh ngày {ngày sinh}, "
        "quê quán {quê quán}.",
        "{vào Đảng}; là {đảng viên chính thức hay dự bị}, sinh hoạt tại {nơi sinh hoạt}.",
        "Được chuyển sinh hoạt đảng đến {nơi chuyển đến} kể từ ngày {ngày chuyển}.",
        "Đề nghị {nơi chuyển đến} tiếp nhận và quản lý, giáo dục đảng viên theo quy định. Giấy giới thiệu "
        "có giá trị đến hết ngày {hạn giấy giới thiệu}."]), "{nơi chuyển đến}\nLưu Văn phòng Đảng ủy"),
}


def _with_grounds(template: Template, older: dict[str, str]) -> Template:
    grounds = template.grounds
    for newer, old in older.items():
        grounds = grounds.replace(newer, old)
    return Template(template.kind, template.version, grounds, template.articles, template.recipients)


# The defaults as the rules stood before, for papers dated then; the newest last.
_BEFORE_2025 = {_RULES: _RULES_2021, _INSPECTION_2025: _INSPECTION_2021}
DEFAULT_VERSIONS = {kind: ([_with_grounds(template, _BEFORE_2025)]
                           if any(newer in template.grounds for newer in _BEFORE_2025) else []) + [template]
                    for kind, template in DEFAULTS.items()}
KIND_NAMES = {
    "ket-nap": "Quyết định kết nạp đảng viên",
    "chinh-thuc": "Quyết định công nhận đảng viên chính thức",
    "gioi-thieu": "Giấy giới thiệu sinh hoạt đảng",
    "ky-luat": "Quyết định thi hành kỷ luật",
    "ky-luat-ubkt": "Quyết định thi hành kỷ luật của Ủy ban Kiểm tra",
    "khen-thuong": "Quyết định khen thưởng",
    "giay-khen": "Giấy khen",
    "huy-hieu": "Tờ trình đề nghị tặng Huy hiệu Đảng",
}
PARTS = {"grounds": "Căn cứ", "articles": "Các điều, nội dung", "recipients": "Nơi nhận"}
PLACEHOLDER = re.compile(r"\{([^{}\n]+)\}")
PART_MAX = 8_000  # characters of one part of a template: several pages of grounds or articles
PLACEHOLDERS_MAX = 60  # places to fill in one part


def _office_versions(kind: str) -> list[Template]:
    rows = DocumentTemplate.select().where(DocumentTemplate.kind == kind).order_by(DocumentTemplate.version)
    return [Template(kind, row.version, *(_named_once(text) for text in (row.grounds, row.articles,
                                                                          row.recipients))) for row in rows]


def template_for(kind: str, on: date | None = None) -> Template:
    """The wording for a paper dated `on`: of the versions whose grounds were all issued by then
    (the defaults and the office's own), the one in force latest, the office's newest on a tie.
    Without `on`: the office's latest version, or the newest default (for editing). Refused
    where no version's grounds had been issued by that day."""
    if kind not in DEFAULTS:
        raise ValidationError("kind", "Loại văn bản không có mẫu.")
    office = _office_versions(kind)
    if on is None:
        return office[-1] if office else DEFAULTS[kind]
    versions = DEFAULT_VERSIONS[kind] + office
    candidates = [t for t in versions if t.in_force_from is None or t.in_force_from <= on]
    if not candidates:
        oldest = min(t.in_force_from for t in versions)
        raise ValidationError("date", f"Mẫu “{KIND_NAMES[kind]}” dẫn căn cứ ban hành từ ngày "
                                      f"{fmt_date(oldest)}, sau ngày của văn bản ({fmt_date(on)}): hãy thêm "
                                      "một mẫu dẫn các căn cứ có hiệu lực khi đó (Báo cáo › Mẫu văn bản), "
                                      "hoặc sửa ngày ban hành (ngày quyết định đã ghi trên hồ sơ thì sửa "
                                      "trên hồ sơ).")
    return max(candidates, key=lambda t: (t.in_force_from or date.min, t.version))


def _named_once(text: str) -> str:
    for before, after in NAMED_ONCE.items():
        text = text.replace(before, after)
    return text


def save_template(kind: str, grounds: str, articles: str, recipients: str) -> Template:
    """A new version of the kind's wording. A placeholder no record of the kind fills is refused
    here rather than stopping a print later."""
    session.require(session.CHANGE_SETTINGS)
    if kind not in DEFAULTS:
        raise ValidationError("kind", "Loại văn bản không có mẫu.")
    # A paper is a page or two: a 260 kB template of 20,000 placeholders was accepted and
    # printing from it ran for over 21 minutes.
    for part, text in (("grounds", grounds), ("articles", articles), ("recipients", recipients)):
        if len(text or "") > PART_MAX:
            raise ValidationError(part, f"{PARTS[part]}: dài quá {PART_MAX:,} ký tự.".replace(",", "."))
        if len(PLACEHOLDER.findall(text or "")) > PLACEHOLDERS_MAX:
            raise ValidationError(part, f"{PARTS[part]}: quá {PLACEHOLDERS_MAX} chỗ điền {{…}}.")
    texts = {"grounds": clean_multiline(grounds), "articles": clean_multiline(articles),
             "recipients": clean_multiline(recipients)}
    if not texts["articles"]:
        raise ValidationError("articles", "Nhập nội dung của văn bản.")
    known = placeholders_of(kind)
    for part, text in texts.items():
        if text.count("{") != text.count("}"):
            raise ValidationError(part, f"{PARTS[part]}: dấu ngoặc {{ }} không khớp nhau.")
        unknown = sorted({name for name in PLACEHOLDER.findall(text) if name not in known})
        if unknown:
            raise ValidationError(part, f"{PARTS[part]}: không có chỗ điền “{{{unknown[0]}}}” trong hồ sơ. "
                                        f"Dùng một trong: {', '.join('{' + n + '}' for n in sorted(known))}.")
    current = template_for(kind)
    if (current.grounds, current.articles, current.recipients) == tuple(texts.values()):
        return current
    with database.atomic():
        row = DocumentTemplate.create(kind=kind, version=current.version + 1, **texts)
        log_insert(row)
    return template_for(kind)


def template_versions(kind: str) -> list[tuple[int, object]]:
    """(version, saved at) of the office's versions of the kind, newest first."""
    return list(DocumentTemplate.select(DocumentTemplate.version, DocumentTemplate.created_at)
                .where(DocumentTemplate.kind == kind).order_by(DocumentTemplate.version.desc()).tuples())
