"""PySide6 user interface. Calls models/ and reports/; never runs SQL itself."""
