"""What every domain shares: the database, errors, text folding and sorting, dates and
working days, the vocabulary of codes, bulk writes and the Excel writer. Its modules are
all public: import the one you need (models.core.dates, models.core.errors …)."""
