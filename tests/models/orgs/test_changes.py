"""Many organisations made at once (an import's missing cells) are checked as one made alone
is, go in whole or not at all, and leave a trail `check` replays."""

import pytest

from models.accounts.tables import AuditEntry
from models.core import vocab as v
from models.core.errors import ValidationError
from models.orgs.changes import create_org, create_orgs
from models.orgs.tables import PartyOrg
from models.storage.trail_replay import trail_problems


@pytest.mark.parametrize("batch, field", [
    ([{"name": "Chi bộ Phòng Thuế", "level": v.CBTT},
      {"name": "CHI BỘ PHÒNG THUẾ", "level": v.CBTT}], "name"),  # twice in the list
    ([{"name": "Chi bộ Phòng Ngân sách", "level": v.CBTT}], "name"),  # already in the tree
    ([{"name": "Chi bộ Phòng Thuế", "level": v.CBTT},
      {"name": "Đảng bộ bộ phận", "level": v.BLOC}], "parent"),  # a level the parent cannot hold
    ([{"name": "Chi bộ Phòng Thuế", "level": v.CBTT}, {"name": "", "level": v.CBTT}], "name"),
])
def test_creating_many_organisations_is_checked_as_one_and_all_or_nothing(bloc_tree, batch, field):
    before = (PartyOrg.select().count(), AuditEntry.select().count())
    with pytest.raises(ValidationError) as refused:
        create_orgs([{**fields, "parent_id": bloc_tree["base"].id} for fields in batch])
    assert refused.value.field == field
    assert (PartyOrg.select().count(), AuditEntry.select().count()) == before


def test_many_organisations_made_at_once_are_audited_and_replay(bloc_tree):
    made = create_orgs([{"name": "Chi bộ Phòng Thuế", "level": v.CBTT, "parent_id": bloc_tree["base"].id},
                        {"name": "Chi bộ Sở Xây dựng", "level": v.CBCS, "parent_id": bloc_tree["bloc"].id,
                         "code": "cb"}])
    stored = [(org.name, org.parent_id, org.code) for org in PartyOrg.select().where(PartyOrg.id.in_(made))]
    assert stored == [("Chi bộ Phòng Thuế", bloc_tree["base"].id, ""),
                      ("Chi bộ Sở Xây dựng", bloc_tree["bloc"].id, "CB")]
    assert trail_problems() == []
    assert create_org(name="Chi bộ Mới", level=v.CBTT, parent_id=bloc_tree["base"].id).id == made[-1] + 1
