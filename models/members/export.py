"""The registry to Excel in the layout `import members` reads back: one row per member counted
on the day, with the cell, the đảng bộ bộ phận between (a column only when some cell has one)
and the đảng bộ cơ sở."""

from datetime import date
from pathlib import Path

from models.accounts import session
from models.accounts.office import office_details
from models.core import clock
from models.core import vocab as v
from models.core.excel import write_table
from models.members.columns import LABELS
from models.members.counts import roster_at
from models.members.record import PERSONAL_FIELDS
from models.members.tables import Member
from models.orgs.tree import name_chains, org_rows, scope_ids

COLUMNS = ("full_name", "sex", "birth_date", "admission_date", "full_member_date", "card_number",
           "dossier_number", "identity_number", "org", "parent_org", "ethnicity", "religion", "home_town",
           "residence", "education", "professional_level", "political_theory", "occupation", "party_posts",
           "note")
WIDTHS = [26, 7, 12, 13, 13, 11, 12, 15, 32, 32, 10, 10, 28, 32, 10, 18, 14, 24, 18, 20]
CHUNK = 500


def export_members(path: Path, on: date | None = None) -> int:
    """Returns how many members were written. Identity numbers, home towns and addresses are
    personal data: an account that may not see them on the form does not export them either."""
    session.require(session.READ_RECORDS)
    on = on or clock.today()
    allowed = scope_ids()
    people = roster_at(on, allowed)
    rows = {row.id: row for row in org_rows()}
    chains = name_chains(list(rows.values()))
    personal = session.may(session.VIEW_PERSONAL)
    # A cell's chain: itself, a đảng bộ bộ phận when there is one, its đảng bộ cơ sở.
    units = {org_id: ", ".join(chains[org_id][1:-1]) for org_id in {org for _id, org, _m, _s in people}}
    columns = COLUMNS if not any(units.values()) else (*COLUMNS[:COLUMNS.index("parent_org")], "unit_org",
                                                       *COLUMNS[COLUMNS.index("parent_org"):])
    widths = WIDTHS if columns is COLUMNS else [*WIDTHS[:9], 32, *WIDTHS[9:]]

    stored = [key for key in COLUMNS if key not in ("org", "parent_org")]
    fields = [Member.id, Member.sort_key, *(getattr(Member, key) for key in stored)]

    def records():
        place = {member_id: org for member_id, org, _m, _s in people}
        ids = list(place)
        found = []
        for start in range(0, len(ids), CHUNK):  # plain tuples: 30,000 model objects cost a second
            found.extend(Member.select(*fields).where(Member.id.in_(ids[start:start + CHUNK])).tuples())
        found.sort(key=lambda row: (rows[place[row[0]]].name, row[1]))
        for member_id, _key, *stored_values in found:
            values = dict(zip(stored, stored_values, strict=True))
            org_id = place[member_id]
            chain = chains[org_id]
            values.update(sex=v.SEXES.get(values["sex"], ""), org=rows[org_id].name, unit_org=units[org_id],
                          parent_org=chain[-1] if len(chain) > 1 else "")
            for key in ("card_number", "dossier_number", "identity_number"):
                values[key] = values[key] or ""
            if not personal:  # masked as the member form masks them
                values.update({key: "" for key in PERSONAL_FIELDS})
            yield [values[key] for key in columns]

    office = office_details()
    write_table(path, "DANH SÁCH ĐẢNG VIÊN", f"{office.bloc_name or 'Đảng bộ Khối'} — đến ngày {on:%d/%m/%Y}",
                [LABELS[key] for key in columns], records(), widths)
    return len(people)
