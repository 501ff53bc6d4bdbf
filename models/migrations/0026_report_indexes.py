"""Three indexes a report reads instead of the rows, so that the first report of the day (the
file not yet in memory) does not fetch pages from all over it.

- Cell meetings of a period (the returns' known figures): the planner took the index on body
  alone — 99.97% of the meetings are a cell's — and read all 69,000 meetings of the
  100,000-member demo for a year that had none (0.4 s cold). (body, date) finds the period.
- Admissions of a period, counted ten times by a report (targets, the term's progress): the
  events of the period found by date, then each read for its kind. (kind, date, org_after_id)
  answers the count alone.
- A year's member ratings (the rating figures): found by year, then every rating row read for
  its level, 73,000 rows scattered among the trail's pages. (year, member_id, level) holds
  what the figures read.

The indexes on body alone and on year alone go: each is the front of the new one."""

from peewee import Index, Table
from playhouse.migrate import migrate as run


def up(database, migrator):
    meeting, rating = Table("meeting"), Table("member_rating")
    database.execute(Index("meeting_body_date", meeting, [meeting.c.body, meeting.c.date], safe=True))
    columns = [rating.c.year, rating.c.member_id, rating.c.level]
    database.execute(Index("member_rating_year_level", rating, columns, safe=True))
    events = Table("member_event")
    columns = [events.c.kind, events.c.date, events.c.org_after_id]
    database.execute(Index("member_event_kind_date_org_after", events, columns, safe=True))
    for table, name in (("meeting", "meeting_body"), ("member_rating", "memberrating_year")):
        if name in {index.name for index in database.get_indexes(table)}:
            run(migrator.drop_index(table, name))
