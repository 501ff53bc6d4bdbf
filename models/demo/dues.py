"""The demo's dues books: the shares its office set two years back, and each organisation's
quarter taken from its accepted quarterly returns, paid on the day the return came in (the few
that paid half owe the rest)."""

import json
from datetime import date

from models.accounts.audit import insert_logged
from models.core import clock
from models.demo.returns import DEMO_BLOC_KEPT_PERCENT, DEMO_KEPT_PERCENT
from models.dues.books import quarterly_source
from models.dues.tables import DuesEntry, DuesShare
from models.returns import vocab as r
from models.returns.tables import GrassrootsReturn, ReturnRequest

DEMO_RATES = ("Cán bộ, công chức, viên chức, người hưởng lương: 1% tiền lương, phụ cấp",
              "Đảng viên hưởng lương hưu: 0,5% mức lương hưu")


def build_dues(today: date) -> int:
    insert_logged(DuesShare, [{"valid_from": date(today.year - 2, 1, 1), "kept_percent": DEMO_KEPT_PERCENT,
                               "bloc_kept_percent": DEMO_BLOC_KEPT_PERCENT, "rates": "\n".join(DEMO_RATES),
                               "note": ""}])
    returns = (GrassrootsReturn.select(GrassrootsReturn.org, GrassrootsReturn.received_on,
                                       GrassrootsReturn.figures, ReturnRequest.year, ReturnRequest.period)
               .join(ReturnRequest, on=(GrassrootsReturn.request == ReturnRequest.id))
               .where((GrassrootsReturn.state == r.ACCEPTED) & (ReturnRequest.kind == r.QUARTER))
               .order_by(ReturnRequest.period_start, GrassrootsReturn.org))
    rows = []
    for org_id, received_on, figures, year, quarter in returns.tuples():
        figures = json.loads(figures)
        rows.append({"org": org_id, "year": year, "quarter": quarter, "collected": figures[r.DUES_COLLECTED],
                     "remitted": figures[r.DUES_REMITTED], "remitted_on": received_on,
                     "source": quarterly_source(year, quarter), "note": "",
                     "updated_at": clock.now()})
    insert_logged(DuesEntry, rows)
    return len(rows)
