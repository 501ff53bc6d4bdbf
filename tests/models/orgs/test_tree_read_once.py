"""While a report's figures are counted the tree is read once; outside that count, and on any
other thread meanwhile, it is read as it stands."""

import threading

from models.core import vocab as v
from models.orgs.changes import create_org
from models.orgs.tables import PartyOrg
from models.orgs.tree import org_rows, tree_read_once


def test_the_tree_is_read_once_within_the_count_only(bloc_tree, monkeypatch):
    reads = []
    real = PartyOrg.select
    monkeypatch.setattr(PartyOrg, "select", classmethod(lambda cls, *a: reads.append(1) or real(*a)))
    with tree_read_once():
        first = org_rows()
        with tree_read_once():  # nested: the same reading
            assert org_rows() == first
        seen_elsewhere = []
        worker = threading.Thread(target=lambda: seen_elsewhere.append(len(org_rows())))
        worker.start()
        worker.join()
    assert len(reads) == 2  # one here, one on the other thread
    create_org(name="Chi bộ Mới", level=v.CBTT, parent_id=bloc_tree["base"].id)
    assert len(org_rows()) == len(first) + 1 == seen_elsewhere[0] + 1
