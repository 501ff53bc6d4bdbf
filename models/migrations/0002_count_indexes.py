"""Covering indexes for headcounts at a date (models/counts.py): each of its two grouped sums
reads one index instead of scanning and sorting the whole event table."""

from playhouse.migrate import migrate as run


def up(database, migrator):
    run(
        migrator.add_index(
            "member_event", ("counted_after", "org_after_id", "membership_after", "date"), False
        ),
        migrator.add_index(
            "member_event", ("counted_before", "org_before_id", "membership_before", "date"), False
        ),
    )
