"""An entry written on a whole second is stored without its fraction ("09:30:00", not
"09:30:00.000000"); the walk reads it as the moment it signed (found on 30/09/2027: the
calendar's demo failed `check` from such an entry)."""

from datetime import datetime

import time_machine

from models.accounts.audit import verify_chain
from models.core import vocab as v
from models.orgs.changes import create_org


def test_an_entry_on_a_whole_second_verifies(bloc_tree):
    with time_machine.travel(datetime(2027, 9, 30, 9, 30, 0), tick=False):
        create_org(name="Chi bộ Mới", level=v.CBTT, parent_id=bloc_tree["base"].id)
    assert verify_chain().intact
