"""Looking many values up at once (an import's identifiers against the registry)."""

from collections.abc import Iterator

CHUNK = 500  # values per IN list: far below SQLite's and PostgreSQL's limits on parameters


def looked_up(model, table_rows: int, values: list, column, *others) -> Iterator[tuple]:
    """(value, *others) of the rows of `model` whose `column` is one of `values`. Asked in
    chunks when there are few values for the table's size (`table_rows`); when there are many
    (an import into a new or small file), the column is read whole and the values looked up
    here: compiling 100,000 values into IN lists took longer than reading a registry that size."""
    if not values:
        return
    if len(values) * 4 < table_rows:
        for start in range(0, len(values), CHUNK):
            yield from model.select(column, *others).where(column.in_(values[start:start + CHUNK])).tuples()
        return
    wanted = set(values)
    for found in model.select(column, *others).where(column.is_null(False)).tuples().iterator():
        if found[0] in wanted:
            yield found
