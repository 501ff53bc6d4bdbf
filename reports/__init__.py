"""Read-only reports computed from the records (the year-end and half-year reports come here)."""
