"""agenda-tui's terminal side: the Textual app and the command line."""
