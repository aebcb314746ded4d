"""The headless and editor commands behind the command line."""
